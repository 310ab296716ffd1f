import { LIFETIME_RANGE, type RpcParams } from '@pay/anymoney';
import { PayValidationError, parseTimedelta, toDecimalString } from '@pay/core';
import { compareDecimal } from '../../decimal-math.ts';
import { Refusal } from './errors.ts';
import type { Method, Params } from './types.ts';

// The checks of params, each throwing the Refusal AnyMoney answers.

/**
 * The currencies the sandbox knows, with their precision and per-operation limits
 * [sandbox guess: AnyMoney publishes them per merchant through `info.currencies`].
 */
export const CURRENCIES: Record<
  string,
  { precision: number; min: string; max: string; crypto?: true }
> = {
  UAH: { precision: 2, min: '1', max: '1000000' },
  USD: { precision: 2, min: '1', max: '100000' },
  EUR: { precision: 2, min: '1', max: '100000' },
  RUB: { precision: 2, min: '10', max: '5000000' },
  BTC: { precision: 8, min: '0.0001', max: '10', crypto: true },
  ETH: { precision: 8, min: '0.001', max: '100', crypto: true },
  USDT: { precision: 2, min: '1', max: '100000', crypto: true },
};

/**
 * Payment systems the sandbox merchant has, with their type and currencies [sandbox guess]. For
 * payouts every one needs `payee` (the card, wallet or crypto address); none is a cash payway.
 */
export const PAYWAYS: Record<string, { type: string; currencies: readonly string[] }> = {
  card: { type: 'card', currencies: ['UAH', 'USD', 'EUR', 'RUB'] },
  anycash: { type: 'cheque', currencies: ['UAH', 'USD', 'EUR', 'RUB'] },
  btc: { type: 'crypto', currencies: ['BTC'] },
  eth: { type: 'crypto', currencies: ['ETH'] },
  usdt: { type: 'crypto', currencies: ['USDT'] },
  perfect: { type: 'wallet', currencies: ['USD', 'EUR'] },
};

/** Whether decimal `a` is below `b`. */
const isBelow = (a: string, b: string) => compareDecimal(a, b) < 0;

export function currencyParam(params: Params, field: string) {
  const code = params[field] as string;
  const currency = CURRENCIES[code];
  if (!currency) throw new Refusal('EParamCurrencyInvalid', { field, value: code });
  return currency;
}

/**
 * An amount as AnyMoney takes it: a decimal string within the currency's precision and limits,
 * returned canonical. The seed doc writes `"1000,25"`, so a comma is accepted too
 * [sandbox guess: every known integration sends a dot].
 */
export function amountParam(params: Params, field: string, currencyField: string): string {
  const value = params[field] as string;
  const currency = currencyParam(params, currencyField);
  const format = new Refusal('EParamAmountFormatInvalid', { field, value });
  if (!/^\d+(?:[.,]\d+)?$/.test(value)) throw format;
  const amount = toDecimalString(value.replace(',', '.'), { allowZero: true });
  if ((amount.split('.')[1]?.length ?? 0) > currency.precision) throw format;
  if (isBelow(amount, currency.min)) throw new Refusal('EParamAmountTooSmall', { field, value });
  if (isBelow(currency.max, amount)) throw new Refusal('EParamAmountTooBig', { field, value });
  return amount;
}

/** An absolute http(s) URL. Unlike AnyMoney, loopback hosts are fine: test listeners live there. */
export function checkUrl(params: Params, field: string): void {
  const value = params[field];
  if (value === undefined) return;
  const valid =
    URL.canParse(value as string) && /^https?:$/.test(new URL(value as string).protocol);
  if (!valid) throw new Refusal('EParamFieldInvalid', { field, value });
}

export function checkPayway(params: Params): void {
  const payway = params.payway;
  if (payway !== undefined && !Object.hasOwn(PAYWAYS, payway as string))
    throw new Refusal('EParamPaywayInvalid', { field: 'payway', value: payway });
}

/**
 * An amount of a money-moving order: the currency's precision and minimum, but no per-operation
 * maximum beyond what the balance holds [sandbox guess: AnyMoney's admin_max is for pay-ins].
 */
export function orderAmountParam(params: Params, field: string, currencyField: string): string {
  const value = params[field] as string;
  const currency = currencyParam(params, currencyField);
  const format = new Refusal('EParamAmountFormatInvalid', { field, value });
  if (!/^\d+(?:[.,]\d+)?$/.test(value)) throw format;
  const amount = toDecimalString(value.replace(',', '.'), { allowZero: true });
  if ((amount.split('.')[1]?.length ?? 0) > currency.precision) throw format;
  if (isBelow(amount, currency.min)) throw new Refusal('EParamAmountTooSmall', { field, value });
  return amount;
}

/** `amount` cut down to `precision` decimals (a converted amount in the target currency). */
export function truncateAmount(amount: string, precision: number): string {
  const [whole = '0', fraction = ''] = amount.split('.');
  const kept = fraction.slice(0, precision).replace(/0+$/, '');
  return kept ? `${whole}.${kept}` : whole;
}

/** `client_email`, when given: an e-mail address. */
export function checkEmail(params: Params): void {
  const email = params.client_email;
  if (email !== undefined && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email as string))
    throw new Refusal('EParamFieldInvalid', { field: 'client_email', value: email });
}

/** `merchant_payfee`, when given: the merchant's share of the fee, from 0 to 1, 2 decimals. */
export function checkPayfee(params: Params): void {
  const payfee = params.merchant_payfee;
  if (payfee !== undefined && !/^(?:0(?:[.,]\d{1,2})?|1(?:[.,]0{1,2})?)$/.test(payfee as string))
    throw new Refusal('EParamFieldInvalid', { field: 'merchant_payfee', value: payfee });
}

/** `lifetime` in ms: a timedelta (`1d12h`, bare seconds) from 1 h to 7 d; default 7 d. */
export function lifetimeParam(params: Params): number {
  const value = params.lifetime as string | undefined;
  if (value === undefined) return LIFETIME_RANGE.max;
  let lifetime: number;
  try {
    lifetime = parseTimedelta(value, 'lifetime');
  } catch (error) {
    if (!PayValidationError.isInstance(error)) throw error;
    throw new Refusal('EParamPeriodInvalid', { field: 'lifetime', value });
  }
  if (lifetime < LIFETIME_RANGE.min)
    throw new Refusal('EParamPeriodTooShort', { field: 'lifetime', value });
  if (lifetime > LIFETIME_RANGE.max)
    throw new Refusal('EParamPeriodTooLong', { field: 'lifetime', value });
  return lifetime;
}

/** A whole-number param of a list method within `[min, max]`, or its default. */
export function wholeParam(
  params: Params,
  field: string,
  fallback: number,
  min: number,
  max: number,
) {
  const value = params[field] as string | undefined;
  if (value === undefined) return fallback;
  // A number beyond what AnyMoney's integer type holds is a type error (observed on `first`).
  if (/^\d+$/.test(value) && !Number.isSafeInteger(Number(value)))
    throw new Refusal('EParamType', { field });
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    const reason = `Should be a whole number from ${min} to ${max}`;
    throw new Refusal('EParamInvalid', { field, value, reason });
  }
  return Number(value);
}

/** `externalid`: the merchant's order id, not empty (seed doc, `invoice.get` errors). */
export function externalIdParam(params: Params): string {
  const externalid = params.externalid as string;
  if (externalid === '')
    throw new Refusal('EParamInvalid', { field: 'externalid', reason: 'Should not be empty' });
  return externalid;
}

/** Params as the method takes them: nothing undeclared, the right types, the required present. */
export function checkParams(method: Method, params: RpcParams): Params {
  const checked: Params = {};
  for (const [field, value] of Object.entries(params)) {
    const declared = method.params[field];
    if (!declared) throw new Refusal('EParamInvalid', { field, reason: 'Should not be provided' });
    if (value === null) continue; // null asks for the default
    if (typeof value !== (declared.boolean ? 'boolean' : 'string'))
      throw new Refusal('EParamType', { field, value });
    checked[field] = value;
  }
  // [sandbox guess] The reason text; "Should not be provided" is the observed opposite.
  for (const [field, { required }] of Object.entries(method.params)) {
    if (required && checked[field] === undefined)
      throw new Refusal('EParamInvalid', { field, reason: 'Should be provided' });
  }
  return checked;
}

import { amountOutput, type RequestOptions } from '@pay/core';
import * as v from 'valibot';
import { currency, text } from './anymoney-fields.ts';
import { resultFields } from './anymoney-results.ts';
import { noParams, type Rpc } from './anymoney-rpc.ts';

// The merchant's own state: balances, payways and the currencies enabled in them.

const { amount, flag, optional } = resultFields;

const currencyFilterSchema = v.optional(v.strictObject({ curr: v.optional(currency()) }), {});
const paywaySchema = v.strictObject({ payway: text() });
const switchSchema = v.strictObject({
  curr: currency(),
  /** `true` activates, `false` deactivates. */
  is_active: v.boolean(),
  /** `true`: outgoing payments; `false` (AnyMoney's default): incoming. */
  is_out: v.optional(v.boolean()),
  payway: text(),
});

/** `balance`: `{ "<CURR>": "<amount>" }`. */
const balancesSchema = v.record(v.string(), amountOutput());
/** `total_balance` (current docs only; shape from the docs' field list). */
const totalBalanceSchema = v.looseObject({
  total_balance: amount(),
  total_hold: amount(),
  avail_balance: amount(),
  hold_amount: amount(),
  roll_amount: amount(),
});
/** `payway.list`: payway name → its flags, type and per-currency fees and limits. */
const paywayListSchema = v.record(
  v.string(),
  v.looseObject({
    active_in_system: flag(),
    active_for_merchant: flag(),
    is_public: flag(),
    payin_allowed: flag(),
    /** `sci`, `crypto`, `cheque` or `cash`. */
    tp: optional(v.string()),
  }),
);
/** `payway.activate` / `payway.deactivate`. */
const paywayStateSchema = v.looseObject({
  is_active: flag(),
  m_lid: resultFields.scalar(),
  payway: optional(v.string()),
});
/** `pwcurrency.list`: payway name → `in` / `out` currencies with fees and limits. */
const pwcurrencyListSchema = v.record(
  v.string(),
  v.looseObject({
    in: optional(v.unknown()),
    out: optional(v.unknown()),
    order: resultFields.scalar(),
    type: optional(v.string()),
  }),
);
/** `pwcurrency.pwcma_switch`. */
const switchResultSchema = v.looseObject({
  currency: optional(v.string()),
  is_active: flag(),
  merchant_lid: resultFields.scalar(),
  payway: optional(v.string()),
});

/** Params of `balance` and `total_balance`: one currency, or all. */
export type CurrencyFilterParams = v.InferInput<typeof currencyFilterSchema>;
/** Params of `payway.activate` / `payway.deactivate`. */
export type PaywayParams = v.InferInput<typeof paywaySchema>;
/** Params of `pwcurrency.pwcma_switch`. */
export type PwcmaSwitchParams = v.InferInput<typeof switchSchema>;
/** `balance` result: currency → amount. */
export type Balances = v.InferOutput<typeof balancesSchema>;
/** `total_balance` result. */
export type TotalBalance = v.InferOutput<typeof totalBalanceSchema>;
/** `payway.list` result. */
export type PaywayList = v.InferOutput<typeof paywayListSchema>;
/** `payway.activate` / `payway.deactivate` result. */
export type PaywayState = v.InferOutput<typeof paywayStateSchema>;
/** `pwcurrency.list` result. */
export type PwcurrencyList = v.InferOutput<typeof pwcurrencyListSchema>;
/** `pwcurrency.pwcma_switch` result. */
export type PwcmaSwitchResult = v.InferOutput<typeof switchResultSchema>;

/**
 * A method that changes a merchant setting. Never retried.
 * @throws PayValidationError bad params, before any request
 * @throws PayApiError `EParamMerchantInvalid`, `EParamNotFound`, `EParamPaywayInvalid`,
 *   `EParamCurrencyInvalid`, `EStateForbidden`, `EStatePaywayUnavail`
 * @throws PayNetworkError no response: read the state back with the `list` method
 * @throws PayResponseError a response that is not the documented JSON-RPC envelope
 */
export type SettingMethod<TParams, TResult> = (
  params: TParams,
  options?: RequestOptions,
) => Promise<TResult>;

/**
 * A read without required params. Retried on 429/5xx.
 * @throws PayValidationError bad params, before any request
 * @throws PayApiError e.g. `EParamCurrencyInvalid` (unknown `curr`), `EParamNotFound`
 * @throws PayNetworkError no response after the retries
 * @throws PayResponseError a response that is not the documented JSON-RPC envelope
 */
export type ReadMethod<TParams, TResult> = (
  params?: TParams,
  options?: RequestOptions,
) => Promise<TResult>;

/** `balance`, `total_balance`, `payway.*` and `pwcurrency.*`. */
export interface MerchantMethods {
  /** `balance`: the merchant's balances, or one currency's with `curr`. */
  balance: ReadMethod<CurrencyFilterParams, Balances>;
  /** `total_balance` (current docs only): totals, holds and the available balance. */
  totalBalance: ReadMethod<CurrencyFilterParams, TotalBalance>;
  payway: {
    /** `payway.list`: the payways available to the merchant, with fees and limits. */
    list: ReadMethod<Record<string, never>, PaywayList>;
    /** `payway.activate`: enables a public payway for the merchant. */
    activate: SettingMethod<PaywayParams, PaywayState>;
    /** `payway.deactivate`: disables a payway for the merchant. */
    deactivate: SettingMethod<PaywayParams, PaywayState>;
  };
  pwcurrency: {
    /** `pwcurrency.list`: currencies per payway, with fees and limits. */
    list: ReadMethod<Record<string, never>, PwcurrencyList>;
    /** `pwcurrency.pwcma_switch`: enables or disables a currency in a payway. */
    pwcmaSwitch: SettingMethod<PwcmaSwitchParams, PwcmaSwitchResult>;
  };
}

/** Builds the merchant-state methods on a client's RPC sender. */
export function createMerchantMethods(rpc: Rpc): MerchantMethods {
  const read = { idempotent: true };
  return {
    balance: rpc.method('balance', currencyFilterSchema, balancesSchema, read),
    totalBalance: rpc.method('total_balance', currencyFilterSchema, totalBalanceSchema, read),
    payway: {
      list: rpc.method('payway.list', noParams, paywayListSchema, read),
      activate: rpc.method('payway.activate', paywaySchema, paywayStateSchema),
      deactivate: rpc.method('payway.deactivate', paywaySchema, paywayStateSchema),
    },
    pwcurrency: {
      list: rpc.method('pwcurrency.list', noParams, pwcurrencyListSchema, read),
      pwcmaSwitch: rpc.method('pwcurrency.pwcma_switch', switchSchema, switchResultSchema),
    },
  };
}

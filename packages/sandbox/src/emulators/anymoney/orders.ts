import { compareDecimal } from '../../decimal-math.ts';
import type { SandboxInvoice } from '../../invoice-store.ts';
import { addNewInvoice } from '../shared/new-invoice.ts';
import { balanceOf } from './balances.ts';
import { Refusal } from './errors.ts';
import { type MoneyOrderFields, orderOf, typeOf } from './payloads.ts';
import { stateOf } from './state.ts';
import type { AnyMoneyContext, Method, Params } from './types.ts';
import {
  CURRENCIES,
  checkPayway,
  checkUrl,
  currencyParam,
  externalIdParam,
  orderAmountParam,
  PAYWAYS,
  truncateAmount,
} from './validation.ts';

// Payouts, conversions, transfers and codes: the money-moving methods
// (https://docs.any.money/en/payout/ and the 2020 docs' convert/transfer/code pages). Their orders
// live in the invoice store beside invoices (one externalid space per merchant); fees are zero
// and every rate 1:1 [sandbox guess].

const required = { required: true } as const;
const optional = {} as const;
const flag = { boolean: true } as const;

/** The merchant's `lid`, as orders show it (a number). */
export const lidOf = (context: AnyMoneyContext) => Number(context.credentials.merchantId);

/** externalid is unique per merchant across every order type, codes included. */
export function checkUnique(context: AnyMoneyContext, externalid: string): void {
  const taken =
    context.store.get('anymoney', externalid) !== undefined ||
    [...stateOf(context).codes.values()].some((code) => code.externalid === externalid);
  if (taken) throw new Refusal('EParamUnique', { field: 'externalid', value: externalid });
}

/** An order of type `tp` (any type when absent) by the `externalid` param. */
export function orderByExternalId(
  params: Params,
  context: AnyMoneyContext,
  tp?: string,
): SandboxInvoice {
  const externalid = externalIdParam(params);
  const order = context.store.get('anymoney', externalid);
  if (!order || (tp !== undefined && typeOf(order) !== tp))
    throw new Refusal('EParamNotFound', { field: 'externalid', value: externalid });
  return order;
}

/** A payway the merchant has switched on, taking `curr` (in or out) where that is switched on. */
export function checkActivePayway(
  context: AnyMoneyContext,
  payway: string,
  curr: string | undefined,
  direction: 'in' | 'out',
): void {
  const state = stateOf(context);
  if (state.inactivePayways.has(payway))
    throw new Refusal('EStatePaywayInactive', { field: 'payway', value: payway });
  if (curr === undefined) return;
  // [sandbox guess] A currency the payway does not carry: EStateCurrencyUnavail.
  if (!PAYWAYS[payway]?.currencies.includes(curr))
    throw new Refusal('EStateCurrencyUnavail', { field: 'payway', value: payway });
  if (state.inactiveCurrencies.has(`${payway}:${curr}:${direction}`))
    throw new Refusal('EStateCurrencyInactive', { field: 'payway', value: payway });
}

/** Refuses a debit of `amount` of `curr` beyond the balance. */
function checkFunds(context: AnyMoneyContext, curr: string, amount: string): void {
  if (compareDecimal(balanceOf(context, curr), amount) < 0)
    throw new Refusal('EStateInsufficientFunds');
}

/** Stores a new money order (open unless `state` says otherwise). */
function addOrder(
  context: AnyMoneyContext,
  externalid: string,
  fields: Omit<MoneyOrderFields, 'lid' | 'oid'>,
  callbackUrl: string | undefined,
  state: SandboxInvoice['state'] = 'created',
): SandboxInvoice {
  const now = context.now();
  const runtime = stateOf(context);
  runtime.nextOrderNumber += 1;
  const order = addNewInvoice(context, 'anymoney', {
    id: externalid,
    amount: fields.in_amount,
    currency: fields.in_curr,
    createdAt: now,
    expiresAt: undefined,
    callbackUrl,
    fields: { ...fields, lid: lidOf(context), oid: runtime.nextOrderNumber },
  });
  if (state !== 'created') {
    order.state = state;
    order.paidAmount = order.amount;
    order.finalAt = now;
  }
  return order;
}

/** The 1:1 converted amount in `curr`, cut to its precision. */
const converted = (amount: string, curr: string) =>
  truncateAmount(amount, CURRENCIES[curr]?.precision ?? 8);

/** `{account_amount, in_amount, …}` of a calc method, fees zero. */
function calculation(
  inAmount: string,
  outAmount: string,
  origAmount: string,
  sameCurrency: boolean,
) {
  return {
    account_amount: inAmount,
    in_amount: inAmount,
    in_fee_amount: '0',
    orig_amount: origAmount,
    out_amount: outAmount,
    out_fee_amount: '0',
    rate: sameCurrency ? null : ['1', '1'],
  };
}

/** What a payout moves: `amount` in out_curr, taken from in_curr (default out_curr). */
function payoutAmounts(params: Params) {
  const outCurr = params.out_curr as string;
  currencyParam(params, 'out_curr');
  const inCurr = (params.in_curr as string | undefined) ?? outCurr;
  if (params.in_curr !== undefined) currencyParam(params, 'in_curr');
  const amount = orderAmountParam(params, 'amount', 'out_curr');
  // AnyMoney caps a payout at the currency's admin_max.
  if (compareDecimal(CURRENCIES[outCurr]?.max ?? amount, amount) < 0)
    throw new Refusal('EParamAmountTooBig', { field: 'amount', value: params.amount });
  return { inCurr, outCurr, amount, inAmount: converted(amount, inCurr) };
}

/** What a convert moves: exactly one of in_amount / out_amount, 1:1. */
function convertAmounts(params: Params) {
  const inCurr = params.in_curr as string;
  const outCurr = params.out_curr as string;
  currencyParam(params, 'in_curr');
  currencyParam(params, 'out_curr');
  const given = ['in_amount', 'out_amount'].filter((field) => params[field] !== undefined);
  if (given.length !== 1)
    throw new Refusal('EParamInvalid', {
      field: 'in_amount',
      reason: 'Exactly one of in_amount and out_amount should be provided',
    });
  if (inCurr === outCurr) throw new Refusal('EStateExchangeUnavail');
  if (params.in_amount !== undefined) {
    const inAmount = orderAmountParam(params, 'in_amount', 'in_curr');
    return { inCurr, outCurr, inAmount, outAmount: converted(inAmount, outCurr), orig: inAmount };
  }
  const outAmount = orderAmountParam(params, 'out_amount', 'out_curr');
  return { inCurr, outCurr, inAmount: converted(outAmount, inCurr), outAmount, orig: outAmount };
}

/** A transfer's recipient: another merchant's `lid`, digits. */
function targetParam(params: Params, context: AnyMoneyContext): number | undefined {
  const tgt = params.tgt as string | undefined;
  if (tgt === undefined) return undefined;
  if (!/^\d{1,15}$/.test(tgt))
    throw new Refusal('EParamFieldInvalid', { field: 'tgt', value: tgt });
  // [sandbox guess] A transfer to oneself is refused like a bad recipient.
  if (Number(tgt) === lidOf(context))
    throw new Refusal('EParamFieldInvalid', { field: 'tgt', value: tgt, reason: 'Own account' });
  return Number(tgt);
}

export const ORDER_METHODS: Record<string, Method> = {
  'payout.create': {
    params: {
      amount: required,
      externalid: required,
      out_curr: required,
      payway: required,
      callback_url: optional,
      in_curr: optional,
      is_multipay: flag,
      payee: optional,
      contact: optional,
      region: optional,
    },
    run(params, context) {
      const externalid = externalIdParam(params);
      checkPayway(params);
      const { inCurr, outCurr, amount, inAmount } = payoutAmounts(params);
      checkUrl(params, 'callback_url');
      // Every sandbox payway is a card, wallet or crypto one: the payee is its payway field.
      if (params.payee === undefined || params.payee === '')
        throw new Refusal('EParamInvalid', { field: 'payee', reason: 'Should be provided' });
      checkActivePayway(context, params.payway as string, outCurr, 'out');
      checkUnique(context, externalid);
      checkFunds(context, inCurr, inAmount);
      const order = addOrder(
        context,
        externalid,
        {
          tp: 'payout',
          in_curr: inCurr,
          out_curr: outCurr,
          orig_amount: amount,
          in_amount: inAmount,
          out_amount: amount,
          payway: params.payway as string,
          payee: params.payee as string,
          is_multipay: (params.is_multipay as boolean | undefined) ?? true,
        },
        params.callback_url as string | undefined,
      );
      return orderOf(order);
    },
  },

  'payout.calc': {
    params: { amount: required, out_curr: required, payway: required, in_curr: optional },
    run(params) {
      checkPayway(params);
      const { inCurr, outCurr, amount, inAmount } = payoutAmounts(params);
      return calculation(inAmount, amount, amount, inCurr === outCurr);
    },
  },

  'payout.get': {
    params: { externalid: required },
    run: (params, context) => orderOf(orderByExternalId(params, context, 'payout')),
  },

  // Only a payout still `new` can be canceled; its debit comes back.
  'payout.cancel': {
    params: { externalid: required },
    run(params, context) {
      const order = orderByExternalId(params, context, 'payout');
      if (order.state !== 'created') throw new Refusal('EStateForbidden');
      order.state = 'canceled';
      order.finalAt = context.now();
      return orderOf(order);
    },
  },

  'convert.create': {
    params: {
      externalid: required,
      in_curr: required,
      out_curr: required,
      in_amount: optional,
      out_amount: optional,
      callback_url: optional,
    },
    run(params, context) {
      const externalid = externalIdParam(params);
      const { inCurr, outCurr, inAmount, outAmount, orig } = convertAmounts(params);
      checkUrl(params, 'callback_url');
      checkUnique(context, externalid);
      checkFunds(context, inCurr, inAmount);
      const order = addOrder(
        context,
        externalid,
        {
          tp: 'convert',
          in_curr: inCurr,
          out_curr: outCurr,
          orig_amount: orig,
          in_amount: inAmount,
          out_amount: outAmount,
        },
        params.callback_url as string | undefined,
      );
      return orderOf(order);
    },
  },

  'convert.calc': {
    params: {
      in_curr: required,
      out_curr: required,
      in_amount: optional,
      out_amount: optional,
      validate_balance: flag,
    },
    run(params, context) {
      const { inCurr, inAmount, outAmount, orig } = convertAmounts(params);
      if (params.validate_balance === true) checkFunds(context, inCurr, inAmount);
      return calculation(inAmount, outAmount, orig, false);
    },
  },

  'convert.get': {
    params: { externalid: required },
    run: (params, context) => orderOf(orderByExternalId(params, context, 'convert')),
  },

  // A transfer to another AnyMoney merchant is done at once.
  'transfer.create': {
    params: {
      amount: required,
      externalid: required,
      out_curr: required,
      tgt: required,
      callback_url: optional,
      in_curr: optional,
    },
    run(params, context) {
      const externalid = externalIdParam(params);
      const { inCurr, outCurr, amount, inAmount } = transferAmounts(params);
      const tgt = targetParam(params, context);
      checkUrl(params, 'callback_url');
      checkUnique(context, externalid);
      checkFunds(context, inCurr, inAmount);
      const order = addOrder(
        context,
        externalid,
        {
          tp: 'transfer',
          in_curr: inCurr,
          out_curr: outCurr,
          orig_amount: amount,
          in_amount: inAmount,
          out_amount: amount,
          tgt,
        },
        params.callback_url as string | undefined,
        'paid',
      );
      return orderOf(order);
    },
  },

  'transfer.calc': {
    params: { amount: required, out_curr: required, in_curr: optional, tgt: optional },
    run(params, context) {
      const { inCurr, outCurr, amount, inAmount } = transferAmounts(params);
      targetParam(params, context);
      return calculation(inAmount, amount, amount, inCurr === outCurr);
    },
  },

  'transfer.get': {
    params: { externalid: required },
    run: (params, context) => orderOf(orderByExternalId(params, context, 'transfer')),
  },

  // A code (voucher) takes its amount from the balance at once; anyone may redeem it, once.
  'code.create': {
    params: { amount: required, curr: required, externalid: required, payway: required },
    run(params, context) {
      const externalid = externalIdParam(params);
      const curr = params.curr as string;
      const amount = orderAmountParam(params, 'amount', 'curr');
      checkPayway(params);
      checkActivePayway(context, params.payway as string, curr, 'out');
      checkUnique(context, externalid);
      checkFunds(context, curr, amount);
      const code = context.randomId(14);
      stateOf(context).codes.set(code, {
        code,
        externalid,
        amount,
        curr,
        payway: params.payway as string,
        ctime: context.now(),
        redeemedBy: undefined,
      });
      return { code };
    },
  },

  'code.verify': {
    params: { code: required },
    run(params, context) {
      const code = openCode(params, context);
      return {
        amount: code.amount,
        can_be_accepted: 'yes',
        currency: code.curr,
        fee: { add: '0', max: '0', method: 'ceil', min: '0', mult: '0' },
        fee_value: '0',
        payway: code.payway,
      };
    },
  },

  // The redemption is a `coderedeem` order, `new` until the sandbox finishes it (pay page `pay`).
  'code.redeem': {
    params: { code: required, externalid: required },
    run(params, context) {
      const externalid = externalIdParam(params);
      const code = openCode(params, context);
      checkActivePayway(context, code.payway, code.curr, 'in');
      checkUnique(context, externalid);
      code.redeemedBy = externalid;
      const order = addOrder(
        context,
        externalid,
        {
          tp: 'coderedeem',
          in_curr: code.curr,
          out_curr: code.curr,
          orig_amount: code.amount,
          in_amount: code.amount,
          out_amount: code.amount,
          payway: code.payway,
          code: code.code,
        },
        undefined,
      );
      return orderOf(order);
    },
  },

  'code.get': {
    params: { externalid: required },
    run(params, context) {
      const externalid = externalIdParam(params);
      const code = [...stateOf(context).codes.values()].find(
        (candidate) => candidate.externalid === externalid,
      );
      if (!code) throw new Refusal('EParamNotFound', { field: 'externalid', value: externalid });
      return {
        amount: code.amount,
        code: code.code,
        currency: code.curr,
        payway: code.payway,
        is_redeemed: code.redeemedBy !== undefined,
      };
    },
  },
};

/** A transfer's amounts: `amount` in out_curr, from in_curr (default out_curr). */
function transferAmounts(params: Params) {
  const outCurr = params.out_curr as string;
  currencyParam(params, 'out_curr');
  const inCurr = (params.in_curr as string | undefined) ?? outCurr;
  if (params.in_curr !== undefined) currencyParam(params, 'in_curr');
  const amount = orderAmountParam(params, 'amount', 'out_curr');
  return { inCurr, outCurr, amount, inAmount: converted(amount, inCurr) };
}

/** A code that exists and was not redeemed yet. */
function openCode(params: Params, context: AnyMoneyContext) {
  const code = stateOf(context).codes.get(params.code as string);
  if (!code || code.redeemedBy !== undefined)
    throw new Refusal('EParamCodeInvalid', { field: 'code' });
  return code;
}

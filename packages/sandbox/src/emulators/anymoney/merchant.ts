import { addDecimal } from '../../decimal-math.ts';
import { balanceOf, holdOf } from './balances.ts';
import { Refusal } from './errors.ts';
import { lidOf, orderByExternalId } from './orders.ts';
import { type SandboxAddress, stateOf } from './state.ts';
import type { AnyMoneyContext, Method, Params } from './types.ts';
import {
  CURRENCIES,
  checkPayway,
  checkUrl,
  currencyParam,
  PAYWAYS,
  wholeParam,
} from './validation.ts';

// The merchant's account: balances, reference data (info.*, payway.*, pwcurrency.*), static crypto
// addresses (address.*) and receipts (anydoc.*).

const required = { required: true } as const;
const optional = {} as const;
const flag = { boolean: true } as const;
const ZERO_FEE = { add: '0', max: '0', method: 'ceil', min: '0', mult: '0' };

/** The crypto payway of each crypto currency. */
const CRYPTO_PAYWAY: Record<string, string> = { BTC: 'btc', ETH: 'eth', USDT: 'usdt' };

/** A page as every list method answers it. */
export function pageOf<T>(items: readonly T[], params: Params) {
  const count = wholeParam(params, 'count', 20, 1, 200);
  const first = wholeParam(params, 'first', 0, 0, Number.MAX_SAFE_INTEGER);
  return {
    count: String(count),
    data: items.slice(first, first + count),
    first: String(first),
    page: Math.floor(first / count) + 1,
    page_total: Math.max(1, Math.ceil(items.length / count)),
    total: items.length,
  };
}

/** A whole number of ms (a period bound), when given. */
export function timeParam(params: Params, field: string): number | undefined {
  const value = params[field] as string | undefined;
  if (value === undefined) return undefined;
  if (!/^\d{1,15}$/.test(value)) throw new Refusal('EParamType', { field });
  return Number(value);
}

function addressOf(address: SandboxAddress) {
  return {
    callback_url: address.callback_url ?? null,
    comment: address.comment ?? null,
    confirms: 3,
    ctime: address.ctime,
    id: address.id,
    in_curr: address.in_curr,
    last_used: 0,
    link: `https://sandbox.invalid/${address.payway}/address/${address.name}`,
    name: address.name,
    out_curr: address.out_curr,
    payway: address.payway,
    rotate: false,
    status: 'done',
  };
}

/** A crypto currency the merchant can have addresses in. */
function cryptoCurrency(params: Params, field: string): string {
  const curr = params[field] as string;
  currencyParam(params, field);
  if (!CRYPTO_PAYWAY[curr]) throw new Refusal('EStateCurrencyUnavail', { field, value: curr });
  return curr;
}

/** Every currency of every payway, as `pwcurrency.list` shows one side (in or out). */
function pwcurrencySide(context: AnyMoneyContext, payway: string, direction: 'in' | 'out') {
  const { inactiveCurrencies } = stateOf(context);
  return Object.fromEntries(
    (PAYWAYS[payway]?.currencies ?? []).map((curr, index) => [
      curr,
      {
        fee: ZERO_FEE,
        is_active: !inactiveCurrencies.has(`${payway}:${curr}:${direction}`),
        is_crypto: CURRENCIES[curr]?.crypto === true,
        order: index + 1,
        precision: CURRENCIES[curr]?.precision,
      },
    ]),
  );
}

export const MERCHANT_METHODS: Record<string, Method> = {
  // What each currency holds (fees are zero in the sandbox).
  balance: {
    params: { curr: optional },
    run(params, context) {
      if (params.curr !== undefined) currencyParam(params, 'curr');
      const codes = params.curr === undefined ? Object.keys(CURRENCIES) : [params.curr as string];
      return Object.fromEntries(codes.map((curr) => [curr, balanceOf(context, curr)]));
    },
  },

  // [sandbox guess] Without `curr`, the USD figures.
  total_balance: {
    params: { curr: optional },
    run(params, context) {
      if (params.curr !== undefined) currencyParam(params, 'curr');
      const curr = (params.curr as string | undefined) ?? 'USD';
      const available = balanceOf(context, curr);
      const hold = holdOf(context, curr);
      return {
        total_balance: addDecimal(available, hold),
        total_hold: hold,
        avail_balance: available,
        hold_amount: hold,
        roll_amount: '0',
      };
    },
  },

  'info.currencies': {
    params: {},
    run: () =>
      Object.fromEntries(
        Object.entries(CURRENCIES).map(([code, currency]) => [
          code,
          {
            admin_max: currency.max,
            admin_min: currency.min,
            is_crypto: currency.crypto === true,
            precision: currency.precision,
          },
        ]),
      ),
  },

  // Every pair of distinct currencies, at the sandbox's 1:1 rate.
  'info.exchanges': {
    params: {},
    run: () =>
      Object.entries(CURRENCIES).flatMap(([inCurr, from]) =>
        Object.entries(CURRENCIES)
          .filter(([outCurr]) => outCurr !== inCurr)
          .map(([outCurr, to]) => ({
            fee: '0',
            i_rate: ['1', '1'],
            in_curr: inCurr,
            in_max: from.max,
            in_min: from.min,
            out_curr: outCurr,
            out_max: to.max,
            out_min: to.min,
            rate: ['1', '1'],
            ratesource: 'sandbox',
          })),
      ),
  },

  'payway.list': {
    params: {},
    run(_params, context) {
      const { inactivePayways } = stateOf(context);
      return Object.fromEntries(
        Object.entries(PAYWAYS).map(([name, payway]) => [
          name,
          {
            active_in_system: true,
            active_for_merchant: !inactivePayways.has(name),
            is_public: true,
            payin_allowed: true,
            tp: payway.type,
            ...Object.fromEntries(
              payway.currencies.map((curr) => [
                curr,
                {
                  in_fee: ZERO_FEE,
                  out_fee: ZERO_FEE,
                  in_tech_max: CURRENCIES[curr]?.max,
                  in_tech_min: CURRENCIES[curr]?.min,
                  out_tech_max: CURRENCIES[curr]?.max,
                  out_tech_min: CURRENCIES[curr]?.min,
                  prec: (10 ** -(CURRENCIES[curr]?.precision ?? 2)).toFixed(
                    CURRENCIES[curr]?.precision ?? 2,
                  ),
                },
              ]),
            ),
          },
        ]),
      );
    },
  },

  'payway.activate': {
    params: { payway: required },
    run(params, context) {
      checkPayway(params);
      stateOf(context).inactivePayways.delete(params.payway as string);
      return { is_active: true, m_lid: lidOf(context), payway: params.payway };
    },
  },

  'payway.deactivate': {
    params: { payway: required },
    run(params, context) {
      checkPayway(params);
      stateOf(context).inactivePayways.add(params.payway as string);
      return { is_active: false, m_lid: lidOf(context), payway: params.payway };
    },
  },

  'pwcurrency.list': {
    params: {},
    run: (_params, context) =>
      Object.fromEntries(
        Object.keys(PAYWAYS).map((payway, index) => [
          payway,
          {
            in: pwcurrencySide(context, payway, 'in'),
            out: pwcurrencySide(context, payway, 'out'),
            order: index + 1,
            type: PAYWAYS[payway]?.type,
          },
        ]),
      ),
  },

  // Switches one currency of one payway, for pay-ins or (`is_out`) payouts.
  'pwcurrency.pwcma_switch': {
    params: { curr: required, is_active: { ...flag, ...required }, payway: required, is_out: flag },
    run(params, context) {
      checkPayway(params);
      const curr = params.curr as string;
      currencyParam(params, 'curr');
      const payway = params.payway as string;
      // [sandbox guess] A currency the payway does not carry cannot be switched.
      if (!PAYWAYS[payway]?.currencies.includes(curr)) throw new Refusal('EStateForbidden');
      const key = `${payway}:${curr}:${params.is_out === true ? 'out' : 'in'}`;
      const { inactiveCurrencies } = stateOf(context);
      if (params.is_active === true) inactiveCurrencies.delete(key);
      else inactiveCurrencies.add(key);
      return { currency: curr, is_active: params.is_active, merchant_lid: lidOf(context), payway };
    },
  },

  // A static crypto address. [sandbox guess] AnyMoney fills `name` (the address) later; the
  // sandbox assigns it at once.
  'address.create': {
    params: {
      in_curr: required,
      callback_url: optional,
      comment: optional,
      out_curr: optional,
      payway: optional,
    },
    run(params, context) {
      const inCurr = cryptoCurrency(params, 'in_curr');
      if (params.out_curr !== undefined) currencyParam(params, 'out_curr');
      checkPayway(params);
      const payway = (params.payway as string | undefined) ?? (CRYPTO_PAYWAY[inCurr] as string);
      if (!PAYWAYS[payway]?.currencies.includes(inCurr))
        throw new Refusal('EParamPaywayInvalid', { field: 'payway', value: payway });
      checkUrl(params, 'callback_url');
      const comment = params.comment as string | undefined;
      if (comment !== undefined && comment.length >= 50)
        throw new Refusal('EParamFieldInvalid', { field: 'comment', value: comment });
      const { addresses } = stateOf(context);
      const address: SandboxAddress = {
        id: 844422933266350 + addresses.length,
        name: `sandbox${payway}${context.randomId(26)}`,
        in_curr: inCurr,
        out_curr: (params.out_curr as string | undefined) ?? inCurr,
        payway,
        callback_url: params.callback_url as string | undefined,
        comment,
        ctime: context.now(),
      };
      addresses.push(address);
      return addressOf(address);
    },
  },

  // By `id` or by `name` (the address itself), exactly one.
  'address.get': {
    params: { id: optional, name: optional },
    run(params, context) {
      if ((params.id === undefined) === (params.name === undefined))
        throw new Refusal('EParamInvalid', {
          field: 'id',
          reason: 'Exactly one of id and name should be provided',
        });
      const address = stateOf(context).addresses.find((candidate) =>
        params.id !== undefined
          ? String(candidate.id) === params.id
          : candidate.name === params.name,
      );
      if (!address) throw new Refusal('EParamNotFound');
      return addressOf(address);
    },
  },

  'address.list': {
    params: {
      begin: optional,
      count: optional,
      end: optional,
      first: optional,
      in_curr: optional,
      is_autoconvert: flag,
      name: optional,
      ord_by: optional,
      ord_dir: flag,
      out_curr: optional,
      rotate: flag,
    },
    run(params, context) {
      for (const field of ['in_curr', 'out_curr'])
        if (params[field] !== undefined) currencyParam(params, field);
      const begin = timeParam(params, 'begin') ?? 0;
      const end = timeParam(params, 'end') ?? Number.MAX_SAFE_INTEGER;
      const orderBy = (params.ord_by as string | undefined) ?? 'ctime';
      if (orderBy !== 'ctime' && orderBy !== 'last_used')
        throw new Refusal('EParamFieldInvalid', { field: 'ord_by', value: orderBy });
      const addresses = stateOf(context)
        .addresses.filter((address) => address.ctime >= begin && address.ctime <= end)
        .filter((address) => params.in_curr === undefined || address.in_curr === params.in_curr)
        .filter((address) => params.out_curr === undefined || address.out_curr === params.out_curr)
        .filter((address) => params.name === undefined || address.name === params.name)
        // Sandbox addresses never rotate.
        .filter(() => params.rotate !== true)
        .filter(
          (address) =>
            params.is_autoconvert === undefined ||
            (address.out_curr !== address.in_curr) === params.is_autoconvert,
        )
        .map(addressOf);
      // ord_dir true is ascending; newest first by default [sandbox guess]. last_used is 0 for all.
      if (params.ord_dir !== true) addresses.reverse();
      return pageOf(addresses, params);
    },
  },

  // The payways that give addresses in `in_curr` (all crypto ones when absent).
  'address.payways': {
    params: { in_curr: optional },
    run(params) {
      if (params.in_curr === undefined) return Object.values(CRYPTO_PAYWAY);
      return [CRYPTO_PAYWAY[cryptoCurrency(params, 'in_curr')]];
    },
  },

  // Receipts of done orders (older docs' anydoc model).
  'anydoc.prepare_receipt': {
    params: { externalid: required },
    run(params, context) {
      const order = orderByExternalId(params, context);
      if (order.state !== 'paid') throw new Refusal('EStateForbidden');
      const receipt = {
        link: `${order.payUrl}#receipt`,
        order_id: Number(order.fields.oid ?? 0),
      };
      stateOf(context).receipts.set(order.id, receipt);
      return { ...receipt, status: 'done' };
    },
  },

  'anydoc.receipt_status': {
    params: { externalid: required },
    run(params, context) {
      const order = orderByExternalId(params, context);
      const receipt = stateOf(context).receipts.get(order.id);
      if (!receipt) throw new Refusal('EParamNotFound', { field: 'externalid', value: order.id });
      return { ...receipt, status: 'done' };
    },
  },
};

import type { RequestOptions } from '@pay/core';
import * as v from 'valibot';
import { currency, digits, identifier, pageSize, text } from './anymoney-fields.ts';
import {
  type AnyMoneyOrder,
  type AnyMoneyPage,
  type AnyMoneyStatementEntry,
  orderSchema,
  pageSchema,
  statementEntrySchema,
} from './anymoney-results.ts';
import type { Rpc } from './anymoney-rpc.ts';

// history.*: pages of orders (newest first) or of balance movements. Every filter is optional;
// `count` is at most 200 (default 20), `first` the offset (default 0).

const page = { count: v.optional(pageSize()), first: v.optional(digits()) };
const currencies = { in_curr: v.optional(currency()), out_curr: v.optional(currency()) };
const period = { begin: v.optional(digits()), end: v.optional(digits()) };
const optionalParams = <TEntries extends v.ObjectEntries>(entries: TEntries) =>
  v.optional(
    v.strictObject(entries),
    {} as v.InferInput<v.StrictObjectSchema<TEntries, undefined>>,
  );

const ordersByPaywaySchema = optionalParams({
  ...page,
  ...currencies,
  payway: v.optional(text()),
});
const ordersSchema = optionalParams({ ...page, ...currencies });
const statementSchema = optionalParams({
  ...page,
  ...period,
  curr: v.optional(currency()),
  externalid: v.optional(identifier()),
  /** e.g. `">123.4"`, `"-"`; operands + - < <= > >= = != */
  filter_amount: v.optional(text()),
  filter_fee: v.optional(text()),
  group: v.optional(v.picklist(['inpay', 'outpay', 'convert', 'transfer'])),
  ord_by: v.optional(v.picklist(['amount', 'ctime'])),
  /** `false` (default): high to low; `true`: low to high. */
  ord_dir: v.optional(v.boolean()),
});
const addressOrdersSchema = v.strictObject({
  ...page,
  ...period,
  /** The crypto address id. */
  addr_id: identifier(),
  out_curr: v.optional(currency()),
  status: v.optional(v.picklist(['unfinished', 'done', 'fail'])),
  tp: v.optional(v.picklist(['payin', 'invoice', 'autopayin'])),
});

/** Params of `history.invoice`, `history.code` and `history.payout`. */
export type HistoryOrdersByPaywayParams = v.InferInput<typeof ordersByPaywaySchema>;
/** Params of `history.convert` and `history.transfer`. */
export type HistoryOrdersParams = v.InferInput<typeof ordersSchema>;
/** Params of `history.statement`. */
export type HistoryStatementParams = v.InferInput<typeof statementSchema>;
/** Params of `history.address`. */
export type HistoryAddressParams = v.InferInput<typeof addressOrdersSchema>;

/**
 * A `history.*` method: a page, retried on 429/5xx.
 * @throws PayValidationError bad params, before any request
 * @throws PayApiError `EParamCurrencyInvalid`, `EParamInvalid`, `EParamPaywayInvalid`,
 *   `EParamType`, `EStateCurrencyInactive`
 * @throws PayNetworkError no response after the retries
 * @throws PayResponseError a response that is not the documented JSON-RPC envelope
 */
export type HistoryMethod<TParams, TItem> = (
  params?: TParams,
  options?: RequestOptions,
) => Promise<AnyMoneyPage<TItem>>;

/** The history model. Every method: see {@link HistoryMethod} for what it throws. */
export interface HistoryMethods {
  /** `history.invoice`: invoice and payin orders. */
  invoice: HistoryMethod<HistoryOrdersByPaywayParams, AnyMoneyOrder>;
  /** `history.code`: code redeem orders. */
  code: HistoryMethod<HistoryOrdersByPaywayParams, AnyMoneyOrder>;
  /** `history.payout`: payout orders. */
  payout: HistoryMethod<HistoryOrdersByPaywayParams, AnyMoneyOrder>;
  /** `history.convert`: convert orders. */
  convert: HistoryMethod<HistoryOrdersParams, AnyMoneyOrder>;
  /** `history.transfer`: transfer orders. */
  transfer: HistoryMethod<HistoryOrdersParams, AnyMoneyOrder>;
  /** `history.statement`: movements on the merchant's balances. */
  statement: HistoryMethod<HistoryStatementParams, AnyMoneyStatementEntry>;
  /**
   * `history.address`: orders paid to one crypto address (`addr_id` is required).
   * @throws PayValidationError bad params, before any request
   * @throws PayApiError `EParamCurrencyInvalid`, `EParamInvalid`, `EParamType`,
   *   `EStateCurrencyInactive`
   * @throws PayNetworkError no response after the retries
   * @throws PayResponseError a response that is not the documented JSON-RPC envelope
   */
  address(
    params: HistoryAddressParams,
    options?: RequestOptions,
  ): Promise<AnyMoneyPage<AnyMoneyOrder>>;
}

/** Builds `history.*` on a client's RPC sender. */
export function createHistoryMethods(rpc: Rpc): HistoryMethods {
  const read = { idempotent: true };
  const orders = pageSchema(orderSchema);
  return {
    invoice: rpc.method('history.invoice', ordersByPaywaySchema, orders, read),
    code: rpc.method('history.code', ordersByPaywaySchema, orders, read),
    payout: rpc.method('history.payout', ordersByPaywaySchema, orders, read),
    convert: rpc.method('history.convert', ordersSchema, orders, read),
    transfer: rpc.method('history.transfer', ordersSchema, orders, read),
    statement: rpc.method(
      'history.statement',
      statementSchema,
      pageSchema(statementEntrySchema),
      read,
    ),
    address: rpc.method('history.address', addressOrdersSchema, orders, read),
  };
}

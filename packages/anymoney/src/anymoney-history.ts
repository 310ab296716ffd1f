import type { RequestOptions } from '@pay/core';
import * as v from 'valibot';
import type { DefineAnyMoneyEndpoint } from './anymoney-request.ts';
import {
  currency,
  digits,
  identifier,
  ORDER_TYPES,
  type Order,
  optionalParams,
  orderSchema,
  type Page,
  pageSchema,
  pageSize,
  resultFields,
  text,
} from './anymoney-schemas.ts';

// history.*: pages of orders (newest first) or of balance movements. Every filter is optional;
// `count` is at most 200 (default 20), `first` the offset (default 0).

const { amount, openString, optional, scalar } = resultFields;

const page = { count: v.optional(pageSize()), first: v.optional(digits()) };
const currencies = { in_curr: v.optional(currency()), out_curr: v.optional(currency()) };
const period = { begin: v.optional(digits()), end: v.optional(digits()) };

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

/** One movement on the merchant's balances (`history.statement`). */
const statementEntrySchema = v.looseObject({
  amount: amount(),
  balance: amount(),
  ctime: scalar(),
  curr: optional(v.string()),
  externalid: optional(v.string()),
  fee: amount(),
  model: optional(v.string()),
  oid: scalar(),
  other_curr: optional(v.string()),
  payway: optional(v.string()),
  tp: openString(ORDER_TYPES),
});

/** Params of `history.invoice`. */
export type HistoryInvoiceParams = v.InferInput<typeof ordersByPaywaySchema>;
/** Params of `history.code`. */
export type HistoryCodeParams = v.InferInput<typeof ordersByPaywaySchema>;
/** Params of `history.payout`. */
export type HistoryPayoutParams = v.InferInput<typeof ordersByPaywaySchema>;
/** Params of `history.convert`. */
export type HistoryConvertParams = v.InferInput<typeof ordersSchema>;
/** Params of `history.transfer`. */
export type HistoryTransferParams = v.InferInput<typeof ordersSchema>;
/** Params of `history.statement`. */
export type HistoryStatementParams = v.InferInput<typeof statementSchema>;
/** Params of `history.address`. */
export type HistoryAddressParams = v.InferInput<typeof addressOrdersSchema>;
/** A balance movement, as `history.statement` pages list them. */
export type StatementEntry = v.InferOutput<typeof statementEntrySchema>;

/**
 * The history model: every method returns a page and is a read (retried); every one rejects
 * with a `PayCallError` (see `@pay/core`). Provider codes: `EParamCurrencyInvalid`,
 * `EParamInvalid`, `EParamPaywayInvalid`, `EParamType`, `EStateCurrencyInactive`.
 */
export interface AnyMoneyHistoryApi {
  /** `history.invoice`: invoice and payin orders. */
  invoice(params?: HistoryInvoiceParams, options?: RequestOptions): Promise<Page<Order>>;
  /** `history.code`: code redeem orders. */
  code(params?: HistoryCodeParams, options?: RequestOptions): Promise<Page<Order>>;
  /** `history.payout`: payout orders. */
  payout(params?: HistoryPayoutParams, options?: RequestOptions): Promise<Page<Order>>;
  /** `history.convert`: convert orders. */
  convert(params?: HistoryConvertParams, options?: RequestOptions): Promise<Page<Order>>;
  /** `history.transfer`: transfer orders. */
  transfer(params?: HistoryTransferParams, options?: RequestOptions): Promise<Page<Order>>;
  /** `history.statement`: movements on the merchant's balances. */
  statement(
    params?: HistoryStatementParams,
    options?: RequestOptions,
  ): Promise<Page<StatementEntry>>;
  /** `history.address`: orders paid to one crypto address (`addr_id` is required). */
  address(params: HistoryAddressParams, options?: RequestOptions): Promise<Page<Order>>;
}

/** Builds `history.*`. */
export function createHistoryApi(define: DefineAnyMoneyEndpoint): AnyMoneyHistoryApi {
  const orders = pageSchema(orderSchema);
  const read = <TParams extends v.GenericSchema, TResult extends v.GenericSchema>(
    method: keyof AnyMoneyHistoryApi,
    params: TParams,
    result: TResult,
  ) => define({ operation: `history.${method}`, path: '', params, result, idempotent: true });
  return {
    invoice: read('invoice', ordersByPaywaySchema, orders),
    code: read('code', ordersByPaywaySchema, orders),
    payout: read('payout', ordersByPaywaySchema, orders),
    convert: read('convert', ordersSchema, orders),
    transfer: read('transfer', ordersSchema, orders),
    statement: read('statement', statementSchema, pageSchema(statementEntrySchema)),
    address: read('address', addressOrdersSchema, orders),
  };
}

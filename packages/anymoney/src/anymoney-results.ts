import { amountOutput } from '@pay/core';
import * as v from 'valibot';

// Result schemas: lenient. Unknown fields pass through, documented ones may be missing or null
// ("methods fill only the keys they use", order representation docs), amounts become decimal
// strings even when AnyMoney sends JSON numbers (callbacks do: `"in_amount": 11`).

/** Order statuses from the docs. Final: `done` (success), `fail`, `reject`, `canceled`, `expired`. */
export const ORDER_STATUSES = [
  'new',
  'pending',
  'started',
  'wait',
  'retry',
  'finalizing',
  'abnormal',
  'done',
  'fail',
  'reject',
  'canceled',
  'expired',
] as const;

/**
 * An order status. `abnormal` is not final: it needs attention. A status the docs do not list
 * is kept as the string AnyMoney sent.
 */
export type OrderStatus = (typeof ORDER_STATUSES)[number] | (string & {});

/** Final order statuses: the order will not change any more. */
export const FINAL_ORDER_STATUSES: readonly OrderStatus[] = [
  'done',
  'fail',
  'reject',
  'canceled',
  'expired',
];

/** Order types (`tp`) from the docs. */
export const ORDER_TYPES = [
  'payin',
  'autopayin',
  'coderedeem',
  'payout',
  'convert',
  'transfer',
  'invoice',
  'sci_subpay',
  'sci_refund',
] as const;

/** An order type; an undocumented one is kept as sent. */
export type OrderType = (typeof ORDER_TYPES)[number] | (string & {});

const optional = <TSchema extends v.GenericSchema>(schema: TSchema) =>
  v.optional(v.nullable(schema));
/** An amount: a decimal string (JSON numbers become their shortest text). */
const amount = () => optional(amountOutput());
/** A string or number the docs leave loosely typed (ids, timestamps in ms). */
const scalar = () => optional(v.union([v.string(), v.number()]));
const flag = () => optional(v.union([v.boolean(), v.string()]));
const openString = <T extends string>() =>
  optional(v.custom<T | (string & {})>((value) => typeof value === 'string'));

/** The order representation (docs: "order params representation"). */
export const orderSchema = v.looseObject({
  account_amount: amount(),
  address: optional(v.string()),
  amount_paid: amount(),
  code: optional(v.unknown()),
  confirmations: scalar(),
  ctime: scalar(),
  delay: optional(v.unknown()),
  email: optional(v.string()),
  externalid: optional(v.string()),
  front_params: optional(
    v.looseObject({
      logo: optional(v.string()),
      theme: optional(v.string()),
      theme_color: optional(v.string()),
    }),
  ),
  ftime: scalar(),
  in_amount: amount(),
  in_curr: optional(v.string()),
  in_fee_amount: amount(),
  is_multipay: flag(),
  lid: scalar(),
  merchant_payfee: amount(),
  orig_amount: amount(),
  out_amount: amount(),
  out_curr: optional(v.string()),
  out_fee_amount: amount(),
  owner: scalar(),
  payer: optional(v.unknown()),
  paylink: optional(v.string()),
  payway_name: optional(v.string()),
  rate: optional(v.array(amountOutput())),
  redirect_url: optional(v.string()),
  ref: optional(v.string()),
  renumeration: amount(),
  reqdata: optional(v.unknown()),
  status: openString<(typeof ORDER_STATUSES)[number]>(),
  tgt: scalar(),
  token: optional(v.string()),
  tp: openString<(typeof ORDER_TYPES)[number]>(),
  txid: optional(v.unknown()),
  uaccount: optional(v.unknown()),
  userdata: optional(v.unknown()),
});

/** An AnyMoney order (invoice, payout, convert, transfer, …) as returned and sent in callbacks. */
export type AnyMoneyOrder = v.InferOutput<typeof orderSchema>;

/** What the `*.calc` methods return (payout and transfer add the fee amounts). */
export const calcSchema = v.looseObject({
  account_amount: amount(),
  in_amount: amount(),
  in_fee_amount: amount(),
  orig_amount: amount(),
  out_amount: amount(),
  out_fee_amount: amount(),
  rate: optional(v.array(amountOutput())),
});

/** A `*.calc` result. */
export type AnyMoneyCalculation = v.InferOutput<typeof calcSchema>;

/** A page of a list method (`history.*`, `address.list`). */
export function pageSchema<TItem extends v.GenericSchema>(item: TItem) {
  return v.looseObject({
    count: scalar(),
    data: v.optional(v.array(item), []),
    first: scalar(),
    page: scalar(),
    page_total: scalar(),
    total: scalar(),
  });
}

/** A page of `TItem`s. */
export interface AnyMoneyPage<TItem> {
  count?: string | number | null | undefined;
  data: TItem[];
  first?: string | number | null | undefined;
  page?: string | number | null | undefined;
  page_total?: string | number | null | undefined;
  total?: string | number | null | undefined;
  [key: string]: unknown;
}

/** A crypto address (docs: "cryptoaddress parameters"). Statuses: `new`, `wait`, `done`, `reject`. */
export const addressSchema = v.looseObject({
  callback_url: optional(v.string()),
  comment: optional(v.string()),
  confirm: scalar(),
  confirms: scalar(),
  ctime: scalar(),
  id: scalar(),
  in_curr: optional(v.string()),
  last_used: scalar(),
  link: optional(v.string()),
  name: optional(v.string()),
  out_curr: optional(v.string()),
  payway: optional(v.string()),
  rotate: flag(),
  status: optional(v.string()),
});

/** A crypto address. */
export type AnyMoneyAddress = v.InferOutput<typeof addressSchema>;

/** One movement on the merchant's balances (`history.statement`). */
export const statementEntrySchema = v.looseObject({
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
  tp: openString<(typeof ORDER_TYPES)[number]>(),
});

/** A balance movement. */
export type AnyMoneyStatementEntry = v.InferOutput<typeof statementEntrySchema>;

/** Schema helpers for the group files. */
export const resultFields = { amount, scalar, flag, optional };

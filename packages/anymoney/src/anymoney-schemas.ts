import {
  amountInput,
  amountOutput,
  checkTimedeltaRange,
  formatTimedelta,
  httpUrlInput,
  type OpenEnum,
  openEnum,
  PayValidationError,
  parseTimedelta,
} from '@pay/core';
import * as v from 'valibot';

// Input field schemas. AnyMoney takes every param as a string or a boolean (JSON-RPC limits in
// the "auth" docs), so each schema's output is the exact string that is signed and sent.

/** A text param that must not be empty. */
export const text = () => v.pipe(v.string(), v.nonEmpty('must not be empty'));

/** A currency code such as `UAH` or `BTC`. */
export const currency = () =>
  v.pipe(v.string(), v.regex(/^[A-Za-z0-9_]{2,16}$/, 'must be a currency code like UAH or BTC'));

/** An identifier (`externalid`, `tgt`, `addr_id`): text, or a whole number sent as its digits. */
export const identifier = () =>
  v.union(
    [
      text(),
      v.pipe(
        v.number(),
        v.safeInteger('must be a whole number or a string'),
        v.minValue(0, 'must not be negative'),
        v.transform(String),
      ),
    ],
    'must be a non-empty string or a whole number',
  );

/** A non-negative whole number (`first`, timestamps), sent as its digits. */
export const digits = () =>
  v.union(
    [
      v.pipe(v.string(), v.regex(/^\d+$/, 'must be a whole number like "20"')),
      v.pipe(v.number(), v.safeInteger(), v.minValue(0), v.transform(String)),
    ],
    'must be a whole number (string or number) of 0 or more',
  );

/** `count` of the list methods: 1..200 (the docs' limit), sent as its digits. */
export const pageSize = () =>
  v.pipe(
    digits(),
    v.check((value) => Number(value) >= 1 && Number(value) <= 200, 'must be from 1 to 200'),
  );

/** An absolute http(s) URL, sent exactly as given (its case is signed lower-cased, as sent). */
export const httpUrl = httpUrlInput;

/** An e-mail address, sent as given. */
export const email = () => v.pipe(v.string(), v.email('must be an e-mail address'));

/** `lifetime` bounds from the invoice docs: "3600s".."7d". */
export const LIFETIME_RANGE = { min: 3_600_000, max: 604_800_000 } as const;

/**
 * `lifetime`: a timedelta string (`"1d12h"`, `"3600"`), checked with @pay/core's parser and
 * sent as given, or a number of milliseconds, written in timedelta form (`604800000` → `1w`).
 * Either way 1 hour to 7 days inclusive.
 */
export const lifetime = () =>
  v.pipe(
    v.union([v.string(), v.number()], 'must be a timedelta string like "1d12h" or milliseconds'),
    v.rawTransform(({ dataset, addIssue, NEVER }) => {
      try {
        const value = dataset.value;
        const milliseconds = typeof value === 'string' ? parseTimedelta(value) : value;
        checkTimedeltaRange(milliseconds, LIFETIME_RANGE);
        return typeof value === 'string' ? value : formatTimedelta(value);
      } catch (error) {
        if (!PayValidationError.isInstance(error)) throw error;
        addIssue({ message: error.issues[0]?.message ?? error.message });
        return NEVER;
      }
    }),
  );

/** The decimal separator amounts are written with. */
export type DecimalSeparator = '.' | ',';

/** Schema builders whose output depends on the client's `decimalSeparator` setting. */
export interface DecimalFields {
  /** An amount above zero, written canonically (`"1000.25"`, or `"1000,25"` with `','`). */
  amount(): v.GenericSchema<string | number, string>;
  /** `merchant_payfee`: a share of the fee from 0 to 1 with at most two decimals. */
  payfee(): v.GenericSchema<string | number, string>;
}

/** The amount schemas for one separator. */
export function decimalFields(separator: DecimalSeparator): DecimalFields {
  return {
    amount: () => amountInput({ separator }),
    payfee: () =>
      v.pipe(
        amountInput({ separator, allowZero: true, maxDecimals: 2 }),
        v.check(
          (value) => /^0(?:[.,]\d+)?$/.test(value) || value === '1',
          'must be from 0 to 1 (a share: 0.35 = 35 %)',
        ),
      ),
  };
}

/** Params of the `*.get` methods and `status`: your order id. */
export const externalIdSchema = v.strictObject({ externalid: identifier() });

/** Params of the `*.get` methods and `status`: your `externalid`. */
export type ExternalIdParams = v.InferInput<typeof externalIdSchema>;

/** Params of a method without params: nothing, or an empty object. */
export const noParams = v.optional(v.strictObject({}), {});

/**
 * An optional params object, `{}` when left out (list filters): the method's params may be
 * omitted altogether.
 */
export const optionalParams = <TEntries extends v.ObjectEntries>(entries: TEntries) =>
  v.optional(
    v.strictObject(entries),
    {} as v.InferInput<v.StrictObjectSchema<TEntries, undefined>>,
  );

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
 * A documented order status. `abnormal` is not final: it needs attention. Results type the
 * field `OpenEnum<OrderStatus>`: a status the docs do not list still reaches you at run time as
 * the string AnyMoney sent, but comparing with a status AnyMoney does not have fails to compile.
 */
export type OrderStatus = (typeof ORDER_STATUSES)[number];

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

/** A documented order type; results type `tp` as `OpenEnum<OrderType>` (an undocumented one is kept as sent). */
export type OrderType = (typeof ORDER_TYPES)[number];

/** Whether `status` is one of the {@link FINAL_ORDER_STATUSES}. */
export function isFinalOrderStatus(status: OpenEnum<OrderStatus> | null | undefined): boolean {
  return (FINAL_ORDER_STATUSES as readonly unknown[]).includes(status);
}

/** A result field that may be missing or null. */
const optional = <TSchema extends v.GenericSchema>(schema: TSchema) =>
  v.optional(v.nullable(schema));
/** An amount: a decimal string (JSON numbers become their shortest text). */
const amount = () => optional(amountOutput());
/** A string or number the docs leave loosely typed (ids, timestamps in ms). */
const scalar = () => optional(v.union([v.string(), v.number()]));
/** A flag AnyMoney sends as a boolean or a string. */
const flag = () => optional(v.union([v.boolean(), v.string()]));
/** A documented set of strings that may grow: typed with core's `OpenEnum`, an unknown one is kept. */
const openString = <const T extends string>(documented: readonly T[]) =>
  optional(openEnum(documented));

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
  status: openString(ORDER_STATUSES),
  tgt: scalar(),
  token: optional(v.string()),
  tp: openString(ORDER_TYPES),
  txid: optional(v.unknown()),
  uaccount: optional(v.unknown()),
  userdata: optional(v.unknown()),
});

/** An AnyMoney order (invoice, payout, convert, transfer, …) as returned and sent in callbacks. */
export type Order = v.InferOutput<typeof orderSchema>;

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

/** A `*.calc` result: amounts, fees and rate; nothing moves. */
export type Calculation = v.InferOutput<typeof calcSchema>;

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

/** A page of `TItem`s (`history.*`, `address.list`). */
export interface Page<TItem> {
  count?: string | number | null | undefined;
  data: TItem[];
  first?: string | number | null | undefined;
  page?: string | number | null | undefined;
  page_total?: string | number | null | undefined;
  total?: string | number | null | undefined;
  [key: string]: unknown;
}

/** Schema helpers for the group files. */
export const resultFields = { amount, scalar, flag, optional, openString };

import { amountOutput, type OpenEnum, openEnum } from '@pay/core';
import * as v from 'valibot';

// Building blocks shared by every CryptoCloud call. Inputs are strict (an unknown or misspelt
// field is an error before anything is sent); results are lenient (unknown fields pass through,
// documented fields may be missing or null).

/** A text field that must not be empty. */
export const text = () => v.pipe(v.string(), v.nonEmpty('must not be empty'));

/** An e-mail address. */
export const emailAddress = () => v.pipe(v.string(), v.email('must be an e-mail address'));

/** An invoice id as the API takes it: `INV-XXXXXXXX` or `XXXXXXXX`. */
export const invoiceUuid = () =>
  v.pipe(
    v.string(),
    v.regex(/^(INV-)?[A-Za-z0-9]+$/, 'must be an invoice id like INV-XXXXXXXX or XXXXXXXX'),
  );

/** True when `day.month.year` names a real calendar day. */
function isCalendarDate(value: string): boolean {
  const [day = 0, month = 0, year = 0] = value.split('.').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/**
 * A date written `dd.mm.yyyy`, as the list and statistics calls take it. Only strings: formatting
 * a `Date` would need a time zone the docs do not name (and locale formatters vary).
 */
export const dottedDate = () =>
  v.pipe(
    v.string(),
    v.regex(/^\d{2}\.\d{2}\.\d{4}$/, 'must be a date written dd.mm.yyyy, e.g. 31.01.2025'),
    v.check(isCalendarDate, 'must be a calendar date (dd.mm.yyyy)'),
  );

/** A string the provider may send as `null` or leave out. */
export const optionalText = () => v.optional(v.nullable(v.string()));
/** A number the provider may send as `null` or leave out. */
export const optionalNumber = () => v.optional(v.nullable(v.number()));
/** A flag the provider may send as `null` or leave out. */
const optionalFlag = () => v.optional(v.nullable(v.boolean()));
/**
 * An amount the provider may send as `null` or leave out. CryptoCloud sends JSON numbers
 * (floats); they become their shortest decimal string, so do money arithmetic with a decimal
 * library on that string, never on a float.
 */
const optionalAmount = () => v.optional(v.nullable(amountOutput()));

/** The invoice statuses CryptoCloud documents, in lifecycle order. */
export const INVOICE_STATUSES = ['created', 'paid', 'partial', 'overpaid', 'canceled'] as const;

/** A documented invoice status (see {@link INVOICE_STATUSES}). */
export type DocumentedInvoiceStatus = (typeof INVOICE_STATUSES)[number];

/**
 * An invoice status: one of {@link INVOICE_STATUSES}, or a status CryptoCloud does not document
 * (whether `expired` exists is unknown), which reaches you unchanged at run time but is typed
 * `Undocumented`, so comparing with a status CryptoCloud does not have fails to compile.
 */
export type InvoiceStatus = OpenEnum<DocumentedInvoiceStatus>;

/** An invoice status: any string, typed with the documented values. */
const invoiceStatus = () => openEnum(INVOICE_STATUSES);

/** A cryptocurrency as CryptoCloud describes it (`currency` in invoices, balances, wallets). */
export const currencySchema = v.looseObject({
  id: optionalNumber(),
  /** e.g. `USDT`. */
  code: optionalText(),
  /** e.g. `USDT_TRC20`: the code the API takes in `available_currencies` and withdrawals. */
  fullcode: optionalText(),
  name: optionalText(),
  network: v.optional(
    v.nullable(
      v.looseObject({
        code: optionalText(),
        id: optionalNumber(),
        icon: optionalText(),
        fullname: optionalText(),
      }),
    ),
  ),
  is_email_required: optionalFlag(),
  stablecoin: optionalFlag(),
  icon_base: optionalText(),
  icon_network: optionalText(),
  icon_qr: optionalText(),
  order: optionalNumber(),
});

/** A cryptocurrency object of a CryptoCloud response. */
export type Currency = v.InferOutput<typeof currencySchema>;

/**
 * Invoice fields, all lenient. The first group is documented for `invoice/create`; `received*`
 * and `order_id` are documented for info/list; the rest come from third-party clients.
 */
const invoiceEntries = {
  uuid: optionalText(),
  status: v.optional(v.nullable(invoiceStatus())),
  created: optionalText(),
  address: optionalText(),
  expiry_date: optionalText(),
  side_commission: optionalText(),
  side_commission_cc: optionalText(),
  amount: optionalAmount(),
  amount_usd: optionalAmount(),
  amount_in_fiat: optionalAmount(),
  fee: optionalAmount(),
  fee_usd: optionalAmount(),
  service_fee: optionalAmount(),
  service_fee_usd: optionalAmount(),
  type_payments: optionalText(),
  fiat_currency: optionalText(),
  is_email_required: optionalFlag(),
  /** The payment page: send the payer here. */
  link: optionalText(),
  invoice_id: optionalText(),
  currency: v.optional(v.nullable(currencySchema)),
  project: v.optional(
    v.nullable(
      v.looseObject({
        id: optionalNumber(),
        name: optionalText(),
        fail: optionalText(),
        success: optionalText(),
        logo: optionalText(),
      }),
    ),
  ),
  test_mode: optionalFlag(),
  received: optionalAmount(),
  received_usd: optionalAmount(),
  order_id: optionalText(),
  to_surcharge: optionalAmount(),
  to_surcharge_usd: optionalAmount(),
  amount_paid: optionalAmount(),
  amount_paid_usd: optionalAmount(),
  amount_to_pay: optionalAmount(),
  amount_to_pay_usd: optionalAmount(),
  pay_url: optionalText(),
  user_email: optionalText(),
  invoice_status: optionalText(),
};

/**
 * An invoice as the API returns it (info, list): `uuid` (`INV-XXXXXXXX`), `status` and `amount`
 * always (every documented answer carries them), the rest when sent.
 */
export const invoiceSchema = v.looseObject({
  ...invoiceEntries,
  uuid: v.string(),
  status: invoiceStatus(),
  amount: amountOutput(),
});

/** A new invoice (`invoice/create`): also its payment page, `link`, always. */
export const createdInvoiceSchema = v.looseObject({
  ...invoiceSchema.entries,
  /** The payment page: send the payer here. */
  link: v.string(),
});

/** An invoice of a CryptoCloud response; amounts are decimal strings. */
export type Invoice = v.InferOutput<typeof invoiceSchema>;

/** The `invoice_info` of a postback: the invoice object, every field optional. */
export const postbackInvoiceSchema = v.looseObject(invoiceEntries);

/** A v2 success body, `{ "status": "success", "result": … }`, read down to its `result`. */
export function successResult<TSchema extends v.GenericSchema>(
  result: TSchema,
): v.GenericSchema<unknown, v.InferOutput<TSchema>> {
  return v.pipe(
    v.looseObject({ status: v.literal('success'), result }),
    v.transform((body) => body.result as v.InferOutput<TSchema>),
  );
}

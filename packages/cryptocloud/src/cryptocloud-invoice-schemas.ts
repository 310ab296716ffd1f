import { amountInput } from '@pay/core';
import * as v from 'valibot';
import {
  createdInvoiceSchema,
  dottedDate,
  emailAddress,
  invoiceSchema,
  invoiceUuid,
  optionalNumber,
  successResult,
  text,
} from './cryptocloud-schemas.ts';

const wholeNumber = (message: string) => v.pipe(v.number(), v.integer(message), v.minValue(0));

/** `add_fields` of `invoice/create`: optional extras, all inside one object. */
const addFieldsSchema = v.strictObject({
  /** Invoice lifetime. CryptoCloud's default lifetime is set in the project settings. */
  time_to_pay: v.optional(
    v.strictObject({
      hours: v.optional(wholeNumber('must be a whole number of hours')),
      minutes: v.optional(v.pipe(wholeNumber('must be a whole number of minutes'), v.maxValue(59))),
    }),
  ),
  /** Payment currencies offered to the payer, e.g. `["USDT_TRC20", "ETH", "BTC"]`. */
  available_currencies: v.optional(v.pipe(v.array(text()), v.nonEmpty('must not be empty'))),
  /** Pre-selects the payment currency (e.g. `ETH`); the response then carries the address. */
  cryptocurrency: v.optional(text()),
  /** Sends the invoice to this e-mail address (third-party clients; unconfirmed). */
  email_to_send: v.optional(emailAddress()),
  /** Recurring period; clients disagree on the values (`day/week/month` vs `day/month/year`). */
  period: v.optional(text()),
});

/** Parameters of `invoice/create` (v2). */
export const invoiceCreateParamsSchema = v.strictObject({
  /** Project id. Default: the client's `shopId`. */
  shop_id: v.optional(text()),
  /** Amount in `currency` (the docs' text still says USD). Sent as exactly this decimal. */
  amount: amountInput(),
  /** Fiat currency of `amount`, e.g. `USD` (CryptoCloud's default), `EUR`, `RUB`. */
  currency: v.optional(
    v.pipe(v.string(), v.regex(/^[A-Z]{3}$/, 'must be a currency code like USD')),
  ),
  /** Your order id; echoed in postbacks and in info/list results. */
  order_id: v.optional(text()),
  /** The payer's e-mail address. */
  email: v.optional(emailAddress()),
  add_fields: v.optional(addFieldsSchema),
  /** Language of the payment page, sent as `?locale=` (documented: `en`, `ru`). */
  locale: v.optional(v.pipe(v.string(), v.regex(/^[a-z]{2}$/, 'must be a language code like en'))),
});

/** What `invoice.create()` takes. */
export type InvoiceCreateParams = v.InferInput<typeof invoiceCreateParamsSchema>;

/** The `invoice/create` response, read down to the invoice. */
export const invoiceCreateResultSchema = successResult(createdInvoiceSchema);

/** What `invoice.create()` returns: the new invoice; `link` is the payment page. */
export type InvoiceCreateResult = v.InferOutput<typeof invoiceCreateResultSchema>;

/** Parameters of `invoice/merchant/canceled`. */
export const invoiceCancelParamsSchema = v.strictObject({
  /** The invoice to cancel (only invoices in status `created` can be). */
  uuid: invoiceUuid(),
});

/** What `invoice.cancel()` takes. */
export type InvoiceCancelParams = v.InferInput<typeof invoiceCancelParamsSchema>;

/** The `invoice/merchant/canceled` response: `result` is `["ok"]`. */
export const invoiceCancelResultSchema = successResult(v.array(v.string()));

/** What `invoice.cancel()` returns: CryptoCloud's `result`, documented as `["ok"]`. */
export type InvoiceCancelResult = v.InferOutput<typeof invoiceCancelResultSchema>;

/** Parameters of `invoice/merchant/list`. */
export const invoiceListParamsSchema = v.strictObject({
  /** First day, `dd.mm.yyyy`. */
  start: dottedDate(),
  /** Last day, `dd.mm.yyyy`. */
  end: dottedDate(),
  /** Invoices to skip. Default on CryptoCloud's side: `0`. */
  offset: v.optional(wholeNumber('must be a whole number')),
  /** Invoices per page, at most 100. Default on CryptoCloud's side: `10`. */
  limit: v.optional(
    v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(1), v.maxValue(100)),
  ),
});

/** What `invoice.list()` takes. */
export type InvoiceListParams = v.InferInput<typeof invoiceListParamsSchema>;

/**
 * The `invoice/merchant/list` response. Unlike the other calls its payload has two parts, the
 * page (`result`) and the total (`all_count`, from third-party clients), so only `status` is
 * dropped.
 */
export const invoiceListResultSchema = v.pipe(
  v.looseObject({
    status: v.literal('success'),
    result: v.array(invoiceSchema),
    all_count: optionalNumber(),
  }),
  v.transform(({ status: _status, ...page }) => page),
);

/** What `invoice.list()` returns: `{ result: Invoice[], all_count }`. */
export type InvoiceListResult = v.InferOutput<typeof invoiceListResultSchema>;

/** Parameters of `invoice/merchant/info`. */
export const invoiceInfoParamsSchema = v.strictObject({
  /** 1 to 100 invoice ids, `INV-XXXXXXXX` or `XXXXXXXX`. */
  uuids: v.pipe(
    v.array(invoiceUuid()),
    v.minLength(1, 'must hold at least one invoice id'),
    v.maxLength(100, 'must hold at most 100 invoice ids'),
  ),
});

/** What `invoice.info()` takes. */
export type InvoiceInfoParams = v.InferInput<typeof invoiceInfoParamsSchema>;

/** The `invoice/merchant/info` response, read down to its invoices. */
export const invoiceInfoResultSchema = successResult(v.array(invoiceSchema));

/** What `invoice.info()` returns: the invoices found. */
export type InvoiceInfoResult = v.InferOutput<typeof invoiceInfoResultSchema>;

import { amountInput, amountOutput, parseJsonText, type VerifiedWebhookEvent } from '@pay/core';
import * as v from 'valibot';
import {
  type Invoice,
  type InvoiceStatus,
  invoiceUuid,
  postbackInvoiceSchema,
  text,
} from './cryptocloud-schemas.ts';

/** `invoice_info` in form mode arrives as text: JSON text is read, anything else kept as is. */
function readInvoiceInfoText(text: string): unknown {
  const parsed = parseJsonText(text);
  return parsed.ok ? parsed.value : text;
}

/** A field the provider may send as `null` or leave out; `null` when absent. */
const nullable = <TSchema extends v.GenericSchema>(schema: TSchema) =>
  v.optional(v.nullable(schema), null);

/**
 * A postback body after JSON or form decoding. Lenient: `invoice_id` and `token` are needed to
 * verify it, the rest is data (`amount_crypto` is a number in JSON mode, text in form mode).
 */
export const postbackBodySchema = v.looseObject({
  /** Status of the notification: `success` in every documented example. */
  status: nullable(v.string()),
  /**
   * The invoice, without the `INV-` prefix (e.g. `89UX09KA`); an id the API could not take
   * (`INV-XXXXXXXX` or `XXXXXXXX`) is a malformed postback (`PaySignatureError`) — never a
   * `PayValidationError` of the confirming call —, as `webhooks.sign()` refuses it.
   */
  invoice_id: invoiceUuid(),
  /** The amount paid in `currency`, as a decimal string. */
  amount_crypto: nullable(amountOutput()),
  /** The cryptocurrency paid, e.g. `BNB`, `USDT_TRC20`. */
  currency: nullable(v.string()),
  /** Your `order_id` from invoice creation, when you gave one. */
  order_id: nullable(v.string()),
  /** HS256 JWT signed with the project's secret key; carries the invoice id, valid 5 minutes. */
  token: text(),
  /** The invoice object (JSON mode); in form mode its encoding is unknown: see the README. */
  invoice_info: nullable(
    v.pipe(
      v.union([v.string(), v.record(v.string(), v.unknown())]),
      v.transform((info) => (typeof info === 'string' ? readInvoiceInfoText(info) : info)),
      v.union([postbackInvoiceSchema, v.string()]),
    ),
  ),
});

/** A postback body decoded and checked, its token not yet verified. */
export type PostbackBody = v.InferOutput<typeof postbackBodySchema>;

/** The `invoice_info` of a postback: the invoice object, every field optional. */
export type PostbackInvoice = v.InferOutput<typeof postbackInvoiceSchema>;

/**
 * A verified CryptoCloud postback. The token proves only `invoice_id`; so by default `verify`
 * fetches the invoice with `invoice/merchant/info` and every other field is the API's
 * (`confirmed: true`). With `{ confirm: false }` they are the postback's own, unsigned
 * (`confirmed: false`): trust them only if you confirm them yourself.
 */
export interface CryptoCloudWebhookEvent extends VerifiedWebhookEvent {
  /** The invoice, without the `INV-` prefix (e.g. `89UX09KA`): proven by the token. */
  invoice_id: string;
  /**
   * The invoice's status (`created`, `paid`, `partial`, `overpaid`, `canceled`): the API's when
   * `confirmed`; otherwise the postback's `invoice_info.status`, `null` when it sent none.
   */
  status: InvoiceStatus | null;
  /**
   * The amount received, in `currency`, as a decimal string: the API's `received` when
   * `confirmed`; otherwise the postback's `amount_crypto`.
   */
  amount_crypto: string | null;
  /**
   * The cryptocurrency paid (e.g. `USDT_TRC20`): the API's `currency.fullcode` when `confirmed`;
   * otherwise the postback's `currency`.
   */
  currency: string | null;
  /** Your `order_id` from invoice creation, or `null`: the API's when `confirmed`. */
  order_id: string | null;
  /**
   * The invoice: as `invoice.info()` returns it now when `confirmed`; otherwise the postback's
   * `invoice_info` (an object, the text of a form postback that is not JSON, or `null`).
   */
  invoice_info: Invoice | PostbackInvoice | string | null;
}

/** What `webhooks.sign()` takes: the postback fields (the SDK adds the `token`) and its format. */
export const webhooksSignParamsSchema = v.strictObject({
  /** `XXXXXXXX` or `INV-XXXXXXXX`: exactly the ids `verify` accepts. */
  invoice_id: invoiceUuid(),
  amount_crypto: amountInput(),
  currency: text(),
  /** Default: `success`, as in every documented postback. */
  status: v.optional(v.string(), 'success'),
  order_id: v.optional(v.nullable(v.string())),
  invoice_info: v.optional(v.record(v.string(), v.unknown())),
  /** Body format, as chosen in the project settings. Default: `json`. */
  format: v.optional(v.picklist(['json', 'form']), 'json'),
  /** Token lifetime in seconds from the client's `now`. Default: `300` (CryptoCloud's). */
  expiresIn: v.optional(v.pipe(v.number(), v.integer('must be a whole number of seconds'))),
});

/** What `webhooks.sign()` takes. */
export type WebhooksSignParams = v.InferInput<typeof webhooksSignParamsSchema>;

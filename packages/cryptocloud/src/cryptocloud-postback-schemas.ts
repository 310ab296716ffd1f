import { amountInput, amountOutput, parseJsonText } from '@pay/core';
import * as v from 'valibot';
import { type Invoice, postbackInvoiceSchema, text } from './cryptocloud-schemas.ts';

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
  /** The invoice, without the `INV-` prefix (e.g. `89UX09KA`). */
  invoice_id: text(),
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

/** The `invoice_info` of a postback: the invoice object, every field optional. */
export type PostbackInvoice = v.InferOutput<typeof postbackInvoiceSchema>;

/**
 * A verified CryptoCloud postback: the body without its `token`, amounts as decimal strings,
 * unknown fields kept.
 */
export interface CryptoCloudPostback {
  /** Status of the notification: `success` in every documented example. */
  status: 'success' | (string & {}) | null;
  /** The invoice, without the `INV-` prefix (e.g. `89UX09KA`). */
  invoice_id: string;
  /** The amount paid in `currency`. */
  amount_crypto: string | null;
  /** The cryptocurrency paid, e.g. `USDT_TRC20`. */
  currency: string | null;
  /** Your `order_id` from invoice creation, or `null`. */
  order_id: string | null;
  /** The invoice (its `status`: `created`, `paid`, `partial`, `overpaid`, `canceled`). */
  invoice_info: PostbackInvoice | string | null;
  /** Only with `verify(input, { confirm: true })`: the invoice as the API returns it now. */
  invoice?: Invoice | undefined;
  [field: string]: unknown;
}

/** What `webhooks.sign()` takes: the postback fields; the SDK adds the `token`. */
export const postbackSignParamsSchema = v.strictObject({
  invoice_id: text(),
  amount_crypto: amountInput(),
  currency: text(),
  /** Default: `success`, as in every documented postback. */
  status: v.optional(v.string(), 'success'),
  order_id: v.optional(v.nullable(v.string())),
  invoice_info: v.optional(v.record(v.string(), v.unknown())),
});

/** What `webhooks.sign()` takes. */
export type PostbackSignParams = v.InferInput<typeof postbackSignParamsSchema>;

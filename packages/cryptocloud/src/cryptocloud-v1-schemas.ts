import { amountInput } from '@pay/core';
import * as v from 'valibot';
import { emailAddress, text } from './cryptocloud-schemas.ts';

/** Parameters of the legacy `v1/invoice/create` (the seed doc); `shop_id` comes from settings. */
export const v1InvoiceCreateParamsSchema = v.strictObject({
  /** Amount (the v1 docs: "in USD", converted from `currency`). Sent as exactly this decimal. */
  amount: amountInput(),
  /** Currency of `amount`; v1 documents exactly these. */
  currency: v.optional(v.picklist(['USD', 'RUB', 'EUR', 'GBP', 'UAH'])),
  /** Your order id. */
  order_id: v.optional(text()),
  /** The payer's e-mail address. */
  email: v.optional(emailAddress()),
});

/** What `v1.invoice.create()` takes. */
export type V1InvoiceCreateParams = v.InferInput<typeof v1InvoiceCreateParamsSchema>;

/**
 * The v1 create response. v1 has no `result` envelope: the body itself is the result, its
 * `status` included (`"success"`); v1 and v2 result types are kept apart on purpose.
 */
export const v1InvoiceCreateResultSchema = v.looseObject({
  status: v.literal('success'),
  /** The payment page: send the payer here. */
  pay_url: v.string(),
  /** The cryptocurrency CryptoCloud picked, e.g. `BTC`. */
  currency: v.optional(v.nullable(v.string())),
  /** The invoice id, without the `INV-` prefix (e.g. `DZLF4212`). */
  invoice_id: v.string(),
});

/** What `v1.invoice.create()` returns: `{ status, pay_url, currency, invoice_id }`. */
export type V1InvoiceCreateResult = v.InferOutput<typeof v1InvoiceCreateResultSchema>;

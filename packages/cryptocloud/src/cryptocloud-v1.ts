import { amountInput, type DefineEndpoint, type RequestOptions } from '@pay/core';
import * as v from 'valibot';
import type { CryptoCloudEndpoint } from './cryptocloud-request.ts';
import { emailAddress, text } from './cryptocloud-schemas.ts';

/** Parameters of the legacy `v1/invoice/create` (the seed doc); `shop_id` comes from settings. */
const v1InvoiceCreateParamsSchema = v.strictObject({
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
const v1InvoiceCreateResultSchema = v.looseObject({
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

/**
 * `client.v1.invoice`: legacy v1 invoices. Its method rejects with a `PayCallError` (see
 * `@pay/core`) when it fails.
 */
export interface CryptoCloudV1InvoiceApi {
  /**
   * Legacy: `POST /v1/invoice/create`. Prefer `invoice.create()` (v2). `shop_id` comes from the
   * client's `shopId`. A `PayApiError` says what its status means: 401 a bad API key, 400 the
   * invoice could not be created, 406 the service is unavailable (`retryable`). Never retried.
   */
  create(params: V1InvoiceCreateParams, options?: RequestOptions): Promise<V1InvoiceCreateResult>;
}

/** `client.v1`: the legacy v1 API ("OLD" in CryptoCloud's docs), kept for the seed doc. */
export interface CryptoCloudV1Api {
  /** v1 invoices: `create` only (v1 status checks are not offered; use `invoice.info()`). */
  invoice: CryptoCloudV1InvoiceApi;
}

/** Builds `client.v1`. */
export function createV1Api(endpoint: DefineEndpoint<CryptoCloudEndpoint>): CryptoCloudV1Api {
  return {
    invoice: {
      create: endpoint({
        operation: 'v1/invoice/create',
        path: 'v1/invoice/create',
        params: v1InvoiceCreateParamsSchema,
        result: v1InvoiceCreateResultSchema,
        idempotent: false,
        shopId: true,
        // A decimal in the docs.
        numbers: ['amount'],
      }),
    },
  };
}

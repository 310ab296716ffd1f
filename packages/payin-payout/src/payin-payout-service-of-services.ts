import { amountInput, type RequestOptions } from '@pay/core';
import * as v from 'valibot';
import type { DefinePayinPayoutEndpoint } from './payin-payout-request.ts';
import { currencyId, envelope, positiveId, text } from './payin-payout-schemas.ts';

/** `service-of-services/create-invoice` (A1, the seed): an invoice paid automatically. */
const createInvoiceParams = v.strictObject({
  /** The service id Payin-payout management issued. */
  service_id: positiveId(),
  /** The Payin-payout user whose balance is debited. */
  payer_id: positiveId(),
  /** RUB, sent as the canonical decimal (`'1000'`, `'10.1'`). */
  amount: amountInput(),
  /** Your invoice id, unique per shop; echoed in the result callback. */
  external_id: text(),
  description: text(),
});

/** `service-of-services/create-reward-invoice` (A6): pays `receiver_id` from the service's user. */
const createRewardInvoiceParams = v.strictObject({
  service_id: positiveId(),
  receiver_id: positiveId(),
  amount: amountInput(),
  /** ISO 4217 numeric; Payin-payout's default is `643`. */
  currency_id: v.optional(currencyId()),
  external_id: text(),
  // The doc's table says `descr`, its PHP example sends `description`: both are accepted.
  descr: v.optional(text()),
  description: v.optional(text()),
});

/** A1, A6: accepted; the outcome comes by callback. The envelope is kept for its `tracker`. */
const invoiceAccepted = envelope(v.boolean());

/** What `serviceOfServices.createInvoice()` takes. */
export type ServiceOfServicesCreateInvoiceParams = v.InferInput<typeof createInvoiceParams>;
/** What `serviceOfServices.createInvoice()` resolves to: `{ status: true, result: true, tracker: ' gid_…' }`. */
export type ServiceOfServicesCreateInvoiceResult = v.InferOutput<typeof invoiceAccepted>;
/** What `serviceOfServices.createRewardInvoice()` takes. */
export type ServiceOfServicesCreateRewardInvoiceParams = v.InferInput<
  typeof createRewardInvoiceParams
>;
/** What `serviceOfServices.createRewardInvoice()` resolves to: `{ status: true, result: true, tracker }`. */
export type ServiceOfServicesCreateRewardInvoiceResult = v.InferOutput<typeof invoiceAccepted>;

/**
 * `payinPayout.serviceOfServices`: the auto-debit service's invoices. Its methods reject with a
 * `PayCallError` (see `@pay/core`); each one's JSDoc adds only what is specific.
 */
export interface PayinPayoutServiceOfServicesApi {
  /**
   * `service-of-services/create-invoice`: an invoice debited automatically from `payer_id`'s
   * balance. Resolves to the envelope once accepted; the outcome arrives by callback. Never
   * retried automatically; after a `PayNetworkError`, sending the same `external_id` again is
   * safe (a duplicate is refused).
   * @throws PayApiError `providerCode: 'duplicate_external_id'` (the invoice exists),
   *   `'incorrect_timestamp'` (clock more than 10 s off)
   */
  createInvoice(
    params: ServiceOfServicesCreateInvoiceParams,
    options?: RequestOptions,
  ): Promise<ServiceOfServicesCreateInvoiceResult>;
  /**
   * `service-of-services/create-reward-invoice`: pays `receiver_id` from the user bound to the
   * service. Resolves to the envelope; the outcome arrives by callback. Never retried
   * automatically.
   */
  createRewardInvoice(
    params: ServiceOfServicesCreateRewardInvoiceParams,
    options?: RequestOptions,
  ): Promise<ServiceOfServicesCreateRewardInvoiceResult>;
}

/** Builds `serviceOfServices`. */
export function createServiceOfServicesApi(
  define: DefinePayinPayoutEndpoint,
): PayinPayoutServiceOfServicesApi {
  return {
    createInvoice: define({
      operation: 'service-of-services/create-invoice',
      path: 'service-of-services/create-invoice',
      params: createInvoiceParams,
      result: invoiceAccepted,
      idempotent: false,
      // A1, the seed doc: its table and its PHP example share this order.
      order: [
        'service_id',
        'user_id',
        'payer_id',
        'amount',
        'external_id',
        'description',
        'timestamp',
      ],
    }),
    createRewardInvoice: define({
      operation: 'service-of-services/create-reward-invoice',
      path: 'service-of-services/create-reward-invoice',
      params: createRewardInvoiceParams,
      result: invoiceAccepted,
      idempotent: false,
      order: [
        'service_id',
        'receiver_id',
        'amount',
        'currency_id',
        'external_id',
        'descr',
        'description',
        'timestamp',
        'user_id',
      ],
    }),
  };
}

import type { DefineEndpoint, RequestOptions } from '@pay/core';
import * as v from 'valibot';
import type { BitsbyEndpointExtra } from './bitsby-request.ts';
import {
  date,
  invoiceSchema,
  optionalAmount,
  optionalId,
  optionalText,
  paging,
  text,
  uuid,
  walletSchema,
} from './bitsby-schemas.ts';

const paymentsListParamsSchema = v.optional(
  v.strictObject({
    walletId: v.optional(text()),
    invoiceId: v.optional(uuid()),
    startDate: v.optional(date()),
    endDate: v.optional(date()),
    ...paging,
  }),
  {},
);

const paymentSchema = v.looseObject({
  id: optionalId(),
  /** In the cryptocurrency, an 8-decimal string such as `5.02000000`. */
  amount: optionalAmount(),
  /** The transaction hash. */
  hash: optionalText(),
  transactionDatetime: optionalText(),
  invoice: v.optional(v.nullable(v.partial(invoiceSchema))),
  wallet: v.optional(v.nullable(walletSchema)),
});

/** What `payments.list()` takes: filters, all optional. */
export type PaymentsListParams = v.InferInput<typeof paymentsListParamsSchema>;
/** A payment as `payments.list()` returns it. */
export type Payment = v.InferOutput<typeof paymentSchema>;

/**
 * `client.payments`. Its method rejects with a `PayCallError` (see `@pay/core`); a read,
 * retried after "Requests too frequent", 429, 5xx or a network failure.
 */
export interface BitsbyPaymentsApi {
  /**
   * `POST /payments/list`: incoming payments, optionally by wallet, invoice or period.
   * Bitsby detects payments only while the project has active unpaid invoices.
   */
  list(params?: PaymentsListParams, options?: RequestOptions): Promise<Payment[]>;
}

/** Builds `client.payments`. */
export function createBitsbyPayments(
  define: DefineEndpoint<BitsbyEndpointExtra>,
): BitsbyPaymentsApi {
  return {
    list: define({
      operation: 'payments/list',
      path: 'payments/list',
      params: paymentsListParamsSchema,
      result: v.array(paymentSchema),
      idempotent: true,
    }),
  };
}

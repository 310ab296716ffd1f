import type { RequestOptions } from '@pay/core';
import * as v from 'valibot';
import type { DefinePayinPayoutEndpoint } from './payin-payout-request.ts';
import {
  accountNumber,
  codeOutput,
  lastPaymentsEndpoint,
  optionalText,
  payload,
} from './payin-payout-schemas.ts';

/** Outgoing payment statuses (`payment-out` lookups, `client_status`), as documented. */
export const PAYMENT_OUT_STATUSES = {
  0: 'new',
  1: 'paid',
  2: 'cancelled',
  3: 'error',
  5: 'incorrect_situation',
  8: 'refunded',
} as const;

/** `payment-out/find-payment` (A10). */
const findPaymentParams = v.strictObject({ account_number: accountNumber() });

/** A10. `system_status` is undocumented and kept raw. */
const findPaymentResult = payload(
  v.looseObject({
    account_number: v.string(),
    client_status: codeOutput(),
    system_status: v.optional(v.unknown()),
    last_update_time: optionalText(),
  }),
);

/** What `paymentOut.getLastPaymentsForUser()` takes. */
export type PaymentOutGetLastPaymentsForUserParams = v.InferInput<
  typeof lastPaymentsEndpoint.params
>;
/** What `paymentOut.getLastPaymentsForUser()` resolves to, newest first. */
export type PaymentOutGetLastPaymentsForUserResult = v.InferOutput<
  typeof lastPaymentsEndpoint.result
>;
/** What `paymentOut.findPayment()` takes. */
export type PaymentOutFindPaymentParams = v.InferInput<typeof findPaymentParams>;
/** What `paymentOut.findPayment()` resolves to. */
export type PaymentOutFindPaymentResult = v.InferOutput<typeof findPaymentResult>;

/**
 * `payinPayout.paymentOut`: outgoing payments. Its methods reject with a `PayCallError` (see
 * `@pay/core`); each one's JSDoc adds only what is specific.
 */
export interface PayinPayoutPaymentOutApi {
  /**
   * `payment-out/get-last-payments-for-user`: the newest `limit` (≤ 1000) outgoing payments of
   * the user with this e-mail or phone. A read: retried.
   */
  getLastPaymentsForUser(
    params: PaymentOutGetLastPaymentsForUserParams,
    options?: RequestOptions,
  ): Promise<PaymentOutGetLastPaymentsForUserResult>;
  /**
   * `payment-out/find-payment`: an outgoing payment by `account_number`. A read: retried.
   * @throws PayApiError `providerCode: 'not_found'`
   */
  findPayment(
    params: PaymentOutFindPaymentParams,
    options?: RequestOptions,
  ): Promise<PaymentOutFindPaymentResult>;
}

/** Builds `paymentOut`. */
export function createPaymentOutApi(define: DefinePayinPayoutEndpoint): PayinPayoutPaymentOutApi {
  return {
    getLastPaymentsForUser: define({
      operation: 'payment-out/get-last-payments-for-user',
      path: 'payment-out/get-last-payments-for-user',
      ...lastPaymentsEndpoint,
    }),
    findPayment: define({
      operation: 'payment-out/find-payment',
      path: 'payment-out/find-payment',
      params: findPaymentParams,
      result: findPaymentResult,
      idempotent: true,
      order: ['user_id', 'timestamp', 'account_number'],
    }),
  };
}

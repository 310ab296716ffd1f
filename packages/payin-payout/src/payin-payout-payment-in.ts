import { amountInput, type RequestOptions } from '@pay/core';
import * as v from 'valibot';
import type { DefinePayinPayoutEndpoint } from './payin-payout-request.ts';
import {
  accountNumber,
  atLeastOneOf,
  byContact,
  codeOutput,
  currencyId,
  flag,
  httpUrl,
  idOutput,
  lastPaymentsEndpoint,
  optionalText,
  payload,
  positiveId,
  text,
  wholeNumber,
} from './payin-payout-schemas.ts';

/** Incoming payment statuses (`payment-in` lookups, the top-up callback), as documented. */
export const PAYMENT_IN_STATUSES = {
  0: 'new',
  1: 'paid',
  2: 'cancelled',
  3: 'error',
  4: 'paid_frozen',
  5: 'incorrect_event',
  6: 'expired',
  8: 'refunded',
  9: 'chargeback',
  11: 'processing',
  13: 'partially_paid_frozen',
  14: 'partially_paid',
} as const;

/** `payment-in/create-invoice` (A2, 2020 parameters): a top-up invoice with a pay link. */
const createInvoiceParams = v.strictObject({
  /** The user whose balance is topped up. */
  payer_id: positiveId(),
  /** Amount in `currency_id`, sent as the canonical decimal (`'10.10'` → `'10.1'`). */
  summ: amountInput(),
  currency_id: currencyId(),
  descr: text(),
  /** Payment method code: the payer skips the method choice. */
  id_pref: v.optional(v.union([text(), wholeNumber()])),
  success_url: v.optional(httpUrl()),
  fail_url: v.optional(httpUrl()),
  /** Needed for the top-up callback to be sent. Sent as `1`/`0`. */
  is_sos_topup: v.optional(flag()),
});

/** A2: the pay link and the payment's ids, all of which every documented answer carries. */
const createInvoiceResult = payload(
  v.looseObject({
    /** Send the payer here. */
    pay_link: v.string(),
    /** The numeric id the top-up callback's `payment_in_id` carries. */
    payment_in_id: idOutput(),
    payment_in_inner_id: idOutput(),
    payment_in_inner_id_user: idOutput(),
    /** The account number (`000000-111111`) `findPayment` takes. */
    pretty_id: idOutput(),
  }),
);

/** `payment-in/find-payment` (A9): at least one criterion, or nothing can be found. */
const findPaymentParams = v.pipe(
  v.strictObject({ ...byContact, account_number: v.optional(accountNumber()) }),
  atLeastOneOf(['email', 'phone', 'account_number']),
);

const foundPayment = v.looseObject({
  account_number: v.string(),
  status: codeOutput(),
  done_time: optionalText(),
});

/**
 * A9: up to 10 payments. The doc's table says a list, its example shows one object: a single
 * object is returned as a list of one.
 */
const findPaymentResult = payload(
  v.union([
    v.array(foundPayment),
    v.pipe(
      foundPayment,
      v.transform((payment) => [payment]),
    ),
  ]),
);

/** What `paymentIn.createInvoice()` takes. */
export type PaymentInCreateInvoiceParams = v.InferInput<typeof createInvoiceParams>;
/** What `paymentIn.createInvoice()` resolves to: the pay link and the payment's ids. */
export type PaymentInCreateInvoiceResult = v.InferOutput<typeof createInvoiceResult>;
/** What `paymentIn.getLastPaymentsForUser()` takes. */
export type PaymentInGetLastPaymentsForUserParams = v.InferInput<
  typeof lastPaymentsEndpoint.params
>;
/** What `paymentIn.getLastPaymentsForUser()` resolves to, newest first. */
export type PaymentInGetLastPaymentsForUserResult = v.InferOutput<
  typeof lastPaymentsEndpoint.result
>;
/** What `paymentIn.findPayment()` takes. */
export type PaymentInFindPaymentParams = v.InferInput<typeof findPaymentParams>;
/** What `paymentIn.findPayment()` resolves to: always a list. */
export type PaymentInFindPaymentResult = v.InferOutput<typeof findPaymentResult>;

/**
 * `payinPayout.paymentIn`: incoming payments. Its methods reject with a `PayCallError` (see
 * `@pay/core`); each one's JSDoc adds only what is specific.
 */
export interface PayinPayoutPaymentInApi {
  /**
   * `payment-in/create-invoice`: a top-up invoice; send the payer to `pay_link`. With
   * `is_sos_topup: true` a top-up callback follows payment. Never retried automatically.
   */
  createInvoice(
    params: PaymentInCreateInvoiceParams,
    options?: RequestOptions,
  ): Promise<PaymentInCreateInvoiceResult>;
  /**
   * `payment-in/get-last-payments-for-user`: the newest `limit` (≤ 1000) incoming payments of
   * the user with this e-mail or phone. A read: retried.
   */
  getLastPaymentsForUser(
    params: PaymentInGetLastPaymentsForUserParams,
    options?: RequestOptions,
  ): Promise<PaymentInGetLastPaymentsForUserResult>;
  /**
   * `payment-in/find-payment`: incoming payments by e-mail, phone or `account_number` (give at
   * least one). A read: retried.
   * @throws PayApiError `providerCode: 'not_found'` or `'more_than_one_payment'`
   */
  findPayment(
    params: PaymentInFindPaymentParams,
    options?: RequestOptions,
  ): Promise<PaymentInFindPaymentResult>;
}

/** Builds `paymentIn`. */
export function createPaymentInApi(define: DefinePayinPayoutEndpoint): PayinPayoutPaymentInApi {
  return {
    createInvoice: define({
      operation: 'payment-in/create-invoice',
      path: 'payment-in/create-invoice',
      params: createInvoiceParams,
      result: createInvoiceResult,
      idempotent: false,
      // The 2020 table is not in the SPEC: required fields, then user_id and timestamp, then the
      // optional ones, as the 2019 table of this page had them.
      order: [
        'payer_id',
        'summ',
        'currency_id',
        'descr',
        'user_id',
        'timestamp',
        'id_pref',
        'success_url',
        'fail_url',
        'is_sos_topup',
      ],
    }),
    getLastPaymentsForUser: define({
      operation: 'payment-in/get-last-payments-for-user',
      path: 'payment-in/get-last-payments-for-user',
      ...lastPaymentsEndpoint,
    }),
    findPayment: define({
      operation: 'payment-in/find-payment',
      path: 'payment-in/find-payment',
      params: findPaymentParams,
      result: findPaymentResult,
      idempotent: true,
      order: ['user_id', 'timestamp', 'email', 'phone', 'account_number'],
    }),
  };
}

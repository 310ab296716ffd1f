import type * as v from 'valibot';
import {
  createInvoiceParamsSchema,
  createRewardInvoiceParamsSchema,
  createShopParamsSchema,
  createUserParamsSchema,
  findPaymentInParamsSchema,
  findPaymentOutParamsSchema,
  getBalanceParamsSchema,
  getUserInfoParamsSchema,
  lastPaymentsParamsSchema,
  topUpInvoiceParamsSchema,
} from './payin-payout-params.ts';
import {
  balanceResultSchema,
  createShopResultSchema,
  createUserResultSchema,
  findPaymentInResultSchema,
  findPaymentOutResultSchema,
  invoiceAcceptedSchema,
  lastPaymentsResultSchema,
  topUpInvoiceResultSchema,
  userInfoResultSchema,
} from './payin-payout-results.ts';

/** One developer-key API endpoint: `POST <baseUrl>/<path>` with a signed form body. */
export interface Operation<TParams extends v.GenericSchema, TResult extends v.GenericSchema> {
  /** The documented path, also the operation's name in errors. */
  path: string;
  params: TParams;
  result: TResult;
  /** A read that is safe to send again (retried on 429/5xx/network). Never true for writes. */
  idempotent: boolean;
  /**
   * The parameter order of the doc's table, `user_id` and `timestamp` included. The `'legacy'`
   * hash rule concatenates values in sending order, so the body is sent in this order.
   */
  order: readonly string[];
}

const define = <TParams extends v.GenericSchema, TResult extends v.GenericSchema>(
  operation: Operation<TParams, TResult>,
) => operation;

const lastPayments = (path: string) =>
  define({
    path,
    params: lastPaymentsParamsSchema,
    result: lastPaymentsResultSchema,
    idempotent: true,
    order: ['user_id', 'timestamp', 'email', 'phone', 'limit'],
  });

/** Every developer-key API endpoint the client covers, as documented (SPEC §3.1). */
export const operations = {
  /** A1, the seed doc: its table and its PHP example share this order. */
  createInvoice: define({
    path: 'service-of-services/create-invoice',
    params: createInvoiceParamsSchema,
    result: invoiceAcceptedSchema,
    idempotent: false,
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
    path: 'service-of-services/create-reward-invoice',
    params: createRewardInvoiceParamsSchema,
    result: invoiceAcceptedSchema,
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
  // The 2020 table is not in the SPEC: required fields, then user_id and timestamp, then the
  // optional ones, as the 2019 table of this page had them.
  topUpInvoice: define({
    path: 'payment-in/create-invoice',
    params: topUpInvoiceParamsSchema,
    result: topUpInvoiceResultSchema,
    idempotent: false,
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
  createShop: define({
    path: 'shop/api-create',
    params: createShopParamsSchema,
    result: createShopResultSchema,
    idempotent: false,
    order: ['title', 'address', 'user_id', 'timestamp'],
  }),
  getBalance: define({
    path: 'user/api-get-balance',
    params: getBalanceParamsSchema,
    result: balanceResultSchema,
    idempotent: true,
    order: ['user_id', 'balance_user_id', 'timestamp'],
  }),
  createUser: define({
    path: 'user/api-create',
    params: createUserParamsSchema,
    result: createUserResultSchema,
    idempotent: false,
    order: [
      'ul',
      'email',
      'phone',
      'username',
      'password',
      'resident',
      'user_id',
      'timestamp',
      'source_registration',
    ],
  }),
  lastPaymentsIn: lastPayments('payment-in/get-last-payments-for-user'),
  lastPaymentsOut: lastPayments('payment-out/get-last-payments-for-user'),
  findPaymentIn: define({
    path: 'payment-in/find-payment',
    params: findPaymentInParamsSchema,
    result: findPaymentInResultSchema,
    idempotent: true,
    order: ['user_id', 'timestamp', 'email', 'phone', 'account_number'],
  }),
  findPaymentOut: define({
    path: 'payment-out/find-payment',
    params: findPaymentOutParamsSchema,
    result: findPaymentOutResultSchema,
    idempotent: true,
    order: ['user_id', 'timestamp', 'account_number'],
  }),
  getUserInfo: define({
    path: 'user/get_user_info_via_dev_key',
    params: getUserInfoParamsSchema,
    result: userInfoResultSchema,
    idempotent: true,
    order: ['user_id', 'timestamp', 'email', 'phone'],
  }),
};

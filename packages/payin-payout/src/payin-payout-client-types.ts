import type { RequestOptions } from '@pay/core';
import type {
  CreateInvoiceParams,
  CreateRewardInvoiceParams,
  CreateShopParams,
  CreateUserParams,
  FindPaymentInParams,
  FindPaymentOutParams,
  GetBalanceParams,
  GetUserInfoParams,
  LastPaymentsParams,
  TopUpInvoiceParams,
} from './payin-payout-params.ts';
import type {
  BalanceResult,
  CreateShopResult,
  CreateUserResult,
  FindPaymentInResult,
  FindPaymentOutResult,
  InvoiceAccepted,
  LastPaymentsResult,
  TopUpInvoiceResult,
  UserInfoResult,
} from './payin-payout-results.ts';
import type { PayinPayoutWebhooks } from './payin-payout-webhooks.ts';

// Every method posts a signed form to `<baseUrl>/<path>`; the SDK adds `user_id`, `timestamp`
// and `hash`. Each one throws:
// - PayValidationError: bad params, before any request;
// - PayApiError: Payin-payout said no (`status: false` with its `user_msg`, usually HTTP 200;
//   `providerCode` names the known cases), or a non-2xx status;
// - PayNetworkError: no response (timeout, reset, abort);
// - PayResponseError: an answer that is not the documented JSON.

/** A Payin-payout developer-key API client; methods mirror the API paths. */
export interface PayinPayoutClient {
  serviceOfServices: {
    /**
     * `service-of-services/create-invoice`: an invoice debited automatically from `payer_id`'s
     * balance. Returns `{ status, result, tracker }` once accepted; the outcome arrives by
     * callback. Never retried automatically.
     * @throws PayValidationError bad params, before any request
     * @throws PayApiError e.g. `providerCode: 'duplicate_external_id'` (the invoice exists),
     *   `'incorrect_timestamp'` (clock more than 10 s off)
     * @throws PayNetworkError no response: the invoice may exist; retrying with the same
     *   `external_id` is safe (a duplicate is refused)
     * @throws PayResponseError an answer that is not the documented JSON
     */
    createInvoice(params: CreateInvoiceParams, options?: RequestOptions): Promise<InvoiceAccepted>;
    /**
     * `service-of-services/create-reward-invoice`: pays `receiver_id` from the user bound to the
     * service. Returns `{ status, result, tracker }`; the outcome arrives by callback. Never
     * retried automatically.
     * @throws PayValidationError bad params, before any request
     * @throws PayApiError Payin-payout refused the request
     * @throws PayNetworkError no response: the reward may have been created
     * @throws PayResponseError an answer that is not the documented JSON
     */
    createRewardInvoice(
      params: CreateRewardInvoiceParams,
      options?: RequestOptions,
    ): Promise<InvoiceAccepted>;
  };
  paymentIn: {
    /**
     * `payment-in/create-invoice`: a top-up invoice; send the payer to `pay_link`. With
     * `is_sos_topup: true` a top-up callback follows payment. Never retried automatically.
     * @throws PayValidationError bad params, before any request
     * @throws PayApiError Payin-payout refused the request
     * @throws PayNetworkError no response: the invoice may have been created
     * @throws PayResponseError an answer that is not the documented JSON
     */
    createInvoice(
      params: TopUpInvoiceParams,
      options?: RequestOptions,
    ): Promise<TopUpInvoiceResult>;
    /**
     * `payment-in/get-last-payments-for-user`: the newest `limit` (≤ 1000) incoming payments of
     * the user with this e-mail or phone. A read: retried on 429/5xx/network.
     * @throws PayValidationError bad params, before any request
     * @throws PayApiError Payin-payout refused the request
     * @throws PayNetworkError no response after the retries
     * @throws PayResponseError an answer that is not the documented JSON
     */
    getLastPaymentsForUser(
      params: LastPaymentsParams,
      options?: RequestOptions,
    ): Promise<LastPaymentsResult>;
    /**
     * `payment-in/find-payment`: incoming payments by e-mail, phone or `account_number` (give at
     * least one). A read: retried on 429/5xx/network.
     * @throws PayValidationError bad params, before any request
     * @throws PayApiError `providerCode: 'not_found'` or `'more_than_one_payment'`
     * @throws PayNetworkError no response after the retries
     * @throws PayResponseError an answer that is not the documented JSON
     */
    findPayment(
      params: FindPaymentInParams,
      options?: RequestOptions,
    ): Promise<FindPaymentInResult>;
  };
  paymentOut: {
    /**
     * `payment-out/get-last-payments-for-user`: the newest `limit` (≤ 1000) outgoing payments.
     * A read: retried on 429/5xx/network.
     * @throws PayValidationError bad params, before any request
     * @throws PayApiError Payin-payout refused the request
     * @throws PayNetworkError no response after the retries
     * @throws PayResponseError an answer that is not the documented JSON
     */
    getLastPaymentsForUser(
      params: LastPaymentsParams,
      options?: RequestOptions,
    ): Promise<LastPaymentsResult>;
    /**
     * `payment-out/find-payment`: an outgoing payment by `account_number`. A read: retried on
     * 429/5xx/network.
     * @throws PayValidationError bad params, before any request
     * @throws PayApiError `providerCode: 'not_found'`
     * @throws PayNetworkError no response after the retries
     * @throws PayResponseError an answer that is not the documented JSON
     */
    findPayment(
      params: FindPaymentOutParams,
      options?: RequestOptions,
    ): Promise<FindPaymentOutResult>;
  };
  user: {
    /**
     * `user/api-get-balance`: a user's balances by ISO 4217 numeric code, as decimal strings.
     * A read: retried on 429/5xx/network.
     * @throws PayValidationError bad params, before any request
     * @throws PayApiError Payin-payout refused the request
     * @throws PayNetworkError no response after the retries
     * @throws PayResponseError an answer that is not the documented JSON
     */
    getBalance(params: GetBalanceParams, options?: RequestOptions): Promise<BalanceResult>;
    /**
     * `user/api-create`: registers a user. Never retried automatically.
     * @throws PayValidationError bad params, before any request
     * @throws PayApiError e.g. `providerCode: 'EXIST_IN_SYSTEM'` (registered already)
     * @throws PayNetworkError no response: the user may have been created
     * @throws PayResponseError an answer that is not the documented JSON
     */
    create(params: CreateUserParams, options?: RequestOptions): Promise<CreateUserResult>;
    /**
     * `user/get_user_info_via_dev_key`: a user by e-mail or phone; `null` when none matches.
     * A read: retried on 429/5xx/network.
     * @throws PayValidationError bad params, before any request
     * @throws PayApiError Payin-payout refused the request
     * @throws PayNetworkError no response after the retries
     * @throws PayResponseError an answer that is not the documented JSON
     */
    getInfo(params: GetUserInfoParams, options?: RequestOptions): Promise<UserInfoResult>;
  };
  shop: {
    /**
     * `shop/api-create`: creates a shop; `result` is its id. Ask Payin-payout management to
     * attach it to the auto-debit service. Never retried automatically.
     * @throws PayValidationError bad params, before any request
     * @throws PayApiError Payin-payout refused the request
     * @throws PayNetworkError no response: the shop may have been created
     * @throws PayResponseError an answer that is not the documented JSON
     */
    create(params: CreateShopParams, options?: RequestOptions): Promise<CreateShopResult>;
  };
  /** The auto-debit result, reward result and top-up callbacks. */
  webhooks: PayinPayoutWebhooks;
}

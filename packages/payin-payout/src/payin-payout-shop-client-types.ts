import type { RequestOptions } from '@pay/core';
import type {
  RpayGetStatusTokenParams,
  RpayGetTokenParams,
  RpayPayParams,
  RpayTokenParams,
  ShopP2pInvoiceParams,
  ShopPaymentParams,
  ShopProvidersParams,
} from './payin-payout-shop-params.ts';
import type {
  P2pInvoiceResult,
  ProvidersResult,
  RpayGetTokenResult,
  RpayPayResult,
  RpayStatusTokenResult,
  RpayTokenResult,
  ShopInvoiceResult,
} from './payin-payout-shop-results.ts';
import type { PayinPayoutShopWebhooks } from './payin-payout-shop-webhooks.ts';

/** The payment-registration form, signed, for the payer's browser to submit. */
export interface ShopPaymentForm {
  /** `<baseUrl>/api/shop`: the form's `action`. */
  action: string;
  /** The form's `method`. */
  method: 'POST';
  /** The hidden inputs, `sign` included, each value exactly as signed. */
  fields: Record<string, string>;
  /** The same request as a GET link, which the docs accept too: redirect the payer here. */
  url: string;
}

// Every requesting method posts a form with `agentId` and `sign` added, and throws:
// - PayValidationError: bad params, before any request;
// - PayApiError: Payin-payout said no (`status: false` with `user_msg` or a `result` text), or
//   a non-2xx status;
// - PayNetworkError: no response (timeout, reset, abort);
// - PayResponseError: an answer that is not the documented JSON.

/** A Payin-payout merchant shop API client (`agentId` + secret phrase). */
export interface PayinPayoutShopClient {
  shop: {
    /**
     * `/api/shop`, the payment-registration form: builds and signs the fields; sends nothing.
     * Render them as hidden inputs of a form posting to `action`, or redirect to `url`.
     * Payin-payout answers the browser with a redirect to its payment page (errors go to
     * `failUrl` with an `error` parameter).
     * @throws PayValidationError bad params (thrown synchronously: nothing is sent)
     */
    paymentForm(params: ShopPaymentParams): ShopPaymentForm;
    /**
     * `/api/shop` with `format=json`: an invoice to pay at a terminal; tell the payer its
     * `number`. Never retried automatically.
     * @throws PayValidationError bad params, before any request
     * @throws PayApiError Payin-payout refused the invoice
     * @throws PayNetworkError no response: the invoice may have been created
     * @throws PayResponseError an answer that is not the documented JSON
     */
    createInvoice(params: ShopPaymentParams, options?: RequestOptions): Promise<ShopInvoiceResult>;
    /**
     * `/api/shop` with `json=1`: a p2p invoice: the card or phone to transfer to before `until`.
     * Never retried automatically.
     * @throws PayValidationError bad params, before any request
     * @throws PayApiError e.g. `providerCode: 'duplicate_order_id'`
     * @throws PayNetworkError no response: the invoice may have been created
     * @throws PayResponseError an answer that is not the documented JSON
     */
    createP2pInvoice(
      params: ShopP2pInvoiceParams,
      options?: RequestOptions,
    ): Promise<P2pInvoiceResult>;
    /**
     * `/shop/get-providers-pay`: the shop's payment methods (`preference` codes). A read:
     * retried on 429/5xx/network.
     * @throws PayValidationError bad params, before any request
     * @throws PayApiError Payin-payout refused the request
     * @throws PayNetworkError no response after the retries
     * @throws PayResponseError an answer that is not the documented JSON
     */
    getProvidersPay(
      params?: ShopProvidersParams,
      options?: RequestOptions,
    ): Promise<ProvidersResult>;
  };
  rpay: {
    /**
     * `/api/rpay/token` (v1): a recurring token for an order paid by card in the last 36000 s.
     * Never retried automatically.
     * @throws PayValidationError bad params, before any request
     * @throws PayApiError e.g. the payment is too old, or recurring payments are off
     * @throws PayNetworkError no response
     * @throws PayResponseError an answer that is not the documented JSON
     */
    token(params: RpayTokenParams, options?: RequestOptions): Promise<RpayTokenResult>;
    /**
     * `/api/rpay/pay`: charges a card by token. Moves money: never retried automatically.
     * @throws PayValidationError bad params, before any request
     * @throws PayApiError Payin-payout refused the payment
     * @throws PayNetworkError no response: the card may have been charged; check before retrying
     * @throws PayResponseError an answer that is not the documented JSON
     */
    pay(params: RpayPayParams, options?: RequestOptions): Promise<RpayPayResult>;
    /**
     * `/api/rpay/get-token` (v2, 3-D Secure): a token the payer confirms at
     * `client_redirect_url`. Never retried automatically.
     * @throws PayValidationError bad params, before any request
     * @throws PayApiError Payin-payout refused the request
     * @throws PayNetworkError no response
     * @throws PayResponseError an answer that is not the documented JSON
     */
    getToken(params: RpayGetTokenParams, options?: RequestOptions): Promise<RpayGetTokenResult>;
    /**
     * `/api/rpay/get-status-token` (v2): `status` `SUCCEEDED` once confirmed. A read: retried
     * on 429/5xx/network.
     * @throws PayValidationError bad params, before any request
     * @throws PayApiError Payin-payout refused the request
     * @throws PayNetworkError no response after the retries
     * @throws PayResponseError an answer that is not the documented JSON
     */
    getStatusToken(
      params: RpayGetStatusTokenParams,
      options?: RequestOptions,
    ): Promise<RpayStatusTokenResult>;
  };
  /** Payment notifications. */
  webhooks: PayinPayoutShopWebhooks;
}

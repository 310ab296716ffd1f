import type { RequestOptions } from '@pay/core';
import * as v from 'valibot';
import {
  envelope,
  optionalText,
  payload,
  shortText,
  text,
  wholeNumber,
} from './payin-payout-schemas.ts';
import {
  type DefinePayinPayoutShopEndpoint,
  REGISTRATION_SIGNED,
} from './payin-payout-shop-request.ts';
import {
  agentTime,
  type RegistrationParams,
  registrationEntries,
  urlField,
  withAddInfo,
} from './payin-payout-shop-schemas.ts';

/** `/api/rpay/token`: a token for an order paid by card within the last 36000 s. */
const tokenParams = v.strictObject({
  orderId: shortText(50),
  agentTime: v.optional(agentTime()),
});

/** `/api/rpay/pay`: a payment with a recurring token (token and method required). */
const payParams = withAddInfo({
  ...registrationEntries,
  token: text(),
  preference: wholeNumber(),
});

/** `/api/rpay/get-token` (v2, 3-D Secure services). */
const getTokenParams = v.strictObject({
  /** Card method: 22, 125 or 133 per the docs. */
  preference: wholeNumber(),
  successUrl: urlField(),
  cancelUrl: urlField(),
  callbackUrl: v.optional(urlField()),
});

/** `/api/rpay/get-status-token` (v2). */
const getStatusTokenParams = v.strictObject({
  preference: wholeNumber(),
  token: text(),
});

/** `/api/rpay/token`: `result` is the token (valid one year). */
const tokenResult = envelope(v.string());

/**
 * `/api/rpay/pay`: `result` is a status text; with a 3-D Secure card the payer must open `url`
 * to finish.
 */
const payResult = v.looseObject({
  status: v.literal(true),
  result: v.string(),
  url: optionalText(),
});

/** `/api/rpay/get-token`: send the payer to `client_redirect_url` to confirm the card. */
const getTokenResult = payload(
  v.looseObject({
    token: v.string(),
    /** Always there on success: where the payer confirms the card. */
    client_redirect_url: v.string(),
    error: optionalText(),
  }),
);

/** `/api/rpay/get-status-token`: `status` `SUCCEEDED` once the payer confirmed the token. */
const getStatusTokenResult = payload(
  v.looseObject({
    token: optionalText(),
    status: v.string(),
    error: optionalText(),
  }),
);

/** What `rpay.token()` takes. */
export type RpayTokenParams = v.InferInput<typeof tokenParams>;
/** What `rpay.token()` resolves to: `{ status: true, result: '<token>', tracker }`. */
export type RpayTokenResult = v.InferOutput<typeof tokenResult>;
/** What `rpay.pay()` takes: a payment registration with the token and the method. */
export type RpayPayParams = RegistrationParams & { token: string; preference: number | string };
/** What `rpay.pay()` resolves to: `{ status: true, result: '<status text>', url }`. */
export type RpayPayResult = v.InferOutput<typeof payResult>;
/** What `rpay.getToken()` takes. */
export type RpayGetTokenParams = v.InferInput<typeof getTokenParams>;
/** What `rpay.getToken()` resolves to: the token and where the payer confirms it. */
export type RpayGetTokenResult = v.InferOutput<typeof getTokenResult>;
/** What `rpay.getStatusToken()` takes. */
export type RpayGetStatusTokenParams = v.InferInput<typeof getStatusTokenParams>;
/** What `rpay.getStatusToken()` resolves to: `status` `SUCCEEDED` once confirmed. */
export type RpayGetStatusTokenResult = v.InferOutput<typeof getStatusTokenResult>;

/**
 * `shop.rpay`: recurring card payments (v1 tokens, v2 3-D Secure tokens). Its methods reject
 * with a `PayCallError` (see `@pay/core`); each one's JSDoc adds only what is specific.
 */
export interface PayinPayoutShopRpayApi {
  /**
   * `/api/rpay/token` (v1): a recurring token for an order paid by card in the last 36000 s.
   * Never retried automatically.
   * @throws PayApiError e.g. the payment is too old, or recurring payments are off
   */
  token(params: RpayTokenParams, options?: RequestOptions): Promise<RpayTokenResult>;
  /**
   * `/api/rpay/pay`: charges a card by token. Moves money: never retried automatically; after a
   * `PayNetworkError` the card may have been charged, so check before sending it again.
   */
  pay(params: RpayPayParams, options?: RequestOptions): Promise<RpayPayResult>;
  /**
   * `/api/rpay/get-token` (v2, 3-D Secure): a token the payer confirms at
   * `client_redirect_url`. Never retried automatically.
   */
  getToken(params: RpayGetTokenParams, options?: RequestOptions): Promise<RpayGetTokenResult>;
  /** `/api/rpay/get-status-token` (v2): `status` `SUCCEEDED` once confirmed. A read: retried. */
  getStatusToken(
    params: RpayGetStatusTokenParams,
    options?: RequestOptions,
  ): Promise<RpayGetStatusTokenResult>;
}

/** Builds `rpay`. */
export function createShopRpayApi(define: DefinePayinPayoutShopEndpoint): PayinPayoutShopRpayApi {
  return {
    token: define({
      operation: 'api/rpay/token',
      path: 'api/rpay/token',
      params: tokenParams,
      result: tokenResult,
      idempotent: false,
      signed: ['agentId', 'orderId', 'agentTime'],
      agentTime: true,
    }),
    pay: define({
      operation: 'api/rpay/pay',
      path: 'api/rpay/pay',
      params: payParams,
      result: payResult,
      idempotent: false,
      signed: REGISTRATION_SIGNED,
      agentTime: true,
    }),
    getToken: define({
      operation: 'api/rpay/get-token',
      path: 'api/rpay/get-token',
      params: getTokenParams,
      result: getTokenResult,
      idempotent: false,
      signed: ['agentId', 'preference'],
      agentTime: false,
    }),
    // TokenV2.md: the status form works "like the token form", so it signs the same fields.
    getStatusToken: define({
      operation: 'api/rpay/get-status-token',
      path: 'api/rpay/get-status-token',
      params: getStatusTokenParams,
      result: getStatusTokenResult,
      idempotent: true,
      signed: ['agentId', 'preference'],
      agentTime: false,
    }),
  };
}

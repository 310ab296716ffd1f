import { type CommonSettings, createClientSetup, PayConfigError } from '@pay/core';
import { readPayinPayoutError } from './payin-payout-errors.ts';
import { createPaymentInApi, type PayinPayoutPaymentInApi } from './payin-payout-payment-in.ts';
import { createPaymentOutApi, type PayinPayoutPaymentOutApi } from './payin-payout-payment-out.ts';
import { type BodyEncoding, createPayinPayoutEndpoint, PROVIDER } from './payin-payout-request.ts';
import {
  createServiceOfServicesApi,
  type PayinPayoutServiceOfServicesApi,
} from './payin-payout-service-of-services.ts';
import { createShopApi, type PayinPayoutShopApi } from './payin-payout-shop.ts';
import type { HashRule } from './payin-payout-signing.ts';
import { createUserApi, type PayinPayoutUserApi } from './payin-payout-user.ts';
import { createWebhooks, type PayinPayoutWebhooksApi } from './payin-payout-webhooks.ts';
import { VERSION } from './version.ts';

/** Payin-payout's production host, for both the developer-key API and the shop API. */
export const PAYIN_PAYOUT_BASE_URL = 'https://lk.payin-payout.net';

/** Payin-payout's sandbox host (fake payment pages; callbacks are sent from it too). */
export const PAYIN_PAYOUT_SANDBOX_URL = 'https://dev1.payin-payout.net';

/** Settings of {@link createPayinPayout}: the developer-key API (family A). */
export interface PayinPayoutSettings extends CommonSettings {
  /** `user_id`: the Payin-payout user the API works as (digits, or a number). Required. */
  userId: number | string;
  /**
   * The developer key from the user's profile, issued on request by Payin-payout management:
   * the HMAC key of every request. Required. Keep it out of logs and front-ends.
   */
  developerKey: string;
  /**
   * How requests (and callbacks) are hashed: `'sorted'` (the provider's rule since 2020: keys
   * sorted case-insensitively, PHP `http_build_query`, HMAC-MD5) or `'legacy'` (the 2019 seed
   * doc's rule: values concatenated in the documented order). Default: `'sorted'`.
   */
  hashRule?: HashRule | undefined;
  /**
   * Request body encoding: `'urlencoded'` (`application/x-www-form-urlencoded`) or
   * `'multipart'` (`multipart/form-data`, what the docs' PHP examples send). Default: `'urlencoded'`.
   */
  bodyEncoding?: BodyEncoding | undefined;
  /**
   * Milliseconds to add to `now()` to get Payin-payout's clock. Requests are refused when their
   * `timestamp` is more than 10 s off. Default: `0`.
   */
  clockOffsetMs?: number | undefined;
  /**
   * The key callbacks are signed with. The docs say callbacks are signed "the same way" as
   * requests, which suggests the developer key (unconfirmed). Default: `developerKey`.
   */
  callbackKey?: string | undefined;
  /** How far (seconds) a callback's `timestamp` may be from now, either way. Default: `300`. */
  webhookToleranceSeconds?: number | undefined;
  /** Default: `https://lk.payin-payout.net` (sandbox: `https://dev1.payin-payout.net`). */
  baseUrl?: string | undefined;
}

/**
 * A Payin-payout developer-key API client: every method posts a signed form to
 * `<baseUrl>/<path>`, named after that path; the SDK adds `user_id`, `timestamp` and `hash`.
 */
export interface PayinPayoutClient {
  /** Auto-debit and reward invoices. */
  serviceOfServices: PayinPayoutServiceOfServicesApi;
  /** Top-up invoices and incoming payments. */
  paymentIn: PayinPayoutPaymentInApi;
  /** Outgoing payments. */
  paymentOut: PayinPayoutPaymentOutApi;
  /** Balances and users. */
  user: PayinPayoutUserApi;
  /** Shops. */
  shop: PayinPayoutShopApi;
  /** The auto-debit result, reward result and top-up callbacks. */
  webhooks: PayinPayoutWebhooksApi;
}

/**
 * Creates a client for Payin-payout's developer-key API (family A): auto-debit, reward and
 * top-up invoices, balances, payment lookups, users, shops, and its callbacks.
 * Throws `PayConfigError` for missing or invalid settings, naming the setting, never its value.
 */
export function createPayinPayout(settings: PayinPayoutSettings): PayinPayoutClient {
  const { common, transport } = createClientSetup(settings, {
    provider: PROVIDER,
    id: 'payin-payout',
    version: VERSION,
    defaultBaseUrl: PAYIN_PAYOUT_BASE_URL,
    required: ['developerKey'],
    secrets: ['developerKey', 'callbackKey'],
    readError: readPayinPayoutError,
  });
  const userId = typeof settings.userId === 'number' ? String(settings.userId) : settings.userId;
  if (typeof userId !== 'string' || !/^[1-9]\d*$/.test(userId)) {
    throw new PayConfigError('userId', 'is required: a positive whole number', {
      provider: PROVIDER,
    });
  }
  const hashRule = oneOf(settings.hashRule ?? 'sorted', ['sorted', 'legacy'], 'hashRule');
  const bodyEncoding = oneOf(
    settings.bodyEncoding ?? 'urlencoded',
    ['urlencoded', 'multipart'],
    'bodyEncoding',
  );
  const clockOffsetMs = wholeNumber(settings.clockOffsetMs ?? 0, 'clockOffsetMs', -Infinity);
  const toleranceSeconds = wholeNumber(
    settings.webhookToleranceSeconds ?? 300,
    'webhookToleranceSeconds',
    1,
  );
  const serverNow = () => common.now() + clockOffsetMs;
  const define = createPayinPayoutEndpoint({
    transport,
    userId,
    developerKey: settings.developerKey,
    hashRule,
    bodyEncoding,
    serverNow,
  });
  return {
    serviceOfServices: createServiceOfServicesApi(define),
    paymentIn: createPaymentInApi(define),
    paymentOut: createPaymentOutApi(define),
    user: createUserApi(define),
    shop: createShopApi(define),
    webhooks: createWebhooks({
      key: settings.callbackKey ?? settings.developerKey,
      hashRule,
      toleranceSeconds,
      serverNow,
    }),
  };
}

/** `value` when it is one of `allowed`, else a `PayConfigError` naming the setting. */
function oneOf<const T extends string>(value: unknown, allowed: readonly T[], setting: string): T {
  if (allowed.includes(value as T)) return value as T;
  const choices = allowed.map((item) => `'${item}'`).join(', ');
  throw new PayConfigError(setting, `must be one of ${choices}`, { provider: PROVIDER });
}

/** `value` when it is a safe integer of at least `min`, else a `PayConfigError`. */
function wholeNumber(value: number, setting: string, min: number): number {
  if (Number.isSafeInteger(value) && value >= min) return value;
  const range = min === -Infinity ? '' : ` of ${min} or more`;
  throw new PayConfigError(setting, `must be a whole number${range}`, { provider: PROVIDER });
}

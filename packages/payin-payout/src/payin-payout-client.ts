import {
  type CommonSettings,
  createTransport,
  PayConfigError,
  requireCredential,
  resolveCommonSettings,
} from '@pay/core';
import type { PayinPayoutClient } from './payin-payout-client-types.ts';
import { PAYIN_PAYOUT_BASE_URL, PROVIDER, USER_AGENT } from './payin-payout-constants.ts';
import { readPayinPayoutError } from './payin-payout-errors.ts';
import { operations } from './payin-payout-operations.ts';
import { type BodyEncoding, createSignedCall } from './payin-payout-request.ts';
import type { HashRule } from './payin-payout-signing.ts';
import { createWebhooks } from './payin-payout-webhooks.ts';

export type { PayinPayoutClient } from './payin-payout-client-types.ts';

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
 * Creates a client for Payin-payout's developer-key API (family A): auto-debit, reward and
 * top-up invoices, balances, payment lookups, users, shops, and its callbacks.
 * Throws `PayConfigError` for missing or invalid settings.
 */
export function createPayinPayout(settings: PayinPayoutSettings): PayinPayoutClient {
  const context = { provider: PROVIDER };
  const userId = typeof settings?.userId === 'number' ? String(settings.userId) : settings?.userId;
  if (typeof userId !== 'string' || !/^[1-9]\d*$/.test(userId)) {
    throw new PayConfigError('userId', 'is required: a positive whole number', context);
  }
  requireCredential(settings.developerKey, 'developerKey', PROVIDER);
  if (settings.callbackKey !== undefined) {
    requireCredential(settings.callbackKey, 'callbackKey', PROVIDER);
  }
  const hashRule = oneOf(settings.hashRule ?? 'sorted', ['sorted', 'legacy'], 'hashRule');
  const bodyEncoding = oneOf(
    settings.bodyEncoding ?? 'urlencoded',
    ['urlencoded', 'multipart'],
    'bodyEncoding',
  );
  const clockOffsetMs = settings.clockOffsetMs ?? 0;
  if (!Number.isSafeInteger(clockOffsetMs)) {
    throw new PayConfigError('clockOffsetMs', 'must be a whole number of milliseconds', context);
  }
  const toleranceSeconds = settings.webhookToleranceSeconds ?? 300;
  if (!Number.isSafeInteger(toleranceSeconds) || toleranceSeconds <= 0) {
    throw new PayConfigError('webhookToleranceSeconds', 'must be a whole number above 0', context);
  }
  const common = resolveCommonSettings(settings, PROVIDER, PAYIN_PAYOUT_BASE_URL);
  const serverNow = () => common.now() + clockOffsetMs;
  const secrets = [settings.developerKey, settings.callbackKey ?? settings.developerKey];
  const transport = createTransport({
    ...common,
    provider: PROVIDER,
    userAgent: USER_AGENT,
    secrets,
    readError: readPayinPayoutError,
  });
  const call = createSignedCall({
    transport,
    userId,
    developerKey: settings.developerKey,
    hashRule,
    bodyEncoding,
    serverNow,
  });

  return {
    serviceOfServices: {
      createInvoice: (params, options) => call(operations.createInvoice, params, options),
      createRewardInvoice: (params, options) =>
        call(operations.createRewardInvoice, params, options),
    },
    paymentIn: {
      createInvoice: (params, options) => call(operations.topUpInvoice, params, options),
      getLastPaymentsForUser: (params, options) => call(operations.lastPaymentsIn, params, options),
      findPayment: (params, options) => call(operations.findPaymentIn, params, options),
    },
    paymentOut: {
      getLastPaymentsForUser: (params, options) =>
        call(operations.lastPaymentsOut, params, options),
      findPayment: (params, options) => call(operations.findPaymentOut, params, options),
    },
    user: {
      getBalance: (params, options) => call(operations.getBalance, params, options),
      create: (params, options) => call(operations.createUser, params, options),
      getInfo: (params, options) => call(operations.getUserInfo, params, options),
    },
    shop: {
      create: (params, options) => call(operations.createShop, params, options),
    },
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
  throw new PayConfigError(
    setting,
    `must be one of ${allowed.map((item) => `'${item}'`).join(', ')}`,
    {
      provider: PROVIDER,
    },
  );
}

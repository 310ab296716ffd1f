import {
  type CommonSettings,
  createTransport,
  PayConfigError,
  requireCredential,
  resolveCommonSettings,
} from '@pay/core';
import { type CryptoCloudAccountMethods, createAccountMethods } from './cryptocloud-account.ts';
import { createCall, PROVIDER } from './cryptocloud-call.ts';
import { readCryptoCloudError } from './cryptocloud-errors.ts';
import { type CryptoCloudInvoiceMethods, createInvoiceMethods } from './cryptocloud-invoice.ts';
import { type CryptoCloudV1Methods, createV1Methods } from './cryptocloud-v1.ts';
import { type CryptoCloudWebhooks, createWebhooks } from './cryptocloud-webhooks.ts';
import {
  type CryptoCloudWithdrawalMethods,
  createWithdrawalMethods,
} from './cryptocloud-withdrawal.ts';
import { VERSION } from './version.ts';

/** CryptoCloud's production API. */
export const CRYPTOCLOUD_BASE_URL = 'https://api.cryptocloud.plus';

/** Default of {@link CryptoCloudSettings.webhookClockTolerance}: 60 s. */
export const DEFAULT_WEBHOOK_CLOCK_TOLERANCE_MS = 60_000;

/** Settings of {@link createCryptoCloud}. */
export interface CryptoCloudSettings extends CommonSettings {
  /** The project's API key, sent as `Authorization: Token <apiKey>`. Required. */
  apiKey: string;
  /** The project id (`shop_id`), added to calls that need one unless the call gives its own. Required. */
  shopId: string;
  /**
   * The project's SECRET KEY: verifies postback tokens (and signs test postbacks). Needed only
   * for `webhooks`; without it they fail closed. Default: none.
   */
  secretKey?: string | undefined;
  /**
   * The account-level API key from the «Security» settings, used only by `withdrawal.create()`
   * (shown once by CryptoCloud). Default: none; withdrawals then throw `PayConfigError`.
   */
  withdrawalApiKey?: string | undefined;
  /**
   * How late a postback token may still be accepted after its `exp`, in ms, for clock skew
   * between CryptoCloud and you (unconfirmed: CryptoCloud documents none). `0` rejects a token
   * from the second `exp` names. Default: `60000`.
   */
  webhookClockTolerance?: number | undefined;
  /** Default: `https://api.cryptocloud.plus`. Paths `/v2/…` and `/v1/…` are appended. */
  baseUrl?: string | undefined;
  /** The clock for postback token expiry, in ms since the epoch. Default: `Date.now`. */
  now?: (() => number) | undefined;
}

/**
 * A CryptoCloud client. Methods follow the v2 API paths (`invoice/merchant/info` →
 * `invoice.info`); the legacy v1 create-invoice is under `v1`; postbacks under `webhooks`.
 */
export interface CryptoCloudClient extends CryptoCloudAccountMethods {
  /** v2 invoices: `create`, `cancel`, `list`, `info`. */
  invoice: CryptoCloudInvoiceMethods;
  /** v2 withdrawals, with `withdrawalApiKey`. */
  withdrawal: CryptoCloudWithdrawalMethods;
  /** Legacy v1 ("OLD" in the docs): `v1.invoice.create`. Prefer the v2 methods. */
  v1: CryptoCloudV1Methods;
  /** Postbacks: `verify` and, for tests, `sign`. */
  webhooks: CryptoCloudWebhooks;
}

/** Creates a CryptoCloud client. Throws `PayConfigError` for missing or invalid settings. */
export function createCryptoCloud(settings: CryptoCloudSettings): CryptoCloudClient {
  requireCredential(settings?.apiKey, 'apiKey', PROVIDER);
  requireCredential(settings.shopId, 'shopId', PROVIDER);
  // Optional keys (`null` counts as absent), but an empty one is a mistake worth reporting now
  // rather than at first use.
  for (const name of ['secretKey', 'withdrawalApiKey'] as const) {
    if (settings[name] != null) requireCredential(settings[name], name, PROVIDER);
  }
  const clockToleranceMs = settings.webhookClockTolerance ?? DEFAULT_WEBHOOK_CLOCK_TOLERANCE_MS;
  if (!Number.isInteger(clockToleranceMs) || clockToleranceMs < 0) {
    throw new PayConfigError('webhookClockTolerance', 'must be a whole number of ms, 0 or more', {
      provider: PROVIDER,
    });
  }
  const common = resolveCommonSettings(settings, PROVIDER, CRYPTOCLOUD_BASE_URL);
  const transport = createTransport({
    ...common,
    provider: PROVIDER,
    userAgent: `pay-cryptocloud/${VERSION}`,
    secrets: [settings.apiKey, settings.secretKey, settings.withdrawalApiKey].filter(
      (secret): secret is string => typeof secret === 'string',
    ),
    readError: readCryptoCloudError,
  });
  const context = { shopId: settings.shopId, call: createCall(transport, settings.apiKey) };
  const invoice = createInvoiceMethods(context);

  return {
    invoice,
    ...createAccountMethods(context),
    withdrawal: createWithdrawalMethods(context, settings.withdrawalApiKey),
    v1: createV1Methods(context),
    webhooks: createWebhooks({
      secretKey: settings.secretKey,
      now: common.now,
      clockToleranceMs,
      invoice,
    }),
  };
}

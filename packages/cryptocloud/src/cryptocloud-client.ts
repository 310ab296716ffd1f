import { type CommonSettings, createClientSetup, PayConfigError } from '@pay/core';
import { type CryptoCloudBalanceApi, createBalanceApi } from './cryptocloud-balance.ts';
import { readCryptoCloudError } from './cryptocloud-errors.ts';
import { type CryptoCloudInvoiceApi, createInvoiceApi } from './cryptocloud-invoice.ts';
import { createCryptoCloudEndpoint, PROVIDER } from './cryptocloud-request.ts';
import {
  type CryptoCloudStaticWalletApi,
  createStaticWalletApi,
} from './cryptocloud-static-wallet.ts';
import { type CryptoCloudStatisticsApi, createStatisticsApi } from './cryptocloud-statistics.ts';
import { type CryptoCloudV1Api, createV1Api } from './cryptocloud-v1.ts';
import { type CryptoCloudWebhooksApi, createWebhooksApi } from './cryptocloud-webhooks.ts';
import { type CryptoCloudWithdrawalApi, createWithdrawalApi } from './cryptocloud-withdrawal.ts';
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
   * (shown once by CryptoCloud). Default: none; withdrawals then reject with `PayConfigError`, nothing sent.
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
 * `invoice.info`); the legacy v1 create-invoice is under `v1`; postbacks under `webhooks`. Every
 * API method rejects with a `PayCallError` (see `@pay/core`) when it fails.
 */
export interface CryptoCloudClient {
  /** v2 invoices: `create`, `cancel`, `list`, `info`. */
  invoice: CryptoCloudInvoiceApi;
  /** The merchant's balances: `all`. */
  balance: CryptoCloudBalanceApi;
  /**
   * `POST /v2/invoice/merchant/statistics`: invoice counts and USD amounts per status between
   * two days (`dd.mm.yyyy`). A read: retried.
   */
  statistics: CryptoCloudStatisticsApi;
  /** Static deposit wallets: `create`. */
  staticWallet: CryptoCloudStaticWalletApi;
  /** v2 withdrawals, with `withdrawalApiKey`. */
  withdrawal: CryptoCloudWithdrawalApi;
  /** Legacy v1 ("OLD" in the docs): `v1.invoice.create`. Prefer the v2 methods. */
  v1: CryptoCloudV1Api;
  /** Postbacks: `verify` (confirms through the API by default), `sign`, `acknowledge`. */
  webhooks: CryptoCloudWebhooksApi;
}

/**
 * Creates a CryptoCloud client. Throws `PayConfigError` for a missing `apiKey` or `shopId`, an
 * empty `secretKey` or `withdrawalApiKey`, or another invalid setting.
 */
export function createCryptoCloud(input: CryptoCloudSettings): CryptoCloudClient {
  // An optional key set to `null` (as config loaders write "not set") counts as absent.
  const settings = input && {
    ...input,
    secretKey: input.secretKey ?? undefined,
    withdrawalApiKey: input.withdrawalApiKey ?? undefined,
  };
  const { common, transport } = createClientSetup(settings, {
    provider: PROVIDER,
    id: 'cryptocloud',
    version: VERSION,
    defaultBaseUrl: CRYPTOCLOUD_BASE_URL,
    required: ['apiKey', 'shopId'],
    secrets: ['apiKey', 'secretKey', 'withdrawalApiKey'],
    headerSettings: ['apiKey', 'withdrawalApiKey'],
    readError: readCryptoCloudError,
  });
  const clockToleranceMs = settings.webhookClockTolerance ?? DEFAULT_WEBHOOK_CLOCK_TOLERANCE_MS;
  if (!Number.isInteger(clockToleranceMs) || clockToleranceMs < 0) {
    throw new PayConfigError('webhookClockTolerance', 'must be a whole number of ms, 0 or more', {
      provider: PROVIDER,
    });
  }
  const endpoint = createCryptoCloudEndpoint(transport, settings);
  const invoice = createInvoiceApi(endpoint);
  return {
    invoice,
    balance: createBalanceApi(endpoint),
    statistics: createStatisticsApi(endpoint),
    staticWallet: createStaticWalletApi(endpoint),
    withdrawal: createWithdrawalApi(endpoint),
    v1: createV1Api(endpoint),
    webhooks: createWebhooksApi({
      secretKey: settings.secretKey,
      now: common.now,
      clockToleranceMs,
      invoice,
    }),
  };
}

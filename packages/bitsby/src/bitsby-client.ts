import {
  type CommonSettings,
  createTransport,
  PayConfigError,
  requireCredential,
  resolveCommonSettings,
} from '@pay/core';
import * as v from 'valibot';
import {
  type BitsbyBilling,
  type BitsbyPayments,
  type BitsbyStatistics,
  createBitsbyAccount,
} from './bitsby-account.ts';
import { createBitsbyCall, DEFAULT_RETRY_DELAY_MS, PROVIDER } from './bitsby-call.ts';
import { readBitsbyError } from './bitsby-errors.ts';
import { type BitsbyInvoices, createBitsbyInvoices } from './bitsby-invoices.ts';
import { createRateLimiter, DEFAULT_MIN_INTERVAL_MS } from './bitsby-rate-limit.ts';
import { uuid } from './bitsby-schemas.ts';
import { type BitsbyWebhooks, createBitsbyWebhooks } from './bitsby-webhooks.ts';
import { VERSION } from './version.ts';

/** Bitsby's production API. */
export const BITSBY_BASE_URL = 'https://api.bitsby.app';

/** Settings of {@link createBitsby}. */
export interface BitsbySettings extends CommonSettings {
  /**
   * An API key from the dashboard ("Integrations"), sent as `Authorization: Token <apiKey>`.
   * Required. It can read everything in the account: keep it out of logs and front-ends.
   */
  apiKey: string;
  /**
   * The project (UUID) that `invoices.create` uses unless given one, and that `webhooks.verify`
   * requires confirmed invoices to belong to. Default: none.
   */
  projectId?: string | undefined;
  /** Default: `https://api.bitsby.app`. Paths such as `/invoices/create` are appended. */
  baseUrl?: string | undefined;
  /**
   * Least time in ms between the starts of two requests of this client: Bitsby allows 1 request
   * per second. Calls wait in a queue for their turn (the wait does not count towards
   * `timeout`). Processes sharing one key need a larger value, or `0` and a limiter of their
   * own. Default: `1100` (Bitsby's 1 request per second, with a margin for network jitter).
   */
  minIntervalMs?: number | undefined;
  /**
   * Wait in ms before a read is sent again after "Requests too frequent", 429, 5xx or a network
   * failure; doubles on each retry. "Requests too frequent" also holds back every queued call
   * for this long. Calls that create or change anything are never sent again. Default: `1000`.
   */
  retryDelayMs?: number | undefined;
}

/** A Bitsby API client; methods mirror the API paths (`invoices/create` → `invoices.create`). */
export interface BitsbyClient {
  invoices: BitsbyInvoices;
  payments: BitsbyPayments;
  billing: BitsbyBilling;
  statistics: BitsbyStatistics;
  /** Bitsby signs no webhook: `verify` confirms one through the API. */
  webhooks: BitsbyWebhooks;
}

/** Creates a Bitsby client. Throws `PayConfigError` for missing or invalid settings. */
export function createBitsby(settings: BitsbySettings): BitsbyClient {
  requireCredential(settings?.apiKey, 'apiKey', PROVIDER);
  if (settings.projectId !== undefined && !v.is(uuid(), settings.projectId)) {
    throw new PayConfigError('projectId', 'must be a UUID', { provider: PROVIDER });
  }
  const minIntervalMs = milliseconds(
    settings.minIntervalMs,
    'minIntervalMs',
    DEFAULT_MIN_INTERVAL_MS,
  );
  const retryDelayMs = milliseconds(settings.retryDelayMs, 'retryDelayMs', DEFAULT_RETRY_DELAY_MS);
  const common = resolveCommonSettings(settings, PROVIDER, BITSBY_BASE_URL);
  const transport = createTransport({
    ...common,
    // Retries are made by the call layer, through the rate-limit queue (see bitsby-call.ts).
    maxRetries: 0,
    provider: PROVIDER,
    userAgent: `pay-bitsby/${VERSION}`,
    secrets: [settings.apiKey],
    readError: readBitsbyError,
  });
  const call = createBitsbyCall({
    transport,
    limiter: createRateLimiter({ minIntervalMs }),
    apiKey: settings.apiKey,
    maxRetries: common.maxRetries,
    retryDelayMs,
  });
  const invoices = createBitsbyInvoices(call, { projectId: settings.projectId });
  return {
    invoices,
    ...createBitsbyAccount(call),
    webhooks: createBitsbyWebhooks({ invoices, projectId: settings.projectId }),
  };
}

/** A setting in whole milliseconds from 0 to 10 minutes, or its default. */
function milliseconds(value: number | undefined, setting: string, fallback: number): number {
  const ms = value ?? fallback;
  if (!Number.isInteger(ms) || ms < 0 || ms > 600_000) {
    throw new PayConfigError(setting, 'must be a whole number of milliseconds from 0 to 600000', {
      provider: PROVIDER,
    });
  }
  return ms;
}

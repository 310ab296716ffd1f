import { type CommonSettings, createClientSetup, PayConfigError } from '@pay/core';
import * as v from 'valibot';
import { type BitsbyBillingApi, createBitsbyBilling } from './bitsby-billing.ts';
import { readBitsbyError } from './bitsby-errors.ts';
import { type BitsbyInvoicesApi, createBitsbyInvoices } from './bitsby-invoices.ts';
import { type BitsbyPaymentsApi, createBitsbyPayments } from './bitsby-payments.ts';
import {
  createBitsbyEndpoint,
  createRateLimiter,
  DEFAULT_MIN_INTERVAL_MS,
  DEFAULT_RETRY_DELAY_MS,
  PROVIDER,
} from './bitsby-request.ts';
import { uuid } from './bitsby-schemas.ts';
import { type BitsbyStatisticsApi, createBitsbyStatistics } from './bitsby-statistics.ts';
import { type BitsbyWebhooksApi, createBitsbyWebhooks } from './bitsby-webhooks.ts';
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
   * failure; doubles on each retry, up to 10 s. "Requests too frequent" also holds back every
   * queued call for this long. Calls that create or change anything are never sent again.
   * Default: `1000`.
   */
  retryDelayMs?: number | undefined;
}

/** A Bitsby API client; methods mirror the API paths (`invoices/create` → `invoices.create`). */
export interface BitsbyClient {
  /** `invoices/*`: create, list, get, cancel, bindPayment. */
  invoices: BitsbyInvoicesApi;
  /** `payments/list`. */
  payments: BitsbyPaymentsApi;
  /** `billing/*`: balances, history, tariffs. */
  billing: BitsbyBillingApi;
  /** `statistics/invoices`. */
  statistics: BitsbyStatisticsApi;
  /** Bitsby signs nothing: `verify` confirms a webhook through the API. */
  webhooks: BitsbyWebhooksApi;
}

/**
 * Creates a Bitsby client, whose requests share one queue under Bitsby's 1 request per second.
 * Throws `PayConfigError` for missing or invalid settings.
 */
export function createBitsby(settings: BitsbySettings): BitsbyClient {
  const minIntervalMs = milliseconds(
    settings?.minIntervalMs,
    'minIntervalMs',
    DEFAULT_MIN_INTERVAL_MS,
  );
  const retryDelayMs = milliseconds(settings?.retryDelayMs, 'retryDelayMs', DEFAULT_RETRY_DELAY_MS);
  const { transport } = createClientSetup(settings, {
    provider: PROVIDER,
    id: 'bitsby',
    version: VERSION,
    defaultBaseUrl: BITSBY_BASE_URL,
    required: ['apiKey'],
    secrets: ['apiKey'],
    headerSettings: ['apiKey'],
    readError: readBitsbyError,
    throttle: createRateLimiter({ minIntervalMs, holdOffMs: retryDelayMs }),
    retryDelayMs,
  });
  if (settings.projectId !== undefined && !v.is(uuid(), settings.projectId)) {
    throw new PayConfigError('projectId', 'must be a UUID', { provider: PROVIDER });
  }
  const define = createBitsbyEndpoint({ transport, apiKey: settings.apiKey });
  const invoices = createBitsbyInvoices(define, { projectId: settings.projectId });
  return {
    invoices,
    payments: createBitsbyPayments(define),
    billing: createBitsbyBilling(define),
    statistics: createBitsbyStatistics(define),
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

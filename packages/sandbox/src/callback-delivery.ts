import type { CallbackAttempt } from './invoice-store.ts';

/** A callback ready to send: already signed, exactly as the provider would send it. */
export interface OutgoingCallback {
  url: string;
  headers: Record<string, string>;
  body: string;
  /** Whether an answer acknowledges the callback (the providers differ: 200 only, 200 or 429, …). */
  isAcknowledged?(response: { status: number; text: string }): boolean;
  /**
   * Whether a redirect is followed (and the final answer judged) or is itself the answer, for a
   * provider that counts a 30x as undelivered (Payin-payout's shop API). Default: `true`.
   */
  followRedirects?: boolean;
}

/** How hard the sandbox tries, in the simplified spirit of the providers' retry schedules. */
export interface CallbackRetryPolicy {
  /** Waits before each retry, in ms; their count is the number of retries. Default: `[200, 1000, 3000]`. */
  delaysMs: readonly number[];
  /** Milliseconds to wait for the receiver's answer. Default: `5000`. */
  timeoutMs: number;
}

export const DEFAULT_RETRY_POLICY: CallbackRetryPolicy = {
  delaysMs: [200, 1000, 3000],
  timeoutMs: 5000,
};

/** How much of a receiver's answer an attempt keeps. */
const MAX_RESPONSE_BODY = 4096;

/** A callback on its way: its first attempt, and the end of every attempt (retries included). */
export interface Delivery {
  /** Resolves with the first attempt once it has an answer (or none came). */
  first: Promise<CallbackAttempt>;
  /** Resolves once the callback is acknowledged, its retries run out, or `signal` aborts. */
  settled: Promise<void>;
}

/**
 * Starts delivering a callback in the background: nothing waits for the receiver unless it
 * awaits `first` or `settled`. The first attempt waits for `after` (the previous callback of the
 * same invoice, so that a later one never overtakes it). Retries (only while unacknowledged)
 * follow the policy until `signal` aborts (the sandbox closing). Every attempt is appended to `log`.
 */
export function deliverCallback(
  callback: OutgoingCallback,
  log: CallbackAttempt[],
  policy: CallbackRetryPolicy,
  signal: AbortSignal,
  after: Promise<unknown> = Promise.resolve(),
): Delivery {
  const first = after
    .then(() => attempt(callback, policy, signal))
    .then((result) => {
      log.push(result);
      return result;
    });
  const settled = first.then((result) =>
    result.acknowledged ? undefined : retry(callback, log, policy, signal),
  );
  return { first, settled };
}

async function retry(
  callback: OutgoingCallback,
  log: CallbackAttempt[],
  policy: CallbackRetryPolicy,
  signal: AbortSignal,
): Promise<void> {
  for (const delay of policy.delaysMs) {
    if (!(await sleep(delay, signal))) return;
    const result = await attempt(callback, policy, signal);
    if (signal.aborted) return;
    log.push(result);
    if (result.acknowledged) return;
  }
}

async function attempt(
  callback: OutgoingCallback,
  policy: CallbackRetryPolicy,
  signal: AbortSignal,
): Promise<CallbackAttempt> {
  const at = Date.now();
  const sent = {
    at,
    method: 'POST' as const,
    url: callback.url,
    headers: callback.headers,
    body: callback.body,
  };
  try {
    const response = await fetch(callback.url, {
      method: 'POST',
      headers: callback.headers,
      body: callback.body,
      redirect: callback.followRedirects === false ? 'manual' : 'follow',
      signal: AbortSignal.any([signal, AbortSignal.timeout(policy.timeoutMs)]),
    });
    const text = await response.text();
    const acknowledged = callback.isAcknowledged
      ? callback.isAcknowledged({ status: response.status, text })
      : response.status === 200;
    return {
      ...sent,
      status: response.status,
      acknowledged,
      responseBody: text.slice(0, MAX_RESPONSE_BODY),
    };
  } catch (error) {
    return {
      ...sent,
      status: undefined,
      acknowledged: false,
      error: describe(error),
    };
  }
}

/** The socket error's code (`ECONNREFUSED`, …), found in fetch's cause or its AggregateError. */
function describe(error: unknown): string {
  const cause = (
    error as { cause?: { code?: unknown; message?: unknown; errors?: Array<{ code?: unknown }> } }
  ).cause;
  const code = cause?.code ?? cause?.errors?.find((inner) => inner.code)?.code;
  if (typeof code === 'string') return code;
  if (typeof cause?.message === 'string') return cause.message; // e.g. fetch's "bad port"
  return error instanceof Error ? error.message : String(error);
}

/** Resolves true after `ms`, or false as soon as `signal` aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

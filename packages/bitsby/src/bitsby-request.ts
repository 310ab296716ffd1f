import {
  abortableSleep,
  createEndpointFactory,
  type DefineEndpoint,
  type RequestThrottle,
  type Sleep,
  type Transport,
} from '@pay/core';
import * as v from 'valibot';
import { isRateLimited } from './bitsby-errors.ts';

/** The provider's name as errors show it. */
export const PROVIDER = 'Bitsby';

/** Default of the `retryDelayMs` setting: the first wait before a read is sent again, in ms. */
export const DEFAULT_RETRY_DELAY_MS = 1000;

/**
 * Default of the `minIntervalMs` setting. Bitsby allows 1 request per second, counted when
 * requests arrive; the client can only space their starts, and network jitter of a few
 * milliseconds would push some over the limit (seen against the sandbox: 2 of 8 refused at
 * exactly 1000). A refused create is never re-sent, so the default keeps a 10 % margin.
 */
export const DEFAULT_MIN_INTERVAL_MS = 1100;

/** Form fields of one call, in the order they are sent. */
export type Fields = ReadonlyArray<readonly [string, string]>;

/** What a Bitsby endpoint may add to core's definition. */
export interface BitsbyEndpointExtra {
  /**
   * The form fields of the validated parameters, in the order sent (`invoices.create` adds the
   * client's default project). Default: {@link toFields} of the parameters.
   */
  toFields?: ((input: never) => Fields) | undefined;
}

/** Validated params: every value is already the text to send, or a whole number. */
type FieldValues = Record<string, string | number | undefined>;

/** The fields of validated params, in the schema's order, leaving out those not given. */
export function toFields(params: unknown): Fields {
  return Object.entries((params ?? {}) as FieldValues).flatMap(([name, value]) =>
    value === undefined ? [] : [[name, String(value)] as const],
  );
}

/**
 * Returns the function the groups declare their methods with. Every Bitsby call is a `POST`
 * with `Authorization: Token <apiKey>` and its fields as multipart/form-data, as the docs'
 * `curl -F` examples send them (no fields: an empty POST, as `curl -X POST` without `-F`); every
 * success is `{ "result": "success", "data": … }`, and the method resolves to the `data`.
 */
export function createBitsbyEndpoint(settings: {
  transport: Transport;
  apiKey: string;
}): DefineEndpoint<BitsbyEndpointExtra> {
  return createEndpointFactory<BitsbyEndpointExtra>({
    provider: PROVIDER,
    transport: settings.transport,
    buildRequest(endpoint, input) {
      const fields = endpoint.toFields ? endpoint.toFields(input as never) : toFields(input);
      return {
        body: fields.length > 0 ? { multipart: fields } : undefined,
        headers: { authorization: `Token ${settings.apiKey}` },
      };
    },
    envelope: (data) =>
      v.pipe(
        v.looseObject({ result: v.literal('success'), data }),
        v.transform((body) => body.data),
      ),
  });
}

/** Options of {@link createRateLimiter}. */
export interface RateLimiterOptions {
  /** Least time between the starts of two requests, in ms. `0` lets every request through at once. */
  minIntervalMs: number;
  /** How long "Requests too frequent" (or a 429) holds back every later start, in ms. */
  holdOffMs: number;
  /** A monotonic clock in ms. Default: `performance.now` (wall-clock jumps must not matter). */
  now?: (() => number) | undefined;
  /** How the queue waits. Default: core's `abortableSleep`. Tests inject a fake one. */
  sleep?: Sleep | undefined;
}

interface Waiter {
  resolve(): void;
  release(): void;
}

/**
 * Creates the first-in, first-out queue that keeps one client under Bitsby's rate limit, as the
 * transport's throttle: every attempt, retries included, waits for its turn. It only decides
 * *when* a request may start; it never sends, repeats or drops one, so a create is sent at most
 * once. After Bitsby says "Requests too frequent" it holds every later start back for
 * `holdOffMs`, so the calls queued behind do not hit the limit too.
 */
export function createRateLimiter(options: RateLimiterOptions): RequestThrottle {
  const now = options.now ?? (() => performance.now());
  const sleep = options.sleep ?? abortableSleep;
  const waiting: Waiter[] = [];
  let lastStart = Number.NEGATIVE_INFINITY;
  let heldUntil = Number.NEGATIVE_INFINITY;
  let pumping = false;

  /** Lets the waiters go one by one, each no earlier than its turn. */
  async function pump(): Promise<void> {
    if (pumping) return;
    pumping = true;
    try {
      while (waiting.length > 0) {
        const wait = Math.max(lastStart + options.minIntervalMs, heldUntil) - now();
        // Re-checked after every wait: a hold-off may have moved the turn, the head may have left.
        if (wait > 0) {
          await sleep(wait);
          continue;
        }
        const next = waiting.shift()!;
        lastStart = now();
        next.release();
        next.resolve();
      }
    } finally {
      pumping = false;
    }
  }

  return {
    acquire(signal) {
      if (signal?.aborted) return Promise.reject(signal.reason);
      return new Promise<void>((resolve, reject) => {
        const onAbort = () => {
          const index = waiting.indexOf(waiter);
          if (index >= 0) waiting.splice(index, 1);
          reject(signal?.reason);
        };
        const waiter: Waiter = {
          resolve,
          release: () => signal?.removeEventListener('abort', onAbort),
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        waiting.push(waiter);
        void pump();
      });
    },
    onFailure(error) {
      if (isRateLimited(error)) heldUntil = Math.max(heldUntil, now() + options.holdOffMs);
    },
  };
}

/**
 * Default for `minIntervalMs`. Bitsby allows 1 request per second, counted when requests arrive;
 * the client can only space their starts, and network jitter of a few milliseconds would push
 * some over the limit (seen against the sandbox: 2 of 8 refused at exactly 1000). A refused
 * create is never re-sent, so the default keeps a 10 % margin.
 */
export const DEFAULT_MIN_INTERVAL_MS = 1100;

/** Waits `ms` milliseconds; rejects with `signal.reason` as soon as `signal` aborts. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** Options of {@link createRateLimiter}. */
export interface RateLimiterOptions {
  /** Least time between the starts of two requests, in ms. `0` lets every request through at once. */
  minIntervalMs: number;
  /** A monotonic clock in ms. Default: `performance.now` (wall-clock jumps must not matter). */
  now?: (() => number) | undefined;
  /** How the queue waits. Default: {@link abortableSleep}. Tests inject a fake one. */
  sleep?: Sleep | undefined;
}

/** A first-in, first-out queue that spaces the starts of requests; see {@link createRateLimiter}. */
export interface RateLimiter {
  /**
   * Resolves when the caller may start its request. A caller whose `signal` aborts while it waits
   * leaves the queue and is rejected with `signal.reason`; its request was never sent.
   */
  acquire(signal?: AbortSignal): Promise<void>;
  /** Holds every later start back for at least `ms` from now (after the API said "too frequent"). */
  holdOff(ms: number): void;
}

interface Waiter {
  resolve(): void;
  release(): void;
}

/**
 * Creates the queue that keeps one client under Bitsby's rate limit. It only decides *when* a
 * request may start; it never sends, repeats or drops one, so a create is sent at most once.
 */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
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
        // Re-checked after every wait: `holdOff` may have moved the turn, the head may have left.
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
    holdOff(ms) {
      heldUntil = Math.max(heldUntil, now() + ms);
    },
  };
}

/** A `setTimeout` wait that an `AbortSignal` cuts short (rejecting with its reason). */
export const abortableSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

import { timingSafeEqualText } from '@pay/core';
import type { MiddlewareHandler } from 'hono';
import { refuse } from './envelope.ts';
import type { BitsbyContext } from './types.ts';

/** The one error text Bitsby documents: more than 1 request per second on a key. */
const RATE_LIMITED = 'Requests too frequent';
const DEFAULT_MIN_INTERVAL_MS = 1000;

/** Bitsby's limit, per API key, on the time between requests as they arrive. */
function rateLimit(minIntervalMs: number): (key: string) => boolean {
  const lastServed = new Map<string, number>();
  return (key) => {
    const now = performance.now();
    const last = lastServed.get(key);
    // [sandbox guess] A refused request does not count: the next may come 1 s after the last
    // one served.
    if (last !== undefined && now - last < minIntervalMs) return false;
    lastServed.set(key, now);
    return true;
  };
}

/** `providerOptions.bitsby.minIntervalMs`, checked, or Bitsby's documented 1 s. */
function minIntervalOf(options: Record<string, unknown>): number {
  const value = options.minIntervalMs ?? DEFAULT_MIN_INTERVAL_MS;
  if (typeof value !== 'number' || !(value >= 0 && value <= 60_000)) {
    throw new RangeError('providerOptions.bitsby.minIntervalMs must be a number from 0 to 60000');
  }
  return value;
}

/**
 * Checks `Authorization: Token <API key>`, then Bitsby's rate limit on that key. The limit is
 * read from the options at once, so that a bad one fails `startSandbox`.
 */
export function authenticated(context: BitsbyContext): MiddlewareHandler {
  const admit = rateLimit(minIntervalOf(context.options));
  return async (c, next) => {
    const token = /^Token (.+)$/.exec(c.req.header('authorization') ?? '')?.[1];
    if (token === undefined || !timingSafeEqualText(token, context.credentials.apiKey)) {
      return refuse(c, 'Invalid token');
    }
    if (!admit(token)) return refuse(c, RATE_LIMITED);
    await next();
  };
}

import type { HttpBindings } from '@hono/node-server';
import type { MiddlewareHandler } from 'hono';

/** Faults to inject into a provider's API answers. Rates are shares of requests, 0 to 1. */
export interface FaultSettings {
  /** Added to every answer, in ms. Default: `0`. */
  latencyMs?: number | undefined;
  /** Share of requests answered `503` with an HTML page. Default: `0`. */
  errorRate?: number | undefined;
  /** Share of requests answered `200` with a truncated, unparsable JSON body. Default: `0`. */
  malformedRate?: number | undefined;
  /** Share of requests whose connection is dropped without an answer. Default: `0`. */
  dropRate?: number | undefined;
}

/** Faults for every provider (`global`) and per provider mount (`crystalpay`, `payin-payout`, …). */
export type FaultConfig = { global?: FaultSettings } & Partial<Record<string, FaultSettings>>;

/** A small seeded generator (mulberry32), so a fault run can be replayed with the same seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const SETTINGS: Readonly<Record<keyof FaultSettings, number>> = {
  latencyMs: 60_000,
  errorRate: 1,
  malformedRate: 1,
  dropRate: 1,
};

/**
 * Checks a fault config: an object of scopes (`global` or, when `scopes` is given, one of them),
 * each an object of known settings in range. Throws a `RangeError` naming the bad part.
 */
export function validateFaults(config: FaultConfig, scopes?: readonly string[]): FaultConfig {
  const isObject = (value: unknown) =>
    typeof value === 'object' && value !== null && !Array.isArray(value);
  if (!isObject(config)) throw new RangeError('faults must be an object of scopes');
  for (const [scope, settings] of Object.entries(config)) {
    if (scopes && !scopes.includes(scope)) {
      throw new RangeError(`faults.${scope} is not a scope: one of ${scopes.join(', ')}`);
    }
    if (settings === undefined) continue;
    if (!isObject(settings)) throw new RangeError(`faults.${scope} must be an object of settings`);
    for (const [name, value] of Object.entries(settings)) {
      if (!Object.hasOwn(SETTINGS, name)) {
        throw new RangeError(
          `faults.${scope}.${name} is not a setting: one of ${Object.keys(SETTINGS).join(', ')}`,
        );
      }
      const limit = SETTINGS[name as keyof FaultSettings];
      if (value === undefined) continue;
      if (typeof value !== 'number' || !(value >= 0 && value <= limit)) {
        throw new RangeError(`faults.${scope}.${name} must be a number from 0 to ${limit}`);
      }
    }
  }
  return config;
}

/**
 * Middleware that plays the faults configured for `provider` (its own, else the global ones).
 * `getConfig` is read per request, so faults can be changed while the sandbox runs.
 */
export function faultInjection(
  provider: string,
  getConfig: () => FaultConfig,
  random: () => number,
): MiddlewareHandler<{ Bindings: HttpBindings }> {
  return async (context, next) => {
    const config = getConfig();
    const faults = config[provider] ?? config.global ?? {};
    if (faults.latencyMs) await new Promise((resolve) => setTimeout(resolve, faults.latencyMs));
    if (faults.dropRate && random() < faults.dropRate) {
      context.env.incoming.socket.destroy();
      return new Response(null, { status: 499 });
    }
    if (faults.errorRate && random() < faults.errorRate) {
      return context.html('<html><body><h1>503 Service Unavailable</h1></body></html>', 503);
    }
    if (faults.malformedRate && random() < faults.malformedRate) {
      return new Response('{"error": false, "result": {"id": ', {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    }
    return next();
  };
}

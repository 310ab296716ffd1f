import { PayConfigError } from '../errors/pay-config-error.ts';
import { isHttpUrl } from '../validation.ts';

/** The optional settings every `create<Brand>()` accepts besides the provider's credentials. */
export interface CommonSettings {
  /**
   * Where the provider's API lives. The SDK appends the documented paths to it, so a base with
   * a path prefix (a proxy, or a `@pay/sandbox` mount) works unchanged.
   * Default: the provider's production URL (see the provider's settings).
   */
  baseUrl?: string | undefined;
  /** A `fetch` to send requests with, e.g. for tests or a custom agent. Default: `globalThis.fetch`. */
  fetch?: typeof globalThis.fetch | undefined;
  /** Milliseconds to wait for each response before giving up with a timeout. Default: `30000`. */
  timeout?: number | undefined;
  /** Extra headers sent with every request (the SDK's own headers win). Default: none. */
  headers?: Record<string, string> | undefined;
  /** The clock used for signed timestamps, in milliseconds since the epoch. Default: `Date.now`. */
  now?: (() => number) | undefined;
  /**
   * How many times a read (never a call that moves money) is retried after a 429, a 5xx or a
   * network failure, with exponential backoff. Default: `2`.
   */
  maxRetries?: number | undefined;
}

/** Default for {@link CommonSettings.timeout}. */
export const DEFAULT_TIMEOUT_MS = 30_000;
/** Default for {@link CommonSettings.maxRetries}. */
export const DEFAULT_MAX_RETRIES = 2;

/** Checks the common settings and fills in defaults; throws `PayConfigError` naming the setting. */
export function resolveCommonSettings(
  settings: CommonSettings,
  provider: string,
  defaultBaseUrl: string,
): Required<Omit<CommonSettings, 'headers'>> & { headers: Record<string, string> } {
  const context = { provider };
  const baseUrl = settings.baseUrl ?? defaultBaseUrl;
  if (!isHttpUrl(baseUrl)) {
    throw new PayConfigError('baseUrl', 'must be an absolute http(s) URL', context);
  }
  const timeout = settings.timeout ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isInteger(timeout) || timeout <= 0 || timeout > 2_147_483_647) {
    throw new PayConfigError('timeout', 'must be a whole number of milliseconds above 0', context);
  }
  const maxRetries = settings.maxRetries ?? DEFAULT_MAX_RETRIES;
  if (!Number.isInteger(maxRetries) || maxRetries < 0 || maxRetries > 10) {
    throw new PayConfigError('maxRetries', 'must be a whole number from 0 to 10', context);
  }
  for (const name of ['fetch', 'now'] as const) {
    if (settings[name] !== undefined && typeof settings[name] !== 'function') {
      throw new PayConfigError(name, 'must be a function', context);
    }
  }
  return {
    baseUrl,
    timeout,
    maxRetries,
    fetch: settings.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    now: settings.now ?? Date.now,
    headers: { ...settings.headers },
  };
}

/** Throws `PayConfigError` unless `value` is a non-empty string. Never echoes the value. */
export function requireCredential(
  value: unknown,
  setting: string,
  provider: string,
): asserts value is string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new PayConfigError(setting, 'is required: a non-empty string', { provider });
  }
}

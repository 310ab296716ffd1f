import { PayConfigError } from '../errors/pay-config-error.ts';
import {
  type CommonSettings,
  requireCredential,
  resolveCommonSettings,
} from '../http/common-settings.ts';
import {
  createTransport,
  type ProviderErrorReader,
  type RequestThrottle,
  type Sleep,
  type Transport,
} from '../http/transport.ts';

/** What a provider's `create<Brand>()` tells {@link createClientSetup} about itself. */
export interface ClientSetupOptions {
  /** The provider's name in errors: `CrystalPay`. */
  provider: string;
  /** The package id, for the `User-Agent` `pay-<id>/<version>`: `crystalpay`. */
  id: string;
  /** The package's `VERSION`. */
  version: string;
  /** The provider's production API, used when `baseUrl` is not set. */
  defaultBaseUrl: string;
  /** Settings that must be non-empty strings: `PayConfigError` when one is missing. */
  required: readonly string[];
  /**
   * Settings whose values are secret (required or optional): each is redacted from every error.
   * An optional one, when given, must be a non-empty string too.
   */
  secrets: readonly string[];
  /**
   * Settings the SDK sends in a header (`Authorization: Token …`, `x-merchant`): refused at
   * creation when they hold a character no header can carry (CR, LF, NUL, non-Latin-1), rather
   * than failing later as a network error. The `headers` setting is always checked. Default: none.
   */
  headerSettings?: readonly string[] | undefined;
  /** The provider's error envelope reader. */
  readError: ProviderErrorReader;
  /** Spaces the client's requests (a rate-limit queue). Default: none. */
  throttle?: RequestThrottle | undefined;
  /** The first wait before a read is retried, in ms. Default: `300`. */
  retryDelayMs?: number | undefined;
  /** How retries wait (tests inject a fake). Default: a real timer. */
  sleep?: Sleep | undefined;
}

/** The common settings with their defaults filled in. */
export type ResolvedCommonSettings = ReturnType<typeof resolveCommonSettings>;

/** What every client factory starts from. */
export interface ClientSetup {
  /** The common settings, checked, with defaults. */
  common: ResolvedCommonSettings;
  /** The transport, with the provider's name, user agent, secrets and error reader. */
  transport: Transport;
}

/** Characters a header value can carry: tab, printable ASCII and Latin-1, nothing else. */
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;
/** An HTTP token: the characters a header name can carry. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * The part every `create<Brand>()` shares: checks the credentials (never echoing a value), the
 * common settings and every header value, and builds the transport. Throws `PayConfigError`
 * naming the setting, so a misconfigured client fails when it is created, not on its first call.
 */
export function createClientSetup(settings: unknown, options: ClientSetupOptions): ClientSetup {
  const context = { provider: options.provider };
  if (typeof settings !== 'object' || settings === null) {
    throw new PayConfigError('settings', 'is required: an object with the credentials', context);
  }
  const values = settings as Record<string, unknown> & CommonSettings;
  for (const name of options.required) requireCredential(values[name], name, options.provider);
  for (const name of options.secrets) {
    if (values[name] !== undefined) requireCredential(values[name], name, options.provider);
  }
  for (const name of options.headerSettings ?? []) {
    const value = values[name];
    if (typeof value === 'string' && !HEADER_VALUE.test(value)) {
      throw new PayConfigError(name, 'holds a character an HTTP header cannot carry', context);
    }
  }
  checkHeaders(values.headers, context);
  const common = resolveCommonSettings(values, options.provider, options.defaultBaseUrl);
  const secrets = options.secrets.flatMap((name) => {
    const value = values[name];
    return typeof value === 'string' ? [value] : [];
  });
  const transport = createTransport({
    ...common,
    provider: options.provider,
    userAgent: `pay-${options.id}/${options.version}`,
    secrets,
    readError: options.readError,
    throttle: options.throttle,
    retryDelayMs: options.retryDelayMs,
    sleep: options.sleep,
  });
  return { common, transport };
}

function checkHeaders(headers: unknown, context: { provider: string }): void {
  if (headers === undefined) return;
  if (typeof headers !== 'object' || headers === null || Array.isArray(headers)) {
    throw new PayConfigError('headers', 'must be a record of header names to strings', context);
  }
  for (const [name, value] of Object.entries(headers)) {
    if (!HEADER_NAME.test(name)) {
      throw new PayConfigError(
        `headers`,
        'has a name that is not a valid HTTP header name',
        context,
      );
    }
    if (typeof value !== 'string' || !HEADER_VALUE.test(value)) {
      throw new PayConfigError(
        `headers.${name}`,
        'must be a string without CR, LF or characters outside Latin-1',
        context,
      );
    }
  }
}

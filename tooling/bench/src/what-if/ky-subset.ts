// What-if prototype, not shipped: the part of ky that @pay/core's transport uses, on plain fetch.
// `node src/what-if/without-ky.ts` loads it in place of `ky` (a module hook, nothing in
// packages/ changes) to measure what the SDK would cost without ky. Semantics kept from ky 2:
// per-attempt timeout that aborts the request (TimeoutError, not retried), raw network errors
// wrapped in NetworkError, retries of the listed methods/statuses/network errors with
// 0.3 s · 2^n backoff capped by `backoffLimit`, HTTPError with the body pre-parsed as `data` for
// the statuses `throwHttpErrors` selects. Not kept: hooks, Retry-After, progress, `json` option.

/** A status that `throwHttpErrors` selected; `data` is the body through `parseJson`. */
export class HTTPError extends Error {
  override name = 'HTTPError';
  data: unknown;
  readonly response: Response;
  constructor(response: Response) {
    super(`Request failed with status code ${response.status}`);
    this.response = response;
  }
}

/** No response within `timeout` ms; the request was aborted. */
export class TimeoutError extends Error {
  override name = 'TimeoutError';
}

/** fetch failed without a response (DNS, reset, refused); the cause is fetch's error. */
export class NetworkError extends Error {
  override name = 'NetworkError';
}

interface Defaults {
  fetch: typeof globalThis.fetch;
  timeout: number;
  parseJson: (text: string) => unknown;
}

interface RetryOptions {
  limit: number;
  methods: string[];
  statusCodes: number[];
  backoffLimit: number;
}

interface CallOptions {
  method: string;
  headers: Record<string, string>;
  searchParams?: Record<string, string> | undefined;
  body?: BodyInit | undefined;
  signal?: AbortSignal | undefined;
  retry: number | RetryOptions;
  throwHttpErrors: (status: number) => boolean;
}

function create(defaults: Defaults) {
  return async function send(url: string, options: CallOptions): Promise<Response> {
    const target = withSearchParams(url, options.searchParams);
    const retry: RetryOptions =
      typeof options.retry === 'number'
        ? { limit: options.retry, methods: [], statusCodes: [], backoffLimit: 0 }
        : options.retry;
    for (let attempt = 0; ; attempt += 1) {
      const mayRetry =
        attempt < retry.limit && retry.methods.includes(options.method.toLowerCase());
      let response: Response;
      try {
        response = await attemptOnce(defaults, target, options);
      } catch (error) {
        if (!(error instanceof NetworkError) || !mayRetry) throw error;
        await backoff(attempt, retry, options.signal);
        continue;
      }
      if (!options.throwHttpErrors(response.status)) return response;
      const error = new HTTPError(response);
      error.data = defaults.parseJson(await response.text());
      if (!mayRetry || !retry.statusCodes.includes(response.status)) throw error;
      await backoff(attempt, retry, options.signal);
    }
  };
}

async function attemptOnce(defaults: Defaults, target: string, options: CallOptions) {
  const controller = new AbortController();
  const signal = options.signal
    ? AbortSignal.any([options.signal, controller.signal])
    : controller.signal;
  const timer = setTimeout(() => controller.abort(), defaults.timeout);
  try {
    return await defaults.fetch(target, {
      method: options.method,
      headers: options.headers,
      body: options.body ?? null,
      signal,
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    if (controller.signal.aborted) throw new TimeoutError('Request timed out');
    if (error instanceof TypeError) throw new NetworkError('Network error', { cause: error });
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

function withSearchParams(url: string, searchParams: Record<string, string> | undefined): string {
  if (!searchParams) return url;
  const target = new URL(url);
  for (const [name, value] of Object.entries(searchParams)) {
    if (value !== undefined) target.searchParams.append(name, value);
  }
  return target.href;
}

function backoff(attempt: number, retry: RetryOptions, signal: AbortSignal | undefined) {
  const delay = Math.min(retry.backoffLimit, 300 * 2 ** attempt);
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, delay);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });
}

// biome-ignore lint/style/noDefaultExport: stands in for ky, whose API is a default export.
export default { create };

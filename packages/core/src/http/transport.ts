import ky from 'ky';
import * as v from 'valibot';
import { PayApiError } from '../errors/pay-api-error.ts';
import { redactSecrets, redactSecretsDeep } from '../errors/pay-error.ts';
import { PayNetworkError } from '../errors/pay-network-error.ts';
import { PayResponseError } from '../errors/pay-response-error.ts';
import { assertSupportedRuntime } from '../runtime.ts';
import { toValidationIssues } from '../validation.ts';
import { encodeBody } from './encode-body.ts';
import { joinUrl } from './join-url.ts';
import { toNetworkError } from './network-failure.ts';
import { parseJsonText } from './parse-json.ts';
import { abortableSleep } from './sleep.ts';

/** What a provider's error reader found in a response body. */
export interface ProviderErrorInfo {
  /** The provider's code or name for the error, e.g. `EParamAmountTooBig`. */
  providerCode?: string | undefined;
  /** The provider's own message. */
  providerMessage?: string | undefined;
  /** Structured details kept verbatim, e.g. CrystalPay's `errors[]`. */
  details?: unknown;
  /** What the caller should do, appended to the error message. */
  hint?: string | undefined;
  /** Overrides the retryable flag derived from the status. */
  retryable?: boolean | undefined;
}

/**
 * Reads a provider's error envelope. Called for every parsed body, 2xx or not, because several
 * providers report errors with HTTP 200. Returns `undefined` when the body is not an error.
 */
export type ProviderErrorReader = (response: {
  status: number;
  body: unknown;
  operation: string;
}) => ProviderErrorInfo | undefined;

/** A request body, in one of the encodings the providers use. */
export type RequestBody =
  | { json: unknown }
  /** Pairs are sent in the given order (a record in its key order). */
  | { form: Record<string, string> | ReadonlyArray<readonly [string, string]> }
  | { multipart: Record<string, string> | ReadonlyArray<readonly [string, string]> };

/** Per-call options every client method accepts. */
export interface RequestOptions {
  /** Cancels the request; the call then rejects with a `PayNetworkError` whose `aborted` is true. */
  signal?: AbortSignal | undefined;
}

/** One call to a provider. */
export interface TransportRequest<TSchema extends v.GenericSchema> extends RequestOptions {
  /** The operation in the provider's words, used in errors, e.g. `invoice/create`. */
  operation: string;
  /** The documented path, appended to the base URL (`v3/invoice/create/`). */
  path: string;
  /** HTTP method. Default: `POST`. */
  method?: 'GET' | 'POST' | undefined;
  body?: RequestBody | undefined;
  searchParams?: Record<string, string> | undefined;
  /** Headers of this call (credentials, signatures). */
  headers?: Record<string, string> | undefined;
  /**
   * Values this call derived from a secret (a signature, a hash): redacted from every error like
   * the configured secrets. The `Authorization` header's value always is. Default: none.
   */
  secrets?: readonly string[] | undefined;
  /** Schema of a successful body; its output is the call's result. */
  schema: TSchema;
  /**
   * True for reads that are safe to send again: they are retried on 429, 5xx and network
   * failures. Never set it on a call that creates or moves anything. Default: `false`.
   */
  idempotent?: boolean | undefined;
}

/** How a provider package configures its transport. */
export interface TransportSettings {
  /** Provider name as shown in errors, e.g. `CrystalPay`. */
  provider: string;
  /** Sent as `User-Agent`, e.g. `pay-crystalpay/0.1.0`. */
  userAgent: string;
  baseUrl: string;
  fetch: typeof globalThis.fetch;
  /** Milliseconds per attempt. */
  timeout: number;
  /** Retries for idempotent calls. */
  maxRetries: number;
  /** The user's extra headers, sent with every request. */
  headers: Record<string, string>;
  /** Credentials and keys: redacted from every text an error carries. */
  secrets: readonly string[];
  /** The provider's error envelope reader. */
  readError: ProviderErrorReader;
  /**
   * Decides when each attempt may start, e.g. a provider's rate-limit queue. Every attempt,
   * retries included, waits for it. Default: none, attempts start at once.
   */
  throttle?: RequestThrottle | undefined;
  /** The first wait before a retry, in ms; later waits double, up to 10 s. Default: `300`. */
  retryDelayMs?: number | undefined;
  /** How retries wait; tests inject a fake. Default: a timer the call's signal can cut short. */
  sleep?: Sleep | undefined;
}

/** Waits `ms` milliseconds; rejects with `signal.reason` as soon as `signal` aborts. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/**
 * A hook that spaces a client's requests, e.g. under a provider's rate limit. It only decides
 * when an attempt starts; it never sends, repeats or drops one.
 */
export interface RequestThrottle {
  /**
   * Resolves when the next attempt may start. Rejects when `signal` aborts while waiting (the
   * call then fails with an aborted `PayNetworkError`, nothing sent).
   */
  acquire(signal?: AbortSignal): Promise<void>;
  /** Told of every failed attempt, e.g. to hold later starts back after a rate-limit answer. */
  onFailure?(error: PayApiError | PayNetworkError): void;
}

/** Sends requests for one provider client. */
export interface Transport {
  request<TSchema extends v.GenericSchema>(
    request: TransportRequest<TSchema>,
  ): Promise<v.InferOutput<TSchema>>;
}

// Every client builds a transport, so checking here makes an old runtime fail on import.
assertSupportedRuntime();

const BODY_PREVIEW_LENGTH = 200;
const MAX_RETRY_DELAY_MS = 10_000;
const DEFAULT_RETRY_DELAY_MS = 300;

/** Creates the transport behind a provider client: the only code in the SDKs that uses ky. */
export function createTransport(settings: TransportSettings): Transport {
  // Retries are ours (below), not ky's: one loop decides for every provider, counts a
  // provider's "retryable" error envelope as well as a status, and lets a throttle space retries.
  const http = ky.create({ fetch: settings.fetch, timeout: settings.timeout, retry: 0 });
  const sleep = settings.sleep ?? abortableSleep;
  const retryDelayMs = settings.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS;

  async function request<TSchema extends v.GenericSchema>(
    call: TransportRequest<TSchema>,
  ): Promise<v.InferOutput<TSchema>> {
    const encoded = encodeBody(call.body);
    const headers = {
      ...settings.headers,
      accept: 'application/json',
      'user-agent': settings.userAgent,
      ...(encoded.contentType ? { 'content-type': encoded.contentType } : {}),
      ...call.headers,
    };
    // What this call sent that derives from a secret (signatures, `Authorization`) is redacted
    // like the configured secrets themselves.
    const secrets = [
      ...settings.secrets,
      ...(call.secrets ?? []),
      ...Object.entries(call.headers ?? {}).flatMap(([name, value]) =>
        name.toLowerCase() === 'authorization' ? [value] : [],
      ),
    ];
    const retries = call.idempotent === true ? settings.maxRetries : 0;
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await attemptOnce(call, encoded.body, headers, secrets);
      } catch (error) {
        if (!PayApiError.isInstance(error) && !PayNetworkError.isInstance(error)) throw error;
        settings.throttle?.onFailure?.(error);
        if (attempt >= retries || !error.retryable || call.signal?.aborted) throw error;
      }
      const delay = Math.min(retryDelayMs * 2 ** attempt, MAX_RETRY_DELAY_MS);
      await waitOrAbort(sleep(delay, call.signal), call);
    }
  }

  async function attemptOnce<TSchema extends v.GenericSchema>(
    call: TransportRequest<TSchema>,
    body: BodyInit | undefined,
    headers: Record<string, string>,
    secrets: readonly string[],
  ): Promise<v.InferOutput<TSchema>> {
    const context = { provider: settings.provider, operation: call.operation };
    if (settings.throttle) await waitOrAbort(settings.throttle.acquire(call.signal), call);
    let status: number;
    let text: string;
    try {
      const response = await http(joinUrl(settings.baseUrl, call.path), {
        method: call.method ?? 'POST',
        headers,
        searchParams: call.searchParams,
        body,
        signal: call.signal,
        throwHttpErrors: false,
      });
      status = response.status;
      text = await response.text();
    } catch (error) {
      throw toNetworkError(error, call.signal, context, secrets);
    }
    return interpret(call, status, text, secrets);
  }

  /** Runs a wait the caller's signal may cut short, failing as an aborted request would. */
  async function waitOrAbort(
    wait: Promise<void>,
    call: { operation: string; signal?: AbortSignal | undefined },
  ) {
    try {
      await wait;
    } catch (error) {
      const context = { provider: settings.provider, operation: call.operation };
      throw toNetworkError(error, call.signal, context, settings.secrets);
    }
  }

  /** Maps a response's status and text to a result or an error. */
  function interpret<TSchema extends v.GenericSchema>(
    call: TransportRequest<TSchema>,
    status: number,
    text: string,
    secrets: readonly string[],
  ): v.InferOutput<TSchema> {
    const context = { provider: settings.provider, operation: call.operation };
    const parsed = parseJsonText(text);
    const ok = status >= 200 && status < 300;
    const info = parsed.ok
      ? settings.readError({ status, body: parsed.value, operation: call.operation })
      : undefined;
    if (!ok || info) {
      throw new PayApiError({
        ...context,
        status,
        providerCode: redactOptional(info?.providerCode, secrets),
        providerMessage: redactOptional(info?.providerMessage, secrets),
        details: redactSecretsDeep(info?.details, secrets),
        retryable: info?.retryable,
        hint: info?.hint ?? (ok ? undefined : hintForStatus(status)),
      });
    }
    if (!parsed.ok) {
      throw new PayResponseError({
        ...context,
        status,
        reason: 'not-json',
        // Redacted before it is cut: a secret across the cut would otherwise leak its start.
        bodyPreview: redactSecrets(text, secrets).slice(0, BODY_PREVIEW_LENGTH),
      });
    }
    const result = v.safeParse(call.schema, parsed.value);
    if (!result.success) {
      throw new PayResponseError({
        ...context,
        status,
        reason: 'unexpected-shape',
        issues: toValidationIssues(result.issues).map((issue) => ({
          path: issue.path,
          message: redactSecrets(issue.message, secrets),
        })),
      });
    }
    return result.output;
  }

  return { request };
}

function hintForStatus(status: number): string {
  if (status === 401 || status === 403) return 'check the credentials in the client settings';
  if (status === 404) return 'check `baseUrl`: the provider does not know this path';
  if (status === 429) return 'too many requests; wait before sending again';
  if (status >= 500) return 'the provider failed; try again later';
  return 'see the provider message and the request parameters';
}

function redactOptional(text: string | undefined, secrets: readonly string[]): string | undefined {
  return text === undefined ? undefined : redactSecrets(text, secrets);
}

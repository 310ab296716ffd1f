import ky, { HTTPError } from 'ky';
import * as v from 'valibot';
import { PayApiError } from '../errors/pay-api-error.ts';
import { redactSecrets, redactSecretsDeep } from '../errors/pay-error.ts';
import { PayResponseError } from '../errors/pay-response-error.ts';
import { toValidationIssues } from '../validation.ts';
import { encodeBody } from './encode-body.ts';
import { joinUrl } from './join-url.ts';
import { toNetworkError } from './network-failure.ts';
import { parseJsonText } from './parse-json.ts';

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
}

/** Sends requests for one provider client. */
export interface Transport {
  request<TSchema extends v.GenericSchema>(
    request: TransportRequest<TSchema>,
  ): Promise<v.InferOutput<TSchema>>;
}

const RETRY_STATUS_CODES = [408, 429, 500, 502, 503, 504];
const BODY_PREVIEW_LENGTH = 200;

/** Creates the transport behind a provider client: the only code in the SDKs that uses ky. */
export function createTransport(settings: TransportSettings): Transport {
  const http = ky.create({
    fetch: settings.fetch,
    timeout: settings.timeout,
    // ky's pre-parsed error bodies go through the same guarded parser as everything else.
    parseJson: (text: string) => {
      const parsed = parseJsonText(text);
      return parsed.ok ? parsed.value : text;
    },
  });

  async function request<TSchema extends v.GenericSchema>(
    call: TransportRequest<TSchema>,
  ): Promise<v.InferOutput<TSchema>> {
    const context = { provider: settings.provider, operation: call.operation };
    const idempotent = call.idempotent === true && settings.maxRetries > 0;
    const encoded = encodeBody(call.body);
    let status: number;
    let text: string;
    try {
      const response = await http(joinUrl(settings.baseUrl, call.path), {
        method: call.method ?? 'POST',
        headers: {
          ...settings.headers,
          accept: 'application/json',
          'user-agent': settings.userAgent,
          ...(encoded.contentType ? { 'content-type': encoded.contentType } : {}),
          ...call.headers,
        },
        searchParams: call.searchParams,
        body: encoded.body,
        signal: call.signal,
        retry: idempotent
          ? {
              limit: settings.maxRetries,
              methods: ['get', 'post'],
              statusCodes: RETRY_STATUS_CODES,
              backoffLimit: 10_000,
            }
          : 0,
        // ky retries only what it throws, so it throws exactly the statuses it may retry;
        // every other status comes back as a response and is mapped below.
        throwHttpErrors: (code) => idempotent && RETRY_STATUS_CODES.includes(code),
      });
      status = response.status;
      text = await response.text();
    } catch (error) {
      // Only a retryable status that outlived its retries arrives here, its body pre-read by ky.
      if (error instanceof HTTPError) return interpret(call, error.response.status, error.data);
      throw toNetworkError(error, call.signal, context, settings.secrets);
    }
    return interpret(call, status, text);
  }

  /** Maps a response (its text, or ky's already-parsed body) to a result or an error. */
  function interpret<TSchema extends v.GenericSchema>(
    call: TransportRequest<TSchema>,
    status: number,
    bodyOrText: unknown,
  ): v.InferOutput<TSchema> {
    const context = { provider: settings.provider, operation: call.operation };
    const parsed =
      typeof bodyOrText === 'string'
        ? parseJsonText(bodyOrText)
        : bodyOrText === undefined
          ? ({ ok: false } as const)
          : ({ ok: true, value: bodyOrText } as const);
    const ok = status >= 200 && status < 300;
    const info = parsed.ok
      ? settings.readError({ status, body: parsed.value, operation: call.operation })
      : undefined;
    if (!ok || info) {
      throw new PayApiError({
        ...context,
        status,
        providerCode: redactOptional(info?.providerCode, settings.secrets),
        providerMessage: redactOptional(info?.providerMessage, settings.secrets),
        details: redactSecretsDeep(info?.details, settings.secrets),
        retryable: info?.retryable,
        hint: info?.hint ?? (ok ? undefined : hintForStatus(status)),
      });
    }
    if (!parsed.ok) {
      throw new PayResponseError({
        ...context,
        status,
        reason: 'not-json',
        bodyPreview:
          typeof bodyOrText === 'string'
            ? redactSecrets(bodyOrText.slice(0, BODY_PREVIEW_LENGTH), settings.secrets)
            : undefined,
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
          message: redactSecrets(issue.message, settings.secrets),
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

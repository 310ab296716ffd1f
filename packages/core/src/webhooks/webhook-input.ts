import { PaySignatureError } from '../errors/pay-signature-error.ts';

/**
 * A webhook as it arrived: the raw body (string or bytes) with its headers, or a Web `Request`.
 * Signatures are computed over the exact bytes the provider sent, so a body that a framework
 * has already parsed into an object cannot be verified.
 */
export type WebhookInput =
  | Request
  | {
      /** The body exactly as received: `await request.text()`, or the bytes of a raw-body parser. */
      body: string | Uint8Array | ArrayBuffer;
      /** The request headers, as a `Headers` or a plain record (names in any case). */
      headers?: Headers | Record<string, string | string[] | undefined> | undefined;
    };

/** A webhook read into text and lower-cased headers. */
export interface RawWebhook {
  body: string;
  headers: Headers;
}

/** Reads a {@link WebhookInput}; refuses parsed objects with an error that says what to pass. */
export async function readWebhookInput(input: unknown, provider: string): Promise<RawWebhook> {
  if (typeof Request !== 'undefined' && input instanceof Request) {
    return { body: await input.text(), headers: input.headers };
  }
  if (typeof input === 'object' && input !== null && 'body' in input) {
    const { body, headers } = input as { body: unknown; headers?: unknown };
    return { body: bodyToText(body, provider), headers: toHeaders(headers) };
  }
  throw notRaw(provider);
}

function bodyToText(body: unknown, provider: string): string {
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return new TextDecoder().decode(body);
  if (body instanceof ArrayBuffer) return new TextDecoder().decode(new Uint8Array(body));
  throw notRaw(provider);
}

function toHeaders(headers: unknown): Headers {
  if (headers instanceof Headers) return headers;
  const result = new Headers();
  if (typeof headers !== 'object' || headers === null) return result;
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value === 'string') result.set(name, value);
    else if (Array.isArray(value)) result.set(name, value.join(', '));
  }
  return result;
}

function notRaw(provider: string): PaySignatureError {
  return new PaySignatureError({
    provider,
    operation: 'webhook',
    reason: 'not-raw',
    detail:
      'pass the raw body as a string or bytes (e.g. `{ body: await request.text(), headers }`, ' +
      "express.raw({ type: '*/*' }), or the Web Request itself), not an object a body parser made",
  });
}

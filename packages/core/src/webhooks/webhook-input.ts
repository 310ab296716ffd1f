import { PaySignatureError } from '../errors/pay-signature-error.ts';
import { PayValidationError } from '../errors/pay-validation-error.ts';

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

/**
 * Largest callback body read, in bytes (UTF-16 code units for a string). Every provider's
 * callback is a few hundred bytes; anything near this is not a callback, and it is refused before
 * any parsing or hashing.
 */
export const MAX_WEBHOOK_BODY_LENGTH = 64 * 1024;

/**
 * Reads a {@link WebhookInput} within {@link MAX_WEBHOOK_BODY_LENGTH}. Never throws anything
 * but `@pay/core` errors: `PayValidationError` for misuse (a parsed object, a `Request` whose
 * body was already read), `PaySignatureError` (`malformed`) for what a sender controls (an
 * oversized body, a header that cannot be read).
 */
export async function readWebhookInput(input: unknown, provider: string): Promise<RawWebhook> {
  if (typeof Request !== 'undefined' && input instanceof Request) {
    if (input.bodyUsed)
      throw misuse(
        provider,
        'the Request body was already read: pass `{ body: <the text you read>, headers: request.headers }` instead',
      );
    return { body: await readLimited(input, provider), headers: input.headers };
  }
  if (typeof input === 'object' && input !== null && 'body' in input) {
    const { body, headers } = input as { body: unknown; headers?: unknown };
    const text = bodyToText(body, provider);
    if (text.length > MAX_WEBHOOK_BODY_LENGTH) throw tooLarge(provider);
    return { body: text, headers: toHeaders(headers, provider) };
  }
  throw notRaw(provider);
}

/** A request body as text, stopping as soon as it passes the limit. */
async function readLimited(request: Request, provider: string): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_WEBHOOK_BODY_LENGTH) throw tooLarge(provider);
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      length += value.byteLength;
      if (length > MAX_WEBHOOK_BODY_LENGTH) {
        await reader.cancel().catch(() => {});
        throw tooLarge(provider);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (PaySignatureError.isInstance(error)) throw error;
    throw new PaySignatureError({
      provider,
      operation: 'webhook',
      reason: 'malformed',
      detail: 'the request body could not be read',
    });
  }
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

function bodyToText(body: unknown, provider: string): string {
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array || body instanceof ArrayBuffer) {
    if (body.byteLength > MAX_WEBHOOK_BODY_LENGTH) throw tooLarge(provider);
    return new TextDecoder().decode(body);
  }
  throw notRaw(provider);
}

function toHeaders(headers: unknown, provider: string): Headers {
  if (headers instanceof Headers) return headers;
  const result = new Headers();
  if (typeof headers !== 'object' || headers === null) return result;
  for (const [name, value] of Object.entries(headers)) {
    const text =
      typeof value === 'string' ? value : Array.isArray(value) ? value.join(', ') : undefined;
    if (text === undefined) continue;
    try {
      result.set(name, text);
    } catch {
      // A header no HTTP server could have received (CR/LF, non-Latin-1): not a real callback.
      throw new PaySignatureError({
        provider,
        operation: 'webhook',
        reason: 'malformed',
        detail: 'a header holds characters no HTTP header can carry',
      });
    }
  }
  return result;
}

function tooLarge(provider: string): PaySignatureError {
  return new PaySignatureError({
    provider,
    operation: 'webhook',
    reason: 'malformed',
    detail: `the body is larger than ${MAX_WEBHOOK_BODY_LENGTH} bytes; no callback is`,
  });
}

function misuse(provider: string, message: string): PayValidationError {
  return new PayValidationError([{ path: 'input', message }], { provider, operation: 'webhook' });
}

function notRaw(provider: string): PayValidationError {
  return misuse(
    provider,
    'pass the raw body as a string or bytes (e.g. `{ body: await request.text(), headers }`, ' +
      "express.raw({ type: '*/*' }), or the Web Request itself), not an object a body parser made",
  );
}

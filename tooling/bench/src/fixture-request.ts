import { encodeMultipart } from '@pay/core';
import type { RawRequest } from './adapter.ts';
import { type Fixture, fixturePath } from './fixtures.ts';

/**
 * The raw request for a fixture's documented call, with every header the `@pay/*` transport
 * (`@pay/core`) sets: `accept: application/json`, the package's `user-agent`, the content type of
 * the body encoding, then the call's own headers as the fixture lists them (credentials,
 * signatures). The body is the fixture's `bodyText` where it pins the bytes; otherwise its `body`
 * encoded as the SDK encodes it (JSON in the fixture's key order, a form, or multipart with
 * a fixed boundary). Built once at module load: signatures are the fixture's, never recomputed.
 */
export function rawRequestFromFixture(fixture: Fixture, userAgent: string): RawRequest {
  const { request } = fixture;
  const encoded = encodeBody(request);
  const headers: Record<string, string> = {
    accept: 'application/json',
    'user-agent': userAgent,
  };
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    headers[name.toLowerCase()] = value;
  }
  // The fixture gives the media type; on the wire it has the parameters fetch adds (a form's
  // charset, a multipart boundary).
  if (encoded.contentType) headers['content-type'] = encoded.contentType;
  return { method: request.method, path: fixturePath(fixture), headers, body: encoded.body };
}

/**
 * Form content type as Node's fetch sets it for a `URLSearchParams` body (the SDK's form
 * encoding); a raw client sending the form as text must set it itself.
 */
const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded;charset=UTF-8';

function encodeBody(request: Fixture['request']): { body: string; contentType?: string } {
  const encoding = request.bodyEncoding ?? 'json';
  if (encoding === 'multipart') return encodeMultipart(Object.entries(textFields(request.body)));
  if (encoding === 'json') return { body: request.bodyText ?? JSON.stringify(request.body) };
  if (encoding === 'form') {
    const body = request.bodyText ?? new URLSearchParams(textFields(request.body)).toString();
    return { body, contentType: FORM_CONTENT_TYPE };
  }
  throw new Error(`a fixture with bodyEncoding "${encoding}" has no body to send`);
}

function textFields(body: unknown): Record<string, string> {
  if (typeof body !== 'object' || body === null) throw new Error('expected a fixture body object');
  return Object.fromEntries(Object.entries(body).map(([name, value]) => [name, String(value)]));
}

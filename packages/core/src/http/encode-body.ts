import { encodeMultipart } from './multipart.ts';
import type { RequestBody } from './transport.ts';

/**
 * Turns a body into what fetch sends, with its content type (multipart carries its boundary).
 * Every encoding yields a finished string or URLSearchParams, never a stream: ky cancels an
 * unread request stream when a call ends, which rejects inside undici, unhandled, when a
 * custom fetch settled without reading it.
 */
export function encodeBody(body: RequestBody | undefined): {
  body?: BodyInit;
  contentType?: string;
} {
  if (body === undefined) return {};
  if ('json' in body) return { body: JSON.stringify(body.json), contentType: 'application/json' };
  if ('form' in body)
    return { body: new URLSearchParams(toPairs(body.form) as [string, string][]) };
  return encodeMultipart(toPairs(body.multipart));
}

function toPairs(
  fields: Record<string, string> | ReadonlyArray<readonly [string, string]>,
): ReadonlyArray<readonly [string, string]> {
  return Array.isArray(fields) ? fields : Object.entries(fields);
}

import { parseJsonText, type RawWebhook } from '@pay/core';
import * as v from 'valibot';
import { postbackBodySchema } from './cryptocloud-postback-schemas.ts';
import { postbackFailure } from './cryptocloud-postback-token.ts';

/** A postback body decoded and checked, its token not yet verified. */
export type PostbackBody = v.InferOutput<typeof postbackBodySchema>;

/**
 * Decodes a postback by its `Content-Type`: the format is a project setting, JSON or
 * `application/x-www-form-urlencoded` (the older default). Without a usable content type, a
 * body starting with `{` is read as JSON, anything else as a form.
 */
function decode(raw: RawWebhook): unknown {
  const contentType = raw.headers.get('content-type')?.toLowerCase() ?? '';
  const isJson =
    contentType.includes('json') ||
    (!contentType.includes('form') && raw.body.trimStart().startsWith('{'));
  if (!isJson) return Object.fromEntries(new URLSearchParams(raw.body));
  const parsed = parseJsonText(raw.body);
  if (!parsed.ok) throw postbackFailure('malformed', 'the body is not valid JSON');
  return parsed.value;
}

/** Decodes and checks a postback body; `PaySignatureError` when it cannot be verified. */
export function readPostbackBody(raw: RawWebhook): PostbackBody {
  const decoded = decode(raw);
  if (typeof decoded !== 'object' || decoded === null || Array.isArray(decoded)) {
    throw postbackFailure('malformed', 'the body is not a JSON object or a form');
  }
  const token = (decoded as { token?: unknown }).token;
  if (token === undefined || token === null || token === '') {
    throw postbackFailure(
      'missing',
      'the postback has no `token`: nothing proves it came from CryptoCloud',
    );
  }
  const result = v.safeParse(postbackBodySchema, decoded);
  if (!result.success) {
    const fields = [...new Set(result.issues.map((issue) => v.getDotPath(issue) ?? '(body)'))];
    throw postbackFailure('malformed', `unreadable fields: ${fields.join(', ')}`);
  }
  return result.output;
}

import { timingSafeEqualText } from '@pay/core';
import type { Context } from 'hono';
import { refuse } from './http.ts';

/** `<API KEY>` from `Authorization: Token <API KEY>`, or undefined without that header. */
export function tokenOf(c: Context): string | undefined {
  return /^Token (\S+)$/.exec(c.req.header('authorization') ?? '')?.[1];
}

/**
 * Checks v2 auth; answers as CryptoCloud does when it fails. The real API key is a JWT: a key
 * that is not one fails to decode (`Invalid header padding`), one that is fails its signature.
 * [sandbox guess] which failure gives 401 and which 403; the SPEC shows the bodies only.
 * `expected` is the project's API key, or for withdrawals the account-level withdrawal key.
 */
export function refuseV2Auth(c: Context, expected: string): Response | undefined {
  const key = tokenOf(c);
  if (key === undefined) return refuse(c, 401, { authorization: 'Unauthorized request.' });
  if (timingSafeEqualText(key, expected)) return undefined;
  const detail = isJwtShaped(key) ? 'Signature verification failed' : 'Invalid header padding';
  return c.json({ detail }, 403);
}

function isJwtShaped(key: string): boolean {
  const parts = key.split('.');
  if (parts.length !== 3 || parts.some((part) => !/^[\w-]+$/.test(part))) return false;
  try {
    const header: unknown = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8'));
    return typeof header === 'object' && header !== null;
  } catch {
    return false;
  }
}

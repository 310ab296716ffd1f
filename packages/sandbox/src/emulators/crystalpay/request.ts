import { digestHex, timingSafeEqualText } from '@pay/core';
import { CRYSTALPAY_SIGNED_FIELDS, type CrystalPaySignedOperation } from '@pay/crystalpay';
import type { Context } from 'hono';
import { positiveDecimal } from '../shared/amount.ts';

// CrystalPay v3 as its SPEC describes it: every call a POST with a JSON body carrying
// auth_login/auth_secret, every answer HTTP 200 with `error`/`errors` (errors included).

export type Credentials = { login: string; secret: string; salt: string };

/**
 * A request body: the parsed fields (JSON `null` dropped, as absent) and, for every top-level
 * JSON number, its text exactly as sent (`100.0` stays `100.0`), for signatures and amounts.
 */
export interface CrystalBody {
  fields: Record<string, unknown>;
  raw: Record<string, string>;
}

export const ok = (c: Context, payload: Record<string, unknown>) =>
  c.json({ error: false, errors: [], ...payload });
export const refuse = (c: Context, ...errors: string[]) => c.json({ error: true, errors });

/** A JSON number as parsed, with its source text. */
class RawNumber {
  constructor(
    readonly value: number,
    readonly source: string,
  ) {}
}

/** Parses JSON keeping each number's source text (Node's reviver context). */
function parseWithRawNumbers(text: string): unknown {
  return JSON.parse(text, (_key, value: unknown, context?: { source?: string }) =>
    typeof value === 'number' ? new RawNumber(value, context?.source ?? String(value)) : value,
  );
}

/** Replaces the `RawNumber` wrappers by their numbers, at any depth. */
function plain(value: unknown): unknown {
  if (value instanceof RawNumber) return value.value;
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, plain(inner)]));
  }
  return value;
}

/** Reads the JSON body and checks the credentials; answers the error envelope when either fails. */
export async function authenticated(
  c: Context,
  credentials: Credentials,
): Promise<CrystalBody | Response> {
  let parsed: unknown;
  try {
    parsed = parseWithRawNumbers(await c.req.text());
  } catch {
    return refuse(c, 'Invalid JSON body');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return refuse(c, 'Invalid JSON body');
  }
  const fields: Record<string, unknown> = {};
  const raw: Record<string, string> = {};
  for (const [name, value] of Object.entries(parsed)) {
    // [sandbox guess] `null` reads as absent: an established PHP client sends optional params so.
    if (value === null) continue;
    if (value instanceof RawNumber) raw[name] = value.source;
    fields[name] = plain(value);
  }
  const { auth_login: login, auth_secret: secret } = fields;
  if (typeof login !== 'string' || typeof secret !== 'string') {
    return refuse(c, '`auth_login` field is required', '`auth_secret` field is required');
  }
  if (login !== credentials.login || !timingSafeEqualText(secret, credentials.secret)) {
    return refuse(c, 'Invalid auth credentials');
  }
  return { fields, raw };
}

/** A field's text as sent: a string as is, a number as its source text, else `undefined`. */
export function sentText(body: CrystalBody, name: string): string | undefined {
  const value = body.fields[name];
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return body.raw[name] ?? String(value);
  return undefined;
}

/** A positive amount field (number or decimal string) as its decimal string, else `undefined`. */
export function amountOf(body: CrystalBody, name = 'amount'): string | undefined {
  const amount = positiveDecimal(sentText(body, name));
  return amount && !amount.startsWith('-') && !/^0(\.0*)?$/.test(amount) ? amount : undefined;
}

/** `` `name` field is required `` for each listed field the body lacks. */
export function missingFields(body: CrystalBody, names: readonly string[]): string[] {
  return names
    .filter((name) => body.fields[name] === undefined || body.fields[name] === '')
    .map((name) => `\`${name}\` field is required`);
}

/**
 * Whether `signature` is `sha1(<fields of the call, as sent>:salt)`, with the field lists of
 * `@pay/crystalpay`'s `CRYSTALPAY_SIGNED_FIELDS`.
 */
export function validSignature(
  body: CrystalBody,
  operation: CrystalPaySignedOperation,
  salt: string,
): boolean {
  const values = CRYSTALPAY_SIGNED_FIELDS[operation].map((name) => sentText(body, name));
  const signature = body.fields.signature;
  if (typeof signature !== 'string' || values.some((value) => value === undefined)) return false;
  const expected = digestHex('sha1', [...values, salt].join(':'));
  return timingSafeEqualText(signature.toLowerCase(), expected);
}

/** A whole-number field from `min`, given as a JSON number (or digits), else `undefined`. */
export function wholeOf(body: CrystalBody, name: string, min: number): number | undefined {
  const value = body.fields[name];
  const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return typeof number === 'number' && Number.isSafeInteger(number) && number >= min
    ? number
    : undefined;
}

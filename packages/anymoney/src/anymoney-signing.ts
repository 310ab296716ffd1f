import { compareCodePoints, hmacHex, sortedValuesString, timingSafeEqualText } from '@pay/core';

// AnyMoney's one signing scheme (https://docs.any.money/en/auth/ and
// https://docs.any.money/en/sci_invoice/): the values of the top-level params sorted by key
// (null, objects and arrays skipped; booleans as true/false), joined without separators, the
// request time appended for API calls, lower-cased, then hex(HMAC-SHA512). `sortedValuesString`
// in @pay/core builds the canonical part.

/** A JSON-RPC `params` value AnyMoney accepts: strings and booleans; `null` means "default". */
export type ParamValue = string | boolean | null;

/** The top-level params of one call, as sent. */
export type RpcParams = Readonly<Record<string, ParamValue>>;

/**
 * The text an API request signature covers: the canonical values of `params` followed by the
 * `x-utc-now-ms` value, lower-cased. Exported for debugging a signature mismatch.
 */
export function requestSigningText(params: RpcParams, timestampMs: string): string {
  return sortedValuesString(params) + timestampMs.toLowerCase();
}

/** `x-signature` of an API request: HMAC-SHA512 under the API key, 128 lowercase hex digits. */
export function signRequest(apiKey: string, params: RpcParams, timestampMs: string): string {
  return hmacHex('sha512', apiKey, requestSigningText(params, timestampMs));
}

/**
 * `sign` of an SCI form: the same canonical values over every field (including `merchant`,
 * excluding `sign`) with no timestamp, keyed with the SCI ("invoice") key.
 */
export function signSciFields(sciKey: string, fields: RpcParams): string {
  const { sign: _sign, ...signed } = fields;
  return hmacHex('sha512', sciKey, sortedValuesString(signed));
}

/** Params sorted by key in code-point order, unset (`undefined`) entries dropped. */
export function sortedParams(params: Readonly<Record<string, ParamValue | undefined>>): RpcParams {
  const sorted: Record<string, ParamValue> = {};
  for (const key of Object.keys(params).sort(compareCodePoints)) {
    const value = params[key];
    if (value !== undefined) sorted[key] = value;
  }
  return sorted;
}

// The callback `x-signature` algorithm is NOT documented (https://docs.any.money/en/callback/
// only links the header to the request-signing section). The candidate used here applies the request rules to
// the callback body: top-level values sorted by key (null, objects and arrays skipped,
// booleans as true/false, numbers as their exact JSON text), the `x-utc-now-ms` header
// appended, lower-cased, HMAC-SHA512. Its worked example in the tests is our own arithmetic, not
// a sample AnyMoney signed: treat a match as a hint, never as proof.

/** A `JSON.parse` reviver context (ES2025 "JSON.parse source text access", Node ≥ 21). */
interface ReviverContext {
  source?: string;
}

/**
 * The exact JSON text of each top-level number in `body` (`11.50` stays `11.50`, which
 * `String(11.5)` would not give back). Numbers are rare in callbacks, so the second parse only
 * runs when the already-parsed body has one. Falls back to `String(n)` where the runtime does
 * not pass source text to revivers.
 */
function topLevelNumberTexts(body: string, parsed: Record<string, unknown>): Map<string, string> {
  const texts = new Map<string, string>();
  if (!Object.values(parsed).some((value) => typeof value === 'number')) return texts;
  const holders = new WeakMap<object, Map<string, string>>();
  // The text already parsed once (guarded by @pay/core's parseJsonText); this pass only records
  // where each number came from, keyed by the object that holds it.
  const root: unknown = JSON.parse(
    body,
    function (this: object, key: string, value: unknown, context?: ReviverContext) {
      const source = context?.source;
      if (typeof value === 'number' && typeof source === 'string') {
        const holder = holders.get(this) ?? new Map<string, string>();
        holder.set(key, source);
        holders.set(this, holder);
      }
      return value;
    },
  );
  for (const [key, value] of Object.entries(parsed)) {
    if (typeof value !== 'number') continue;
    const source =
      typeof root === 'object' && root !== null ? holders.get(root)?.get(key) : undefined;
    texts.set(key, source ?? String(value));
  }
  return texts;
}

/**
 * The text the candidate callback signature covers: the body's top-level scalars in signing
 * order, then `timestampMs`, lower-cased. `parsed` is `body` already parsed.
 */
export function callbackSigningText(
  body: string,
  parsed: Record<string, unknown>,
  timestampMs: string,
): string {
  const numberTexts = topLevelNumberTexts(body, parsed);
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parsed)) {
    values[key] = typeof value === 'number' ? numberTexts.get(key) : value;
  }
  return sortedValuesString(values) + timestampMs.toLowerCase();
}

/** The candidate `x-signature` of a callback body under `key`. */
export function signCallback(
  key: string,
  body: string,
  parsed: Record<string, unknown>,
  timestampMs: string,
): string {
  return hmacHex('sha512', key, callbackSigningText(body, parsed, timestampMs));
}

/** Whether `signature` matches the candidate under any of `keys`, compared in constant time. */
export function matchesCallbackSignature(
  signature: string,
  keys: readonly string[],
  body: string,
  parsed: Record<string, unknown>,
  timestampMs: string,
): boolean {
  const text = callbackSigningText(body, parsed, timestampMs);
  const received = signature.trim().toLowerCase();
  let matched = false;
  // Every key is tried (no early exit), so the time taken does not tell which one matched.
  for (const key of keys) {
    if (timingSafeEqualText(hmacHex('sha512', key, text), received)) matched = true;
  }
  return matched;
}

import { compareCodePoints, hmacHex, sortedValuesString } from '@pay/core';

// AnyMoney's one signing scheme (SPEC §2, docs "auth" and "sci_invoice"): the values of the
// top-level params sorted by key (null, objects and arrays skipped; booleans as true/false),
// joined without separators, the request time appended for API calls, lower-cased, then
// hex(HMAC-SHA512). `sortedValuesString` in @pay/core builds the canonical part.

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

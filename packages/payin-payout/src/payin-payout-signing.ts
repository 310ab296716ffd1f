import {
  hmacHex,
  httpBuildQuery,
  type PhpScalar,
  phpScalarString,
  sortKeysCaseInsensitive,
} from '@pay/core';

/**
 * How the developer-key API (family A) builds the string it signs. Both rules take every field
 * but `hash` (and, for callbacks, `tracker`) and sign with HMAC-MD5 under the developer key:
 *
 * - `'sorted'`: the provider's rule since 2020-06-03 (`calculate-hash.md`, revision `3bb55ec`):
 *   keys sorted case-insensitively (PHP `uksort($p, 'strcasecmp')`), then serialized like PHP
 *   `http_build_query($p, '', '&')`.
 * - `'legacy'`: the seed doc's rule (2019-05-21 to 2020-06-03): the values, without keys or
 *   separators, concatenated in the order they are sent (PHP `implode($p)`).
 */
export type HashRule = 'sorted' | 'legacy';

/** Fields in sending order: a name and its value (request fields are always the sent text). */
export type Fields = ReadonlyArray<readonly [string, unknown]>;

/**
 * The string that is signed, for fields in the order they are sent.
 *
 * `'sorted'` serializes nested arrays and objects as PHP does (`k%5B0%5D=v`); `'legacy'` takes
 * scalars only (PHP would print `Array`), so callers check for nesting first.
 */
export function canonicalString(fields: Fields, rule: HashRule): string {
  if (rule === 'sorted') return httpBuildQuery(sortKeysCaseInsensitive(new Map(fields)));
  return fields.map(([, value]) => phpScalarString(value as PhpScalar)).join('');
}

/** `hash`: hex HMAC-MD5 of {@link canonicalString} under `key`, 32 lowercase characters. */
export function payinPayoutHash(fields: Fields, rule: HashRule, key: string): string {
  return hmacHex('md5', key, canonicalString(fields, rule));
}

/**
 * The fields to send, in sending order, with `hash` last. Under `'sorted'` they are sent in
 * the sorted order they were signed in, so the body reads like the canonical string; under
 * `'legacy'` in the given (documented) order, which is the order the hash depends on.
 */
export function signFields(
  fields: ReadonlyArray<readonly [string, string]>,
  rule: HashRule,
  key: string,
): Array<[string, string]> {
  const ordered: Array<[string, string]> =
    rule === 'sorted'
      ? [...sortKeysCaseInsensitive(new Map(fields))]
      : fields.map(([name, value]) => [name, value]);
  return [...ordered, ['hash', payinPayoutHash(ordered, rule, key)]];
}

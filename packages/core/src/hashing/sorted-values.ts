import { PayValidationError } from '../errors/pay-validation-error.ts';
import { compareCodePoints } from './compare-code-points.ts';

/**
 * AnyMoney's canonical string for signing (AnyMoney SPEC §2, steps 1–3 and 5): the values of the
 * top-level entries of `params`, ordered by key in code-point order (Python `sorted`), joined
 * with no separator and lower-cased. Keys are not included.
 *
 * - strings are taken as they are (then lower-cased with the rest);
 * - booleans become `true` / `false`;
 * - integer numbers become their digits (`135735`), bigints likewise;
 * - `null`, `undefined`, objects and arrays are skipped: AnyMoney does not sign nested data.
 *
 * Other numbers throw `PayValidationError`: the server stringifies what it parsed (Python prints
 * `1.0` where JavaScript prints `1`), so decimals must be sent, and signed, as strings.
 *
 * The caller appends the request time (step 4): API requests sign
 * `sortedValuesString(params) + timestampMs` (the digits are unaffected by lower-casing); SCI form
 * signatures sign `sortedValuesString(fields)` alone. Lower-casing is JavaScript's Unicode-aware
 * `toLowerCase`, which matches Python's `str.lower` but not PHP's ASCII-only `strtolower`: keep
 * signed values ASCII where possible.
 */
export function sortedValuesString(params: Readonly<Record<string, unknown>>): string {
  return Object.keys(params)
    .sort(compareCodePoints)
    .map((key) => signedText(params[key], key))
    .join('')
    .toLowerCase();
}

function signedText(value: unknown, key: string): string {
  switch (typeof value) {
    case 'string':
      return value;
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return value.toString();
    case 'number':
      if (Number.isSafeInteger(value)) return String(value);
      throw new PayValidationError([
        {
          path: key,
          message:
            `must be a string or a safe integer to be signed (got ${value}); ` +
            'pass decimals as strings',
        },
      ]);
    case 'object':
    case 'undefined':
      // null, nested objects and arrays are sent but not signed.
      return '';
    default:
      throw new PayValidationError([
        { path: key, message: `cannot be signed: a ${typeof value} is not a JSON value` },
      ]);
  }
}

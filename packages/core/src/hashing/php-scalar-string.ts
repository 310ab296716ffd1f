import { phpFloatString } from './php-float-string.ts';

/** Scalars PHP can turn into a string. `undefined` stands for PHP's `null`. */
export type PhpScalar = string | number | bigint | boolean | null | undefined;

// The range of a PHP (64-bit) int: PHP_INT_MIN..PHP_INT_MAX.
const phpIntMin = -(2n ** 63n);
const phpIntMax = 2n ** 63n - 1n;

/**
 * The string PHP's `(string)` cast (and so `implode`) gives for a scalar: strings as they are,
 * `true` → `'1'`, `false`, `null` and `undefined` → `''`, bigints in full, numbers as
 * {@link phpNumberString} prints them (`1000` → `1000`, `10.10` → `10.1`).
 */
export function phpScalarString(value: PhpScalar): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? '1' : '';
  if (value === null || value === undefined) return '';
  if (typeof value === 'bigint') return value.toString();
  return phpNumberString(value);
}

/**
 * A number as PHP prints it. An integer that fits PHP's int is a PHP int, printed in full
 * (`1000`, `-0` → `0`); anything else is a PHP float, printed with `precision` 14 by
 * {@link phpFloatString} (`10.10` → `10.1`, `1e20` → `1.0E+20`).
 *
 * Integers above 2^53 print as their shortest round-trip digits (`String(n)`), not their exact
 * binary value, and count as ints only when those digits fit PHP's int: that is the literal
 * `JSON.stringify` writes and what PHP's `json_decode` makes of it, so a PHP peer that signed a
 * JSON body prints the same (`-(2 ** 63)` is written `-9223372036854776000`, a PHP float).
 */
export function phpNumberString(value: number): string {
  // Below 1e21 String() writes integers as plain digits; PHP_INT_MAX is far below that.
  if (Number.isInteger(value) && Math.abs(value) < 1e21) {
    const literal = String(value);
    const asInteger = BigInt(literal);
    if (asInteger >= phpIntMin && asInteger <= phpIntMax) return literal;
  }
  return phpFloatString(value);
}

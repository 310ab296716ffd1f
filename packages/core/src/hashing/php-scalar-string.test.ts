import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { phpNumberString, phpScalarString } from './php-scalar-string.ts';

describe('phpScalarString', () => {
  it('casts scalars as PHP (string) does', () => {
    expect(phpScalarString('Оплата ~a+b')).toBe('Оплата ~a+b');
    expect(phpScalarString(true)).toBe('1');
    expect(phpScalarString(false)).toBe('');
    expect(phpScalarString(null)).toBe('');
    expect(phpScalarString(undefined)).toBe('');
    expect(phpScalarString(2n ** 70n)).toBe('1180591620717411303424');
  });

  it('reproduces PHP implode([true, false, null, 10.10, 1000, "x"])', () => {
    // PHP 8.2 prints 110.11000x.
    const values = [true, false, null, 10.1, 1000, 'x'];
    expect(values.map(phpScalarString).join('')).toBe('110.11000x');
  });
});

describe('phpNumberString', () => {
  it('prints integers in the 64-bit range as PHP ints, in full', () => {
    expect(phpNumberString(1000)).toBe('1000');
    expect(phpNumberString(-0)).toBe('0');
    expect(phpNumberString(1e15)).toBe('1000000000000000');
    expect(phpNumberString(2 ** 53 + 2)).toBe('9007199254740994');
  });

  it('prints integers above 2^53 as the JSON literal PHP would have decoded', () => {
    // Exactly 4611686018427388928; JSON.stringify writes 4611686018427389000, which PHP's
    // json_decode reads as that int.
    const value = 2 ** 62 + 2 ** 10;
    expect(phpNumberString(value)).toBe('4611686018427389000');
    expect(phpNumberString(value)).toBe(JSON.stringify(value));
    // The largest double below 2^63 is written 9223372036854775000: still a PHP int.
    expect(phpNumberString(2 ** 63 - 2 ** 10)).toBe('9223372036854775000');
    // -2^63 is written -9223372036854776000, past PHP_INT_MIN: a float to PHP.
    expect(phpNumberString(-(2 ** 63))).toBe('-9.2233720368548E+18');
  });

  it('prints other numbers as PHP floats', () => {
    expect(phpNumberString(10.1)).toBe('10.1');
    expect(phpNumberString(2 ** 63)).toBe('9.2233720368548E+18');
    expect(phpNumberString(1e20)).toBe('1.0E+20');
  });

  it('prints every safe integer as its decimal digits', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (value) => {
        expect(phpNumberString(value)).toBe(BigInt(value).toString());
      }),
      { numRuns: 300 },
    );
  });
});

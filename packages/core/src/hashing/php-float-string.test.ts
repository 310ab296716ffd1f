import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { phpFloatString } from './php-float-string.ts';

describe('phpFloatString', () => {
  // Each expected value is what PHP 8.2 printed for `(string) $float` (precision 14).
  it.each([
    [10.1, '10.1'],
    [0.1 + 0.2, '0.3'],
    [1 / 3, '0.33333333333333'],
    [1e13, '10000000000000'],
    [1e14, '1.0E+14'],
    [1e15, '1.0E+15'],
    [123456789012345.67, '1.2345678901235E+14'],
    [99999999999999.98, '1.0E+14'],
    [0.0001, '0.0001'],
    [0.00001, '1.0E-5'],
    [1.5e-7, '1.5E-7'],
    [-1.5, '-1.5'],
    [1e100, '1.0E+100'],
    [5e-324, '4.9406564584125E-324'],
    [Number.MAX_VALUE, '1.7976931348623E+308'],
    [0, '0'],
    [-0, '-0'],
    [Number.NaN, 'NAN'],
    [Number.POSITIVE_INFINITY, 'INF'],
    [Number.NEGATIVE_INFINITY, '-INF'],
  ])('prints %s as PHP does: %s', (value, expected) => {
    expect(phpFloatString(value)).toBe(expected);
  });

  it('breaks exact ties to even, as PHP does and Number#toPrecision does not', () => {
    // 15 significant digits ending in 5, exactly representable: a true tie at 14 digits.
    expect(phpFloatString(12345678901234.5)).toBe('12345678901234');
    expect(phpFloatString(12345678901235.5)).toBe('12345678901236');
    expect((12345678901234.5).toPrecision(14)).toBe('12345678901235');
  });

  const finite = fc.double({ noNaN: true, noDefaultInfinity: true });

  it('prints PHP float syntax with at most 14 significant digits', () => {
    fc.assert(
      fc.property(finite, (value) => {
        const text = phpFloatString(value);
        expect(text).toMatch(/^-?(?:\d+(?:\.\d+)?|\d\.\d+E[+-]\d+)$/);
        const significant = text.replace(/E.*$/, '').replace(/\D/g, '').replace(/^0+/, '');
        expect(significant.replace(/0+$/, '').length).toBeLessThanOrEqual(14);
      }),
      { numRuns: 500 },
    );
  });

  it('rounds like toPrecision(14) except on exact ties, and is stable when re-read', () => {
    fc.assert(
      fc.property(finite, (value) => {
        // An exact tie has exactly 15 significant digits ending in 5: skip what may be one.
        const fifteenDigits = value.toPrecision(15);
        const mantissa = fifteenDigits.split('e')[0] ?? '';
        fc.pre(!(Number(fifteenDigits) === value && mantissa.endsWith('5')));
        const text = phpFloatString(value);
        // `===`, not Object.is: toPrecision drops the sign of -0, which PHP keeps (tested above).
        expect(Number(text) === Number(value.toPrecision(14))).toBe(true);
        expect(phpFloatString(Number(text))).toBe(text);
      }),
      { numRuns: 500 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PayValidationError } from '../errors/pay-validation-error.ts';
import {
  type DecimalOptions,
  MAX_AMOUNT_LENGTH,
  MAX_NUMBER_SIGNIFICANT_DIGITS,
  toDecimalString,
} from './decimal.ts';

function errorOf(run: () => unknown): PayValidationError {
  try {
    run();
  } catch (error) {
    if (PayValidationError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a PayValidationError');
}

function messageOf(value: unknown, options?: DecimalOptions): string {
  const error = errorOf(() => toDecimalString(value as string, options));
  expect(error.issues).toHaveLength(1);
  return error.issues[0]!.message;
}

const signedAndZero = { allowNegative: true, allowZero: true };
const canonical = /^-?(0|[1-9]\d*)(\.\d*[1-9])?$/;

describe('toDecimalString', () => {
  it.each([
    ['100', '100'],
    ['100.50', '100.5'],
    ['0100.500', '100.5'],
    ['0.35', '0.35'],
    ['1000.25', '1000.25'],
    ['1.000', '1'],
    ['000.010', '0.01'],
  ])('canonicalizes the string %j to %s', (input, expected) => {
    expect(toDecimalString(input)).toBe(expected);
  });

  it.each([
    [100, '100'],
    [100.5, '100.5'],
    [0.000001, '0.000001'],
    [123456789.123, '123456789.123'],
    [999_999_999_999_999, '999999999999999'],
  ])('writes the exact number %d as %s', (input, expected) => {
    expect(toDecimalString(input)).toBe(expected);
  });

  it.each([
    [0.1 + 0.2, 'is not an exact decimal as a number (got 0.30000000000000004)'],
    [2 ** 53 + 1, 'is beyond the exact range of a number (got 9007199254740992)'],
    [1e21, 'is beyond the exact range of a number (got 1e+21)'],
    [1e-7, 'is not an exact decimal as a number (got 1e-7)'],
    [Number.MAX_SAFE_INTEGER, 'is not an exact decimal as a number (got 9007199254740991)'],
    [1.2345678901234567, 'is not an exact decimal as a number (got 1.2345678901234567)'],
  ])('refuses the inexact number %d, asking for a decimal string', (input, message) => {
    expect(messageOf(input)).toBe(`${message}; pass the amount as a decimal string, e.g. "0.3"`);
  });

  it('pads to scale and never rounds', () => {
    expect(toDecimalString('100', { scale: 2 })).toBe('100.00');
    expect(toDecimalString(166.7, { scale: 2 })).toBe('166.70');
    expect(toDecimalString('1.500', { scale: 1 })).toBe('1.5');
    expect(toDecimalString('7', { scale: 0 })).toBe('7');
    expect(messageOf('1.005', { scale: 2 })).toBe(
      'must have at most 2 decimal places (got "1.005"); amounts are never rounded',
    );
    expect(messageOf(0.125, { scale: 2 })).toMatch(/at most 2 decimal places \(got "0\.125"\)/);
    expect(messageOf('1.5', { scale: 0 })).toBe(
      'must be a whole number (got "1.5"); amounts are never rounded',
    );
  });

  it('applies maxDecimals to significant decimals only', () => {
    expect(toDecimalString('0.350', { maxDecimals: 2 })).toBe('0.35');
    expect(messageOf('0.351', { maxDecimals: 2 })).toMatch(/at most 2 decimal places/);
    expect(messageOf('0.351', { maxDecimals: 2, scale: 8 })).toMatch(/at most 2 decimal places/);
  });

  it('refuses anything but plain decimal syntax, saying what is allowed', () => {
    for (const input of [
      ' 10',
      '10 ',
      '\t10',
      '1e3',
      '+1',
      '1,000.00',
      '1 000',
      '',
      '   ',
      '.5',
      '5.',
      '--1',
      '0x10',
      '١٢',
    ]) {
      expect(messageOf(input)).toBe(
        `must be a decimal number like 100 or 100.50 (got ${JSON.stringify(input)})`,
      );
    }
    expect(messageOf('1000,25')).toMatch(/like 100 or 100\.50/);
  });

  it('accepts a comma or a dot with separator "," and writes a comma', () => {
    expect(toDecimalString('1000,25', { separator: ',' })).toBe('1000,25');
    expect(toDecimalString('0.35', { separator: ',' })).toBe('0,35');
    expect(toDecimalString(12.5, { separator: ',', scale: 2 })).toBe('12,50');
    expect(messageOf('1,000.5', { separator: ',' })).toMatch(/like 100 or 100,50/);
  });

  it('requires amounts above zero unless told otherwise', () => {
    expect(messageOf('0')).toBe('must be greater than 0 (got "0")');
    expect(messageOf('-0.00')).toBe('must be greater than 0 (got "-0.00")');
    expect(messageOf(-5)).toBe('must be greater than 0 (got "-5")');
    expect(messageOf('-5', { allowZero: true })).toBe('must be 0 or more (got "-5")');
    expect(messageOf('0', { allowNegative: true })).toBe('must not be 0 (got "0")');
    expect(toDecimalString('-0.00', signedAndZero)).toBe('0');
    expect(toDecimalString(-0, signedAndZero)).toBe('0');
    expect(toDecimalString('-12.30', { allowNegative: true, scale: 2 })).toBe('-12.30');
  });

  it('refuses non-finite numbers and non-amount types', () => {
    expect(messageOf(Number.NaN)).toMatch(/^must be a finite number \(got NaN\); pass/);
    expect(messageOf(Number.NEGATIVE_INFINITY)).toMatch(
      /^must be a finite number \(got -Infinity\)/,
    );
    expect(messageOf(undefined)).toMatch(/as a string or a number \(got undefined\)/);
    expect(messageOf(null)).toMatch(/\(got null\)/);
  });

  it(`refuses a string longer than ${MAX_AMOUNT_LENGTH} characters, however well formed`, () => {
    expect(toDecimalString('1'.repeat(MAX_AMOUNT_LENGTH))).toBe('1'.repeat(MAX_AMOUNT_LENGTH));
    expect(messageOf('9'.repeat(5000))).toBe(
      `must be at most ${MAX_AMOUNT_LENGTH} characters (got 5000)`,
    );
  });

  it('puts field, provider and operation on the error and cuts long input short', () => {
    const error = errorOf(() =>
      toDecimalString('x'.repeat(MAX_AMOUNT_LENGTH), {
        field: 'merchant_payfee',
        provider: 'anymoney',
        operation: 'invoice.create',
      }),
    );
    expect(error.issues[0]?.path).toBe('merchant_payfee');
    expect(error.provider).toBe('anymoney');
    expect(error.operation).toBe('invoice.create');
    expect(error.issues[0]?.message).toContain(`"${'x'.repeat(40)}"`);
    expect(errorOf(() => toDecimalString('abc')).issues[0]?.path).toBe('amount');
  });

  it('throws RangeError for a scale or maxDecimals that is not a non-negative integer', () => {
    expect(() => toDecimalString('1', { scale: -1 })).toThrow(RangeError);
    expect(() => toDecimalString('1', { maxDecimals: 1.5 })).toThrow(RangeError);
  });

  it('round-trips any integer number of cents written with two decimals', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), (cents) => {
        const sign = cents < 0n ? '-' : '';
        const digits = (cents < 0n ? -cents : cents).toString().padStart(3, '0');
        const text = `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`;
        const normalized = cents === 0n ? '0.00' : text;
        expect(toDecimalString(text, { ...signedAndZero, scale: 2 })).toBe(normalized);
        const plain = toDecimalString(text, signedAndZero);
        const [whole = '', fraction = ''] = plain.replace('-', '').split('.');
        const back = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
        expect(plain.startsWith('-') ? -back : back).toBe(cents);
      }),
      { numRuns: 300 },
    );
  });

  const decimalText = fc
    .tuple(
      fc.boolean(),
      fc.stringMatching(/^\d{1,20}$/),
      fc.option(fc.stringMatching(/^\d{1,20}$/)),
    )
    .map(
      ([negative, whole, fraction]) =>
        `${negative ? '-' : ''}${whole}${fraction === null ? '' : `.${fraction}`}`,
    );
  /** Numbers the policy accepts: at most 15 significant digits, no exponent, safe range. */
  const exactNumber = fc
    .double({
      noNaN: true,
      noDefaultInfinity: true,
      min: -Number.MAX_SAFE_INTEGER,
      max: Number.MAX_SAFE_INTEGER,
    })
    .filter((value) => {
      const text = String(value);
      return (
        !/e/.test(text) &&
        text.replace(/^-/, '').replace('.', '').replace(/^0+/, '').length <=
          MAX_NUMBER_SIGNIFICANT_DIGITS
      );
    });
  const finite = fc.double({ noNaN: true, noDefaultInfinity: true });

  it('accepts a number exactly when the policy says it is exact, and refuses it otherwise', () => {
    fc.assert(
      fc.property(finite, (value) => {
        const text = String(value);
        const exact =
          Math.abs(value) <= Number.MAX_SAFE_INTEGER &&
          !/e/.test(text) &&
          text.replace(/^-/, '').replace('.', '').replace(/^0+/, '').length <=
            MAX_NUMBER_SIGNIFICANT_DIGITS;
        const outcome = (() => {
          try {
            return toDecimalString(value, signedAndZero);
          } catch (error) {
            if (PayValidationError.isInstance(error)) return undefined;
            throw error;
          }
        })();
        expect(outcome !== undefined).toBe(exact);
      }),
      { numRuns: 1000 },
    );
  });

  it('always writes the canonical form without scale, and is idempotent', () => {
    fc.assert(
      fc.property(fc.oneof(decimalText, exactNumber), (input) => {
        const once = toDecimalString(input, signedAndZero);
        expect(once).toMatch(canonical);
        expect(toDecimalString(once, signedAndZero)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps the exact value of a number', () => {
    fc.assert(
      fc.property(exactNumber, (value) => {
        expect(Number(toDecimalString(value, signedAndZero))).toBe(value === 0 ? 0 : value);
      }),
      { numRuns: 300 },
    );
  });

  it('agrees for a number and its text when there are at most 15 significant digits', () => {
    // Up to 15 significant digits with the decimal point placed so no exponent form arises.
    const fifteenDigits = fc
      .tuple(fc.boolean(), fc.stringMatching(/^[1-9]\d{0,14}$/), fc.integer({ min: -6, max: 0 }))
      .map(([negative, digits, shift]) => {
        let plain: string;
        if (shift >= 0) plain = digits + '0'.repeat(shift);
        else if (-shift < digits.length) plain = `${digits.slice(0, shift)}.${digits.slice(shift)}`;
        else plain = `0.${'0'.repeat(-shift - digits.length)}${digits}`;
        return (negative ? '-' : '') + plain;
      });
    fc.assert(
      fc.property(fifteenDigits, (text) => {
        if (/e/.test(String(Number(text)))) return;
        expect(toDecimalString(Number(text), signedAndZero)).toBe(
          toDecimalString(text, signedAndZero),
        );
      }),
      { numRuns: 300 },
    );
  });
});

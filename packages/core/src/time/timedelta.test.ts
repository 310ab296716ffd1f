import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PayValidationError } from '../errors/pay-validation-error.ts';
import { checkTimedeltaRange, formatTimedelta, parseTimedelta } from './timedelta.ts';

const second = 1_000;
const minute = 60 * second;
const hour = 60 * minute;
const day = 24 * hour;
const week = 7 * day;

function issueOf(run: () => unknown): { path: string; message: string } {
  try {
    run();
  } catch (error) {
    if (!PayValidationError.isInstance(error)) throw error;
    expect(error.issues).toHaveLength(1);
    return error.issues[0]!;
  }
  throw new Error('expected a PayValidationError');
}

describe('parseTimedelta', () => {
  it.each([
    ['3600', hour],
    ['0', 0],
    ['1d12h', day + 12 * hour],
    ['7d', week],
    ['3600s', hour],
    ['1w1d1h1m1s1ms', week + day + hour + minute + second + 1],
    ['90m', 90 * minute],
    ['1s500ms', 1_500],
    ['1m1ms', minute + 1],
    ['007s', 7 * second],
    ['0s', 0],
  ])('reads %s', (text, milliseconds) => {
    expect(parseTimedelta(text)).toBe(milliseconds);
  });

  it.each([
    ['', /must not be empty/],
    [
      '1h30',
      /number at position 3 has no unit key; once a key is used the text must end with a key/,
    ],
    ['h', /key "h" at position 1 has no number before it/],
    ['1h30x', /unexpected "x" at position 5/],
    ['1 h', /unexpected " " at position 2/],
    [' 3600', /unexpected " " at position 1/],
    ['1.5h', /unexpected "\." at position 2/],
    ['-1h', /unexpected "-" at position 1/],
    ['1H', /unexpected "H" at position 2/],
    ['1h1d', /key "d" at position 4 comes after "h"; keys must go from largest to smallest/],
    ['1m1s1m', /key "m" at position 6 is repeated/],
    ['99999999999999999999w', /too large/],
  ])('refuses %j with the position and the rule', (text, message) => {
    const issue = issueOf(() => parseTimedelta(text));
    expect(issue.path).toBe('');
    expect(issue.message).toMatch(message);
    expect(issue.message).toContain(`(got ${JSON.stringify(text)})`);
  });

  it('uses the field as the issue path', () => {
    expect(issueOf(() => parseTimedelta('1h30', 'lifetime')).path).toBe('lifetime');
  });

  it('accepts exactly the documented grammar with keys once each, largest first', () => {
    const grammar = /^(?:\d+|(?=.)(?:\d+w)?(?:\d+d)?(?:\d+h)?(?:\d+m)?(?:\d+s)?(?:\d+ms)?)$/;
    const candidate = fc.string({
      unit: fc.constantFrom('0', '1', '7', '9', 'w', 'd', 'h', 'm', 's', 'ms', ' ', 'x'),
      maxLength: 8,
    });
    fc.assert(
      fc.property(candidate, (text) => {
        // Digit runs stay under 2^53 ms with at most 8 units of a week.
        const accepted = grammar.test(text);
        if (accepted) expect(Number.isSafeInteger(parseTimedelta(text))).toBe(true);
        else expect(() => parseTimedelta(text)).toThrow(PayValidationError);
      }),
      { numRuns: 500 },
    );
  });
});

describe('formatTimedelta', () => {
  it.each([
    [90_061_000, '1d1h1m1s'],
    [1_500, '1s500ms'],
    [0, '0s'],
    [1, '1ms'],
    [hour, '1h'],
    [week, '1w'],
    [10 * day, '1w3d'],
    [day + 12 * hour, '1d12h'],
  ])('writes %d as %s', (milliseconds, text) => {
    expect(formatTimedelta(milliseconds)).toBe(text);
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])('refuses %d', (value) => {
    const issue = issueOf(() => formatTimedelta(value, 'lifetime'));
    expect(issue.path).toBe('lifetime');
    expect(issue.message).toMatch(/must be a whole, non-negative number of milliseconds/);
  });

  // Largest unit first, no zero units, no leading zeros, each count below the next unit up.
  const canonicalUnits = [
    '(?:[1-9]\\d*w)?',
    '(?:[1-6]d)?',
    '(?:(?:[1-9]|1\\d|2[0-3])h)?',
    '(?:(?:[1-9]|[1-5]\\d)m)?',
    '(?:(?:[1-9]|[1-5]\\d)s)?',
    '(?:[1-9]\\d{0,2}ms)?',
  ];
  const canonical = new RegExp(`^(?:0s|(?=.)${canonicalUnits.join('')})$`);

  it('round-trips every safe non-negative integer', () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), (milliseconds) => {
        const text = formatTimedelta(milliseconds);
        expect(text).toMatch(canonical);
        expect(parseTimedelta(text)).toBe(milliseconds);
      }),
      { numRuns: 500 },
    );
  });

  it('turns any valid text into the canonical form', () => {
    const pair = (key: string) =>
      fc.option(fc.stringMatching(/^\d{1,5}$/).map((digits) => digits + key));
    const text = fc.oneof(
      fc.stringMatching(/^\d{1,9}$/),
      fc
        .tuple(...['w', 'd', 'h', 'm', 's', 'ms'].map(pair))
        .map((pairs) => pairs.filter((item) => item !== null).join(''))
        .filter((joined) => joined.length > 0),
    );
    fc.assert(
      fc.property(text, (input) => {
        const formatted = formatTimedelta(parseTimedelta(input));
        expect(formatted).toMatch(canonical);
        expect(formatTimedelta(parseTimedelta(formatted))).toBe(formatted);
      }),
      { numRuns: 500 },
    );
  });
});

describe('checkTimedeltaRange', () => {
  const lifetimeRange = { min: hour, max: 7 * day };

  it('returns values inside the range, bounds included', () => {
    expect(checkTimedeltaRange(hour, lifetimeRange)).toBe(hour);
    expect(checkTimedeltaRange(7 * day, lifetimeRange)).toBe(7 * day);
    expect(checkTimedeltaRange(day + 12 * hour, lifetimeRange)).toBe(day + 12 * hour);
  });

  it('states the range in timedelta form', () => {
    expect(issueOf(() => checkTimedeltaRange(hour - second, lifetimeRange, 'lifetime'))).toEqual({
      path: 'lifetime',
      message: 'must be between 1h and 1w (got 59m59s)',
    });
    expect(issueOf(() => checkTimedeltaRange(8 * day, lifetimeRange)).message).toBe(
      'must be between 1h and 1w (got 1w1d)',
    );
    expect(issueOf(() => checkTimedeltaRange(Number.NaN, lifetimeRange)).message).toBe(
      'must be between 1h and 1w (got NaN)',
    );
  });

  it('accepts exactly the values between min and max', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 * week }), (milliseconds) => {
        const inside = milliseconds >= lifetimeRange.min && milliseconds <= lifetimeRange.max;
        if (inside) expect(checkTimedeltaRange(milliseconds, lifetimeRange)).toBe(milliseconds);
        else
          expect(() => checkTimedeltaRange(milliseconds, lifetimeRange)).toThrow(
            PayValidationError,
          );
      }),
      { numRuns: 300 },
    );
  });
});

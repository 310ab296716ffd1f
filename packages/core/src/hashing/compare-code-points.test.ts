import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareCodePoints } from './compare-code-points.ts';

// Any Unicode scalar value, ASCII half the time, with the surrogate/BMP boundary well covered.
const character = fc.oneof(
  fc.string({ minLength: 1, maxLength: 1 }),
  fc.constantFrom('\uE000', '\uFFFF', '\u{10000}', '\u{1F600}', '\u{10FFFF}'),
  fc
    .integer({ min: 0, max: 0x10ffff - 0x800 })
    .map((point) => String.fromCodePoint(point >= 0xd800 ? point + 0x800 : point)),
);
const text = fc.string({ unit: character, maxLength: 6 });

describe('compareCodePoints', () => {
  it('puts characters above U+FFFF after U+E000..U+FFFF, unlike UTF-16 order', () => {
    expect('\u{10000}' < '\uE000').toBe(true);
    expect(compareCodePoints('\u{10000}', '\uE000')).toBeGreaterThan(0);
    expect(compareCodePoints('\uFFFF', '\u{1F600}')).toBeLessThan(0);
  });

  it('orders ASCII as bytes and a prefix first', () => {
    expect(compareCodePoints('B', 'a')).toBeLessThan(0);
    expect(compareCodePoints('ab', 'abc')).toBeLessThan(0);
    expect(compareCodePoints('same', 'same')).toBe(0);
  });

  it('agrees in sign with comparing the UTF-8 bytes', () => {
    fc.assert(
      fc.property(text, text, (left, right) => {
        const byBytes = Buffer.compare(Buffer.from(left), Buffer.from(right));
        expect(Math.sign(compareCodePoints(left, right))).toBe(byBytes);
      }),
      { numRuns: 500 },
    );
  });
});

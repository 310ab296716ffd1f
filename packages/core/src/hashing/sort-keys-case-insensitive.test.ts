import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareKeysCaseInsensitive,
  sortKeysCaseInsensitive,
} from './sort-keys-case-insensitive.ts';

describe('sortKeysCaseInsensitive', () => {
  it("matches PHP uksort($p, 'strcasecmp'), including integer-like keys and case ties", () => {
    // PHP 8.2 printed the order 10, 9, _x, a, b, B, Z for this array.
    const params = { b: 1, B: 2, a: 3, _x: 4, Z: 5, 10: 6, 9: 7 };
    expect([...sortKeysCaseInsensitive(params).keys()]).toEqual([
      '10',
      '9',
      '_x',
      'a',
      'b',
      'B',
      'Z',
    ]);
  });

  it('keeps the values with their keys and accepts a Map', () => {
    const sorted = sortKeysCaseInsensitive(
      new Map([
        ['user_id', 1111],
        ['amount', 1000],
      ]),
    );
    expect([...sorted]).toEqual([
      ['amount', 1000],
      ['user_id', 1111],
    ]);
  });

  it('folds only ASCII letters, as PHP 8 strcasecmp does', () => {
    expect(compareKeysCaseInsensitive('É', 'é')).toBeLessThan(0);
    expect(compareKeysCaseInsensitive('ABC', 'abc')).toBe(0);
    // Folding to lower case puts `_` (0x5F) before letters; folding to upper would not.
    expect(compareKeysCaseInsensitive('_', 'A')).toBeLessThan(0);
  });

  it('returns the same entries, ordered, with case-only ties in input order', () => {
    const key = fc.string({
      unit: fc.constantFrom('a', 'A', 'b', 'B', '_', '1', '[', 'é'),
      maxLength: 3,
    });
    fc.assert(
      fc.property(fc.uniqueArray(key, { maxLength: 8 }), (keys) => {
        const input = new Map(keys.map((name, index) => [name, index]));
        const sorted = [...sortKeysCaseInsensitive(input)];
        expect(sorted.map(([name]) => name).sort()).toEqual([...keys].sort());
        for (const [name, index] of sorted) expect(input.get(name)).toBe(index);
        for (let position = 1; position < sorted.length; position += 1) {
          const [previousName, previousIndex] = sorted[position - 1]!;
          const [name, index] = sorted[position]!;
          const order = compareKeysCaseInsensitive(previousName, name);
          expect(order).toBeLessThanOrEqual(0);
          if (order === 0) expect(previousIndex).toBeLessThan(index);
        }
      }),
      { numRuns: 300 },
    );
  });
});

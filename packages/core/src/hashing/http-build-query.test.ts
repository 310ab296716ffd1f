import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PayValidationError } from '../errors/pay-validation-error.ts';
import { httpBuildQuery } from './http-build-query.ts';

// Any Unicode scalar value, ASCII half the time.
const character = fc.oneof(
  fc.string({ minLength: 1, maxLength: 1 }),
  fc
    .integer({ min: 0, max: 0x10ffff - 0x800 })
    .map((point) => String.fromCodePoint(point >= 0xd800 ? point + 0x800 : point)),
);
const text = fc.string({ unit: character, maxLength: 12 });

function issueOf(run: () => unknown): { path: string; message: string } | undefined {
  try {
    run();
  } catch (error) {
    if (PayValidationError.isInstance(error)) return error.issues[0];
    throw error;
  }
  return undefined;
}

describe('httpBuildQuery', () => {
  // Every expected string below is what PHP 8.2 `http_build_query` printed for the same input.
  it('reproduces the php.net manual example', () => {
    const params = { foo: 'bar', baz: 'boom', cow: 'milk', php: 'hypertext processor' };
    expect(httpBuildQuery(params)).toBe('foo=bar&baz=boom&cow=milk&php=hypertext+processor');
  });

  it("encodes like PHP urlencode: +, uppercase %XX of UTF-8, and ~ ! * ' ( ) escaped", () => {
    expect(httpBuildQuery({ g: "x y~!*'()", 'k k': 'a-b_c.d' })).toBe(
      'g=x+y%7E%21%2A%27%28%29&k+k=a-b_c.d',
    );
    expect(httpBuildQuery({ descr: 'Оплата тарифа #1 ~a+b' })).toBe(
      'descr=%D0%9E%D0%BF%D0%BB%D0%B0%D1%82%D0%B0+%D1%82%D0%B0%D1%80%D0%B8%D1%84%D0%B0+%231+%7Ea%2Bb',
    );
  });

  it('nests objects and lists with percent-encoded brackets and skips empty containers', () => {
    const params = {
      a: { b: { c: 1, d: [true, false, null] } },
      e: [],
      f: null,
      'k k': { 'z z': '1' },
    };
    expect(httpBuildQuery(params)).toBe(
      'a%5Bb%5D%5Bc%5D=1&a%5Bb%5D%5Bd%5D%5B0%5D=1&a%5Bb%5D%5Bd%5D%5B1%5D=0&k+k%5Bz+z%5D=1',
    );
  });

  it('skips null and undefined and writes booleans as 1 and 0', () => {
    expect(httpBuildQuery({ a: null, b: undefined, c: true, d: false, e: '' })).toBe('c=1&d=0&e=');
    expect(httpBuildQuery({})).toBe('');
    expect(httpBuildQuery({ only: null })).toBe('');
  });

  it('prints integers as PHP ints and other numbers as PHP floats', () => {
    expect(httpBuildQuery({ amount: 1000, summ: 10.1, tiny: 0.00001, big: 1e14 * 1.5 })).toBe(
      'amount=1000&summ=10.1&tiny=1.0E-5&big=150000000000000',
    );
    expect(httpBuildQuery({ x: 1e20 + 0.5, y: 0.1 + 0.2, n: 5n })).toBe('x=1.0E%2B20&y=0.3&n=5');
  });

  it('keeps the order of a Map, including integer-like keys objects would reorder', () => {
    expect(httpBuildQuery({ 10: 'a', 9: 'b' })).toBe('9=b&10=a');
    const ordered = new Map<string, unknown>([
      ['10', 'a'],
      [
        '9',
        new Map([
          ['z', 1],
          ['1', 2],
        ]),
      ],
    ]);
    expect(httpBuildQuery(ordered)).toBe('10=a&9%5Bz%5D=1&9%5B1%5D=2');
  });

  it('numbers list items from 0 and skips holes', () => {
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point of the test
    expect(httpBuildQuery({ list: ['a', , 'c'] })).toBe('list%5B0%5D=a&list%5B2%5D=c');
  });

  it('refuses values PHP would print as NAN/INF, naming the key', () => {
    expect(issueOf(() => httpBuildQuery({ summ: Number.NaN }))).toEqual({
      path: 'summ',
      message: 'must be a finite number (got NaN)',
    });
    expect(issueOf(() => httpBuildQuery({ a: { b: [Number.POSITIVE_INFINITY] } }))?.path).toBe(
      'a.b.0',
    );
  });

  it('refuses text with no UTF-8 form, self-containing structures and non-plain objects', () => {
    expect(issueOf(() => httpBuildQuery({ descr: 'a\uD800' }))?.message).toMatch(/lone surrogate/);
    expect(issueOf(() => httpBuildQuery({ '\uDC00': 'x' }))?.message).toMatch(/lone surrogate/);
    const loop: Record<string, unknown> = { name: 'x' };
    loop.self = loop;
    expect(issueOf(() => httpBuildQuery({ loop }))).toEqual({
      path: 'loop.self',
      message: 'contains itself, which cannot be serialized',
    });
    expect(issueOf(() => httpBuildQuery({ when: new Date(0) }))?.path).toBe('when');
    expect(issueOf(() => httpBuildQuery({ run: () => 1 }))?.message).toMatch(/got a function/);
    expect(issueOf(() => httpBuildQuery({ id: Symbol('x') }))?.message).toMatch(/got a symbol/);
  });

  it('allows the same object twice when it is not its own ancestor', () => {
    const shared = { v: 1 };
    expect(httpBuildQuery({ a: shared, b: shared })).toBe('a%5Bv%5D=1&b%5Bv%5D=1');
  });

  it('decodes back to the same pairs for flat string maps', () => {
    fc.assert(
      fc.property(fc.dictionary(text, text, { maxKeys: 6 }), (params) => {
        const decoded = [...new URLSearchParams(httpBuildQuery(params))];
        expect(decoded).toEqual(Object.entries(params));
      }),
      { numRuns: 300 },
    );
  });

  it('writes only unreserved characters, %XX escapes, + and the = and & separators', () => {
    const scalar = fc.oneof(
      text,
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
    );
    const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }), fc.dictionary(text, scalar));
    fc.assert(
      fc.property(fc.dictionary(text, value, { maxKeys: 5 }), (params) => {
        const query = httpBuildQuery(params);
        const piece = '(?:[A-Za-z0-9._-]|\\+|%[0-9A-F]{2})*';
        expect(query).toMatch(new RegExp(`^(?:${piece}=${piece}(?:&${piece}=${piece})*)?$`));
      }),
      { numRuns: 300 },
    );
  });
});

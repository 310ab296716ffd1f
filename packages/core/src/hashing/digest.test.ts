import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digestHex, type HashAlgorithm, hmacHex, timingSafeEqualText } from './digest.ts';

const hexLengths: Record<HashAlgorithm, number> = { md5: 32, sha1: 40, sha256: 64, sha512: 128 };
const algorithms = Object.keys(hexLengths) as HashAlgorithm[];

// Any Unicode scalar value, ASCII half the time. (fast-check's own `unit: 'binary'` costs ~1 s
// of set-up per file.)
const character = fc.oneof(
  fc.string({ minLength: 1, maxLength: 1 }),
  fc
    .integer({ min: 0, max: 0x10ffff - 0x800 })
    .map((point) => String.fromCodePoint(point >= 0xd800 ? point + 0x800 : point)),
);

describe('digestHex', () => {
  it.each([
    ['md5', '900150983cd24fb0d6963f7d28e17f72'],
    ['sha1', 'a9993e364706816aba3e25717850c26c9cd0d89d'],
    ['sha256', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    [
      'sha512',
      'ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f',
    ],
  ] as const)('matches the published %s digest of "abc"', (algorithm, expected) => {
    expect(digestHex(algorithm, 'abc')).toBe(expected);
  });

  // CrystalPay SPEC §2 test vectors (salt test_salt_2f8a).
  it.each([
    ['123456789_abcdefghij:test_salt_2f8a', 'edc4a40a51fe09ce31606e3298e19fbc93fccae2'],
    ['100:BITCOIN:bc1qexample:test_salt_2f8a', '5c689274a95ca6965a79ae33d12258f0f996a27f'],
    ['123456789_payoffid:test_salt_2f8a', '839b54728aeb1f9bb881913c40538daa284ac4b5'],
  ])('reproduces the CrystalPay SHA-1 vector for %s', (input, expected) => {
    expect(digestHex('sha1', input)).toBe(expected);
  });

  it('hashes strings as UTF-8', () => {
    expect(digestHex('md5', 'é')).toBe(digestHex('md5', new Uint8Array([0xc3, 0xa9])));
  });

  it('gives lowercase hex of the right length, the same for a string and its UTF-8 bytes', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...algorithms),
        fc.string({ unit: character }),
        (algorithm, text) => {
          const hex = digestHex(algorithm, text);
          expect(hex).toMatch(new RegExp(`^[0-9a-f]{${hexLengths[algorithm]}}$`));
          expect(digestHex(algorithm, new TextEncoder().encode(text))).toBe(hex);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('hmacHex', () => {
  // RFC 4231 test case 1 (20-byte key of 0x0b) and test case 2 (key "Jefe").
  it('matches RFC 4231 test case 1 with a byte key', () => {
    const key = new Uint8Array(20).fill(0x0b);
    expect(hmacHex('sha256', key, 'Hi There')).toBe(
      'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7',
    );
    expect(hmacHex('sha512', key, 'Hi There')).toBe(
      '87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cdedaa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854',
    );
  });

  it('matches RFC 4231 test case 2 with a string key', () => {
    expect(hmacHex('sha256', 'Jefe', 'what do ya want for nothing?')).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
    expect(hmacHex('sha512', 'Jefe', 'what do ya want for nothing?')).toBe(
      '164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737',
    );
  });

  it('treats a string key and its UTF-8 bytes alike, and depends on the key', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...algorithms),
        fc.string({ unit: character, minLength: 1 }),
        fc.string({ unit: character }),
        (algorithm, key, data) => {
          const mac = hmacHex(algorithm, key, data);
          expect(mac).toMatch(new RegExp(`^[0-9a-f]{${hexLengths[algorithm]}}$`));
          expect(hmacHex(algorithm, new TextEncoder().encode(key), data)).toBe(mac);
          expect(hmacHex(algorithm, `${key}x`, data)).not.toBe(mac);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('timingSafeEqualText', () => {
  it('is true for equal strings and false for different ones of the same length', () => {
    expect(timingSafeEqualText('a3f1', 'a3f1')).toBe(true);
    expect(timingSafeEqualText('a3f1', 'a3f2')).toBe(false);
    expect(timingSafeEqualText('', '')).toBe(true);
  });

  it('returns false rather than throwing when lengths differ', () => {
    expect(timingSafeEqualText('a3f1', 'a3f')).toBe(false);
    expect(timingSafeEqualText('', 'x')).toBe(false);
  });

  it('does not let lone surrogates collapse into equal UTF-8 bytes', () => {
    // Both encode to EF BF BD in UTF-8; the strings still differ.
    expect(Buffer.from('\uD800').equals(Buffer.from('\uD801'))).toBe(true);
    expect(timingSafeEqualText('\uD800', '\uD801')).toBe(false);
  });

  it('agrees with === on any pair of strings', () => {
    const text = fc.string({ unit: character, maxLength: 8 });
    fc.assert(
      fc.property(text, text, (left, right) => {
        expect(timingSafeEqualText(left, right)).toBe(left === right);
        expect(timingSafeEqualText(left, left)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

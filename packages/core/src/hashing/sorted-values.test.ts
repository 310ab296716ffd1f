import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PayValidationError } from '../errors/pay-validation-error.ts';
import { hmacHex } from './digest.ts';
import { sortedValuesString } from './sorted-values.ts';

/** AnyMoney request signing (SPEC §2): canonical values + x-utc-now-ms, HMAC-SHA512. */
function signRequest(apiKey: string, params: Record<string, unknown>, nowMs: string) {
  const canonical = sortedValuesString(params) + nowMs;
  return { canonical, signature: hmacHex('sha512', apiKey, canonical) };
}

describe('sortedValuesString: AnyMoney SPEC §2 vectors', () => {
  it('V1: the docs’ balance example', () => {
    expect(signRequest('your api_key here', { curr: 'BTC' }, '1575228754418')).toEqual({
      canonical: 'btc1575228754418',
      signature:
        '17d102eb9d4b7293c0d723093ed4cb471c4cf683eec6003786288997261550933742fbcb562acc8c1de329b4bcae0f6902492f1a386f25bd6042e98689880228',
    });
  });

  it('V2: invoice.create with a boolean, a null, nested data and mixed case', () => {
    const params = {
      amount: '1000.25',
      callback_url: 'https://Shop.example/CB?id=7',
      client_email: 'Customer@Domain.com',
      externalid: 'ORDER-123',
      in_curr: 'UAH',
      is_multipay: false,
      lifetime: '1d12h',
      merchant_payfee: '0.35',
      out_curr: null,
      payway: 'card',
      redirect_url: 'https://shop.example/order/123',
      userdata: { payee: '4444' },
    };
    expect(signRequest('test_api_key', params, '1700000000000')).toEqual({
      canonical:
        '1000.25https://shop.example/cb?id=7customer@domain.comorder-123uahfalse1d12h0.35cardhttps://shop.example/order/1231700000000000',
      signature:
        'a22c4a39af880023fc9668a44a8ef264dc340f3dac89d81ef217948e096c13b0829bfe26a9539ff9e44dd1784d168cb94d41b17c41637f550ec597cedc97448d',
    });
  });

  it('V3: no params', () => {
    expect(signRequest('test_api_key', {}, '1700000000000')).toEqual({
      canonical: '1700000000000',
      signature:
        '3d71fd1f993d7b06cdb0ffe075330db00f23c2ce9e5758b2503a41fca30f9141e20f796cf32128acba07ea531139ac2a583fb334c233d62727454c70fe4498cf',
    });
  });

  it('SCI form example: no timestamp, SCI key, is_multipay as a string', () => {
    const fields = {
      amount: '100.50',
      externalid: 'ORDER-9',
      in_curr: 'USD',
      is_multipay: 'false',
      merchant: '13',
      redirect_url: 'https://shop.example/Done',
    };
    const canonical = sortedValuesString(fields);
    expect(canonical).toBe('100.50order-9usdfalse13https://shop.example/done');
    expect(hmacHex('sha512', 'test_sci_key', canonical)).toBe(
      '3253b6223ce09dcb5c793c18372767d4bda1953d093cbe37d1c4698457585e01d02ee4e720eac84bed39d6db1f7d0fb6bcd656fb43490325d9886d2e0fe89aeb',
    );
  });

  it('candidate callback example: an integer number is signed as its digits', () => {
    const body = {
      tp: 'invoice',
      lid: 135735,
      status: 'done',
      externalid: 'ORDER-123',
      in_curr: 'UAH',
      in_amount: '1000.25',
      rate: null,
      userdata: {},
    };
    expect(signRequest('test_api_key', body, '1700000000000')).toEqual({
      canonical: 'order-1231000.25uah135735doneinvoice1700000000000',
      signature:
        '7ba09e9d13eec41397d4510e9e45e731a16ba27801cb5354bb971e9bc720c61b274da68961ad89e6fd8d6e43abc24f5cf064dc78baab4870f52334207cdfcc6c',
    });
  });
});

describe('sortedValuesString', () => {
  it('sorts keys by code point, not by UTF-16 unit or case-insensitively', () => {
    expect(sortedValuesString({ b: '2', B: '1', a: '3' })).toBe('132');
    expect(sortedValuesString({ '\u{10000}': 'x', '\uE000': 'y' })).toBe('yx');
  });

  it('skips arrays and undefined as well as null and objects', () => {
    expect(sortedValuesString({ a: 'A', b: ['x'], c: undefined, d: true })).toBe('atrue');
  });

  it('refuses numbers that are not safe integers, naming the key', () => {
    for (const amount of [10.5, Number.NaN, 2 ** 60]) {
      try {
        sortedValuesString({ amount });
        expect.unreachable('should have thrown');
      } catch (error) {
        expect(PayValidationError.isInstance(error)).toBe(true);
        const [issue] = (error as PayValidationError).issues;
        expect(issue?.path).toBe('amount');
        expect(issue?.message).toMatch(/pass decimals as strings/);
      }
    }
  });

  const value = fc.oneof(
    fc.string({ maxLength: 6 }),
    fc.boolean(),
    fc.integer(),
    fc.constant(null),
    fc.constant({ nested: 'x' }),
  );

  it('does not depend on the insertion order of the keys', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 4 }), value), fc.nat(), (params, seed) => {
        const entries = Object.entries(params);
        const rotated = entries
          .slice(seed % (entries.length || 1))
          .concat(entries.slice(0, seed % (entries.length || 1)));
        const reversed = Object.fromEntries(rotated.reverse());
        expect(sortedValuesString(reversed)).toBe(sortedValuesString(params));
      }),
      { numRuns: 300 },
    );
  });

  it('is lower case and is the concatenation of the rendered values', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 4 }), value), (params) => {
        const result = sortedValuesString(params);
        expect(result).toBe(result.toLowerCase());
        const rendered = Object.values(params)
          .map((item) => (typeof item === 'object' && item !== null ? '' : String(item ?? '')))
          .join('');
        expect(result.length).toBe(rendered.toLowerCase().length);
      }),
      { numRuns: 300 },
    );
  });
});

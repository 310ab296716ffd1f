import { describe, expect, it } from 'vitest';
import { hmacHex } from './digest.ts';
import { httpBuildQuery } from './http-build-query.ts';
import { type PhpScalar, phpScalarString } from './php-scalar-string.ts';
import { sortKeysCaseInsensitive } from './sort-keys-case-insensitive.ts';

// Payin-payout SPEC §2.1 and §5.1 test vectors, all keyed with `secret_key`, composed end to end
// from the core pieces a provider package uses.
const developerKey = 'secret_key';

/** Current rule: case-insensitive key sort, PHP http_build_query, HMAC-MD5. */
function currentRule(params: Record<string, unknown>): { canonical: string; hash: string } {
  const canonical = httpBuildQuery(sortKeysCaseInsensitive(params));
  return { canonical, hash: hmacHex('md5', developerKey, canonical) };
}

/** Legacy rule: PHP implode of the values in sending order, HMAC-MD5. */
function legacyRule(params: Record<string, PhpScalar>): { canonical: string; hash: string } {
  const canonical = Object.values(params).map(phpScalarString).join('');
  return { canonical, hash: hmacHex('md5', developerKey, canonical) };
}

// The seed's PHP example, in its key order.
const seedParams = {
  service_id: 40,
  user_id: 1111,
  payer_id: 2222,
  amount: 1000,
  external_id: 'invoice_12345',
  description: 'description',
  timestamp: 1558429736,
};

// The seed's curl example: other key order, external_id invoice_123452.
const curlParams = {
  service_id: 40,
  timestamp: 1558429736,
  user_id: 1111,
  payer_id: 2222,
  amount: 1000,
  external_id: 'invoice_123452',
  description: 'description',
};

describe('Payin-payout family A signing vectors', () => {
  it('A1 current rule', () => {
    expect(currentRule(seedParams)).toEqual({
      canonical:
        'amount=1000&description=description&external_id=invoice_12345&payer_id=2222&service_id=40&timestamp=1558429736&user_id=1111',
      hash: 'c8689635c3664306e508b2337418841a',
    });
  });

  it('A1 legacy rule, seed PHP order', () => {
    expect(legacyRule(seedParams)).toEqual({
      canonical: '40111122221000invoice_12345description1558429736',
      hash: '90135cafc57a652630a4fac1b0562c62',
    });
  });

  it('seed curl values, legacy rule in curl order', () => {
    // The SPEC notes the seed's own hash (9ce2806c…) is not reproducible; this is its vector.
    expect(legacyRule(curlParams)).toEqual({
      canonical: '401558429736111122221000invoice_123452description',
      hash: '16db2341af5dc88410a111eb4bdee9a4',
    });
  });

  it('seed curl values, current rule', () => {
    expect(currentRule(curlParams)).toEqual({
      canonical:
        'amount=1000&description=description&external_id=invoice_123452&payer_id=2222&service_id=40&timestamp=1558429736&user_id=1111',
      hash: '621ee000014f9ef46dff97fb463618e9',
    });
  });

  it('edge case: boolean, float, UTF-8 and null, current rule', () => {
    const params = {
      user_id: 7026,
      payer_id: 6034,
      summ: 10.1,
      currency_id: 643,
      timestamp: 1558429736,
      is_sos_topup: true,
      descr: 'Оплата тарифа #1 ~a+b',
      success_url: null,
    };
    expect(currentRule(params)).toEqual({
      canonical:
        'currency_id=643&descr=%D0%9E%D0%BF%D0%BB%D0%B0%D1%82%D0%B0+%D1%82%D0%B0%D1%80%D0%B8%D1%84%D0%B0+%231+%7Ea%2Bb&is_sos_topup=1&payer_id=6034&summ=10.1&timestamp=1558429736&user_id=7026',
      hash: '13fd1f239c5f1f9db426711ca12aa245',
    });
  });

  it('A1 result callback (without hash and tracker), current rule', () => {
    const body = {
      external_id: '123457',
      service_id: 111,
      status: 1,
      payment_in_id: '011111-000082',
      payment_out_id: '022222-001244',
      timestamp: '1558429736',
    };
    expect(currentRule(body)).toEqual({
      canonical:
        'external_id=123457&payment_in_id=011111-000082&payment_out_id=022222-001244&service_id=111&status=1&timestamp=1558429736',
      hash: 'd79d53d02f3447b33fd6323ef83c4932',
    });
  });

  it('top-up callback (without hash and tracker), current rule', () => {
    const body = { payment_in_id: 64522147743974, payment_in_status: 1, timestamp: 1563956853 };
    expect(currentRule(body)).toEqual({
      canonical: 'payment_in_id=64522147743974&payment_in_status=1&timestamp=1563956853',
      hash: '9d9ef37a7b3ff4a1b1d4600de2db7c78',
    });
  });
});

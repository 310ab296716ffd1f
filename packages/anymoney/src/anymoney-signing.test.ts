import { jsonResponse, stubFetch } from '@pay/core/testing';
import { describe, expect, it } from 'vitest';
import { createAnyMoney } from './anymoney-client.ts';
import { requestSigningText, signRequest, signSciFields } from './anymoney-signing.ts';

// The signing test vectors V1–V3 (https://docs.any.money/en/auth/ and our recomputation), reproduced through the client's own signing path (fixed clock, stub fetch).
const V1 = {
  apiKey: 'your api_key here',
  now: 1575228754418,
  canonical: 'btc1575228754418',
  signature:
    '17d102eb9d4b7293c0d723093ed4cb471c4cf683eec6003786288997261550933742fbcb562acc8c1de329b4bcae0f6902492f1a386f25bd6042e98689880228',
};
const V2 = {
  apiKey: 'test_api_key',
  now: 1700000000000,
  params: {
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
  },
  canonical:
    '1000.25https://shop.example/cb?id=7customer@domain.comorder-123uahfalse1d12h0.35cardhttps://shop.example/order/1231700000000000',
  signature:
    'a22c4a39af880023fc9668a44a8ef264dc340f3dac89d81ef217948e096c13b0829bfe26a9539ff9e44dd1784d168cb94d41b17c41637f550ec597cedc97448d',
};
const V3 = {
  apiKey: 'test_api_key',
  now: 1700000000000,
  signature:
    '3d71fd1f993d7b06cdb0ffe075330db00f23c2ce9e5758b2503a41fca30f9141e20f796cf32128acba07ea531139ac2a583fb334c233d62727454c70fe4498cf',
};
const SCI_EXAMPLE = {
  fields: {
    amount: '100.50',
    externalid: 'ORDER-9',
    in_curr: 'USD',
    is_multipay: 'false',
    merchant: '13',
    redirect_url: 'https://shop.example/Done',
  },
  signature:
    '3253b6223ce09dcb5c793c18372767d4bda1953d093cbe37d1c4698457585e01d02ee4e720eac84bed39d6db1f7d0fb6bcd656fb43490325d9886d2e0fe89aeb',
};

function clientFor(vector: { apiKey: string; now: number }) {
  // invoice.create answers an invoice order (its paylink, externalid and status are required).
  const invoice = { externalid: 'ORDER-1', status: 'new', paylink: 'https://sci.any.money/' };
  const fetch = stubFetch(async (request) => {
    const { method } = (await request.json()) as { method: string };
    const result = method === 'invoice.create' ? invoice : {};
    return jsonResponse({ result, id: '1', jsonrpc: '2.0' });
  });
  const client = createAnyMoney({
    merchantId: '1234',
    apiKey: vector.apiKey,
    now: () => vector.now,
    fetch,
  });
  return { client, fetch };
}

describe('signing vectors through the client', () => {
  it('V1: balance { curr: BTC } signs btc + the timestamp', async () => {
    const { client, fetch } = clientFor(V1);
    await client.balance({ curr: 'BTC' });
    const sent = fetch.calls[0]!;
    expect(sent.headers.get('x-signature')).toBe(V1.signature);
    expect(sent.headers.get('x-utc-now-ms')).toBe(String(V1.now));
    expect(sent.headers.get('x-merchant')).toBe('1234');
    expect(requestSigningText({ curr: 'BTC' }, String(V1.now))).toBe(V1.canonical);
  });

  it('V2: invoice.create with bool, mixed case; null and nested values are not signed', async () => {
    const { client, fetch } = clientFor(V2);
    // out_curr: null and userdata (nested; not an invoice.create param) change nothing signed.
    const { out_curr: _null, userdata: _nested, ...sendable } = V2.params;
    await client.invoice.create(sendable);
    expect(fetch.calls[0]?.headers.get('x-signature')).toBe(V2.signature);
    expect(JSON.parse(fetch.calls[0]?.body ?? '').params).toEqual(sendable);
  });

  it('V2: the full params, null and nested included, through call() and the signer', async () => {
    const { client, fetch } = clientFor(V2);
    const { userdata: _nested, ...scalarsAndNull } = V2.params;
    await client.call('invoice.create', scalarsAndNull);
    expect(fetch.calls[0]?.headers.get('x-signature')).toBe(V2.signature);
    expect(JSON.parse(fetch.calls[0]?.body ?? '').params.out_curr).toBeNull();
    expect(requestSigningText(V2.params as never, String(V2.now))).toBe(V2.canonical);
    expect(signRequest(V2.apiKey, V2.params as never, String(V2.now))).toBe(V2.signature);
  });

  it('V3: no params (payway.list, or call without params) signs the timestamp alone', async () => {
    const first = clientFor(V3);
    await first.client.payway.list();
    expect(first.fetch.calls[0]?.headers.get('x-signature')).toBe(V3.signature);
    expect(JSON.parse(first.fetch.calls[0]?.body ?? '').params).toEqual({});
    const second = clientFor(V3);
    await second.client.call('payway.list');
    expect(second.fetch.calls[0]?.headers.get('x-signature')).toBe(V3.signature);
  });
});

describe('SCI form signature (the sci_invoice example)', () => {
  it('reproduces the example with the SCI key and no timestamp', () => {
    expect(signSciFields('test_sci_key', SCI_EXAMPLE.fields)).toBe(SCI_EXAMPLE.signature);
  });

  it('ignores a sign field already present', () => {
    const withSign = { ...SCI_EXAMPLE.fields, sign: 'stale' };
    expect(signSciFields('test_sci_key', withSign)).toBe(SCI_EXAMPLE.signature);
  });
});

import { createHash } from 'node:crypto';
import { inspect } from 'node:util';
import { PayApiError, PayNetworkError, PaySignatureError, PayValidationError } from '@pay/core';
import { jsonResponse, stubFetch } from '@pay/core/testing';
import { describe, expect, it } from 'vitest';
import { createCrystalPay } from './crystalpay-client.ts';

const SALT = 'test_salt_2f8a';
const credentials = { login: 'shop_login', secret: 'shop_secret_abc', salt: SALT };
// SPEC §2: sha1('123456789_abcdefghij:test_salt_2f8a').
const SIGNATURE = 'edc4a40a51fe09ce31606e3298e19fbc93fccae2';
const invoice = {
  id: '123456789_abcdefghij',
  url: 'https://pay.crystalpay.io/?i=123456789_abcdefghij',
  state: 'payed',
  type: 'purchase',
  method: 'BITCOIN',
  rub_amount: '8146',
  currency: 'USD',
  amount: '100',
  extra: 'order-42',
  created_at: '2024-05-01 12:00:00',
};
const body = (fields: Record<string, unknown>) => JSON.stringify(fields);

async function rejection(promise: Promise<unknown>): Promise<PaySignatureError> {
  const error = await promise.catch((caught: unknown) => caught);
  expect(PaySignatureError.isInstance(error)).toBe(true);
  return error as PaySignatureError;
}

describe('webhooks.verify', () => {
  const crystalpay = createCrystalPay(credentials);

  it('accepts the SPEC vector and returns the typed invoice without the signature', async () => {
    const event = await crystalpay.webhooks.verify({
      body: body({ ...invoice, signature: SIGNATURE }),
      headers: { 'content-type': 'application/json' },
    });
    expect(event.kind).toBe('invoice');
    expect(event.confirmed).toBe(false);
    if (event.kind !== 'invoice') return;
    expect(event.invoice).toMatchObject({ id: invoice.id, state: 'payed', amount: '100' });
    expect(event.invoice.final_at).toBeNull();
    expect(event.invoice).not.toHaveProperty('signature');
  });

  it('reads a Web Request and bytes alike, and takes amounts sent as numbers as strings', async () => {
    const text = body({ ...invoice, amount: 100.5, signature: SIGNATURE });
    const request = new Request('https://shop.example/hooks', { method: 'POST', body: text });
    const fromRequest = await crystalpay.webhooks.verify(request);
    const fromBytes = await crystalpay.webhooks.verify({ body: new TextEncoder().encode(text) });
    for (const event of [fromRequest, fromBytes]) {
      expect(event.kind === 'invoice' && event.invoice.amount).toBe('100.5');
    }
  });

  it('accepts an upper-case hex signature (hex case carries nothing)', async () => {
    const event = await crystalpay.webhooks.verify({
      body: body({ ...invoice, signature: SIGNATURE.toUpperCase() }),
    });
    expect(event.kind).toBe('invoice');
  });

  it('rejects a body whose id was changed (the signature covers the id)', async () => {
    const error = await rejection(
      crystalpay.webhooks.verify({
        body: body({ ...invoice, id: '123456789_zzzzzzzzzz', signature: SIGNATURE }),
      }),
    );
    expect(error.reason).toBe('mismatch');
  });

  it('rejects a callback signed with another salt, and says to check the salt', async () => {
    const other = createCrystalPay({ ...credentials, salt: 'another_salt_9c' });
    const signed = other.webhooks.sign(invoice);
    const error = await rejection(crystalpay.webhooks.verify(signed));
    expect(error.reason).toBe('mismatch');
    expect(error.message).toContain('`salt`');
  });

  it.each([
    ['missing', 'no signature', { ...invoice }],
    ['missing', 'an empty signature', { ...invoice, signature: '' }],
    ['mismatch', 'a numeric signature', { ...invoice, signature: 12345 }],
    ['malformed', 'no id', { ...invoice, id: undefined, signature: SIGNATURE }],
  ])('rejects (%s) a body with %s', async (reason, _case, fields) => {
    const error = await rejection(crystalpay.webhooks.verify({ body: body(fields) }));
    expect(error.reason).toBe(reason);
  });

  it('rejects a body that is not a JSON object, and a parsed object', async () => {
    expect((await rejection(crystalpay.webhooks.verify({ body: 'id=1&signature=x' }))).reason).toBe(
      'malformed',
    );
    const parsed = { ...invoice, signature: SIGNATURE };
    // @ts-expect-error: a parsed object is not a WebhookInput
    expect((await rejection(crystalpay.webhooks.verify(parsed))).reason).toBe('not-raw');
  });

  it('rejects a signed body without a state as not an invoice callback', async () => {
    const { state: _state, ...noState } = invoice;
    const error = await rejection(crystalpay.webhooks.verify(crystalpay.webhooks.sign(noState)));
    expect(error.reason).toBe('malformed');
    expect(error.message).toContain('state');
  });

  it('never puts the salt, the received or the expected signature into an error', async () => {
    const error = await rejection(
      crystalpay.webhooks.verify({ body: body({ ...invoice, id: 'x1', signature: SIGNATURE }) }),
    );
    const expected = createHash('sha1').update(`x1:${SALT}`).digest('hex');
    for (const view of [error.message, JSON.stringify(error), inspect(error, { depth: 8 })]) {
      expect(view).not.toContain(SALT);
      expect(view).not.toContain(SIGNATURE);
      expect(view).not.toContain(expected);
    }
  });

  it('detects a payoff callback by its wallet, or follows `kind`', async () => {
    const payoff = { id: '123456789_payoffid', state: 'payed', wallet: 'bc1qexample', amount: 0.5 };
    const event = await crystalpay.webhooks.verify(crystalpay.webhooks.sign(payoff));
    expect(event).toMatchObject({ kind: 'payoff', payoff: { state: 'payed', amount: '0.5' } });
    const forced = await crystalpay.webhooks.verify(
      crystalpay.webhooks.sign({ id: 'p2', state: 'failed' }),
      { kind: 'payoff' },
    );
    expect(forced).toMatchObject({ kind: 'payoff', payoff: { id: 'p2', message: null } });
  });
});

describe('webhooks.verify with confirm', () => {
  it('re-fetches invoice/info and returns the fetched state, not the body', async () => {
    const fetch = stubFetch(() =>
      jsonResponse({ error: false, errors: [], ...invoice, state: 'notpayed' }),
    );
    const crystalpay = createCrystalPay({ ...credentials, fetch });
    // A forged "payed": the id is signed, the state is not.
    const event = await crystalpay.webhooks.verify(
      { body: body({ ...invoice, state: 'payed', signature: SIGNATURE }) },
      { confirm: true },
    );
    expect(event).toMatchObject({
      kind: 'invoice',
      confirmed: true,
      invoice: { state: 'notpayed' },
    });
    expect(fetch.calls[0]?.url).toBe('https://api.crystalpay.io/v3/invoice/info/');
    expect(JSON.parse(fetch.calls[0]?.body ?? '')).toMatchObject({ id: invoice.id });
  });

  it('never fetches for a callback whose signature is wrong', async () => {
    const fetch = stubFetch(() => jsonResponse({}));
    const crystalpay = createCrystalPay({ ...credentials, fetch });
    await rejection(
      crystalpay.webhooks.verify(
        { body: body({ ...invoice, signature: 'f'.repeat(40) }) },
        {
          confirm: true,
        },
      ),
    );
    expect(fetch.calls).toHaveLength(0);
  });

  it('confirms a payoff through payoff/info', async () => {
    const fetch = stubFetch(() =>
      jsonResponse({ error: false, errors: [], id: 'p1', state: 'payed', amount: '10' }),
    );
    const crystalpay = createCrystalPay({ ...credentials, fetch });
    const event = await crystalpay.webhooks.verify(
      crystalpay.webhooks.sign({ id: 'p1', state: 'payed', wallet: 'w' }),
      { confirm: true },
    );
    expect(event).toMatchObject({ kind: 'payoff', confirmed: true, payoff: { amount: '10' } });
    expect(new URL(fetch.calls[0]?.url ?? '').pathname).toBe('/v3/payoff/info/');
  });

  it('turns "not found" into an unconfirmed callback and lets other failures through', async () => {
    const notFound = createCrystalPay({
      ...credentials,
      fetch: stubFetch(() => jsonResponse({ error: true, errors: ['Invoice not found'] })),
    });
    const signed = notFound.webhooks.sign(invoice);
    const error = await rejection(notFound.webhooks.verify(signed, { confirm: true }));
    expect(error.reason).toBe('unconfirmed');

    const down = createCrystalPay({
      ...credentials,
      maxRetries: 0,
      fetch: stubFetch(() => jsonResponse({ error: true, errors: ['Server error'] }, 502)),
    });
    const failure = await down.webhooks.verify(signed, { confirm: true }).catch((e: unknown) => e);
    expect(PayApiError.isInstance(failure)).toBe(true);

    const offline = createCrystalPay({
      ...credentials,
      maxRetries: 0,
      fetch: stubFetch(() => Promise.reject(new TypeError('fetch failed'))),
    });
    const lost = await offline.webhooks.verify(signed, { confirm: true }).catch((e: unknown) => e);
    expect(PayNetworkError.isInstance(lost)).toBe(true);
  });
});

describe('webhooks.sign', () => {
  it('produces a body that verify accepts, with the SPEC signature', async () => {
    const crystalpay = createCrystalPay(credentials);
    const signed = crystalpay.webhooks.sign(invoice);
    expect(JSON.parse(signed.body).signature).toBe(SIGNATURE);
    expect(signed.headers['content-type']).toBe('application/json');
    const event = await crystalpay.webhooks.verify(signed);
    expect(event).toMatchObject({ kind: 'invoice', invoice: { id: invoice.id } });
  });

  it('refuses a payload without an id', () => {
    const crystalpay = createCrystalPay(credentials);
    // @ts-expect-error: id is required
    expect(() => crystalpay.webhooks.sign({ state: 'payed' })).toThrow(PayValidationError);
  });
});

import { createHash } from 'node:crypto';
import { inspect } from 'node:util';
import { PayApiError, PayNetworkError, PaySignatureError, PayValidationError } from '@pay/core';
import { jsonResponse, stubFetch } from '@pay/core/testing';
import { describe, expect, it } from 'vitest';
import { createCrystalPay } from './crystalpay-client.ts';

const SALT = 'test_salt_2f8a';
const credentials = { login: 'shop_login', secret: 'shop_secret_abc', salt: SALT };
// The specification's callback vector: sha1('123456789_abcdefghij:test_salt_2f8a').
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
const unconfirmed = { confirm: false } as const;
/** A fetch that fails the test if anything is sent. */
const noFetch = stubFetch(() => {
  throw new Error('nothing may be sent');
});
/** A fetch that answers `invoice/info/` (or `payoff/info/`) with `fields` in the envelope. */
const answering = (fields: Record<string, unknown>) =>
  stubFetch(() => jsonResponse({ error: false, errors: [], ...fields }));

async function rejection(promise: Promise<unknown>): Promise<PaySignatureError> {
  const error = await promise.catch((caught: unknown) => caught);
  expect(PaySignatureError.isInstance(error)).toBe(true);
  return error as PaySignatureError;
}

describe('webhooks.verify', () => {
  // Found by the contract-tests webhook fuzz suite (issue 13): `null` options (a JS caller's "no
  // options") threw a TypeError reading `kind`; they are the defaults, so verify confirms.
  it('treats null options as the defaults: confirms through invoice/info, never a TypeError', async () => {
    const fetch = answering(invoice);
    const crystalpay = createCrystalPay({ ...credentials, fetch });
    const event = await crystalpay.webhooks.verify(
      { body: body({ ...invoice, signature: SIGNATURE }) },
      null as never,
    );
    expect(event).toMatchObject({ kind: 'invoice', confirmed: true });
    expect(fetch.calls).toHaveLength(1);
  });

  const crystalpay = createCrystalPay({ ...credentials, fetch: noFetch });

  it('accepts the test vector and, unconfirmed, returns the typed invoice without the signature', async () => {
    const event = await crystalpay.webhooks.verify(
      {
        body: body({ ...invoice, signature: SIGNATURE }),
        headers: { 'content-type': 'application/json' },
      },
      unconfirmed,
    );
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
    const fromRequest = await crystalpay.webhooks.verify(request, unconfirmed);
    const fromBytes = await crystalpay.webhooks.verify(
      { body: new TextEncoder().encode(text) },
      unconfirmed,
    );
    for (const event of [fromRequest, fromBytes]) {
      expect(event.kind === 'invoice' && event.invoice.amount).toBe('100.5');
    }
  });

  it('accepts an upper-case hex signature (hex case carries nothing)', async () => {
    const event = await crystalpay.webhooks.verify(
      { body: body({ ...invoice, signature: SIGNATURE.toUpperCase() }) },
      unconfirmed,
    );
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
    const signed = await other.webhooks.sign(invoice);
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
    const misuse = await crystalpay.webhooks.verify(parsed).catch((error: unknown) => error);
    expect(PayValidationError.isInstance(misuse)).toBe(true);
  });

  it('rejects a signed body without a state as not an invoice callback (unconfirmed)', async () => {
    const { state: _state, ...noState } = invoice;
    const signed = await crystalpay.webhooks.sign(noState);
    const error = await rejection(crystalpay.webhooks.verify(signed, unconfirmed));
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
    const event = await crystalpay.webhooks.verify(
      await crystalpay.webhooks.sign(payoff),
      unconfirmed,
    );
    expect(event).toMatchObject({ kind: 'payoff', payoff: { state: 'payed', amount: '0.5' } });
    const forced = await crystalpay.webhooks.verify(
      await crystalpay.webhooks.sign({ id: 'p2', state: 'failed' }),
      { ...unconfirmed, kind: 'payoff' },
    );
    expect(forced).toMatchObject({ kind: 'payoff', payoff: { id: 'p2', message: null } });
  });
});

describe('webhooks.verify on hostile input', () => {
  const crystalpay = createCrystalPay({ ...credentials, fetch: noFetch });
  const hostile: Array<[string, unknown]> = [
    ['deep nesting', `{"id":"x","a":${'['.repeat(50_000)}${']'.repeat(50_000)}}`],
    ['a body past the size limit', `{"id":"${'x'.repeat(70_000)}","signature":"${SIGNATURE}"}`],
    ['JSON null', 'null'],
    ['a JSON string', '"123456789_abcdefghij"'],
    ['a JSON array', `["123456789_abcdefghij","${SIGNATURE}"]`],
    ['an object signature', body({ ...invoice, signature: { length: 40 } })],
    ['an array signature', body({ ...invoice, signature: [SIGNATURE] })],
    ['an object id', body({ ...invoice, id: { toString: 1 }, signature: SIGNATURE })],
    ['a polluting key', `{"__proto__":{"id":"123456789_abcdefghij"},"signature":"${SIGNATURE}"}`],
    ['a constructor key', `{"constructor":{"prototype":{"x":1}},"id":"i","signature":"f"}`],
    ['invalid UTF-8 bytes', new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])],
    ['an empty body', ''],
    ['a lone surrogate', `{"id":"\ud800","signature":"${SIGNATURE}"}`],
  ];
  it.each(hostile)('rejects %s with a @pay/core error and sends nothing', async (_case, input) => {
    for (const options of [undefined, unconfirmed]) {
      const error = await crystalpay.webhooks
        .verify({ body: input as string, headers: {} }, options)
        .catch((caught: unknown) => caught);
      expect(
        PaySignatureError.isInstance(error) || PayValidationError.isInstance(error),
        String(error),
      ).toBe(true);
    }
    expect(({} as Record<string, unknown>).id).toBeUndefined();
  });
});

describe('webhooks.verify confirms through the API by default', () => {
  it('does not report as paid a callback whose unsigned state and amount were edited', async () => {
    // Signed for { state: 'notpayed', amount: '1' }, then edited: the signature still holds,
    // because CrystalPay signs only the id.
    const fetch = answering({ ...invoice, state: 'notpayed', amount: '1' });
    const crystalpay = createCrystalPay({ ...credentials, fetch });
    const signed = await crystalpay.webhooks.sign({ ...invoice, state: 'notpayed', amount: '1' });
    const edited = JSON.stringify({ ...JSON.parse(signed.body), state: 'payed', amount: '100000' });
    const event = await crystalpay.webhooks.verify({ body: edited, headers: signed.headers });
    expect(event).toMatchObject({
      kind: 'invoice',
      confirmed: true,
      invoice: { id: invoice.id, state: 'notpayed', amount: '1' },
    });
    expect(fetch.calls).toHaveLength(1);
    expect(new URL(fetch.calls[0]?.url ?? '').pathname).toBe('/v3/invoice/info/');

    // { confirm: false } is the one opt-out: the edited, unsigned fields, marked unconfirmed.
    const trusted = await crystalpay.webhooks.verify({ body: edited }, unconfirmed);
    expect(trusted).toMatchObject({
      kind: 'invoice',
      confirmed: false,
      invoice: { state: 'payed', amount: '100000' },
    });
    expect(fetch.calls).toHaveLength(1);
  });

  it('re-fetches invoice/info and returns the fetched state, not the body', async () => {
    const fetch = answering({ ...invoice, state: 'notpayed' });
    const crystalpay = createCrystalPay({ ...credentials, fetch });
    // A forged "payed": the id is signed, the state is not.
    const event = await crystalpay.webhooks.verify({
      body: body({ ...invoice, state: 'payed', signature: SIGNATURE }),
    });
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
      crystalpay.webhooks.verify({ body: body({ ...invoice, signature: 'f'.repeat(40) }) }),
    );
    expect(fetch.calls).toHaveLength(0);
  });

  it('confirms a payoff through payoff/info', async () => {
    const fetch = answering({ id: 'p1', state: 'payed', amount: '10' });
    const crystalpay = createCrystalPay({ ...credentials, fetch });
    const event = await crystalpay.webhooks.verify(
      await crystalpay.webhooks.sign({ id: 'p1', state: 'payed', wallet: 'w' }),
    );
    expect(event).toMatchObject({ kind: 'payoff', confirmed: true, payoff: { amount: '10' } });
    expect(new URL(fetch.calls[0]?.url ?? '').pathname).toBe('/v3/payoff/info/');
  });

  it('turns "not found" into an unconfirmed callback and lets other failures through', async () => {
    const notFound = createCrystalPay({
      ...credentials,
      fetch: stubFetch(() => jsonResponse({ error: true, errors: ['Invoice not found'] })),
    });
    const signed = await notFound.webhooks.sign(invoice);
    const error = await rejection(notFound.webhooks.verify(signed));
    expect(error.reason).toBe('unconfirmed');

    const down = createCrystalPay({
      ...credentials,
      maxRetries: 0,
      fetch: stubFetch(() => jsonResponse({ error: true, errors: ['Server error'] }, 502)),
    });
    const failure = await down.webhooks.verify(signed).catch((e: unknown) => e);
    expect(PayApiError.isInstance(failure)).toBe(true);

    const offline = createCrystalPay({
      ...credentials,
      maxRetries: 0,
      fetch: stubFetch(() => Promise.reject(new TypeError('fetch failed'))),
    });
    const lost = await offline.webhooks.verify(signed).catch((e: unknown) => e);
    expect(PayNetworkError.isInstance(lost)).toBe(true);
  });
});

describe('webhooks.sign', () => {
  it('resolves to { body, headers } that verify accepts, with the test-vector signature', async () => {
    const crystalpay = createCrystalPay({ ...credentials, fetch: answering(invoice) });
    const pending = crystalpay.webhooks.sign(invoice);
    expect(pending).toBeInstanceOf(Promise);
    const signed = await pending;
    expect(Object.keys(signed).sort()).toEqual(['body', 'headers']);
    expect(JSON.parse(signed.body).signature).toBe(SIGNATURE);
    expect(signed.headers).toEqual({ 'content-type': 'application/json' });
    const event = await crystalpay.webhooks.verify(signed);
    expect(event).toMatchObject({ kind: 'invoice', confirmed: true, invoice: { id: invoice.id } });
  });

  it('accepts exactly the ids verify accepts: a numeric or empty id is refused by both', async () => {
    const crystalpay = createCrystalPay({ ...credentials, fetch: noFetch });
    for (const id of [12345, '', null, { a: 1 }]) {
      // @ts-expect-error: the id is a string
      const refused = await crystalpay.webhooks.sign({ ...invoice, id }).catch((e: unknown) => e);
      expect(PayValidationError.isInstance(refused)).toBe(true);
      // The same body, signed over its id's digits as a client that accepted numbers would.
      const digits = createHash('sha1')
        .update(`${String(id)}:${SALT}`)
        .digest('hex');
      for (const options of [undefined, unconfirmed]) {
        const error = await rejection(
          crystalpay.webhooks.verify(
            { body: body({ ...invoice, id, signature: digits }) },
            options,
          ),
        );
        expect(error.reason).toBe('malformed');
      }
    }
    // And what sign produces, verify takes (unconfirmed: no API call).
    const signed = await crystalpay.webhooks.sign({ ...invoice, id: '12345' });
    expect((await crystalpay.webhooks.verify(signed, unconfirmed)).confirmed).toBe(false);
  });

  it('refuses a payload JSON cannot carry with a PayValidationError', async () => {
    const crystalpay = createCrystalPay(credentials);
    const refused = await crystalpay.webhooks
      .sign({ id: 'i1', amount: 10n })
      .catch((e: unknown) => e);
    expect(PayValidationError.isInstance(refused)).toBe(true);
  });

  it('rejects a payload without an id', async () => {
    const crystalpay = createCrystalPay(credentials);
    // @ts-expect-error: id is required
    await expect(crystalpay.webhooks.sign({ state: 'payed' })).rejects.toThrow(PayValidationError);
  });
});

describe('webhooks.acknowledge', () => {
  it('is the plain 200 CrystalPay counts as delivered', async () => {
    const response = createCrystalPay(credentials).webhooks.acknowledge();
    expect(response).toBeInstanceOf(Response);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await response.text()).toBe('');
  });
});

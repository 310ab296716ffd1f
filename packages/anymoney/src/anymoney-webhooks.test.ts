import { PaySignatureError, PayValidationError } from '@pay/core';
import { jsonResponse, stubFetch } from '@pay/core/testing';
import { describe, expect, it } from 'vitest';
import { createAnyMoney } from './anymoney-client.ts';
import { callbackSigningText, signCallback } from './anymoney-signing.ts';

// The candidate algorithm's worked example (our arithmetic, not a sample AnyMoney signed).
const exampleBody =
  '{"tp":"invoice","lid":135735,"status":"done","externalid":"ORDER-123","in_curr":"UAH","in_amount":"1000.25","rate":null,"userdata":{}}';
const exampleSignature =
  '7ba09e9d13eec41397d4510e9e45e731a16ba27801cb5354bb971e9bc720c61b274da68961ad89e6fd8d6e43abc24f5cf064dc78baab4870f52334207cdfcc6c';
const exampleHeaders = {
  'x-signature': exampleSignature,
  'x-utc-now-ms': '1700000000000',
  'x-merchant': '1234',
};

function setup(...answers: Parameters<typeof stubFetch>) {
  const fetch = stubFetch(...(answers.length > 0 ? answers : [() => jsonResponse({})]));
  const client = createAnyMoney({
    merchantId: '1234',
    apiKey: 'test_api_key',
    sciKey: 'test_sci_key',
    now: () => 1_700_000_000_000,
    fetch,
  });
  return { client, fetch };
}

async function rejection(run: () => Promise<unknown>): Promise<PaySignatureError> {
  const error = await run().catch((caught: unknown) => caught);
  expect(PaySignatureError.isInstance(error)).toBe(true);
  return error as PaySignatureError;
}

describe('candidate callback signature', () => {
  it('reproduces the worked example', () => {
    const parsed = JSON.parse(exampleBody);
    expect(callbackSigningText(exampleBody, parsed, '1700000000000')).toBe(
      'order-1231000.25uah135735doneinvoice1700000000000',
    );
    expect(signCallback('test_api_key', exampleBody, parsed, '1700000000000')).toBe(
      exampleSignature,
    );
  });

  it('signs numbers with their exact JSON text', () => {
    const body = '{"in_amount":11.50,"lid":7}';
    expect(callbackSigningText(body, JSON.parse(body), '1')).toBe('11.5071');
  });
});

// Found by the contract-tests webhook fuzz suite (issue 13): `null` options (a JS caller's "no
// options") threw a TypeError reading `confirm`; they are the defaults, so verify confirms.
it('treats null options as the defaults: confirms through status, never a TypeError', async () => {
  const order = JSON.parse(exampleBody);
  const { client, fetch } = setup(() =>
    jsonResponse({ result: order, id: '1700000000000-1', jsonrpc: '2.0' }),
  );
  const event = await client.webhooks.verify(
    { body: exampleBody, headers: exampleHeaders },
    null as never,
  );
  expect(event.confirmed).toBe(true);
  expect(fetch.calls).toHaveLength(1);
});

describe('webhooks.verify with { confirm: false }: the candidate signature alone', () => {
  const options = { confirm: false };

  it('accepts the worked example and returns the parsed order', async () => {
    const { client, fetch } = setup();
    const event = await client.webhooks.verify(
      { body: exampleBody, headers: exampleHeaders },
      options,
    );
    expect(event).toMatchObject({ signature: 'valid', confirmed: false });
    expect(event.order).toMatchObject({ status: 'done', lid: 135735, in_amount: '1000.25' });
    expect(fetch.calls).toHaveLength(0);
  });

  it('refuses a tampered body, a missing header and a foreign merchant', async () => {
    const { client } = setup();
    const tampered = exampleBody.replace('1000.25', '9000.25');
    const mismatch = await rejection(() =>
      client.webhooks.verify({ body: tampered, headers: exampleHeaders }, options),
    );
    expect(mismatch.reason).toBe('mismatch');
    expect(mismatch.message).not.toContain(exampleSignature);
    const { 'x-signature': _signature, ...unsigned } = exampleHeaders;
    expect(
      (
        await rejection(() =>
          client.webhooks.verify({ body: exampleBody, headers: unsigned }, options),
        )
      ).reason,
    ).toBe('missing');
    const foreign = { ...exampleHeaders, 'x-merchant': '999' };
    expect(
      (
        await rejection(() =>
          client.webhooks.verify({ body: exampleBody, headers: foreign }, options),
        )
      ).reason,
    ).toBe('mismatch');
  });

  it('round-trips webhooks.sign, also from a Web Request', async () => {
    const { client } = setup();
    const signed = await client.webhooks.sign({
      order: { externalid: 'A', status: 'done', in_amount: 11 },
    });
    expect(signed.headers['x-utc-now-ms']).toBe('1700000000000');
    const request = new Request('https://shop.example/cb', {
      method: 'POST',
      body: signed.body,
      headers: signed.headers,
    });
    await expect(client.webhooks.verify(request, options)).resolves.toMatchObject({
      signature: 'valid',
      order: { in_amount: '11' },
    });
  });

  it('also accepts the SCI key as the signing key', async () => {
    const { client } = setup();
    const parsed = JSON.parse(exampleBody);
    const headers = {
      ...exampleHeaders,
      'x-signature': signCallback('test_sci_key', exampleBody, parsed, '1700000000000'),
    };
    await expect(
      client.webhooks.verify({ body: exampleBody, headers }, options),
    ).resolves.toMatchObject({ signature: 'valid' });
  });

  it('refuses a parsed object and a body that is not an order', async () => {
    const { client } = setup();
    const misuse = await client.webhooks
      .verify(JSON.parse(exampleBody))
      .catch((error: unknown) => error);
    expect(PayValidationError.isInstance(misuse)).toBe(true);
    expect(
      (await rejection(() => client.webhooks.verify({ body: '[1]', headers: {} }))).reason,
    ).toBe('malformed');
  });
});

describe('webhooks.verify by default: confirmed through status', () => {
  const apiOrder = {
    tp: 'invoice',
    externalid: 'ORDER-123',
    status: 'done',
    in_curr: 'UAH',
    in_amount: '1000.25',
    paylink: 'https://p',
  };

  it('fetches the order by externalid and returns it, the signature only reported', async () => {
    const { client, fetch } = setup(() => jsonResponse({ result: apiOrder, jsonrpc: '2.0' }));
    const headers = { ...exampleHeaders, 'x-signature': 'f'.repeat(128) };
    const event = await client.webhooks.verify({ body: exampleBody, headers });
    expect(event).toMatchObject({ confirmed: true, signature: 'invalid', order: apiOrder });
    expect(JSON.parse(fetch.calls[0]?.body ?? '')).toMatchObject({
      method: 'status',
      params: { externalid: 'ORDER-123' },
    });
  });

  it('refuses a callback whose final status or amount the API contradicts', async () => {
    const failed = { ...apiOrder, status: 'fail' };
    const first = setup(() => jsonResponse({ result: failed }));
    const error = await rejection(() =>
      first.client.webhooks.verify({ body: exampleBody, headers: exampleHeaders }),
    );
    expect(error.reason).toBe('unconfirmed');
    expect(error.message).toContain('status');
    const cheaper = setup(() => jsonResponse({ result: { ...apiOrder, in_amount: '1.00' } }));
    expect(
      (
        await rejection(() =>
          cheaper.client.webhooks.verify({ body: exampleBody, headers: exampleHeaders }),
        )
      ).message,
    ).toContain('in_amount');
  });

  it('accepts an order that moved on from a non-final status, and equal amounts written differently', async () => {
    const { client } = setup(() => jsonResponse({ result: { ...apiOrder, in_amount: 1000.25 } }));
    const pending = exampleBody.replace('"done"', '"pending"');
    const event = await client.webhooks.verify({ body: pending, headers: exampleHeaders });
    expect(event.order.status).toBe('done');
    expect(event.callback.status).toBe('pending');
  });

  it('refuses an unknown order and a callback without externalid', async () => {
    const notFound = { error: { code: -32090, message: 'EParamNotFound' }, jsonrpc: '2.0' };
    const { client } = setup(() => jsonResponse(notFound));
    expect(
      (
        await rejection(() =>
          client.webhooks.verify({ body: exampleBody, headers: exampleHeaders }),
        )
      ).reason,
    ).toBe('unconfirmed');
    const autopayin = '{"tp":"autopayin","status":"done","in_amount":"0.01","in_curr":"BTC"}';
    const error = await rejection(() => client.webhooks.verify({ body: autopayin, headers: {} }));
    expect(error.message).toContain('no externalid');
  });
});

describe('webhooks.verify against an edited callback', () => {
  // A callback whose state and amount were edited (pending/1 → done/100000) and then signed
  // again: a valid candidate signature proves nothing, so the default verify asks the API.
  const apiOrder = {
    tp: 'invoice',
    externalid: 'E-1',
    status: 'pending',
    in_curr: 'UAH',
    in_amount: '1',
  };
  const edited = { ...apiOrder, status: 'done', in_amount: '100000' };

  it('is not reported as paid: the API contradicts it and verify refuses it', async () => {
    const { client, fetch } = setup(() => jsonResponse({ result: apiOrder }));
    const callback = await client.webhooks.sign({ order: edited });
    const error = await rejection(() => client.webhooks.verify(callback));
    expect(error.reason).toBe('unconfirmed');
    expect(error.message).toContain('in_amount');
    expect(fetch.calls).toHaveLength(1);
  });

  it('reports the API state, not the callback, when the callback is merely behind', async () => {
    const paid = { ...apiOrder, status: 'done' };
    const { client } = setup(() => jsonResponse({ result: paid }));
    const callback = await client.webhooks.sign({ order: apiOrder });
    const event = await client.webhooks.verify(callback);
    expect(event).toMatchObject({ confirmed: true, signature: 'valid', order: { status: 'done' } });
    expect(event.callback.status).toBe('pending');
  });

  it('with { confirm: false } returns the unsigned fields as they came, confirmed: false', async () => {
    const { client, fetch } = setup();
    const callback = await client.webhooks.sign({ order: edited });
    const event = await client.webhooks.verify(callback, { confirm: false });
    expect(event).toMatchObject({
      confirmed: false,
      order: { status: 'done', in_amount: '100000' },
    });
    expect(fetch.calls).toHaveLength(0);
  });
});

describe('webhooks.sign and webhooks.acknowledge', () => {
  it('sign resolves to { body, headers } with the given or the client time', async () => {
    const { client } = setup();
    const pending = client.webhooks.sign({
      order: { externalid: 'A' },
      timestamp: 1_700_000_000_123,
    });
    expect(pending).toBeInstanceOf(Promise);
    const signed = await pending;
    expect(signed.body).toBe('{"externalid":"A"}');
    expect(signed.headers).toEqual({
      'content-type': 'application/json',
      'x-merchant': '1234',
      'x-utc-now-ms': '1700000000123',
      'x-signature': signCallback(
        'test_api_key',
        signed.body,
        { externalid: 'A' },
        '1700000000123',
      ),
    });
  });

  it('acknowledge is the HTTP 200 AnyMoney waits for, with an empty body', async () => {
    const { client } = setup();
    const response = client.webhooks.acknowledge();
    expect(response).toBeInstanceOf(Response);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await response.text()).toBe('');
  });
});

describe('hostile input and webhooks.sign ⇔ verify', () => {
  const isPayError = (error: unknown) =>
    PaySignatureError.isInstance(error) || PayValidationError.isInstance(error);

  it.each([
    ['an empty body', ''],
    ['broken JSON', '{"status":'],
    ['a deep nesting', `${'['.repeat(5000)}${']'.repeat(5000)}`],
    ['a deep object', `{"userdata":${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}}`],
    ['a huge body', `{"ref":"${'x'.repeat(200_000)}"}`],
    ['a status that is not text', '{"externalid":"A","status":5}'],
    ['a polluting key', '{"__proto__":{"status":"done"},"constructor":{"a":1}}'],
    ['a number', '42'],
    ['null', 'null'],
  ])('refuses %s with a @pay/core error, never a crash', async (_case, body) => {
    for (const confirm of [true, false]) {
      const { client } = setup(() => jsonResponse({ result: { externalid: 'A', status: 'new' } }));
      const error = await client.webhooks
        .verify({ body, headers: exampleHeaders }, { confirm })
        .then(
          () => undefined,
          (caught: unknown) => caught,
        );
      expect(isPayError(error)).toBe(true);
    }
  });

  it('refuses random bytes with a @pay/core error', async () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const alphabet = '{}[]":,0123456789.eE-+ abcnultrsf\\';
    for (let round = 0; round < 200; round += 1) {
      const length = Math.floor(random() * 60);
      let body = '';
      for (let index = 0; index < length; index += 1)
        body += alphabet[Math.floor(random() * alphabet.length)];
      const { client } = setup();
      const error = await client.webhooks
        .verify({ body, headers: exampleHeaders }, { confirm: false })
        .then(
          () => undefined,
          (caught: unknown) => caught,
        );
      if (error !== undefined) expect(isPayError(error)).toBe(true);
    }
  });

  it.each([
    ['not an object', { order: 'done' }],
    ['an array', { order: [1] }],
    ['a status that is not text', { order: { externalid: 'A', status: 5 } }],
    ['a BigInt', { order: { externalid: 'A', lid: 1n } }],
    ['a body over the size limit', { order: { ref: 'x'.repeat(70_000) } }],
    ['a nesting deeper than verify reads', { order: { userdata: deep(200) } }],
    ['a fractional timestamp', { order: { externalid: 'A' }, timestamp: 1.5 }],
  ])(
    'sign refuses %s with a PayValidationError (verify would refuse it)',
    async (_case, params) => {
      const { client } = setup();
      const error = await client.webhooks.sign(params as never).catch((caught: unknown) => caught);
      expect(PayValidationError.isInstance(error)).toBe(true);
    },
  );

  it('verify accepts what sign signs', async () => {
    const { client } = setup();
    const order = { externalid: 'A', status: 'done', in_amount: 11.5, userdata: { a: [1] } };
    const signed = await client.webhooks.sign({ order, timestamp: 1_700_000_000_001 });
    await expect(client.webhooks.verify(signed, { confirm: false })).resolves.toMatchObject({
      signature: 'valid',
      order: { externalid: 'A', status: 'done', in_amount: '11.5' },
    });
  });
});

function deep(levels: number): unknown {
  let value: unknown = 1;
  for (let level = 0; level < levels; level += 1) value = { a: value };
  return value;
}

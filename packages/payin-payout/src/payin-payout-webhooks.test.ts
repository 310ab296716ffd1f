import { PayError, PaySignatureError, PayValidationError } from '@pay/core';
import { stubFetch } from '@pay/core/testing';
import { describe, expect, it } from 'vitest';
import { createPayinPayout, type PayinPayoutSettings } from './payin-payout-client.ts';
import { payinPayoutHash } from './payin-payout-signing.ts';

// The provider's callback examples (callback-handling.md, callback-topup-handling.md) with their
// hashes recomputed under the key `secret_key`, and what must be refused.

const invoiceCallback =
  '{"external_id":"123457","service_id":111,"status":1,"tracker":" gid_5cc2ef06c3df02.75425240",' +
  '"payment_in_id":"011111-000082","payment_out_id":"022222-001244","timestamp":"1558429736",' +
  '"hash":"d79d53d02f3447b33fd6323ef83c4932"}';
const topUpCallback =
  '{"payment_in_id":64522147743974,"payment_in_status":1,"timestamp":1563956853,' +
  '"tracker":" gid_5d380ab2e9f389.90807715","hash":"9d9ef37a7b3ff4a1b1d4600de2db7c78"}';

function webhooks(nowSeconds: number, settings: Partial<PayinPayoutSettings> = {}) {
  return createPayinPayout({
    userId: 1111,
    developerKey: 'secret_key',
    now: () => nowSeconds * 1000,
    ...settings,
  }).webhooks;
}

async function refusal(promise: Promise<unknown>): Promise<PaySignatureError> {
  const error = await promise.catch((caught: unknown) => caught);
  expect(PaySignatureError.isInstance(error)).toBe(true);
  return error as PaySignatureError;
}

describe('webhooks.verify', () => {
  it('accepts the auto-debit result callback and types it', async () => {
    const event = await webhooks(1558429736).verify({ body: invoiceCallback });
    expect(event).toEqual({
      type: 'invoice',
      statusName: 'paid',
      external_id: '123457',
      service_id: 111,
      status: 1,
      payment_in_id: '011111-000082',
      payment_out_id: '022222-001244',
      timestamp: 1558429736,
      tracker: ' gid_5cc2ef06c3df02.75425240',
      confirmed: true,
    });
  });

  it('types statusName with OpenEnum; an undocumented code passes through as its text', async () => {
    const receiver = webhooks(1563956853);
    const event = await receiver.verify(
      await receiver.sign({ payment_in_id: 5, payment_in_status: 7, timestamp: 1563956853 }),
    );
    expect(event).toMatchObject({ type: 'topup', payment_in_status: 7, statusName: '7' });
    if (event.type === 'topup') {
      expect(event.statusName === 'partially_paid').toBe(false);
      // @ts-expect-error: 'payed' is not a Payin-payout status name (it is `paid`).
      expect(event.statusName === 'payed').toBe(false);
      // @ts-expect-error: 'unknown' is no longer a name: an undocumented code stays its text.
      expect(event.statusName === 'unknown').toBe(false);
    }
  });

  it('accepts the top-up callback, from bytes or a Web Request', async () => {
    const receiver = webhooks(1563956853 + 299);
    const fromBytes = await receiver.verify({ body: new TextEncoder().encode(topUpCallback) });
    expect(fromBytes).toMatchObject({
      type: 'topup',
      statusName: 'paid',
      payment_in_id: '64522147743974',
      payment_in_status: 1,
    });
    const request = new Request('https://shop.example/hooks', {
      method: 'POST',
      body: topUpCallback,
    });
    await expect(receiver.verify(request)).resolves.toEqual(fromBytes);
  });

  it('refuses a tampered value', async () => {
    const tampered = invoiceCallback.replace('"status":1', '"status":3');
    const error = await refusal(webhooks(1558429736).verify({ body: tampered }));
    expect(error.reason).toBe('mismatch');
    expect(error.message).not.toContain('d79d53d02f3447b33fd6323ef83c4932');
  });

  it('refuses a callback signed with another key', async () => {
    const error = await refusal(
      webhooks(1558429736, { developerKey: 'another_key' }).verify({ body: invoiceCallback }),
    );
    expect(error.reason).toBe('mismatch');
    expect(error.message).not.toContain('another_key');
  });

  it('checks with callbackKey when it is set', async () => {
    const receiver = webhooks(1558429736, {
      developerKey: 'request_key',
      callbackKey: 'secret_key',
    });
    await expect(receiver.verify({ body: invoiceCallback })).resolves.toMatchObject({
      type: 'invoice',
    });
  });

  it.each([
    ['stale', 1558429736 + 301],
    ['from the future', 1558429736 - 301],
  ])('refuses a %s callback', async (_name, now) => {
    const error = await refusal(webhooks(now).verify({ body: invoiceCallback }));
    expect(error.reason).toBe('expired');
  });

  it('applies webhookToleranceSeconds and clockOffsetMs', async () => {
    const late = webhooks(1558429736 + 400, { webhookToleranceSeconds: 600 });
    await expect(late.verify({ body: invoiceCallback })).resolves.toMatchObject({ status: 1 });
    const skewed = webhooks(1558429736 + 1000, { clockOffsetMs: -1000_000 });
    await expect(skewed.verify({ body: invoiceCallback })).resolves.toMatchObject({ status: 1 });
  });

  it.each([
    ['no hash', '{"timestamp":1558429736}', 'missing'],
    ['not JSON', 'external_id=123457&hash=x', 'malformed'],
    ['a JSON array', '[1,2]', 'malformed'],
    ['an integer beyond 2^53', '{"payment_in_id":9007199254740993,"hash":"x"}', 'malformed'],
  ])('refuses %s', async (_name, body, reason) => {
    const error = await refusal(webhooks(1558429736).verify({ body }));
    expect(error.reason).toBe(reason);
  });

  it('refuses a signed callback without a usable timestamp', async () => {
    const receiver = webhooks(1558429736);
    const fields = { external_id: 'x', timestamp: 'soon' };
    const hash = payinPayoutHash(Object.entries(fields), 'sorted', 'secret_key');
    const body = JSON.stringify({ ...fields, hash });
    expect((await refusal(receiver.verify({ body }))).reason).toBe('malformed');
  });

  it.each([
    ['a timestamp that is not Unix seconds', { external_id: 'x', timestamp: 'soon' }, 'sorted'],
    ['an integer beyond 2^53', { payment_in_id: 2 ** 60, payment_in_status: 1 }, 'sorted'],
    ['a non-finite number', { payment_in_id: 1, payment_in_status: Number.NaN }, 'sorted'],
    ['a documented field of the wrong type', { external_id: 'x', status: 'paid' }, 'sorted'],
    ['an integer-like key (legacy rule)', { 1: 'a', external_id: 'x', status: 1 }, 'legacy'],
  ] as const)('sign refuses what verify would refuse: %s', async (_name, fields, hashRule) => {
    const receiver = webhooks(1558429736, { hashRule });
    const error = await receiver.sign(fields).catch((caught: unknown) => caught);
    expect(PayValidationError.isInstance(error)).toBe(true);
  });

  it.each([
    ['deeply nested JSON', `${'['.repeat(10_000)}${']'.repeat(10_000)}`],
    ['deeply nested under a field', `{"hash":"x","a":${'{"b":'.repeat(5000)}1${'}'.repeat(5000)}}`],
    ['a huge body', `{"hash":"x","a":"${'x'.repeat(3_000_000)}"}`],
    ['a JSON array', '[1,2,3]'],
    ['JSON null', 'null'],
    ['a bare number', '12'],
    ['a hash that is an object', '{"hash":{"a":1},"timestamp":1}'],
    ['a __proto__ key', '{"__proto__":{"a":1},"hash":"x","timestamp":1558429736}'],
    ['lone surrogates', '{"hash":"x","a":"\\ud800","timestamp":1558429736}'],
  ])(
    'verify rejects hostile input (%s) with a @pay/core error, never a crash',
    async (_name, body) => {
      for (const hashRule of ['sorted', 'legacy'] as const) {
        const error = await webhooks(1558429736, { hashRule })
          .verify({ body })
          .catch((caught: unknown) => caught);
        expect(PayError.isInstance(error), String(error)).toBe(true);
      }
    },
  );

  it('refuses an object a body parser made', async () => {
    const parsed = JSON.parse(invoiceCallback) as unknown;
    const error = await webhooks(1558429736)
      .verify(parsed as never)
      .catch((caught: unknown) => caught);
    expect(PayValidationError.isInstance(error)).toBe(true);
  });

  it('verifies with the legacy rule: values in received order', async () => {
    const receiver = webhooks(1558429736, { hashRule: 'legacy' });
    const { body } = await receiver.sign({
      external_id: '123457',
      service_id: 111,
      status: 1,
      timestamp: 1558429736,
    });
    expect(JSON.parse(body).hash).toBe(
      // HMAC-MD5('secret_key', '12345711111558429736'), computed independently with Python's hmac
      'f1658b069773f80e7026ae4a80eb22d7',
    );
    await expect(receiver.verify({ body })).resolves.toMatchObject({ statusName: 'paid' });
    const { external_id, service_id, status, timestamp, hash } = JSON.parse(body);
    const reordered = JSON.stringify({ service_id, external_id, status, timestamp, hash });
    expect((await refusal(receiver.verify({ body: reordered }))).reason).toBe('mismatch');
  });

  it('keeps an unknown but signed callback as it came', async () => {
    const receiver = webhooks(1558429736);
    const { body } = await receiver.sign({ something_new: 'yes' });
    await expect(receiver.verify({ body })).resolves.toEqual({
      type: 'unknown',
      something_new: 'yes',
      timestamp: 1558429736,
      confirmed: true,
    });
  });
});

describe('webhooks.verify: the signature covers state and amounts', () => {
  it('never reports an edited failure as paid, by default or with { confirm: false }', async () => {
    const receiver = webhooks(1558429736);
    const { body } = await receiver.sign({
      external_id: '123457',
      service_id: 111,
      status: 3,
      payment_in_id: '011111-000082',
      timestamp: 1558429736,
    });
    const edited = body.replace('"status":3', '"status":1');
    expect((await refusal(receiver.verify({ body: edited }))).reason).toBe('mismatch');
    const unconfirmed = receiver.verify({ body: edited }, { confirm: false });
    expect((await refusal(unconfirmed)).reason).toBe('mismatch');
    await expect(receiver.verify({ body })).resolves.toMatchObject({
      statusName: 'insufficient_funds',
      confirmed: true,
    });
  });

  it('accepts and ignores { confirm: false }: nothing is fetched, the event is confirmed', async () => {
    const fetch = stubFetch();
    const receiver = createPayinPayout({
      userId: 1111,
      developerKey: 'secret_key',
      now: () => 1563956853_000,
      fetch,
    }).webhooks;
    const options = { confirm: false, signal: AbortSignal.timeout(1000) };
    await expect(receiver.verify({ body: topUpCallback }, options)).resolves.toMatchObject({
      type: 'topup',
      confirmed: true,
    });
    expect(fetch.calls).toHaveLength(0);
  });
});

describe('webhooks.sign and acknowledge', () => {
  it('signs like the provider: the example gets its hash, tracker unsigned', async () => {
    const signed = await webhooks(1558429736).sign({
      external_id: '123457',
      service_id: 111,
      status: 1,
      tracker: ' gid_x',
      payment_in_id: '011111-000082',
      payment_out_id: '022222-001244',
      timestamp: '1558429736',
    });
    expect(signed.headers).toEqual({ 'content-type': 'application/json' });
    expect(JSON.parse(signed.body)).toMatchObject({
      tracker: ' gid_x',
      hash: 'd79d53d02f3447b33fd6323ef83c4932',
    });
  });

  it('acknowledges with a Response: HTTP 200, application/json, {"result":true}', async () => {
    const reply = webhooks(0).acknowledge();
    expect(reply).toBeInstanceOf(Response);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('application/json');
    expect(await reply.text()).toBe('{"result":true}');
  });
});

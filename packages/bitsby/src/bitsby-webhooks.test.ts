import { PayNetworkError, PaySignatureError, PayValidationError } from '@pay/core';
import { jsonResponse, stubFetch } from '@pay/core/testing';
import { describe, expect, it } from 'vitest';
import { type BitsbySettings, createBitsby } from './bitsby-client.ts';

const projectId = '9deea1e2-0c08-41a3-bdc2-a34eada3892d';
const invoiceId = 'a4c9e2ee-9a03-43e5-a1a1-00caf679d16a';
const payload = {
  wallet: { id: 7, name: 'usdt-tron', blockchain: 'tron', cryptocurrency: 'usdt', address: 'T1' },
  project: { id: projectId, name: 'Shop', commissionPayer: 'seller', commissionRate: '1' },
  invoice: {
    id: invoiceId,
    uid: 'MXNj4m8HhcM4',
    amountFiat: '10.55',
    calcAmountFiat: '10.49',
    currencyFiat: 'EUR',
    serviceData: '{"orderId":500}',
    status: 'paid',
  },
  payment: { id: 12, amount: '11.42000000', hash: '0xabc', transactionDatetime: '2024-03-01' },
};
const record = {
  id: invoiceId,
  uid: 'MXNj4m8HhcM4',
  projectId,
  amountFiat: '10.550',
  currencyFiat: 'EUR',
  status: 'paid',
};
const listed = (invoice: object | null) => () =>
  jsonResponse({ result: 'success', data: invoice ? [invoice] : [] });
const webhook = (body: unknown) => ({
  body: JSON.stringify(body),
  headers: { 'content-type': 'application/json' },
});

function client(answer: () => Response, overrides: Partial<BitsbySettings> = {}) {
  const fetch = stubFetch(answer);
  return {
    fetch,
    bitsby: createBitsby({
      apiKey: 'key_abcdef',
      projectId,
      minIntervalMs: 0,
      fetch,
      ...overrides,
    }),
  };
}

async function rejection(promise: Promise<unknown>): Promise<PaySignatureError> {
  const error = await promise.catch((caught: unknown) => caught);
  expect(PaySignatureError.isInstance(error), String(error)).toBe(true);
  return error as PaySignatureError;
}

describe('webhooks.verify', () => {
  it('confirms a paid invoice through invoices/list and reports Bitsby’s record in the event', async () => {
    const { fetch, bitsby } = client(listed(record));
    const event = await bitsby.webhooks.verify(webhook(payload));
    expect(event.confirmed).toBe(true);
    expect(event.invoice).toEqual({ ...payload.invoice, ...record });
    expect(event.invoice.amountFiat).toBe('10.550');
    expect(event.payment?.hash).toBe('0xabc');
    expect(fetch.calls).toHaveLength(1);
    expect(fetch.calls[0]?.url).toBe('https://api.bitsby.app/invoices/list');
    expect(fetch.calls[0]?.body).toContain(`name="invoiceId"\r\n\r\n${invoiceId}\r\n`);
  });

  it('accepts a Web Request', async () => {
    const { bitsby } = client(listed(record));
    const request = new Request('https://shop.example/hooks/bitsby', {
      method: 'POST',
      body: JSON.stringify(payload),
    });
    await expect(bitsby.webhooks.verify(request)).resolves.toMatchObject({
      confirmed: true,
      invoice: record,
    });
  });

  it.each([
    ['unpaid at Bitsby', { ...record, status: 'unpaid' }, 'as "unpaid", not paid'],
    ['another amount', { ...record, amountFiat: '1055' }, 'amountFiat differs'],
    ['another currency', { ...record, currencyFiat: 'USD' }, 'currencyFiat differs'],
    [
      'another project',
      { ...record, projectId: '1c48b092-9878-48f5-b441-07a8a48e7b54' },
      'another project',
    ],
    ['unknown to Bitsby', null, 'lists no invoice'],
  ])('rejects an invoice %s as unconfirmed', async (_case, invoice, detail) => {
    const { bitsby } = client(listed(invoice));
    const error = await rejection(bitsby.webhooks.verify(webhook(payload)));
    expect(error.reason).toBe('unconfirmed');
    expect(error.message).toContain(detail);
  });

  it("rejects an invoice of another project than the client's projectId", async () => {
    const other = '1c48b092-9878-48f5-b441-07a8a48e7b54';
    const { bitsby } = client(listed({ ...record, projectId: other }), { projectId });
    const tampered = { ...payload, project: { ...payload.project, id: other } };
    const error = await rejection(bitsby.webhooks.verify(webhook(tampered)));
    expect(error.message).toContain("client's `projectId`");
  });

  it('passes on a failed confirmation call so the handler answers non-200', async () => {
    const { bitsby } = client(
      () => {
        throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } });
      },
      { maxRetries: 0 },
    );
    const error = await bitsby.webhooks.verify(webhook(payload)).catch((caught: unknown) => caught);
    expect(PayNetworkError.isInstance(error)).toBe(true);
  });
});

describe('a webhook edited on the way', () => {
  // Bitsby signs nothing, so an edit is as valid as the original: only the API tells them apart.
  const edited = {
    ...payload,
    invoice: { ...payload.invoice, amountFiat: '100000', status: 'paid' },
  };

  it('is not reported as paid by a default verify: Bitsby’s record says otherwise', async () => {
    const { fetch, bitsby } = client(listed({ ...record, amountFiat: '1', status: 'unpaid' }));
    const error = await rejection(bitsby.webhooks.verify(webhook(edited)));
    expect(error.reason).toBe('unconfirmed');
    expect(error.message).toContain('as "unpaid", not paid');
    expect(error.message).toContain('amountFiat differs');
    expect(fetch.calls).toHaveLength(1);
  });

  it('is returned as posted with confirmed: false only with { confirm: false }', async () => {
    const { fetch, bitsby } = client(listed(record));
    const event = await bitsby.webhooks.verify(webhook(edited), { confirm: false });
    expect(event).toEqual({ ...edited, confirmed: false });
    expect(fetch.calls).toHaveLength(0);
  });
});

describe('webhooks.verify with { confirm: false }', () => {
  it('refuses a parsed object, text that is not JSON and a payload without the ids', async () => {
    const { bitsby } = client(listed(record));
    const unconfirmed = { confirm: false };
    const misuse = await bitsby.webhooks
      // @ts-expect-error: a parsed body on purpose
      .verify(payload, unconfirmed)
      .catch((error: unknown) => error);
    expect(PayValidationError.isInstance(misuse)).toBe(true);
    expect(
      (await rejection(bitsby.webhooks.verify({ body: '{"invoice":' }, unconfirmed))).reason,
    ).toBe('malformed');
    const withoutId = { ...payload, invoice: { ...payload.invoice, id: 'not-a-uuid' } };
    const error = await rejection(bitsby.webhooks.verify(webhook(withoutId), unconfirmed));
    expect(error.message).toContain('invoice.id');
    expect(error.message).not.toContain('not-a-uuid');
  });
});

describe('webhooks.sign', () => {
  it('resolves to the body Bitsby posts and its JSON content type, which verify reads back', async () => {
    const { bitsby } = client(listed(record));
    const signed = await bitsby.webhooks.sign(payload);
    expect(signed).toEqual({
      body: JSON.stringify(payload),
      headers: { 'content-type': 'application/json' },
    });
    await expect(bitsby.webhooks.verify(signed)).resolves.toMatchObject({ confirmed: true });
  });

  it('refuses a body that is not the documented payload', async () => {
    const { bitsby } = client(listed(record));
    // @ts-expect-error: no project on purpose
    const error = await bitsby.webhooks.sign({ invoice: payload.invoice }).catch((e) => e);
    expect(PayValidationError.isInstance(error)).toBe(true);
  });
});

describe('webhooks.sign accepts exactly what verify accepts', () => {
  it('refuses values JSON cannot carry, with a PayValidationError', async () => {
    const { bitsby } = client(listed(record));
    const cyclic: Record<string, unknown> = { ...payload.invoice };
    cyclic.self = cyclic;
    for (const invoice of [cyclic, { ...payload.invoice, big: 1n }]) {
      const error = await bitsby.webhooks.sign({ ...payload, invoice } as never).catch((e) => e);
      expect(PayValidationError.isInstance(error), String(error)).toBe(true);
    }
  });

  it('refuses a body too deep or too large for verify to read', async () => {
    const { bitsby } = client(listed(record));
    let deep: unknown = 'x';
    for (let level = 0; level < 200; level += 1) deep = { deep };
    const huge = 'x'.repeat(2_000_000);
    for (const extra of [{ deep }, { huge }]) {
      const error = await bitsby.webhooks
        .sign({ ...payload, invoice: { ...payload.invoice, ...extra } })
        .catch((e) => e);
      expect(PayValidationError.isInstance(error), String(error)).toBe(true);
    }
  });

  it('what it signs, verify reads back as sent', async () => {
    const { bitsby } = client(listed(record));
    const minimal = {
      project: { id: projectId },
      invoice: { id: invoiceId, amountFiat: 10.55, currencyFiat: 'EUR' },
    };
    const signed = await bitsby.webhooks.sign(minimal);
    const event = await bitsby.webhooks.verify(signed, { confirm: false });
    expect(event.invoice).toMatchObject({ id: invoiceId, amountFiat: '10.55' });
  });
});

describe('webhooks.acknowledge', () => {
  it('is HTTP 200 with an empty body, what stops Bitsby’s redeliveries', async () => {
    const response = client(listed(record)).bitsby.webhooks.acknowledge();
    expect(response).toBeInstanceOf(Response);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await response.text()).toBe('');
  });
});

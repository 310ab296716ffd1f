import { PAY_INVOICE_STATUSES, PayValidationError } from '@pay/core';
import { jsonResponse, stubFetch } from '@pay/core/testing';
import { describe, expect, it } from 'vitest';
import { createAnyMoney } from './anymoney-client.ts';
import { ANYMONEY_GATEWAY_STATUSES, createAnyMoneyGateway } from './anymoney-gateway.ts';
import { ORDER_STATUSES } from './anymoney-schemas.ts';

const created = {
  externalid: 'ORDER-7',
  in_curr: 'USD',
  orig_amount: '10.5',
  status: 'new',
  tp: 'invoice',
  token: 'TOKEN7',
  paylink: 'https://sci.any.money/en/#token=TOKEN7',
};

function setup(...answers: Parameters<typeof stubFetch>) {
  const fetch = stubFetch(...(answers.length > 0 ? answers : [() => jsonResponse({})]));
  const client = createAnyMoney({
    merchantId: '1234',
    apiKey: 'test_api_key',
    now: () => 1_700_000_000_000,
    fetch,
  });
  return { client, fetch, gateway: createAnyMoneyGateway(client) };
}

const answer = (result: unknown) => () => jsonResponse({ result, id: '1', jsonrpc: '2.0' });
const sentCall = (fetch: ReturnType<typeof stubFetch>, index = 0) =>
  JSON.parse(fetch.calls[index]?.body ?? '') as { method: string; params: Record<string, unknown> };

describe('ANYMONEY_GATEWAY_STATUSES', () => {
  it.each(ORDER_STATUSES)('maps the documented status %s', async (status) => {
    const { gateway } = setup(answer({ ...created, status }));
    const invoice = await gateway.getInvoice('ORDER-7');
    expect(invoice.status).toBe(ANYMONEY_GATEWAY_STATUSES[status]);
    expect(PAY_INVOICE_STATUSES).toContain(invoice.status);
    expect(invoice.status).not.toBe('unknown');
  });

  it('has exactly the documented statuses; only done is paid', () => {
    expect(Object.keys(ANYMONEY_GATEWAY_STATUSES).sort()).toEqual([...ORDER_STATUSES].sort());
    const paid = Object.entries(ANYMONEY_GATEWAY_STATUSES).filter(([, to]) => to === 'paid');
    expect(paid).toEqual([['done', 'paid']]);
  });

  it.each(['paid', 'success', 'DONE', '__proto__', 'toString'])(
    'maps the undocumented status %s to unknown, never paid',
    async (status) => {
      const { gateway } = setup(answer({ ...created, status }));
      const invoice = await gateway.getInvoice('ORDER-7');
      expect(invoice.status).toBe('unknown');
      expect((invoice.raw as { status: string }).status).toBe(status);
    },
  );
});

describe('createInvoice', () => {
  it('sends invoice.create with orderId as externalid and returns the common invoice', async () => {
    const { gateway, fetch } = setup(answer(created));
    const invoice = await gateway.createInvoice({
      orderId: 'ORDER-7',
      amount: 10.5,
      currency: 'usd',
      description: 'ignored: AnyMoney invoices have no description',
      callbackUrl: 'https://shop.example/cb',
      returnUrl: 'https://shop.example/done',
      lifetimeMinutes: 90,
    });
    const call = sentCall(fetch);
    expect(call.method).toBe('invoice.create');
    expect(call.params).toEqual({
      amount: '10.5',
      callback_url: 'https://shop.example/cb',
      externalid: 'ORDER-7',
      in_curr: 'USD',
      lifetime: '1h30m',
      redirect_url: 'https://shop.example/done',
    });
    expect(invoice).toEqual({
      provider: 'anymoney',
      id: 'ORDER-7',
      orderId: 'ORDER-7',
      payUrl: created.paylink,
      status: 'pending',
      amount: '10.5',
      currency: 'USD',
      raw: created,
    });
  });

  it('sends only the required fields when nothing else is given', async () => {
    const { gateway, fetch } = setup(answer(created));
    await gateway.createInvoice({ orderId: 'ORDER-7', amount: '10.50', currency: 'USD' });
    expect(sentCall(fetch).params).toEqual({
      amount: '10.5',
      externalid: 'ORDER-7',
      in_curr: 'USD',
    });
  });

  it.each([
    ['no orderId', { amount: '1', currency: 'USD' }],
    ['a zero amount', { orderId: 'A', amount: '0', currency: 'USD' }],
    ['an inexact number', { orderId: 'A', amount: 0.1 + 0.2, currency: 'USD' }],
    ['a bad currency', { orderId: 'A', amount: '1', currency: 'US D' }],
    [
      'a callback URL that is not http(s)',
      { orderId: 'A', amount: '1', currency: 'USD', callbackUrl: 'ftp://x' },
    ],
    ['an unknown field', { orderId: 'A', amount: '1', currency: 'USD', extra: 1 }],
    [
      'a lifetime under an hour',
      { orderId: 'A', amount: '1', currency: 'USD', lifetimeMinutes: 59 },
    ],
    [
      'a lifetime over 7 days',
      { orderId: 'A', amount: '1', currency: 'USD', lifetimeMinutes: 10081 },
    ],
  ])('refuses %s with a PayValidationError before sending', async (_case, params) => {
    const { gateway, fetch } = setup(answer(created));
    const error = await gateway.createInvoice(params as never).catch((caught: unknown) => caught);
    expect(PayValidationError.isInstance(error)).toBe(true);
    expect(fetch.calls).toHaveLength(0);
  });

  it('accepts the lifetime bounds: 60 minutes and 7 days', async () => {
    const { gateway, fetch } = setup(answer(created));
    const base = { orderId: 'A', amount: '1', currency: 'USD' };
    await gateway.createInvoice({ ...base, lifetimeMinutes: 60 });
    await gateway.createInvoice({ ...base, lifetimeMinutes: 10080 });
    expect(sentCall(fetch, 0).params.lifetime).toBe('1h');
    expect(sentCall(fetch, 1).params.lifetime).toBe('1w');
  });
});

describe('getInvoice', () => {
  it('reads invoice.get by the id createInvoice returned (the externalid)', async () => {
    const order = {
      externalid: 'ORDER-7',
      status: 'done',
      in_curr: 'USD',
      in_amount: '10.5',
      token: 'TOKEN7',
    };
    const { gateway, fetch } = setup(answer(created), answer(order));
    const { id } = await gateway.createInvoice({
      orderId: 'ORDER-7',
      amount: '10.5',
      currency: 'USD',
    });
    const invoice = await gateway.getInvoice(id);
    expect(sentCall(fetch, 1)).toMatchObject({
      method: 'invoice.get',
      params: { externalid: 'ORDER-7' },
    });
    expect(invoice).toEqual({
      provider: 'anymoney',
      id: 'ORDER-7',
      orderId: 'ORDER-7',
      payUrl: undefined,
      status: 'paid',
      amount: '10.5',
      currency: 'USD',
      raw: order,
    });
  });
});

describe('verifyWebhook and acknowledge', () => {
  const callback = {
    tp: 'invoice',
    externalid: 'ORDER-7',
    status: 'done',
    in_curr: 'USD',
    in_amount: 10.5,
  };

  it('verifies and confirms through status, then normalizes the confirmed order', async () => {
    const confirmedOrder = { ...callback, in_amount: '10.50', orig_amount: '10.5' };
    const { client, gateway, fetch } = setup(answer(confirmedOrder));
    const signed = await client.webhooks.sign({ order: callback });
    const event = await gateway.verifyWebhook(signed);
    expect(sentCall(fetch)).toMatchObject({ method: 'status', params: { externalid: 'ORDER-7' } });
    expect(event).toMatchObject({
      provider: 'anymoney',
      confirmed: true,
      invoice: {
        provider: 'anymoney',
        id: 'ORDER-7',
        orderId: 'ORDER-7',
        status: 'paid',
        amount: '10.5',
        currency: 'USD',
      },
    });
    expect(event.raw).toMatchObject({ confirmed: true, signature: 'valid' });
  });

  it('refuses a callback the API contradicts', async () => {
    const { client, gateway } = setup(answer({ ...callback, status: 'fail' }));
    const signed = await client.webhooks.sign({ order: callback });
    await expect(gateway.verifyWebhook(signed)).rejects.toMatchObject({ reason: 'unconfirmed' });
  });

  it('acknowledges with an empty 200', async () => {
    const { gateway } = setup();
    const response = gateway.acknowledge();
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });
});

import {
  createWebhookHandler,
  PAY_INVOICE_STATUSES,
  PaySignatureError,
  PayValidationError,
} from '@pay/core';
import { jsonResponse, stubFetch } from '@pay/core/testing';
import { describe, expect, it } from 'vitest';
import { createCrystalPay } from './crystalpay-client.ts';
import { CRYSTALPAY_GATEWAY_STATUSES, createCrystalPayGateway } from './crystalpay-gateway.ts';
import { INVOICE_STATES } from './crystalpay-invoice.ts';

const credentials = { login: 'shop_login', secret: 'shop_secret_abc', salt: 'test_salt_2f8a' };
const created = {
  id: '123456789_abcdefghij',
  url: 'https://pay.crystalpay.io/?i=123456789_abcdefghij',
  rub_amount: '8146',
  currency: 'USD',
  amount: '100',
  type: 'purchase',
  subtract_from: 'amount',
};
const info = {
  ...created,
  state: 'payed',
  method: 'BITCOIN',
  extra: 'order-42',
  created_at: '2024-05-01 12:00:00',
};
const envelope = (fields: Record<string, unknown>) =>
  jsonResponse({ error: false, errors: [], ...fields });

/** A gateway whose client answers every request with `fields` (or `undefined`: nothing may be sent). */
function gatewayAnswering(fields?: Record<string, unknown>) {
  const fetch = stubFetch(() => {
    if (!fields) throw new Error('nothing may be sent');
    return envelope(fields);
  });
  const client = createCrystalPay({ ...credentials, fetch });
  return { fetch, client, gateway: createCrystalPayGateway(client) };
}

describe('CRYSTALPAY_GATEWAY_STATUSES', () => {
  it.each(INVOICE_STATES)('maps the documented state %s', async (state) => {
    const status = CRYSTALPAY_GATEWAY_STATUSES[state];
    expect(PAY_INVOICE_STATUSES).toContain(status);
    expect(status).not.toBe('unknown');
    const { gateway } = gatewayAnswering({ ...info, state });
    expect((await gateway.getInvoice(info.id)).status).toBe(status);
  });

  it('has only payed as paid, and nothing else', () => {
    expect(Object.keys(CRYSTALPAY_GATEWAY_STATUSES).sort()).toEqual([...INVOICE_STATES].sort());
    const paid = Object.entries(CRYSTALPAY_GATEWAY_STATUSES).filter(([, s]) => s === 'paid');
    expect(paid).toEqual([['payed', 'paid']]);
  });

  it.each(['paid', 'success', 'toString', '__proto__', ''])(
    'maps the undocumented state %j to unknown',
    async (state) => {
      const { gateway } = gatewayAnswering({ ...info, state });
      expect((await gateway.getInvoice(info.id)).status).toBe('unknown');
    },
  );
});

describe('createInvoice', () => {
  it('maps the common params to invoice/create and returns the common shape', async () => {
    const { gateway, fetch } = gatewayAnswering(created);
    const invoice = await gateway.createInvoice({
      orderId: 'order-42',
      amount: '100.00',
      currency: 'usd',
      description: 'Order #42',
      callbackUrl: 'https://shop.example/hooks/crystalpay',
      returnUrl: 'https://shop.example/thanks',
      lifetimeMinutes: 30,
    });
    expect(fetch.calls).toHaveLength(1);
    expect(fetch.calls[0]?.url).toBe('https://api.crystalpay.io/v3/invoice/create/');
    expect(JSON.parse(fetch.calls[0]?.body ?? '')).toEqual({
      auth_login: 'shop_login',
      auth_secret: 'shop_secret_abc',
      amount: 100,
      type: 'purchase',
      lifetime: 30,
      currency: 'USD',
      extra: 'order-42',
      description: 'Order #42',
      callback_url: 'https://shop.example/hooks/crystalpay',
      redirect_url: 'https://shop.example/thanks',
    });
    expect(invoice).toEqual({
      provider: 'crystalpay',
      id: created.id,
      orderId: 'order-42',
      payUrl: created.url,
      status: 'pending',
      amount: '100',
      currency: 'USD',
      raw: created,
    });
  });

  it('sends a default lifetime of 60 minutes and no optional field it was not given', async () => {
    const { gateway, fetch } = gatewayAnswering({
      id: 'x_1',
      url: 'https://p/x',
      rub_amount: '5',
      type: 'purchase',
    });
    const invoice = await gateway.createInvoice({ orderId: 'o1', amount: 5, currency: 'RUB' });
    expect(JSON.parse(fetch.calls[0]?.body ?? '')).toEqual({
      auth_login: 'shop_login',
      auth_secret: 'shop_secret_abc',
      amount: 5,
      type: 'purchase',
      lifetime: 60,
      currency: 'RUB',
      extra: 'o1',
    });
    // An answer without amount/currency (the older docs): the ones that were sent.
    expect(invoice).toMatchObject({ amount: '5', currency: 'RUB', status: 'pending' });
  });

  it.each([
    ['no orderId', { amount: '1', currency: 'RUB' }, 'orderId'],
    ['a bad amount', { orderId: 'o', amount: '-1', currency: 'RUB' }, 'amount'],
    ['a float amount', { orderId: 'o', amount: 0.1 + 0.2, currency: 'RUB' }, 'amount'],
    ['a bad currency', { orderId: 'o', amount: '1', currency: 'US$' }, 'currency'],
    [
      'a fractional lifetime',
      { orderId: 'o', amount: '1', currency: 'RUB', lifetimeMinutes: 1.5 },
      'lifetimeMinutes',
    ],
    [
      'a non-http callback',
      { orderId: 'o', amount: '1', currency: 'RUB', callbackUrl: 'ftp://x' },
      'callbackUrl',
    ],
    ['an unknown field', { orderId: 'o', amount: '1', currency: 'RUB', extra: 'x' }, 'extra'],
  ])('refuses %s with a PayValidationError before sending', async (_case, params, path) => {
    const { gateway, fetch } = gatewayAnswering();
    const error = await gateway.createInvoice(params as never).catch((e: unknown) => e);
    expect(PayValidationError.isInstance(error)).toBe(true);
    expect((error as PayValidationError).message).toContain(path);
    expect(fetch.calls).toHaveLength(0);
  });
});

describe('getInvoice', () => {
  it('reads invoice/info by the id createInvoice returned, with the order id from extra', async () => {
    const { gateway, fetch } = gatewayAnswering(info);
    const invoice = await gateway.getInvoice(created.id);
    expect(JSON.parse(fetch.calls[0]?.body ?? '')).toMatchObject({ id: created.id });
    expect(invoice).toMatchObject({
      provider: 'crystalpay',
      id: created.id,
      orderId: 'order-42',
      payUrl: created.url,
      status: 'paid',
      amount: '100',
      currency: 'USD',
    });
    expect(invoice.raw).toMatchObject({ state: 'payed', extra: 'order-42' });
  });

  it('takes rub_amount in RUB from the older shape, and no order id without extra', async () => {
    const { amount: _a, currency: _c, extra: _e, ...older } = info;
    const { gateway } = gatewayAnswering({ ...older, state: 'notpayed' });
    expect(await gateway.getInvoice(created.id)).toMatchObject({
      amount: '8146',
      currency: 'RUB',
      orderId: undefined,
      status: 'pending',
    });
  });
});

describe('verifyWebhook and acknowledge', () => {
  it('confirms through invoice/info: the fetched state, confirmed, the order id', async () => {
    const { gateway, client, fetch } = gatewayAnswering({ ...info, state: 'notpayed' });
    // A forged "payed": CrystalPay signs only the id.
    const signed = await client.webhooks.sign({ ...info, state: 'payed' });
    const event = await gateway.verifyWebhook(signed);
    expect(event).toMatchObject({
      provider: 'crystalpay',
      confirmed: true,
      invoice: { id: info.id, status: 'pending', orderId: 'order-42', amount: '100' },
      raw: { kind: 'invoice', confirmed: true },
    });
    expect(new URL(fetch.calls[0]?.url ?? '').pathname).toBe('/v3/invoice/info/');
  });

  it('treats even a body that looks like a payoff as an invoice callback', async () => {
    const { gateway, client, fetch } = gatewayAnswering(info);
    const signed = await client.webhooks.sign({ id: info.id, wallet: 'bc1q', state: 'payed' });
    expect((await gateway.verifyWebhook(signed)).invoice.status).toBe('paid');
    expect(new URL(fetch.calls[0]?.url ?? '').pathname).toBe('/v3/invoice/info/');
  });

  it('refuses a bad signature without asking the API', async () => {
    const { gateway } = gatewayAnswering();
    const error = await gateway
      .verifyWebhook({ body: JSON.stringify({ ...info, signature: 'f'.repeat(40) }) })
      .catch((e: unknown) => e);
    expect(PaySignatureError.isInstance(error)).toBe(true);
  });

  it('acknowledges with the plain 200 CrystalPay expects, also through the handler', async () => {
    const { gateway, client } = gatewayAnswering(info);
    const ack = gateway.acknowledge();
    expect(ack.status).toBe(200);
    expect(await ack.text()).toBe('');
    const events: string[] = [];
    const handler = createWebhookHandler(gateway, (event) => {
      events.push(`${event.invoice.id}:${event.invoice.status}`);
    });
    const signed = await client.webhooks.sign(info);
    const answer = await handler(
      new Request('https://shop.example/hooks', {
        method: 'POST',
        headers: signed.headers,
        body: signed.body,
      }),
    );
    expect(answer.status).toBe(200);
    expect(events).toEqual([`${info.id}:paid`]);
    const forged = await handler(
      new Request('https://shop.example/hooks', {
        method: 'POST',
        body: JSON.stringify({ ...info, signature: 'f'.repeat(40) }),
      }),
    );
    expect(forged.status).toBe(400);
  });
});

import { createBitsby, createBitsbyGateway } from '@pay/bitsby';
import { createWebhookHandler, type GatewayEvent } from '@pay/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CallbackReceiver, startCallbackReceiver } from '../../callback-receiver.ts';
import { type Sandbox, startSandbox } from '../../sandbox.ts';

// The cross-provider gateway over a Bitsby client, end to end: create through the gateway, act on
// the sandbox's pay page, receive the webhook on a local listener and hand it to core's webhook
// handler. The sandbox's rate limit is lifted (and the client's queue with it) so the test does
// not wait a second between calls; the default limit is covered in bitsby.test.ts.
let sandbox: Sandbox;
let receiver: CallbackReceiver;
beforeAll(async () => {
  [sandbox, receiver] = await Promise.all([
    startSandbox({ providerOptions: { bitsby: { minIntervalMs: 0 } } }),
    startCallbackReceiver(),
  ]);
  sandbox.setWebhookUrl('bitsby', receiver.url);
});
afterAll(async () => {
  await Promise.all([sandbox.close(), receiver.close()]);
});

function gatewayUnderTest() {
  const client = createBitsby({
    ...(sandbox.credentials.bitsby as { apiKey: string; projectId: string }),
    baseUrl: sandbox.baseUrls.bitsby,
    minIntervalMs: 0,
  });
  return { client, gateway: createBitsbyGateway(client) };
}

/** The received webhook as the Web `Request` a route handler would get. */
function asRequest(callback: { headers: Record<string, string>; body: string }): Request {
  return new Request('http://shop.test/webhooks/bitsby', {
    method: 'POST',
    headers: { 'content-type': callback.headers['content-type'] ?? 'application/json' },
    body: callback.body,
  });
}

describe('Bitsby gateway end to end through the sandbox', () => {
  it('paid: the webhook reaches the handler confirmed, with the order id, and is acknowledged', async () => {
    const { gateway } = gatewayUnderTest();
    const invoice = await gateway.createInvoice({
      orderId: 'order-42',
      amount: '250.75',
      currency: 'USD',
      description: 'Order 42',
      lifetimeMinutes: 60,
    });
    expect(invoice).toMatchObject({
      provider: 'bitsby',
      orderId: 'order-42',
      status: 'pending',
      amount: '250.75',
      currency: 'USD',
      payUrl: `${sandbox.url}/_sandbox/pay/bitsby/${invoice.id}`,
    });

    const result = await sandbox.act('bitsby', invoice.id, 'pay');
    expect(result).toMatchObject({ ok: true, status: 'paid' });
    const callback = await receiver.next();

    const events: GatewayEvent[] = [];
    const handler = createWebhookHandler(gateway, (event) => {
      events.push(event);
    });
    const response = await handler(asRequest(callback));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      provider: 'bitsby',
      confirmed: true,
      invoice: {
        id: invoice.id,
        orderId: 'order-42',
        status: 'paid',
        amount: '250.75',
        currency: 'USD',
      },
    });

    expect(await gateway.getInvoice(invoice.id)).toMatchObject({
      id: invoice.id,
      orderId: 'order-42',
      status: 'paid',
    });
  });

  it('a forged "paid" webhook for an unpaid invoice is answered 400 and never reaches onEvent', async () => {
    const { gateway } = gatewayUnderTest();
    const invoice = await gateway.createInvoice({
      orderId: 'order-43',
      amount: 9,
      currency: 'EUR',
    });
    const forged = JSON.stringify({
      project: { id: sandbox.credentials.bitsby?.projectId },
      invoice: { id: invoice.id, amountFiat: '9', currencyFiat: 'EUR', status: 'paid' },
    });
    const events: GatewayEvent[] = [];
    const handler = createWebhookHandler({ bitsby: gateway }, (event) => {
      events.push(event);
    });
    const response = await handler(asRequest({ headers: {}, body: forged }));
    expect(response.status).toBe(400);
    expect(events).toEqual([]);
  });

  it('expired: no webhook, and getInvoice reports expired', async () => {
    const { gateway } = gatewayUnderTest();
    const invoice = await gateway.createInvoice({
      orderId: 'order-44',
      amount: '5',
      currency: 'RUB',
      lifetimeMinutes: 30,
    });
    const before = receiver.received.length;
    expect(await sandbox.act('bitsby', invoice.id, 'expire')).toMatchObject({
      ok: true,
      status: 'expired',
      callback: undefined,
    });
    expect(receiver.received).toHaveLength(before);
    expect(await gateway.getInvoice(invoice.id)).toMatchObject({
      status: 'expired',
      orderId: 'order-44',
    });
  });

  it('canceled through the client: getInvoice reports canceled', async () => {
    const { client, gateway } = gatewayUnderTest();
    const invoice = await gateway.createInvoice({
      orderId: 'order-45',
      amount: '12',
      currency: 'USD',
    });
    await client.invoices.cancel({ invoiceId: invoice.id });
    expect((await gateway.getInvoice(invoice.id)).status).toBe('canceled');
  });

  it('an off-amount payment leaves the invoice pending until it is bound, then paid', async () => {
    const { client, gateway } = gatewayUnderTest();
    const invoice = await gateway.createInvoice({
      orderId: 'order-46',
      amount: '12',
      currency: 'USD',
    });
    // Bitsby has no partly paid state: the payment matches no invoice, which stays unpaid.
    expect(await sandbox.act('bitsby', invoice.id, 'pay-partial')).toMatchObject({
      ok: true,
      status: 'unpaid',
      callback: undefined,
    });
    expect((await gateway.getInvoice(invoice.id)).status).toBe('pending');
    const [payment] = (await client.payments.list()).filter((item) => item.invoice === null);
    await client.invoices.bindPayment({ invoiceId: invoice.id, paymentId: String(payment?.id) });
    expect((await gateway.getInvoice(invoice.id)).status).toBe('paid');
  });
});

import { createWebhookHandler, type GatewayEvent } from '@pay/core';
import { createCryptoCloud, createCryptoCloudGateway } from '@pay/cryptocloud';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CallbackReceiver,
  type ReceivedCallback,
  startCallbackReceiver,
} from '../../callback-receiver.ts';
import { type Sandbox, startSandbox } from '../../sandbox.ts';

// End to end: the gateway creates an invoice on the emulator, the sandbox moves it, the postback
// reaches a local listener and goes through `createWebhookHandler(gateway, onEvent)`.

let sandbox: Sandbox;
let receiver: CallbackReceiver;
beforeAll(async () => {
  receiver = await startCallbackReceiver();
  // CryptoCloud posts to the project's notification URL, not to one per invoice.
  sandbox = await startSandbox({ webhookUrls: { cryptocloud: receiver.url } });
});
afterAll(async () => {
  await sandbox.close();
  await receiver.close();
});

type Credentials = { apiKey: string; shopId: string; secretKey: string };

function setup() {
  const client = createCryptoCloud({
    ...(sandbox.credentials.cryptocloud as Credentials),
    baseUrl: sandbox.baseUrls.cryptocloud,
  });
  const gateway = createCryptoCloudGateway(client);
  const events: GatewayEvent[] = [];
  const handler = createWebhookHandler(gateway, (event) => {
    events.push(event);
  });
  return { gateway, events, handler };
}

/** The received postback as the Web `Request` a framework would hand the handler. */
const asRequest = (callback: ReceivedCallback) =>
  new Request('https://shop.example/webhooks/cryptocloud', {
    method: 'POST',
    headers: { 'content-type': callback.headers['content-type'] ?? '' },
    body: callback.body,
  });

describe('CryptoCloud gateway against the sandbox', () => {
  it('create → partly pay → pay: each postback handled, confirmed, with the order id', async () => {
    const { gateway, events, handler } = setup();
    const invoice = await gateway.createInvoice({
      orderId: 'gw-order-1',
      amount: '42.50',
      currency: 'EUR',
      description: 'not sent: CryptoCloud has no description field',
      lifetimeMinutes: 90,
    });
    expect(invoice).toMatchObject({
      provider: 'cryptocloud',
      orderId: 'gw-order-1',
      status: 'pending',
      amount: '42.5',
      currency: 'EUR',
    });
    expect(invoice.id).toMatch(/^INV-/);
    expect(invoice.payUrl).toBe(`${sandbox.url}/_sandbox/pay/cryptocloud/${invoice.id}`);
    const stored = sandbox.invoices('cryptocloud').find((item) => item.id === invoice.id);
    expect((stored?.expiresAt ?? 0) - (stored?.createdAt ?? 0)).toBe(90 * 60_000);

    await sandbox.act('cryptocloud', invoice.id, 'pay-partial');
    const partial = await handler(asRequest(await receiver.next()));
    expect(partial.status).toBe(200);
    expect(await partial.json()).toEqual({ message: 'Postback received' });
    expect(events.at(-1)).toMatchObject({
      provider: 'cryptocloud',
      confirmed: true,
      invoice: { id: invoice.id, orderId: 'gw-order-1', status: 'partially_paid' },
    });

    await sandbox.act('cryptocloud', invoice.id, 'pay');
    const paid = await handler(asRequest(await receiver.next()));
    expect(paid.status).toBe(200);
    expect(events).toHaveLength(2);
    expect(events.at(-1)).toMatchObject({
      confirmed: true,
      invoice: {
        id: invoice.id,
        orderId: 'gw-order-1',
        status: 'paid',
        amount: '42.5',
        currency: 'EUR',
      },
    });
    expect(await gateway.getInvoice(invoice.id)).toMatchObject({ status: 'paid' });
  });

  it('an expired invoice sends no postback and reads back as canceled', async () => {
    const { gateway } = setup();
    const invoice = await gateway.createInvoice({
      orderId: 'gw-order-2',
      amount: 5,
      currency: 'USD',
    });
    const before = receiver.received.length;
    const result = await sandbox.act('cryptocloud', invoice.id, 'expire');
    expect(result.ok && result.callback).toBeUndefined();
    expect(receiver.received).toHaveLength(before);
    // CryptoCloud documents no `expired`: the emulator shows `canceled`, as the table maps it.
    expect(await gateway.getInvoice(invoice.id.replace('INV-', ''))).toMatchObject({
      id: invoice.id,
      orderId: 'gw-order-2',
      status: 'canceled',
    });
  });

  it('a postback with a tampered body is answered 400 and reaches no onEvent', async () => {
    const { gateway, events, handler } = setup();
    const invoice = await gateway.createInvoice({
      orderId: 'gw-order-3',
      amount: 7,
      currency: 'USD',
    });
    await sandbox.act('cryptocloud', invoice.id, 'pay');
    const callback = await receiver.next();
    const token = /"token":"([^"]+)"/.exec(callback.body)?.[1] ?? '';
    const forged = { ...callback, body: callback.body.replace(token, `${token.slice(0, -2)}xx`) };
    expect((await handler(asRequest(forged))).status).toBe(400);
    expect(events).toHaveLength(0);
  });
});

import { createWebhookHandler, type GatewayEvent } from '@pay/core';
import {
  createPayinPayout,
  createPayinPayoutGateway,
  type PaymentInCreateInvoiceResult,
} from '@pay/payin-payout';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CallbackReceiver, startCallbackReceiver } from '../../callback-receiver.ts';
import { type Sandbox, startSandbox } from '../../sandbox.ts';

// The developer-key gateway (family A) end to end: create → pay link → act → signed top-up
// callback → createWebhookHandler → getInvoice. The merchant shop gateway (family B) has its
// own, shop-gateway.test.ts.

let sandbox: Sandbox;
let receiver: CallbackReceiver;
beforeAll(async () => {
  [sandbox, receiver] = await Promise.all([
    startSandbox({ callbackRetry: { delaysMs: [20, 20] } }),
    startCallbackReceiver(),
  ]);
  receiver.respondWith(200, '{"result":true}');
  sandbox.setWebhookUrl('payin-payout', receiver.url);
});
afterAll(async () => {
  await Promise.all([sandbox.close(), receiver.close()]);
});

function gateway() {
  const { userId, developerKey } = sandbox.credentials['payin-payout'];
  const client = createPayinPayout({
    userId: userId!,
    developerKey: developerKey!,
    baseUrl: sandbox.baseUrls['payin-payout'],
  });
  return createPayinPayoutGateway(client, { payerId: 6100 });
}

/** Hands the next callback the receiver got to a `createWebhookHandler` over `payin`. */
async function handleNextCallback(payin: ReturnType<typeof gateway>) {
  const events: GatewayEvent[] = [];
  const handler = createWebhookHandler(payin, (event) => {
    events.push(event);
  });
  const callback = await receiver.next();
  const response = await handler(
    new Request('https://shop.example/webhooks/payin-payout', {
      method: 'POST',
      headers: callback.headers,
      body: callback.body,
    }),
  );
  return { response, event: events[0] };
}

const numericId = (raw: unknown) => (raw as PaymentInCreateInvoiceResult).payment_in_id;

describe('Payin-payout gateway through the sandbox', () => {
  it('pay: the top-up callback reads paid, confirmed, and the handler acknowledges', async () => {
    const payin = gateway();
    const invoice = await payin.createInvoice({
      orderId: 'order-e2e-1',
      amount: '250.50',
      currency: 'RUB',
      description: 'Gateway e2e',
    });
    expect(invoice).toMatchObject({ status: 'pending', amount: '250.5', currency: 'RUB' });
    expect(invoice.id).toMatch(/^\d{6}-\d{6}$/);
    expect(invoice.payUrl).toContain(`/_sandbox/pay/payin-payout/${numericId(invoice.raw)}`);

    await sandbox.act('payin-payout', numericId(invoice.raw), 'pay');
    const { response, event } = await handleNextCallback(payin);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('{"result":true}');
    expect(event).toMatchObject({
      provider: 'payin-payout',
      confirmed: true,
      // The top-up callback echoes neither the order id nor the amount.
      invoice: {
        id: numericId(invoice.raw),
        status: 'paid',
        orderId: undefined,
        amount: undefined,
      },
    });
    expect(await payin.getInvoice(invoice.id)).toMatchObject({ id: invoice.id, status: 'paid' });
  });

  it('pay-partial: the callback and the lookup read partially_paid', async () => {
    const payin = gateway();
    const invoice = await payin.createInvoice({
      orderId: 'order-e2e-2',
      amount: 100,
      currency: 'RUB',
    });
    await sandbox.act('payin-payout', numericId(invoice.raw), 'pay-partial');
    const { response, event } = await handleNextCallback(payin);
    expect(response.status).toBe(200);
    expect(event?.invoice.status).toBe('partially_paid');
    expect(event?.confirmed).toBe(true);
    expect((await payin.getInvoice(invoice.id)).status).toBe('partially_paid');
  });

  it('expire: no callback is sent for an expired top-up; the lookup reads expired', async () => {
    const payin = gateway();
    const invoice = await payin.createInvoice({
      orderId: 'order-e2e-3',
      amount: 7,
      currency: 'RUB',
    });
    const result = await sandbox.act('payin-payout', numericId(invoice.raw), 'expire');
    expect(result).toMatchObject({ ok: true });
    expect((await payin.getInvoice(invoice.id)).status).toBe('expired');
  });

  it('a forged callback is refused with 400 and never reaches onEvent', async () => {
    const payin = gateway();
    const invoice = await payin.createInvoice({
      orderId: 'order-e2e-4',
      amount: 1,
      currency: 'RUB',
    });
    await sandbox.act('payin-payout', numericId(invoice.raw), 'pay');
    const callback = await receiver.next();
    const events: GatewayEvent[] = [];
    const handler = createWebhookHandler(payin, (event) => {
      events.push(event);
    });
    const response = await handler(
      new Request('https://shop.example/webhooks/payin-payout', {
        method: 'POST',
        headers: callback.headers,
        body: callback.body.replace('"payment_in_status":1', '"payment_in_status":14'),
      }),
    );
    expect(response.status).toBe(400);
    expect(events).toHaveLength(0);
  });
});

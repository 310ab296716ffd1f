import { createWebhookHandler, type GatewayEvent } from '@pay/core';
import { createPayinPayoutShop, createPayinPayoutShopGateway } from '@pay/payin-payout';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CallbackReceiver, startCallbackReceiver } from '../../callback-receiver.ts';
import { type Sandbox, startSandbox } from '../../sandbox.ts';
import { SHOP_ACKNOWLEDGEMENT } from './shop-notifications.ts';

// The merchant shop gateway (family B) end to end: createInvoice builds the signed registration
// link → the payer opens it (the sandbox redirects to its pay page) → pays on that page → the
// signed payment notification → core's createWebhookHandler verifies it and answers the XML
// reply Payin-payout requires.

let sandbox: Sandbox;
let receiver: CallbackReceiver;
beforeAll(async () => {
  [sandbox, receiver] = await Promise.all([
    startSandbox({ callbackRetry: { delaysMs: [20, 20] } }),
    startCallbackReceiver(),
  ]);
  receiver.respondWith(200, SHOP_ACKNOWLEDGEMENT);
  sandbox.setWebhookUrl('payin-payout', receiver.url);
});
afterAll(async () => {
  await Promise.all([sandbox.close(), receiver.close()]);
});

function gateway(secret = sandbox.credentials['payin-payout'].secret!) {
  const client = createPayinPayoutShop({
    agentId: sandbox.credentials['payin-payout'].agentId!,
    secret,
    baseUrl: sandbox.baseUrls['payin-payout'],
  });
  return createPayinPayoutShopGateway(client, { agentName: 'Superstore' });
}

let sequence = 0;
const params = (overrides: Record<string, unknown> = {}) => ({
  orderId: `gateway-${++sequence}`,
  amount: '166.70',
  currency: 'RUB',
  description: 'Notebook',
  email: 'user@example.ru',
  phone: '79090000001',
  ...overrides,
});

/** Opens the pay URL as a browser would: the sandbox answers with a redirect to its page. */
async function openPayUrl(payUrl: string): Promise<string> {
  const response = await fetch(payUrl, { redirect: 'manual' });
  expect(response.status).toBe(302);
  return response.headers.get('location')!;
}

/** Presses a button of the pay page: posts its form, as the page itself does. */
async function press(page: string, action: 'pay' | 'pay-partial' | 'fail' | 'expire') {
  const html = await (await fetch(page)).text();
  const form = new RegExp(`<form method="post" action="([^"]+/${action})">`).exec(html);
  expect(form, `the page offers ${action}`).not.toBeNull();
  const response = await fetch(new URL(form![1]!, page), { method: 'POST', redirect: 'manual' });
  expect(response.status).toBe(303);
}

/** Hands the next notification the receiver got to a `createWebhookHandler` over `payin`. */
async function handleNext(payin: ReturnType<typeof gateway>) {
  const events: GatewayEvent[] = [];
  const handler = createWebhookHandler(payin, (event) => {
    events.push(event);
  });
  const notification = await receiver.next();
  const response = await handler(
    new Request('https://shop.example/webhooks/payin-payout', {
      method: 'POST',
      headers: notification.headers,
      body: notification.body,
    }),
  );
  return { response, event: events[0] };
}

describe('Payin-payout shop gateway through the sandbox', () => {
  it('pay: the link opens the pay page; the notification reads paid and is XML-acknowledged', async () => {
    const payin = gateway();
    const invoice = await payin.createInvoice(params({ orderId: 'gw-paid' }));
    expect(invoice).toMatchObject({ id: 'gw-paid', status: 'pending', amount: '166.70' });
    expect(invoice.payUrl).toMatch(new RegExp(`^${sandbox.baseUrls['payin-payout']}/api/shop\\?`));
    const page = await openPayUrl(invoice.payUrl!);
    expect(await (await fetch(page)).text()).toContain('166.70 RUR');
    await press(page, 'pay');
    const { response, event } = await handleNext(payin);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/xml');
    expect(await response.text()).toBe(SHOP_ACKNOWLEDGEMENT);
    expect(event).toMatchObject({
      provider: 'payin-payout',
      confirmed: true,
      invoice: {
        id: 'gw-paid',
        orderId: 'gw-paid',
        status: 'paid',
        amount: '166.70',
        currency: 'RUB',
      },
    });
    // The sandbox saw the handler's reply as the acknowledgement.
    await sandbox.callbacksSettled();
    const held = sandbox.invoices('payin-payout').find((it) => page.endsWith(`/${it.id}`))!;
    expect(held.callbacks.at(-1)).toMatchObject({ acknowledged: true });
  });

  it('pay partially, then fail: partially_paid with the cumulative amount, then failed', async () => {
    const payin = gateway();
    const invoice = await payin.createInvoice(params({ currency: 'EUR', lifetimeMinutes: 30 }));
    const page = await openPayUrl(invoice.payUrl!);
    await press(page, 'pay-partial');
    expect((await handleNext(payin)).event?.invoice).toMatchObject({
      status: 'partially_paid',
      amount: '83.35',
      currency: 'EUR',
    });
    await press(page, 'fail');
    expect((await handleNext(payin)).event?.invoice).toMatchObject({ status: 'failed' });
  });

  it('a notification signed with another secret is refused with 400 and never reaches onEvent', async () => {
    const invoice = await gateway().createInvoice(params());
    await press(await openPayUrl(invoice.payUrl!), 'pay');
    const { response, event } = await handleNext(gateway('another secret'));
    expect(response.status).toBe(400);
    expect(event).toBeUndefined();
  });

  it('a link whose sign was altered does not open a payment', async () => {
    const invoice = await gateway().createInvoice(params());
    const altered = invoice.payUrl!.replace('amount=166.70', 'amount=1.00');
    const response = await fetch(altered, { redirect: 'manual' });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Неверная сигнатура.');
    await expect(gateway().getInvoice(invoice.id)).rejects.toThrow('no status lookup');
  });
});

import { createAnyMoney, createAnyMoneyGateway } from '@pay/anymoney';
import { createWebhookHandler, type GatewayEvent, type PayGateway } from '@pay/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CallbackReceiver,
  type ReceivedCallback,
  startCallbackReceiver,
} from '../../callback-receiver.ts';
import { type Sandbox, startSandbox } from '../../sandbox.ts';

let sandbox: Sandbox;
let receiver: CallbackReceiver;
let gateway: PayGateway;
const events: GatewayEvent[] = [];
let handler: (request: Request) => Promise<Response>;

beforeAll(async () => {
  sandbox = await startSandbox();
  receiver = await startCallbackReceiver();
  const { merchantId, apiKey, sciKey } = sandbox.credentials.anymoney as Record<string, string>;
  gateway = createAnyMoneyGateway(
    createAnyMoney({
      merchantId: merchantId!,
      apiKey: apiKey!,
      sciKey,
      baseUrl: sandbox.baseUrls.anymoney,
    }),
  );
  handler = createWebhookHandler(gateway, (event) => {
    events.push(event);
  });
});
afterAll(async () => {
  await sandbox.close();
  await receiver.close();
});

/** The callback the receiver got, posted to the webhook handler as the shop's endpoint would see it. */
async function deliver(callback: ReceivedCallback): Promise<Response> {
  const hopByHop = new Set(['host', 'content-length', 'connection', 'transfer-encoding']);
  const headers = Object.entries(callback.headers).filter(([name]) => !hopByHop.has(name));
  return handler(
    new Request('https://shop.example/webhooks/anymoney', {
      method: 'POST',
      headers,
      body: callback.body,
    }),
  );
}

/** Creates an invoice through the gateway, acts on it in the sandbox, handles the callback. */
async function scenario(orderId: string, action: 'pay' | 'pay-partial' | 'fail' | 'expire') {
  const invoice = await gateway.createInvoice({
    orderId,
    amount: '100.50',
    currency: 'UAH',
    description: 'not sent: AnyMoney invoices have no description',
    callbackUrl: receiver.url,
    returnUrl: 'https://shop.example/done',
    lifetimeMinutes: 120,
  });
  const before = events.length;
  const acted = await sandbox.act('anymoney', invoice.id, action);
  expect(acted).toMatchObject({ ok: true, callback: { acknowledged: true } });
  const response = await deliver(await receiver.next());
  expect(events).toHaveLength(before + 1);
  return { invoice, response, event: events.at(-1)! };
}

describe('AnyMoney gateway end to end through the sandbox', () => {
  it('create → pay page → pay → callback → handler: paid, confirmed, order id echoed, 200', async () => {
    const { invoice, response, event } = await scenario('GW-PAY-1', 'pay');
    expect(invoice).toMatchObject({
      provider: 'anymoney',
      id: 'GW-PAY-1',
      orderId: 'GW-PAY-1',
      status: 'pending',
      amount: '100.5',
      currency: 'UAH',
    });
    expect(invoice.payUrl?.startsWith(sandbox.url)).toBe(true);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    expect(event).toMatchObject({
      provider: 'anymoney',
      confirmed: true,
      invoice: { id: 'GW-PAY-1', orderId: 'GW-PAY-1', status: 'paid', amount: '100.5' },
    });
    await expect(gateway.getInvoice(invoice.id)).resolves.toMatchObject({ status: 'paid' });
  });

  it('a partial payment stays pending (AnyMoney has no partial status), its amount_paid in raw', async () => {
    const { response, event } = await scenario('GW-PARTIAL-1', 'pay-partial');
    expect(response.status).toBe(200);
    expect(event).toMatchObject({
      confirmed: true,
      invoice: { orderId: 'GW-PARTIAL-1', status: 'pending', amount: '100.5' },
    });
    const paid = Number((event.invoice.raw as { amount_paid: string }).amount_paid);
    expect(paid > 0 && paid < 100.5).toBe(true);
  });

  it.each([
    ['expire', 'expired'],
    ['fail', 'failed'],
  ] as const)('an invoice that ends with %s is %s', async (action, status) => {
    const orderId = `GW-${action.toUpperCase()}-1`;
    const { response, event } = await scenario(orderId, action);
    expect(response.status).toBe(200);
    expect(event).toMatchObject({ confirmed: true, invoice: { orderId, status } });
    await expect(gateway.getInvoice(orderId)).resolves.toMatchObject({ status });
  });

  it('a tampered callback is answered 400 and never reaches onEvent', async () => {
    await gateway.createInvoice({
      orderId: 'GW-TAMPER-1',
      amount: '100.50',
      currency: 'UAH',
      callbackUrl: receiver.url,
    });
    await sandbox.act('anymoney', 'GW-TAMPER-1', 'fail');
    const callback = await receiver.next();
    const before = events.length;
    const response = await deliver({
      ...callback,
      body: callback.body.replace('"status":"fail"', '"status":"done"'),
    });
    expect(response.status).toBe(400);
    expect(events).toHaveLength(before);
  });
});

import { createWebhookHandler, type GatewayEvent } from '@pay/core';
import {
  type CrystalPaySettings,
  createCrystalPay,
  createCrystalPayGateway,
} from '@pay/crystalpay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CallbackReceiver, startCallbackReceiver } from '../../callback-receiver.ts';
import type { InvoiceAction } from '../../lifecycle.ts';
import { type Sandbox, startSandbox } from '../../sandbox.ts';

let sandbox: Sandbox;
let receiver: CallbackReceiver;
beforeAll(async () => {
  sandbox = await startSandbox();
  receiver = await startCallbackReceiver();
});
afterAll(async () => {
  await sandbox.close();
  await receiver.close();
});

function gateway() {
  const client = createCrystalPay({
    ...(sandbox.credentials.crystalpay as unknown as CrystalPaySettings),
    baseUrl: sandbox.baseUrls.crystalpay,
  });
  return createCrystalPayGateway(client);
}

/**
 * Creates an invoice through the gateway, applies `actions` in the sandbox, and hands each
 * callback (as the local listener received it) to `createWebhookHandler`.
 */
async function run(orderId: string, actions: InvoiceAction[]) {
  const crystalpay = gateway();
  const events: GatewayEvent[] = [];
  const handler = createWebhookHandler(crystalpay, (event) => {
    events.push(event);
  });
  const invoice = await crystalpay.createInvoice({
    orderId,
    amount: '250.75',
    currency: 'RUB',
    description: `Order ${orderId}`,
    callbackUrl: receiver.url,
    lifetimeMinutes: 15,
  });
  const answers: number[] = [];
  for (const action of actions) {
    const acted = await sandbox.act('crystalpay', invoice.id, action);
    expect(acted.ok && acted.callback?.acknowledged, `${action} delivered its callback`).toBe(true);
    const callback = await receiver.next();
    const answer = await handler(
      new Request('https://shop.example/hooks/crystalpay', {
        method: 'POST',
        headers: { 'content-type': callback.headers['content-type'] ?? 'application/json' },
        body: callback.body,
      }),
    );
    answers.push(answer.status);
  }
  return { crystalpay, invoice, events, answers };
}

describe('CrystalPay gateway end to end through the sandbox', () => {
  it('create → pay URL → pay → callback → handler: paid, confirmed, order id echoed, 200', async () => {
    const { crystalpay, invoice, events, answers } = await run('order-e2e-1', ['pay']);
    expect(invoice).toMatchObject({
      provider: 'crystalpay',
      orderId: 'order-e2e-1',
      status: 'pending',
      amount: '250.75',
      currency: 'RUB',
    });
    expect(invoice.payUrl).toBe(`${sandbox.url}/_sandbox/pay/crystalpay/${invoice.id}`);
    expect(answers).toEqual([200]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      provider: 'crystalpay',
      confirmed: true,
      invoice: {
        id: invoice.id,
        orderId: 'order-e2e-1',
        status: 'paid',
        amount: '250.75',
        currency: 'RUB',
      },
    });
    expect(await crystalpay.getInvoice(invoice.id)).toMatchObject({
      status: 'paid',
      orderId: 'order-e2e-1',
    });
  });

  it('partly paid (wrongamount), then expired (unavailable)', async () => {
    const { events, answers } = await run('order-e2e-2', ['pay-partial', 'expire']);
    expect(answers).toEqual([200, 200]);
    expect(events.map((event) => [event.invoice.status, event.confirmed])).toEqual([
      ['partially_paid', true],
      ['expired', true],
    ]);
    expect(events.every((event) => event.invoice.orderId === 'order-e2e-2')).toBe(true);
  });

  it('failed', async () => {
    const { events } = await run('order-e2e-3', ['fail']);
    expect(events[0]?.invoice).toMatchObject({ status: 'failed', orderId: 'order-e2e-3' });
  });

  it('a forged callback (signed with another salt) is answered 400 and never reaches onEvent', async () => {
    const { invoice } = await run('order-e2e-4', []);
    const forger = createCrystalPay({ login: 'x', secret: 'y', salt: 'not_the_sandbox_salt' });
    const forged = await forger.webhooks.sign({ id: invoice.id, state: 'payed' });
    const events: GatewayEvent[] = [];
    const handler = createWebhookHandler(gateway(), (event) => {
      events.push(event);
    });
    const answer = await handler(
      new Request('https://shop.example/hooks/crystalpay', {
        method: 'POST',
        headers: forged.headers,
        body: forged.body,
      }),
    );
    expect(answer.status).toBe(400);
    expect(events).toEqual([]);
  });
});

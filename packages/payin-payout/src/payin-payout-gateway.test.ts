import {
  createWebhookHandler,
  type GatewayEvent,
  PAY_INVOICE_STATUSES,
  type PayGateway,
  PayValidationError,
} from '@pay/core';
import { jsonResponse, stubFetch } from '@pay/core/testing';
import { describe, expect, it } from 'vitest';
import { createPayinPayout } from './payin-payout-client.ts';
import { createPayinPayoutGateway, PAYIN_PAYOUT_GATEWAY_STATUSES } from './payin-payout-gateway.ts';
import { PAYMENT_IN_STATUSES } from './payin-payout-payment-in.ts';

const now = 1558429736_000;
const tracker = ' gid_5ce396ae761767.57601823';
const created = {
  pay_link: 'https://lk.payin-payout.net/api/pay/64417825388265#/index',
  payment_in_id: 64417825388265,
  payment_in_inner_id: '007026-000123',
  payment_in_inner_id_user: 123,
  pretty_id: '007026-000123',
};

function gatewayAnswering(...bodies: unknown[]) {
  const fetch = stubFetch(...bodies.map((body) => () => jsonResponse(body)));
  const client = createPayinPayout({
    userId: 7026,
    developerKey: 'secret_key',
    fetch,
    now: () => now,
  });
  return { client, fetch, gateway: createPayinPayoutGateway(client, { payerId: 7026 }) };
}

const sent = (fetch: ReturnType<typeof stubFetch>, index = 0) =>
  Object.fromEntries(new URLSearchParams(fetch.calls[index]?.body));

describe('PAYIN_PAYOUT_GATEWAY_STATUSES', () => {
  it('maps every documented incoming-payment code to a common status', () => {
    for (const code of Object.keys(PAYMENT_IN_STATUSES)) {
      expect(PAY_INVOICE_STATUSES).toContain(
        PAYIN_PAYOUT_GATEWAY_STATUSES[Number(code) as keyof typeof PAYIN_PAYOUT_GATEWAY_STATUSES],
      );
    }
    expect(Object.keys(PAYIN_PAYOUT_GATEWAY_STATUSES)).toEqual(Object.keys(PAYMENT_IN_STATUSES));
  });

  it.each([
    [0, 'pending'],
    [1, 'paid'],
    [2, 'canceled'],
    [3, 'failed'],
    [4, 'pending'],
    [5, 'failed'],
    [6, 'expired'],
    [8, 'refunded'],
    [9, 'refunded'],
    [11, 'pending'],
    [13, 'pending'],
    [14, 'partially_paid'],
    [7, 'unknown'],
    [42, 'unknown'],
  ])('getInvoice reads find-payment status %s as %s', async (code, status) => {
    const { gateway } = gatewayAnswering({
      status: true,
      result: { account_number: '007026-000123', status: code, done_time: null },
      tracker,
    });
    expect((await gateway.getInvoice('007026-000123')).status).toBe(status);
  });
});

describe('createInvoice', () => {
  it('creates a top-up invoice with the callback on and returns its account number as id', async () => {
    const { gateway, fetch } = gatewayAnswering({ status: true, result: created, tracker });
    const invoice = await gateway.createInvoice({
      orderId: 'order-1',
      amount: '10.10',
      currency: 'rub',
      description: 'Оплата тарифа',
      returnUrl: 'https://shop.example/back',
    });
    expect(fetch.calls[0]?.url).toBe('https://lk.payin-payout.net/payment-in/create-invoice');
    expect(sent(fetch)).toMatchObject({
      payer_id: '7026',
      summ: '10.1',
      currency_id: '643',
      descr: 'Оплата тарифа',
      is_sos_topup: '1',
      success_url: 'https://shop.example/back',
      fail_url: 'https://shop.example/back',
    });
    expect(invoice).toEqual({
      provider: 'payin-payout',
      id: '007026-000123',
      orderId: undefined,
      payUrl: created.pay_link,
      status: 'pending',
      amount: '10.1',
      currency: 'RUB',
      raw: { ...created, payment_in_id: '64417825388265', payment_in_inner_id_user: '123' },
    });
  });

  it('takes payerId per invoice and describes the order when no description is given', async () => {
    const { client, fetch } = gatewayAnswering({ status: true, result: created, tracker });
    const gateway = createPayinPayoutGateway(client);
    await gateway.createInvoice({ orderId: 'A-7', amount: 5, currency: 'USD', payerId: '6034' });
    expect(sent(fetch)).toMatchObject({ payer_id: '6034', descr: 'Order A-7', currency_id: '840' });
  });

  it.each([
    [{ currency: 'BTC' }, 'currency'],
    [{ callbackUrl: 'https://shop.example/hook' }, 'callbackUrl'],
    [{ lifetimeMinutes: 30 }, 'lifetimeMinutes'],
    [{ amount: '-1' }, 'amount'],
    [{ orderId: '' }, 'orderId'],
  ])('refuses %o before sending anything', async (override, path) => {
    const { gateway, fetch } = gatewayAnswering();
    const error = await gateway
      .createInvoice({ orderId: 'o', amount: '1', currency: 'RUB', ...override })
      .catch((caught: unknown) => caught);
    expect(PayValidationError.isInstance(error)).toBe(true);
    expect((error as PayValidationError).issues.map((issue) => issue.path)).toContain(path);
    expect(fetch.calls).toHaveLength(0);
  });

  it('refuses an invoice without a payer', async () => {
    const { client, fetch } = gatewayAnswering();
    const gateway = createPayinPayoutGateway(client);
    await expect(
      gateway.createInvoice({ orderId: 'o', amount: '1', currency: 'RUB' }),
    ).rejects.toThrow('payerId');
    expect(fetch.calls).toHaveLength(0);
  });
});

describe('getInvoice', () => {
  it('looks the account number up with find-payment', async () => {
    const { gateway, fetch } = gatewayAnswering({
      status: true,
      result: { account_number: '007026-000123', status: 1, done_time: '2019-09-25 09:33:57+07' },
      tracker,
    });
    const invoice = await gateway.getInvoice('007026-000123');
    expect(sent(fetch)).toMatchObject({ account_number: '007026-000123' });
    expect(invoice).toMatchObject({ id: '007026-000123', status: 'paid', orderId: undefined });
  });

  it("refuses a callback's numeric payment_in_id with the reason, sending nothing", async () => {
    const { gateway, fetch } = gatewayAnswering();
    await expect(gateway.getInvoice('64417825388265')).rejects.toThrow(
      "top-up callback's numeric payment_in_id",
    );
    await expect(gateway.getInvoice('')).rejects.toBeInstanceOf(PayValidationError);
    expect(fetch.calls).toHaveLength(0);
  });
});

describe('verifyWebhook and acknowledge', () => {
  it('reads a top-up callback as a confirmed event', async () => {
    const { gateway, client } = gatewayAnswering();
    const signed = await client.webhooks.sign({
      payment_in_id: 64417825388265,
      payment_in_status: 14,
    });
    const event = await gateway.verifyWebhook(signed);
    expect(event).toMatchObject({
      provider: 'payin-payout',
      confirmed: true,
      invoice: {
        id: '64417825388265',
        status: 'partially_paid',
        orderId: undefined,
        amount: undefined,
      },
    });
  });

  it('reads an undocumented status as unknown, never paid', async () => {
    const { gateway, client } = gatewayAnswering();
    const signed = await client.webhooks.sign({ payment_in_id: 1, payment_in_status: 77 });
    expect((await gateway.verifyWebhook(signed)).invoice.status).toBe('unknown');
  });

  it('refuses an auto-debit result callback (it belongs to client.webhooks)', async () => {
    const { gateway, client } = gatewayAnswering();
    const signed = await client.webhooks.sign({ external_id: 'x', service_id: 40, status: 1 });
    await expect(gateway.verifyWebhook(signed)).rejects.toBeInstanceOf(PayValidationError);
  });

  it('answers through createWebhookHandler with the documented acknowledgement', async () => {
    const { gateway, client } = gatewayAnswering();
    const events: GatewayEvent[] = [];
    const handler = createWebhookHandler(gateway as PayGateway, (event) => {
      events.push(event);
    });
    const signed = await client.webhooks.sign({ payment_in_id: 5, payment_in_status: 1 });
    const response = await handler(
      new Request('https://shop.example/hook', { method: 'POST', ...signed }),
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('{"result":true}');
    expect(events[0]?.invoice.status).toBe('paid');
    const forged = await handler(
      new Request('https://shop.example/hook', {
        method: 'POST',
        headers: signed.headers,
        body: signed.body.replace('"payment_in_status":1', '"payment_in_status":2'),
      }),
    );
    expect(forged.status).toBe(400);
    expect(gateway.acknowledge().status).toBe(200);
  });
});

import {
  createWebhookHandler,
  PAY_INVOICE_STATUSES,
  type PayGateway,
  PayValidationError,
} from '@pay/core';
import { stubFetch } from '@pay/core/testing';
import { describe, expect, it } from 'vitest';
import { createPayinPayoutShop } from './payin-payout-shop-client.ts';
import {
  createPayinPayoutShopGateway,
  PAYIN_PAYOUT_SHOP_GATEWAY_STATUSES,
} from './payin-payout-shop-gateway.ts';
import { SHOP_PAYMENT_STATUSES } from './payin-payout-shop-webhooks.ts';

// The sandbox does not emulate the shop API (family B) yet: these tests use a stub fetch only.

const now = 1263118323_000; // 13:12:03 10.01.2010 in Moscow
const payer = { email: 'user@example.ru', phone: '79090000001' };

function setup() {
  const fetch = stubFetch();
  const shop = createPayinPayoutShop({ agentId: 8686, secret: 'secret', fetch, now: () => now });
  const gateway = createPayinPayoutShopGateway(shop, { agentName: 'Superstore' });
  return { shop, gateway, fetch };
}

const notification = {
  agentId: '8686',
  orderId: '87876',
  paymentId: '12345678',
  amount: '166.70',
  phone: '79090000001',
  currency: 'RUR',
  paymentDate: '13:12:03 10.01.2010',
};

describe('PAYIN_PAYOUT_SHOP_GATEWAY_STATUSES', () => {
  it('maps every documented paymentStatus', () => {
    expect(Object.keys(PAYIN_PAYOUT_SHOP_GATEWAY_STATUSES)).toEqual(
      Object.keys(SHOP_PAYMENT_STATUSES),
    );
    for (const status of Object.values(PAYIN_PAYOUT_SHOP_GATEWAY_STATUSES)) {
      expect(PAY_INVOICE_STATUSES).toContain(status);
    }
  });

  it.each([
    ['1', 'paid'],
    ['2', 'failed'],
    ['3', 'partially_paid'],
    ['0', 'unknown'],
    ['4', 'unknown'],
    ['paid', 'unknown'],
  ])('verifyWebhook reads paymentStatus %s as %s', async (paymentStatus, status) => {
    const { shop, gateway } = setup();
    const signed = await shop.webhooks.sign({ ...notification, paymentStatus });
    expect((await gateway.verifyWebhook(signed)).invoice.status).toBe(status);
  });
});

describe('createInvoice', () => {
  it('builds the signed registration link; id and orderId are the order id; nothing is sent', async () => {
    const { gateway, fetch } = setup();
    const invoice = await gateway.createInvoice({
      orderId: '87876',
      amount: '166.7',
      currency: 'RUB',
      description: 'Notebook',
      returnUrl: 'https://shop.example/back',
      ...payer,
    });
    expect(fetch.calls).toHaveLength(0);
    expect(invoice).toMatchObject({
      provider: 'payin-payout',
      id: '87876',
      orderId: '87876',
      status: 'pending',
      amount: '166.70',
      currency: 'RUB',
    });
    const url = new URL(invoice.payUrl as string);
    expect(url.origin + url.pathname).toBe('https://lk.payin-payout.net/api/shop');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      agentId: '8686',
      orderId: '87876',
      agentName: 'Superstore',
      amount: '166.70',
      goods: 'Notebook',
      currency: 'RUR',
      email: 'user@example.ru',
      phone: '79090000001',
      successUrl: 'https://shop.example/back',
      failUrl: 'https://shop.example/back',
      agentTime: '13:12:03 10.01.2010',
      // SPEC §2.2: 8686#87876#13:12:03 10.01.2010#166.70#79090000001#MD5(secret)
      sign: '32ad5d99893942eca0d990acf05e81e3',
    });
  });

  it('sends lifetimeMinutes as limitTime, keeping the signed agentTime', async () => {
    const { gateway } = setup();
    const invoice = await gateway.createInvoice({
      orderId: '87876',
      amount: '166.70',
      currency: 'RUB',
      lifetimeMinutes: 60 * 12,
      agentName: 'Other name',
      ...payer,
    });
    const fields = new URL(invoice.payUrl as string).searchParams;
    expect(fields.get('agentTime')).toBe('13:12:03 10.01.2010');
    expect(fields.get('limitTime')).toBe('01:12:03 11.01.2010');
    expect(fields.get('agentName')).toBe('Other name');
    expect(fields.get('goods')).toBe('Order 87876');
    expect(fields.get('sign')).toBe('32ad5d99893942eca0d990acf05e81e3');
  });

  it.each([
    [{ currency: 'RUR' }, 'currency'],
    [{ currency: 'JPY' }, 'currency'],
    [{ callbackUrl: 'https://shop.example/hook' }, 'callbackUrl'],
    [{ amount: '1.005' }, 'amount'],
    [{ phone: '12345' }, 'phone'],
  ])('refuses %o with a PayValidationError', async (override, path) => {
    const { gateway } = setup();
    const error = await gateway
      .createInvoice({ orderId: 'o', amount: '1', currency: 'RUB', ...payer, ...override })
      .catch((caught: unknown) => caught);
    expect(PayValidationError.isInstance(error)).toBe(true);
    expect((error as PayValidationError).message).toContain(path);
  });

  it('refuses an invoice without agentName', async () => {
    const { shop } = setup();
    const gateway = createPayinPayoutShopGateway(shop);
    await expect(
      gateway.createInvoice({ orderId: 'o', amount: '1', currency: 'RUB', ...payer }),
    ).rejects.toThrow('agentName');
  });
});

describe('getInvoice', () => {
  it('rejects: the shop API has no status lookup', async () => {
    const { gateway, fetch } = setup();
    await expect(gateway.getInvoice('87876')).rejects.toThrow('no status lookup');
    expect(fetch.calls).toHaveLength(0);
  });
});

describe('verifyWebhook and acknowledge', () => {
  it('reads a notification: order id, cumulative amount as received, RUR as RUB', async () => {
    const { shop, gateway } = setup();
    const signed = await shop.webhooks.sign({ ...notification, paymentStatus: '3' });
    const event = await gateway.verifyWebhook(signed);
    expect(event).toMatchObject({
      provider: 'payin-payout',
      confirmed: true,
      invoice: {
        id: '87876',
        orderId: '87876',
        status: 'partially_paid',
        amount: '166.70',
        currency: 'RUB',
      },
    });
  });

  it('answers through createWebhookHandler with the XML acknowledgement, 400 when forged', async () => {
    const { shop, gateway } = setup();
    const seen: string[] = [];
    const handler = createWebhookHandler(gateway as PayGateway, (event) => {
      seen.push(event.invoice.status);
    });
    const signed = await shop.webhooks.sign({ ...notification, paymentStatus: '1' });
    const ok = await handler(new Request('https://shop.example/n', { method: 'POST', ...signed }));
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><response><result>0</result></response>',
    );
    const forged = await handler(
      new Request('https://shop.example/n', {
        method: 'POST',
        headers: signed.headers,
        body: signed.body.replace('amount=166.70', 'amount=1666.70'),
      }),
    );
    expect(forged.status).toBe(400);
    expect(seen).toEqual(['paid']);
    expect(gateway.acknowledge().headers.get('content-type')).toContain('text/xml');
  });
});

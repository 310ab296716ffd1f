import {
  createWebhookHandler,
  PAY_INVOICE_STATUSES,
  PayApiError,
  PaySignatureError,
  PayValidationError,
} from '@pay/core';
import { jsonResponse, stubFetch } from '@pay/core/testing';
import { describe, expect, it } from 'vitest';
import { createCryptoCloud } from './cryptocloud-client.ts';
import { CRYPTOCLOUD_GATEWAY_STATUSES, createCryptoCloudGateway } from './cryptocloud-gateway.ts';
import { INVOICE_STATUSES } from './cryptocloud-schemas.ts';

const credentials = {
  apiKey: 'project_api_key_1',
  shopId: 'Shop42',
  secretKey: 'cc_test_secret_key_0001',
  now: () => 1_767_225_600_000,
};
/** The error a call rejects with (its result, when it resolves: the assertions then fail). */
const rejection = (pending: Promise<unknown>) => pending.catch((caught: unknown) => caught);

const invoice = (fields: Record<string, unknown> = {}) => ({
  uuid: 'INV-89UX09KA',
  status: 'created',
  amount: 100.5,
  amount_in_fiat: 100.5,
  fiat_currency: 'USD',
  link: 'https://pay.cryptocloud.plus/89UX09KA',
  currency: { code: 'USDT', fullcode: 'USDT_TRC20' },
  ...fields,
});
const gatewayWith = (...answers: Parameters<typeof stubFetch>) => {
  const fetch = stubFetch(...answers);
  const client = createCryptoCloud({ ...credentials, fetch });
  return { fetch, client, gateway: createCryptoCloudGateway(client) };
};

describe('CRYPTOCLOUD_GATEWAY_STATUSES', () => {
  it('maps every documented status, overpaid as paid', async () => {
    for (const status of INVOICE_STATUSES) {
      expect(PAY_INVOICE_STATUSES).toContain(CRYPTOCLOUD_GATEWAY_STATUSES[status]);
      const { gateway } = gatewayWith(() =>
        jsonResponse({ status: 'success', result: [invoice({ status })] }),
      );
      const found = await gateway.getInvoice('INV-89UX09KA');
      expect(found.status).toBe(CRYPTOCLOUD_GATEWAY_STATUSES[status]);
    }
    expect(CRYPTOCLOUD_GATEWAY_STATUSES).toEqual({
      created: 'pending',
      paid: 'paid',
      partial: 'partially_paid',
      overpaid: 'paid',
      canceled: 'canceled',
    });
  });

  it('maps an undocumented status to unknown, never paid', async () => {
    for (const status of ['expired', 'success', 'PAID', '', 'toString', '__proto__']) {
      const { gateway } = gatewayWith(() =>
        jsonResponse({ status: 'success', result: [invoice({ status })] }),
      );
      expect((await gateway.getInvoice('89UX09KA')).status).toBe('unknown');
    }
  });
});

describe('createCryptoCloudGateway', () => {
  it('creates an invoice: order_id, exact amount, currency, lifetime as time_to_pay', async () => {
    const { gateway, fetch } = gatewayWith(() =>
      jsonResponse({ status: 'success', result: invoice() }),
    );
    const created = await gateway.createInvoice({
      orderId: 'ORDER_93223',
      amount: '100.50',
      currency: 'usd',
      description: 'not sent: CryptoCloud has no such field',
      lifetimeMinutes: 150,
    });
    expect(fetch.calls[0]?.url).toBe('https://api.cryptocloud.plus/v2/invoice/create');
    expect(JSON.parse(fetch.calls[0]?.body ?? '')).toEqual({
      shop_id: 'Shop42',
      amount: 100.5,
      currency: 'USD',
      order_id: 'ORDER_93223',
      add_fields: { time_to_pay: { hours: 2, minutes: 30 } },
    });
    expect(fetch.calls[0]?.body).toContain('"amount":100.5,');
    expect(created).toEqual({
      provider: 'cryptocloud',
      id: 'INV-89UX09KA',
      orderId: 'ORDER_93223',
      payUrl: 'https://pay.cryptocloud.plus/89UX09KA',
      status: 'pending',
      amount: '100.5',
      currency: 'USD',
      raw: expect.objectContaining({ uuid: 'INV-89UX09KA', link: created.payUrl }),
    });
  });

  it('sends no add_fields without lifetimeMinutes', async () => {
    const { gateway, fetch } = gatewayWith(() =>
      jsonResponse({ status: 'success', result: invoice() }),
    );
    await gateway.createInvoice({ orderId: 'o-1', amount: 5, currency: 'EUR' });
    expect(fetch.calls[0]?.body).toBe(
      '{"shop_id":"Shop42","amount":5,"currency":"EUR","order_id":"o-1"}',
    );
  });

  it('refuses, before sending, bad params, a coin or unknown currency, and per-invoice URLs', async () => {
    const { gateway, fetch } = gatewayWith(() => jsonResponse({}));
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ orderId: '', amount: 1, currency: 'USD' }, 'orderId'],
      [{ orderId: 'o', amount: '-1', currency: 'USD' }, 'amount'],
      [{ orderId: 'o', amount: 0.1 + 0.2, currency: 'USD' }, 'amount'],
      [{ orderId: 'o', amount: 1, currency: 'USDT_TRC20' }, 'currency'],
      [{ orderId: 'o', amount: 1, currency: 'BTC' }, 'currency'],
      [{ orderId: 'o', amount: 1, currency: 'XXX' }, 'currency'],
      [{ orderId: 'o', amount: 1, currency: 'USD', callbackUrl: 'https://shop/cb' }, 'callbackUrl'],
      [{ orderId: 'o', amount: 1, currency: 'USD', returnUrl: 'https://shop/ok' }, 'returnUrl'],
      [{ orderId: 'o', amount: 1, currency: 'USD', lifetimeMinutes: 0 }, 'lifetimeMinutes'],
      [{ orderId: 'o', amount: 1, currency: 'USD', lifetimeMinutes: 1.5 }, 'lifetimeMinutes'],
      [{ orderId: 'o', amount: 1, currency: 'USD', extra: 1 }, 'extra'],
    ];
    for (const [params, path] of cases) {
      // biome-ignore lint/suspicious/noExplicitAny: wrong on purpose
      const error = await rejection(gateway.createInvoice(params as any));
      expect(PayValidationError.isInstance(error), JSON.stringify(params)).toBe(true);
      expect((error as PayValidationError).issues.map((issue) => issue.path)).toContain(path);
    }
    expect(fetch.calls).toHaveLength(0);
  });

  it('gets an invoice by the id createInvoice returned, with or without INV-', async () => {
    const { gateway, fetch } = gatewayWith(() =>
      jsonResponse({
        status: 'success',
        result: [invoice({ status: 'partial', received: 50, order_id: 'ORDER_93223' })],
      }),
    );
    for (const id of ['INV-89UX09KA', '89UX09KA']) {
      const found = await gateway.getInvoice(id);
      expect(found).toMatchObject({
        id: 'INV-89UX09KA',
        orderId: 'ORDER_93223',
        status: 'partially_paid',
        amount: '100.5',
        currency: 'USD',
      });
    }
    expect(JSON.parse(fetch.calls[0]?.body ?? '')).toEqual({ uuids: ['INV-89UX09KA'] });
    expect(JSON.parse(fetch.calls[1]?.body ?? '')).toEqual({ uuids: ['89UX09KA'] });
  });

  it('reports the coin amount when CryptoCloud sends no fiat pair, and not_found for a missing id', async () => {
    const { gateway } = gatewayWith(
      () =>
        jsonResponse({
          status: 'success',
          result: [
            invoice({ amount: 0.000113, amount_in_fiat: undefined, fiat_currency: undefined }),
          ],
        }),
      () => jsonResponse({ status: 'success', result: [invoice({ uuid: 'INV-OTHER1' })] }),
    );
    expect(await gateway.getInvoice('INV-89UX09KA')).toMatchObject({
      amount: '0.000113',
      currency: 'USDT_TRC20',
      orderId: undefined,
    });
    const error = await rejection(gateway.getInvoice('INV-89UX09KA'));
    expect(PayApiError.isInstance(error)).toBe(true);
    expect((error as PayApiError).providerCode).toBe('not_found');
  });

  it('verifies a postback by confirming it through the API, and acknowledges it', async () => {
    const { gateway, client, fetch } = gatewayWith(() =>
      jsonResponse({
        status: 'success',
        result: [invoice({ status: 'paid', received: 100.5, order_id: 'ORDER_93223' })],
      }),
    );
    // The postback claims another amount and no order: the API's answer wins.
    const postback = await client.webhooks.sign({
      invoice_id: '89UX09KA',
      amount_crypto: '1',
      currency: 'BNB',
      order_id: null,
    });
    const event = await gateway.verifyWebhook(postback);
    expect(fetch.calls).toHaveLength(1);
    expect(event).toMatchObject({
      provider: 'cryptocloud',
      confirmed: true,
      invoice: {
        id: 'INV-89UX09KA',
        orderId: 'ORDER_93223',
        status: 'paid',
        amount: '100.5',
        currency: 'USD',
      },
      raw: { confirmed: true, invoice_id: '89UX09KA' },
    });
    const ack = gateway.acknowledge(event);
    expect(ack.status).toBe(200);
    expect(await ack.json()).toEqual({ message: 'Postback received' });
  });

  it('refuses a forged postback before any API call; the handler answers 400', async () => {
    const { gateway, fetch } = gatewayWith(() => jsonResponse({}));
    const forger = createCryptoCloud({ ...credentials, secretKey: 'someone_elses_key' });
    const forged = await forger.webhooks.sign({
      invoice_id: '89UX09KA',
      amount_crypto: '100.5',
      currency: 'USDT_TRC20',
    });
    const error = await rejection(gateway.verifyWebhook(forged));
    expect(PaySignatureError.isInstance(error)).toBe(true);
    const handler = createWebhookHandler(gateway, () => {
      throw new Error('not reached');
    });
    const response = await handler(
      new Request('https://shop.example/webhooks/cryptocloud', {
        method: 'POST',
        headers: forged.headers,
        body: forged.body,
      }),
    );
    expect(response.status).toBe(400);
    expect(fetch.calls).toHaveLength(0);
  });
});

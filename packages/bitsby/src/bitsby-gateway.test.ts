import {
  createWebhookHandler,
  PAY_INVOICE_STATUSES,
  PayApiError,
  PaySignatureError,
  PayValidationError,
} from '@pay/core';
import { jsonResponse, type RecordedRequest, stubFetch } from '@pay/core/testing';
import { describe, expect, it } from 'vitest';
import { type BitsbySettings, createBitsby } from './bitsby-client.ts';
import { BITSBY_GATEWAY_STATUSES, createBitsbyGateway } from './bitsby-gateway.ts';
import { INVOICE_STATUSES } from './bitsby-schemas.ts';

const projectId = '9deea1e2-0c08-41a3-bdc2-a34eada3892d';
const invoiceId = 'ade9550d-3dc7-4fd3-b94e-3b4c12aaaa0c';
const settings: BitsbySettings = { apiKey: 'api_key_abcdef', projectId, minIntervalMs: 0 };
const created = {
  id: invoiceId,
  uid: 'MXNj4m8HhcM4',
  createDatetime: '2024-02-29 15:20:24',
  timeToPayDatetime: '2024-03-01 03:20:24',
  commissionFiatUSD: '0.10',
  amountFiatUSD: '10.00',
  url: 'https://dash.bitsby.app/invoices/pay/MXNj4m8HhcM4',
};
const listed = (status: string) => ({
  id: invoiceId,
  uid: 'MXNj4m8HhcM4',
  projectId,
  amountFiat: '10.55',
  currencyFiat: 'EUR',
  serviceData: 'order-500',
  views: 0,
  status,
});
const success = (data: unknown) => () => jsonResponse({ result: 'success', data });

function gatewayWith(...answers: Array<() => Response>) {
  const fetch = stubFetch(...answers);
  return { fetch, gateway: createBitsbyGateway(createBitsby({ ...settings, fetch })) };
}

/** The multipart fields of a recorded request, in the order sent. */
async function fieldsOf(request: RecordedRequest | undefined): Promise<Record<string, string>> {
  const form = await new Response(request?.body, {
    headers: { 'content-type': request?.contentType ?? '' },
  }).formData();
  return Object.fromEntries([...form.entries()].map(([name, value]) => [name, String(value)]));
}

const order = { orderId: 'order-500', amount: '10.55', currency: 'EUR' };

describe('BITSBY_GATEWAY_STATUSES', () => {
  it('maps every documented status to a common one', () => {
    for (const status of INVOICE_STATUSES) {
      expect(PAY_INVOICE_STATUSES).toContain(BITSBY_GATEWAY_STATUSES[status]);
    }
    expect(Object.keys(BITSBY_GATEWAY_STATUSES).sort()).toEqual([...INVOICE_STATUSES].sort());
    expect(BITSBY_GATEWAY_STATUSES).toEqual({
      unpaid: 'pending',
      paid: 'paid',
      expired: 'expired',
      canceled: 'canceled',
    });
  });

  it.each(INVOICE_STATUSES)('getInvoice reports %s through the table', async (status) => {
    const { gateway } = gatewayWith(success([listed(status)]));
    expect((await gateway.getInvoice(invoiceId)).status).toBe(BITSBY_GATEWAY_STATUSES[status]);
  });

  it.each(['partially', 'refunded', 'PAID', ''])(
    'an undocumented status (%j) is unknown, never paid',
    async (status) => {
      const { gateway } = gatewayWith(success([listed(status)]));
      const invoice = await gateway.getInvoice(invoiceId);
      expect(invoice.status).toBe('unknown');
      expect((invoice.raw as { status: string }).status).toBe(status);
    },
  );
});

describe('createInvoice', () => {
  it('creates in the settings project with orderId as serviceData', async () => {
    const { fetch, gateway } = gatewayWith(success(created));
    const invoice = await gateway.createInvoice({
      ...order,
      amount: 10.55,
      currency: 'eur',
      description: 'Order 500',
      lifetimeMinutes: 360,
    });
    expect(invoice).toEqual({
      provider: 'bitsby',
      id: invoiceId,
      orderId: 'order-500',
      payUrl: created.url,
      status: 'pending',
      amount: '10.55',
      currency: 'EUR',
      raw: created,
    });
    expect(fetch.calls[0]?.url).toBe('https://api.bitsby.app/invoices/create');
    expect(await fieldsOf(fetch.calls[0])).toEqual({
      projectId,
      amountFiat: '10.55',
      currencyFiat: 'EUR',
      timeToPay: '6',
      description: 'Order 500',
      serviceData: 'order-500',
    });
  });

  it.each([
    [30, '0.5'],
    [60, '1'],
    [180, '3'],
    [360, '6'],
    [720, '12'],
    [undefined, '1'],
  ])('lifetimeMinutes %s is timeToPay %s hours', async (lifetimeMinutes, hours) => {
    const { fetch, gateway } = gatewayWith(success(created));
    await gateway.createInvoice({ ...order, lifetimeMinutes });
    expect((await fieldsOf(fetch.calls[0])).timeToPay).toBe(hours);
  });

  it.each([
    [{ currency: 'GBP' }, 'currency'],
    [{ currency: 'USDT' }, 'currency'],
    [{ lifetimeMinutes: 45 }, 'lifetimeMinutes'],
    [{ lifetimeMinutes: 1440 }, 'lifetimeMinutes'],
    [{ callbackUrl: 'https://shop.example/hook' }, 'callbackUrl'],
    [{ returnUrl: 'https://shop.example/thanks' }, 'returnUrl'],
    [{ amount: '0' }, 'amount'],
    [{ amount: 0.1 + 0.2 }, 'amount'],
    [{ orderId: '' }, 'orderId'],
  ])('refuses %j before sending anything', async (change, path) => {
    const { fetch, gateway } = gatewayWith(success(created));
    const error = await gateway.createInvoice({ ...order, ...change }).catch((e: unknown) => e);
    expect(PayValidationError.isInstance(error), String(error)).toBe(true);
    expect((error as PayValidationError).issues.map((issue) => issue.path)).toContain(path);
    expect(fetch.calls).toHaveLength(0);
  });

  it('refuses without a projectId setting, before sending', async () => {
    const fetch = stubFetch(success(created));
    const gateway = createBitsbyGateway(createBitsby({ apiKey: 'api_key_abcdef', fetch }));
    await expect(gateway.createInvoice(order)).rejects.toThrow(/projectId/);
    expect(fetch.calls).toHaveLength(0);
  });

  it('passes a refusal through as a PayApiError', async () => {
    const { gateway } = gatewayWith(() => jsonResponse({ result: 'error', data: 'No access' }));
    const error = await gateway.createInvoice(order).catch((e: unknown) => e);
    expect(PayApiError.isInstance(error)).toBe(true);
  });
});

describe('getInvoice', () => {
  it('lists by the id createInvoice returned; orderId from serviceData', async () => {
    const { fetch, gateway } = gatewayWith(success([listed('paid')]));
    expect(await gateway.getInvoice(invoiceId)).toEqual({
      provider: 'bitsby',
      id: invoiceId,
      orderId: 'order-500',
      payUrl: undefined,
      status: 'paid',
      amount: '10.55',
      currency: 'EUR',
      raw: listed('paid'),
    });
    expect(fetch.calls[0]?.url).toBe('https://api.bitsby.app/invoices/list');
    expect(await fieldsOf(fetch.calls[0])).toEqual({ invoiceId });
  });

  it('an invoice with an object serviceData has no orderId', async () => {
    const { gateway } = gatewayWith(success([{ ...listed('unpaid'), serviceData: { a: 1 } }]));
    expect((await gateway.getInvoice(invoiceId)).orderId).toBeUndefined();
  });

  it('a PayApiError when Bitsby lists none; a PayValidationError for a non-UUID id', async () => {
    const { fetch, gateway } = gatewayWith(success([]));
    const error = await gateway.getInvoice(invoiceId).catch((e: unknown) => e);
    expect(PayApiError.isInstance(error)).toBe(true);
    expect(String(error)).toContain('lists no invoice');
    await expect(gateway.getInvoice('MXNj4m8HhcM4')).rejects.toThrow(PayValidationError);
    expect(fetch.calls).toHaveLength(1);
  });
});

describe('verifyWebhook and acknowledge', () => {
  const body = JSON.stringify({
    project: { id: projectId },
    invoice: { id: invoiceId, amountFiat: '10.55', currencyFiat: 'EUR', serviceData: 'order-500' },
  });

  it('confirms through invoices/list and reports Bitsby’s record', async () => {
    const { fetch, gateway } = gatewayWith(success([listed('paid')]));
    const event = await gateway.verifyWebhook({ body, headers: {} });
    expect(event).toMatchObject({
      provider: 'bitsby',
      confirmed: true,
      invoice: { id: invoiceId, orderId: 'order-500', status: 'paid', amount: '10.55' },
    });
    expect((event.raw as { confirmed: boolean }).confirmed).toBe(true);
    expect(fetch.calls).toHaveLength(1);
  });

  it('a forged webhook for an unpaid invoice is refused', async () => {
    const { gateway } = gatewayWith(success([listed('unpaid')]));
    const error = await gateway.verifyWebhook({ body, headers: {} }).catch((e: unknown) => e);
    expect(PaySignatureError.isInstance(error)).toBe(true);
  });

  it('acknowledges with HTTP 200; the handler answers 200 after onEvent, 400 for a forgery', async () => {
    expect(gatewayWith().gateway.acknowledge().status).toBe(200);
    const { gateway } = gatewayWith(success([listed('paid')]), success([listed('unpaid')]));
    const seen: string[] = [];
    const handler = createWebhookHandler(gateway, (event) => {
      seen.push(event.invoice.status);
    });
    const post = () => new Request('https://shop.example/hook', { method: 'POST', body });
    expect((await handler(post())).status).toBe(200);
    expect((await handler(post())).status).toBe(400);
    expect(seen).toEqual(['paid']);
  });
});

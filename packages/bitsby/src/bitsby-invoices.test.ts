import { PayValidationError } from '@pay/core';
import { jsonResponse, type RecordedRequest, stubFetch } from '@pay/core/testing';
import { describe, expect, it } from 'vitest';
import { type BitsbySettings, createBitsby } from './bitsby-client.ts';

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
const success = (data: unknown) => () => jsonResponse({ result: 'success', data });

/** The multipart fields of a recorded request, in the order sent. */
async function fieldsOf(request: RecordedRequest | undefined): Promise<Array<[string, string]>> {
  const form = await new Response(request?.body, {
    headers: { 'content-type': request?.contentType ?? '' },
  }).formData();
  return [...form.entries()].map(([name, value]) => [name, String(value)]);
}

describe('invoices.create', () => {
  it('posts the seed fields as multipart/form-data with the token, in the curl order', async () => {
    const fetch = stubFetch(success(created));
    const bitsby = createBitsby({ ...settings, fetch });
    const invoice = await bitsby.invoices.create({
      amountFiat: '10.55',
      currencyFiat: 'EUR',
      description: '12 months license for BITSBY',
      serviceData: { userId: 100, orderId: 500 },
      timeToPay: 6,
    });
    expect(invoice).toEqual(created);
    const [request] = fetch.calls;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('https://api.bitsby.app/invoices/create');
    expect(request?.headers.get('authorization')).toBe('Token api_key_abcdef');
    expect(request?.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(await fieldsOf(request)).toEqual([
      ['projectId', projectId],
      ['amountFiat', '10.55'],
      ['currencyFiat', 'EUR'],
      ['description', '12 months license for BITSBY'],
      ['serviceData', '{"userId":100,"orderId":500}'],
      ['timeToPay', '6'],
    ]);
  });

  it('sends amounts and hours as decimal strings and a project given in the call', async () => {
    const fetch = stubFetch(success(created));
    const other = '1c48b092-9878-48f5-b441-07a8a48e7b54';
    await createBitsby({ ...settings, fetch }).invoices.create({
      projectId: other,
      amountFiat: 123456789012345,
      currencyFiat: 'USD',
      serviceData: 'order-42',
      timeToPay: '0.50',
    });
    expect(await fieldsOf(fetch.calls[0])).toEqual([
      ['projectId', other],
      ['amountFiat', '123456789012345'],
      ['currencyFiat', 'USD'],
      ['serviceData', 'order-42'],
      ['timeToPay', '0.5'],
    ]);
  });

  it('reports every bad field at once and sends nothing', async () => {
    const fetch = stubFetch(success(created));
    const error = await createBitsby({ ...settings, fetch })
      .invoices // @ts-expect-error: wrong on purpose
      .create({ projectId: 'p1', amountFiat: '-1', currencyFiat: 'GBP', timeToPay: 2 })
      .catch((caught: unknown) => caught);
    expect(PayValidationError.isInstance(error)).toBe(true);
    expect((error as PayValidationError).issues.map((issue) => issue.path)).toEqual([
      'projectId',
      'amountFiat',
      'currencyFiat',
      'timeToPay',
    ]);
    expect(fetch.calls).toHaveLength(0);
  });

  it('needs a projectId from the call or the settings', async () => {
    const fetch = stubFetch(success(created));
    const bitsby = createBitsby({ apiKey: 'api_key_abcdef', fetch, minIntervalMs: 0 });
    await expect(
      bitsby.invoices.create({ amountFiat: 1, currencyFiat: 'RUB', timeToPay: 1 }),
    ).rejects.toThrow('projectId: is required');
    expect(fetch.calls).toHaveLength(0);
  });
});

describe('invoices.create result', () => {
  const answer = async (data: unknown) =>
    createBitsby({ ...settings, fetch: stubFetch(success(data)) }).invoices.create({
      amountFiat: 1,
      currencyFiat: 'USD',
      timeToPay: 1,
    });

  it('turns JSON-number amounts into decimal strings and adds no missing field', async () => {
    const url = 'https://dash.bitsby.app/invoices/pay/u';
    await expect(answer({ id: 'i', uid: 'u', url, amountFiatUSD: 10.5 })).resolves.toEqual({
      id: 'i',
      uid: 'u',
      url,
      amountFiatUSD: '10.5',
    });
  });

  it('reads the older answer with wallets', async () => {
    const wallets = [{ id: 1, name: 'usdt-tron', address: 'T1', amountCrypto: 10.01 }];
    const invoice = await answer({ id: 'i', uid: 'u', url: 'x', wallets });
    expect(invoice.wallets?.[0]?.amountCrypto).toBe('10.01');
  });
});

describe('invoices.list', () => {
  it('sends an empty POST without filters, else the filters in the documented order', async () => {
    const fetch = stubFetch(success([]));
    const bitsby = createBitsby({ ...settings, fetch });
    await bitsby.invoices.list();
    await bitsby.invoices.list({ status: 'paid', offset: 20, limit: 50, startDate: '2024-02-29' });
    expect(fetch.calls[0]?.body).toBe('');
    expect(await fieldsOf(fetch.calls[1])).toEqual([
      ['startDate', '2024-02-29'],
      ['status', 'paid'],
      ['offset', '20'],
      ['limit', '50'],
    ]);
  });
});

describe('invoices.get', () => {
  const listed = {
    id: invoiceId,
    uid: 'MXNj4m8HhcM4',
    projectId: '9deea1e2-0c08-41a3-bdc2-a34eada3892d',
    amountFiat: '10.55',
    currencyFiat: 'EUR',
    status: 'unpaid',
  };

  it('lists by uid and returns the matching invoice', async () => {
    const fetch = stubFetch(success([listed]));
    const invoice = await createBitsby({ ...settings, fetch }).invoices.get({
      invoiceUid: 'MXNj4m8HhcM4',
    });
    expect(invoice).toEqual(listed);
    expect(fetch.calls[0]?.url).toBe('https://api.bitsby.app/invoices/list');
    expect(await fieldsOf(fetch.calls[0])).toEqual([['invoiceUid', 'MXNj4m8HhcM4']]);
  });

  it('returns null rather than another invoice when none matches', async () => {
    const fetch = stubFetch(success([{ ...listed, id: '1c48b092-9878-48f5-b441-07a8a48e7b54' }]));
    const bitsby = createBitsby({ ...settings, fetch });
    await expect(bitsby.invoices.get({ invoiceId })).resolves.toBeNull();
  });

  it('types the status as an open enum: documented values compare, others fail to compile', async () => {
    const fetch = stubFetch(success([listed]));
    const invoice = await createBitsby({ ...settings, fetch }).invoices.get({ invoiceId });
    // A documented status compares.
    expect(invoice?.status === 'unpaid').toBe(true);
    // @ts-expect-error: Bitsby has no `pending` status (its unpaid state is `unpaid`)
    expect(invoice?.status === 'pending').toBe(false);
  });

  it('passes an undocumented status through unchanged', async () => {
    const fetch = stubFetch(success([{ ...listed, status: 'partially' }]));
    const invoice = await createBitsby({ ...settings, fetch }).invoices.get({ invoiceId });
    expect(invoice?.status).toBe('partially');
  });

  it('needs exactly one of invoiceId and invoiceUid', async () => {
    const bitsby = createBitsby({ ...settings, fetch: stubFetch(success([])) });
    await expect(bitsby.invoices.get({})).rejects.toThrow('exactly one');
    await expect(bitsby.invoices.get({ invoiceId, invoiceUid: 'MXNj4m8HhcM4' })).rejects.toThrow(
      'exactly one',
    );
  });
});

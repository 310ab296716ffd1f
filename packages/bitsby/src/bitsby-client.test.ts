import { PayApiError, PayConfigError, PayValidationError } from '@pay/core';
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
const failure = (data: string) => () => jsonResponse({ result: 'error', data });

/** The multipart fields of a recorded request, in the order sent. */
async function fieldsOf(request: RecordedRequest | undefined): Promise<Array<[string, string]>> {
  const form = await new Response(request?.body, {
    headers: { 'content-type': request?.contentType ?? '' },
  }).formData();
  return [...form.entries()].map(([name, value]) => [name, String(value)]);
}

describe('createBitsby', () => {
  it('refuses a missing apiKey, a projectId that is no UUID and a negative minIntervalMs', () => {
    expect(() => createBitsby({ ...settings, apiKey: '' })).toThrow(PayConfigError);
    expect(() => createBitsby({ ...settings, projectId: 'project-1' })).toThrow('`projectId`');
    expect(() => createBitsby({ ...settings, minIntervalMs: -1 })).toThrow('`minIntervalMs`');
    expect(() => createBitsby({ ...settings, retryDelayMs: 1.5 })).toThrow('`retryDelayMs`');
  });
});

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
      amountFiat: 1e21,
      currencyFiat: 'USD',
      serviceData: 'order-42',
      timeToPay: '0.50',
    });
    expect(await fieldsOf(fetch.calls[0])).toEqual([
      ['projectId', other],
      ['amountFiat', '1000000000000000000000'],
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

  it('is sent once even with retries enabled when Bitsby says "Requests too frequent"', async () => {
    const fetch = stubFetch(failure('Requests too frequent'), success(created));
    const bitsby = createBitsby({ ...settings, fetch, maxRetries: 3, retryDelayMs: 0 });
    const error = await bitsby.invoices
      .create({ amountFiat: 1, currencyFiat: 'RUB', timeToPay: 1 })
      .catch((caught: unknown) => caught);
    expect(PayApiError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ retryable: true, providerMessage: 'Requests too frequent' });
    expect(fetch.calls).toHaveLength(1);
  });
});

describe('reads', () => {
  it('retry after "Requests too frequent" and return the data', async () => {
    const fetch = stubFetch(failure('Requests too frequent'), success({ internal: '1.00' }));
    const bitsby = createBitsby({ ...settings, fetch, retryDelayMs: 0 });
    await expect(bitsby.billing.balances()).resolves.toEqual({ internal: '1.00' });
    expect(fetch.calls).toHaveLength(2);
  });

  it('send an empty POST without filters, else the filters in the documented order', async () => {
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

  it('refuse impossible dates and unknown filters before sending', async () => {
    const fetch = stubFetch(success([]));
    const bitsby = createBitsby({ ...settings, fetch });
    // @ts-expect-error: unknown filter on purpose
    await expect(bitsby.payments.list({ wallet: 'w' })).rejects.toThrow(PayValidationError);
    await expect(bitsby.statistics.invoices({ startDate: '2024-02-30' })).rejects.toThrow(
      'real calendar date',
    );
    await expect(bitsby.billing.history({ limit: 0 })).rejects.toThrow(PayValidationError);
    await expect(bitsby.invoices.list({ endDate: '01.02.2024' })).rejects.toThrow('YYYY-MM-DD');
    expect(fetch.calls).toHaveLength(0);
  });

  it('call the tariffs path with Bitsby’s spelling', async () => {
    const fetch = stubFetch(success([]));
    await createBitsby({ ...settings, fetch }).billing.tariffs();
    expect(fetch.calls[0]?.url).toBe('https://api.bitsby.app/billing/tarrifs');
  });
});

describe('invoices.get', () => {
  const listed = { id: invoiceId, uid: 'MXNj4m8HhcM4', status: 'unpaid' };

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

  it('needs exactly one of invoiceId and invoiceUid', async () => {
    const bitsby = createBitsby({ ...settings, fetch: stubFetch(success([])) });
    await expect(bitsby.invoices.get({})).rejects.toThrow('exactly one');
    await expect(bitsby.invoices.get({ invoiceId, invoiceUid: 'MXNj4m8HhcM4' })).rejects.toThrow(
      'exactly one',
    );
  });
});

import { PayResponseError, type PayValidationError } from '@pay/core';
import { jsonResponse, stubFetch } from '@pay/core/testing';
import { describe, expect, it } from 'vitest';
import { createCryptoCloud } from './cryptocloud-client.ts';

const credentials = { apiKey: 'project_api_key_1', shopId: 'Shop42' };
/** The error a call rejects with (its result, when it resolves: the assertions then fail). */
const rejection = (pending: Promise<unknown>) => pending.catch((caught: unknown) => caught);

describe('dd.mm.yyyy dates (invoice.list, statistics)', () => {
  it('take dd.mm.yyyy calendar dates only', async () => {
    const fetch = stubFetch(() => jsonResponse({ status: 'success', result: [], all_count: 0 }));
    const cryptocloud = createCryptoCloud({ ...credentials, fetch });
    expect(await cryptocloud.invoice.list({ start: '29.02.2024', end: '31.12.2024' })).toEqual({
      result: [],
      all_count: 0,
    });
    for (const start of ['2024-01-01', '1.1.2024', '29.02.2023', '31.04.2024', '00.01.2024']) {
      const error = await rejection(cryptocloud.statistics({ start, end: '01.05.2024' }));
      expect((error as PayValidationError).issues[0]?.path).toBe('start');
    }
    const tooMany = await rejection(
      cryptocloud.invoice.list({ start: '01.01.2024', end: '02.01.2024', limit: 101 }),
    );
    expect((tooMany as PayValidationError).issues[0]?.path).toBe('limit');
    expect(fetch.calls).toHaveLength(1);
  });
});

describe('invoice statuses (an open enum)', () => {
  const info = (status: string) =>
    stubFetch(() =>
      jsonResponse({ status: 'success', result: [{ uuid: 'INV-A1', status, amount: 1 }] }),
    );

  it('types the documented statuses and refuses, at compile time, one CryptoCloud does not have', async () => {
    const fetch = info('overpaid');
    const [invoice] = await createCryptoCloud({ ...credentials, fetch }).invoice.info({
      uuids: ['INV-A1'],
    });
    const status = invoice?.status;
    expect(status === 'paid' || status === 'overpaid').toBe(true);
    // @ts-expect-error CryptoCloud has no `expired` status (nor `success`): the comparison cannot match.
    expect(status === 'expired').toBe(false);
    // @ts-expect-error `payed` is CrystalPay's word, not CryptoCloud's.
    expect(status === 'payed').toBe(false);
  });

  it('passes an undocumented status through unchanged at run time', async () => {
    const fetch = info('expired');
    const [invoice] = await createCryptoCloud({ ...credentials, fetch }).invoice.info({
      uuids: ['INV-A1'],
    });
    expect(String(invoice?.status)).toBe('expired');
    expect(invoice?.status).toBe('expired');
  });

  it('requires the fields every answer carries: uuid, status and amount (and link on create)', async () => {
    const fetch = stubFetch(
      () => jsonResponse({ status: 'success', result: [{ uuid: 'INV-A1', amount: 1 }] }),
      () =>
        jsonResponse({
          status: 'success',
          result: { uuid: 'INV-A1', status: 'created', amount: 1 },
        }),
    );
    const cryptocloud = createCryptoCloud({ ...credentials, fetch });
    const noStatus = await rejection(cryptocloud.invoice.info({ uuids: ['INV-A1'] }));
    expect(PayResponseError.isInstance(noStatus)).toBe(true);
    const noLink = await rejection(cryptocloud.invoice.create({ amount: 1 }));
    expect(PayResponseError.isInstance(noLink)).toBe(true);
  });
});

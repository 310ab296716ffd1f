import { jsonResponse, stubFetch } from '@pay/core/testing';
import { describe, expect, it } from 'vitest';
import { createBitsby } from './bitsby-client.ts';

describe('statistics.invoices', () => {
  it('reads an empty map written as [] as an empty object, amounts as decimal strings', async () => {
    const data = {
      invoicesTotalNum: 0,
      invoicesByProjects: [],
      invoicesByDate: { '2024-03-01': { date: 1709251200000, value: 5 } },
    };
    const fetch = stubFetch(() => jsonResponse({ result: 'success', data }));
    const bitsby = createBitsby({ apiKey: 'key_abcdef', fetch, minIntervalMs: 0 });
    const statistics = await bitsby.statistics.invoices({ startDate: '2024-03-01' });
    expect(statistics.invoicesByProjects).toEqual({});
    expect(Array.isArray(statistics.invoicesByProjects)).toBe(false);
    expect(statistics.invoicesByDate?.['2024-03-01']).toEqual({ date: 1709251200000, value: '5' });
    expect(fetch.calls[0]?.url).toBe('https://api.bitsby.app/statistics/invoices');
  });
});

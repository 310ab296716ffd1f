import { PayValidationError } from '@pay/core';
import { jsonResponse, stubFetch } from '@pay/core/testing';
import { describe, expect, it } from 'vitest';
import { createBitsby } from './bitsby-client.ts';

describe('shared input schemas', () => {
  it('refuse impossible dates, bad paging and unknown filters before sending', async () => {
    const fetch = stubFetch(() => jsonResponse({ result: 'success', data: [] }));
    const bitsby = createBitsby({ apiKey: 'api_key_abcdef', fetch, minIntervalMs: 0 });
    // @ts-expect-error: unknown filter on purpose
    await expect(bitsby.payments.list({ wallet: 'w' })).rejects.toThrow(PayValidationError);
    await expect(bitsby.statistics.invoices({ startDate: '2024-02-30' })).rejects.toThrow(
      'real calendar date',
    );
    await expect(bitsby.billing.history({ limit: 0 })).rejects.toThrow(PayValidationError);
    await expect(bitsby.invoices.list({ endDate: '01.02.2024' })).rejects.toThrow('YYYY-MM-DD');
    await expect(bitsby.invoices.cancel({ invoiceId: 'x' })).rejects.toThrow('must be a UUID');
    expect(fetch.calls).toHaveLength(0);
  });
});

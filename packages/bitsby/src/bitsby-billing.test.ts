import { jsonResponse, stubFetch } from '@pay/core/testing';
import { describe, expect, it } from 'vitest';
import { createBitsby } from './bitsby-client.ts';

const billingOf = (...answers: unknown[]) => {
  const fetch = stubFetch(
    ...answers.map((data) => () => jsonResponse({ result: 'success', data })),
  );
  return {
    fetch,
    billing: createBitsby({ apiKey: 'key_abcdef', fetch, minIntervalMs: 0 }).billing,
  };
};

describe('billing', () => {
  it('calls the tariffs path with Bitsby’s spelling and keeps the field that starts with a digit', async () => {
    const { fetch, billing } = billingOf([{ id: 1, '30dPayments': 1000, rate: 1 }]);
    await expect(billing.tariffs()).resolves.toEqual([{ id: 1, '30dPayments': '1000', rate: '1' }]);
    expect(fetch.calls[0]?.url).toBe('https://api.bitsby.app/billing/tarrifs');
  });

  it('reads balances as decimal strings and pages the history', async () => {
    const { fetch, billing } = billingOf({ internal: 100, partner: '0.00' }, []);
    await expect(billing.balances()).resolves.toEqual({ internal: '100', partner: '0.00' });
    await billing.history({ offset: 0, limit: 20 });
    expect(fetch.calls[1]?.url).toBe('https://api.bitsby.app/billing/history');
    expect(fetch.calls[1]?.body).toContain('name="limit"\r\n\r\n20\r\n');
  });
});

import { PayConfigError } from '@pay/core';
import { jsonResponse, stubFetch } from '@pay/core/testing';
import { describe, expect, it } from 'vitest';
import { createAnyMoney } from './anymoney-client.ts';

const credentials = { merchantId: '1234', apiKey: 'secret_api_key_1', sciKey: 'secret_sci_key_2' };

function clientFor(vector: { apiKey: string; now: number }) {
  const fetch = stubFetch(() => jsonResponse({ result: {}, id: '1', jsonrpc: '2.0' }));
  const client = createAnyMoney({
    merchantId: '1234',
    apiKey: vector.apiKey,
    now: () => vector.now,
    fetch,
  });
  return { client, fetch };
}

async function failure(run: () => Promise<unknown>) {
  return run().then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error,
  );
}

describe('the clock', () => {
  it('refuses a clock in seconds, a mistake a known client made', async () => {
    const fetch = stubFetch(() => jsonResponse({ result: {} }));
    const client = createAnyMoney({ ...credentials, fetch, now: () => 1_700_000_000 });
    const error = await failure(() => client.balance());
    expect(PayConfigError.isInstance(error)).toBe(true);
    expect((error as PayConfigError).setting).toBe('now');
    expect(fetch.calls).toHaveLength(0);
  });
});

describe('request envelope', () => {
  it('posts one JSON-RPC 2.0 call to {baseUrl}/ with params sorted and an id per call', async () => {
    const { client, fetch } = clientFor({ apiKey: 'test_api_key', now: 1_700_000_000_000 });
    await client.invoice.get({ externalid: 'A-1' });
    await client.status({ externalid: 77 });
    expect(fetch.calls[0]?.url).toBe('https://api.any.money/');
    expect(fetch.calls[0]?.method).toBe('POST');
    expect(fetch.calls[0]?.body).toBe(
      '{"method":"invoice.get","params":{"externalid":"A-1"},"jsonrpc":"2.0","id":"1700000000000-1"}',
    );
    // A number becomes the string it is signed as; the id counts calls of this client.
    expect(JSON.parse(fetch.calls[1]?.body ?? '')).toMatchObject({
      method: 'status',
      params: { externalid: '77' },
      id: '1700000000000-2',
    });
  });
});

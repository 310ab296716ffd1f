import { PayValidationError } from '@pay/core';
import { jsonResponse, stubFetch } from '@pay/core/testing';
import { describe, expect, it } from 'vitest';
import { createCryptoCloud } from './cryptocloud-client.ts';

const credentials = { apiKey: 'project_api_key_1', shopId: 'Shop42' };
/** The error a call rejects with (its result, when it resolves: the assertions then fail). */
const rejection = (pending: Promise<unknown>) => pending.catch((caught: unknown) => caught);

describe('balance.all', () => {
  it('posts no body, and accepts nothing or {}', async () => {
    const fetch = stubFetch(() => jsonResponse({ status: 'success', result: [] }));
    const cryptocloud = createCryptoCloud({ ...credentials, fetch });
    expect(await cryptocloud.balance.all()).toEqual([]);
    expect(await cryptocloud.balance.all({})).toEqual([]);
    expect(fetch.calls.map((call) => [call.method, call.body])).toEqual([
      ['POST', ''],
      ['POST', ''],
    ]);
    // @ts-expect-error: no params exist
    const error = await rejection(cryptocloud.balance.all({ currency: 'BTC' }));
    expect(PayValidationError.isInstance(error)).toBe(true);
  });
});

import { PayConfigError } from '@pay/core';
import { jsonResponse, stubFetch } from '@pay/core/testing';
import { describe, expect, it } from 'vitest';
import { createCryptoCloud } from './cryptocloud-client.ts';

const credentials = { apiKey: 'project_api_key_1', shopId: 'Shop42' };
/** The error a call rejects with (its result, when it resolves: the assertions then fail). */
const rejection = (pending: Promise<unknown>) => pending.catch((caught: unknown) => caught);

describe('withdrawal.create', () => {
  const withdrawal = {
    currency_code: 'BTC',
    to_address: '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa',
    amount: '0.05',
  };

  it('authorises with withdrawalApiKey and reads the payload from data or result', async () => {
    const payload = {
      invoice_id: 'INV-89UX09KA',
      status: 'created',
      currency: 'BTC',
      amount: 0.05,
    };
    const fetch = stubFetch(
      () => jsonResponse({ status: 'success', data: payload }),
      () => jsonResponse({ status: 'success', result: payload }),
    );
    const cryptocloud = createCryptoCloud({
      ...credentials,
      fetch,
      withdrawalApiKey: 'account_key_9',
    });
    const expected = { ...payload, amount: '0.05' };
    expect(await cryptocloud.withdrawal.create(withdrawal)).toEqual(expected);
    expect(await cryptocloud.withdrawal.create(withdrawal)).toEqual(expected);
    expect(fetch.calls[0]?.headers.get('authorization')).toBe('Token account_key_9');
    expect(fetch.calls[0]?.body).toBe(
      '{"currency_code":"BTC","to_address":"1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa","amount":0.05}',
    );
  });

  it('needs withdrawalApiKey and sends nothing without it', async () => {
    const fetch = stubFetch(() => jsonResponse({}));
    const error = await rejection(
      createCryptoCloud({ ...credentials, fetch }).withdrawal.create(withdrawal),
    );
    expect(PayConfigError.isInstance(error) && error.setting).toBe('withdrawalApiKey');
    expect(fetch.calls).toHaveLength(0);
  });
});

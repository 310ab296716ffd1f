import { PayApiError, type PayValidationError } from '@pay/core';
import { jsonResponse, stubFetch } from '@pay/core/testing';
import { describe, expect, it } from 'vitest';
import { createCryptoCloud } from './cryptocloud-client.ts';

const credentials = { apiKey: 'project_api_key_1', shopId: 'Shop42' };
/** The error a call rejects with (its result, when it resolves: the assertions then fail). */
const rejection = (pending: Promise<unknown>) => pending.catch((caught: unknown) => caught);

describe('v1.invoice.create', () => {
  it('posts to /v1/invoice/create and returns the body, status included', async () => {
    const body = {
      status: 'success',
      pay_url: 'https://pay.cryptocloud.plus/DZLF4212',
      currency: 'BTC',
      invoice_id: 'DZLF4212',
    };
    const fetch = stubFetch(() => jsonResponse(body));
    const result = await createCryptoCloud({ ...credentials, fetch }).v1.invoice.create({
      amount: 100,
      currency: 'USD',
    });
    expect(result).toEqual(body);
    expect(fetch.calls[0]?.url).toBe('https://api.cryptocloud.plus/v1/invoice/create');
    expect(fetch.calls[0]?.body).toBe('{"shop_id":"Shop42","amount":100,"currency":"USD"}');
  });

  it.each([
    [401, 'bad API key', false],
    [400, 'could not be created', false],
    [406, 'service is unavailable', true],
  ])('explains HTTP %i (%s) even with an empty body', async (status, meaning, retryable) => {
    const fetch = stubFetch(() => new Response('', { status }));
    const error = await rejection(
      createCryptoCloud({ ...credentials, fetch }).v1.invoice.create({ amount: 1 }),
    );
    expect(PayApiError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status, retryable, operation: 'v1/invoice/create' });
    expect((error as PayApiError).message).toContain(meaning);
  });

  it('keeps v1-only currencies', async () => {
    const error = await rejection(
      // @ts-expect-error: KZT exists in v2 only
      createCryptoCloud(credentials).v1.invoice.create({ amount: 1, currency: 'KZT' }),
    );
    expect((error as PayValidationError).issues[0]?.path).toBe('currency');
  });
});

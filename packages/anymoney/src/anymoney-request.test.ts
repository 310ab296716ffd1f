import { PayApiError, PayConfigError } from '@pay/core';
import { jsonResponse, stubFetch } from '@pay/core/testing';
import { describe, expect, it } from 'vitest';
import { createAnyMoney } from './anymoney-client.ts';
import { signRequest } from './anymoney-signing.ts';

function setup(
  now: () => number,
  answer = () =>
    jsonResponse({
      result: {
        externalid: 'ORDER-1',
        status: 'new',
        tp: 'invoice',
        paylink: 'https://sci.any.money/en/#token=t',
      },
      jsonrpc: '2.0',
    }),
) {
  const fetch = stubFetch(answer);
  const client = createAnyMoney({ merchantId: '1234', apiKey: 'test_api_key', now, fetch });
  return { client, fetch };
}

describe('the request builder', () => {
  it('posts one JSON-RPC 2.0 call to {baseUrl}/ with params sorted and an id per call', async () => {
    const { client, fetch } = setup(() => 1_700_000_000_000);
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

  it('refuses a clock in seconds, a mistake a known client made, before sending', async () => {
    const { client, fetch } = setup(() => 1_700_000_000);
    const error = await client.balance().catch((caught: unknown) => caught);
    expect(PayConfigError.isInstance(error)).toBe(true);
    expect((error as PayConfigError).setting).toBe('now');
    expect(fetch.calls).toHaveLength(0);
  });

  it('keeps the request signature out of errors, even when AnyMoney echoes it', async () => {
    // `balance()` at this time signs the timestamp alone: the signature is known in advance.
    const signature = signRequest('test_api_key', {}, '1700000000000');
    const echo = {
      error: { code: -32010, message: 'EParamSignInvalid', data: { reason: signature } },
    };
    const { client, fetch } = setup(
      () => 1_700_000_000_000,
      () => jsonResponse(echo),
    );
    const error = await client.balance().catch((caught: unknown) => caught);
    expect(fetch.calls[0]?.headers.get('x-signature')).toBe(signature);
    expect(PayApiError.isInstance(error)).toBe(true);
    expect(JSON.stringify(error)).not.toContain(signature);
    expect((error as PayApiError).providerMessage).toBe('[redacted]');
  });
});

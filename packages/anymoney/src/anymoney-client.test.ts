import { PayApiError, PayConfigError, type PayNetworkError } from '@pay/core';
import { hangUntilAborted, jsonResponse, stubFetch } from '@pay/core/testing';
import { describe, expect, it } from 'vitest';
import { createAnyMoney } from './anymoney-client.ts';

const credentials = { merchantId: '1234', apiKey: 'secret_api_key_1', sciKey: 'secret_sci_key_2' };
const now = () => 1_700_000_000_000;

function errorEnvelope(code: number, message: string, data?: unknown) {
  return {
    error: { code, message, ...(data === undefined ? {} : { data }) },
    jsonrpc: '2.0',
    id: 'x',
  };
}

async function failure(run: () => Promise<unknown>) {
  return run().then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error,
  );
}

describe('createAnyMoney', () => {
  it.each(['merchantId', 'apiKey'] as const)('refuses a missing %s', (setting) => {
    expect(() => createAnyMoney({ ...credentials, [setting]: '' })).toThrow(PayConfigError);
  });

  it('refuses a merchantId no header can carry, without echoing it', () => {
    expect(() => createAnyMoney({ ...credentials, merchantId: '12\r\nx-evil: 1' })).toThrow(
      '`merchantId`',
    );
  });

  it('refuses an empty sciKey and a sciBaseUrl that is not http(s)', () => {
    expect(() => createAnyMoney({ ...credentials, sciKey: ' ' })).toThrow('`sciKey`');
    expect(() => createAnyMoney({ ...credentials, sciBaseUrl: 'ftp://x' })).toThrow('`sciBaseUrl`');
  });

  it('keeps a baseUrl path prefix and sends the user agent', async () => {
    const fetch = stubFetch(() => jsonResponse({ result: { UAH: '0' } }));
    const client = createAnyMoney({
      ...credentials,
      fetch,
      now,
      baseUrl: 'http://127.0.0.1:4010/am',
    });
    await expect(client.balance()).resolves.toEqual({ UAH: '0' });
    expect(fetch.calls[0]?.url).toBe('http://127.0.0.1:4010/am/');
    expect(fetch.calls[0]?.headers.get('user-agent')).toBe('pay-anymoney/0.0.0-test');
    expect(fetch.calls[0]?.headers.get('content-type')).toBe('application/json');
  });
});

describe('error envelope', () => {
  it('maps the envelope to PayApiError keyed on the E-name, code and data kept', async () => {
    const data = { field: 'amount', value: '10000000', reason: 'Too big' };
    const fetch = stubFetch(() => jsonResponse(errorEnvelope(-32073, 'EParamAmountTooBig', data)));
    const client = createAnyMoney({ ...credentials, fetch, now });
    const error = (await failure(() =>
      client.invoice.create({ amount: '10000000', externalid: 'E1', in_curr: 'UAH' }),
    )) as PayApiError;
    expect(PayApiError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      status: 200,
      providerCode: 'EParamAmountTooBig',
      providerMessage: 'Too big',
      details: { code: -32073, data },
      retryable: false,
      operation: 'invoice.create',
    });
    expect(error.message).toContain('Too big [EParamAmountTooBig]');
  });

  it('reads the envelope on a 4xx too, and names the refused field when there is no reason', async () => {
    const fetch = stubFetch(() =>
      jsonResponse(errorEnvelope(-32002, 'EParamInvalid', { field: 'externalid', value: '' }), 400),
    );
    const client = createAnyMoney({ ...credentials, fetch, now });
    const error = (await failure(() => client.invoice.get({ externalid: 'x' }))) as PayApiError;
    expect(error).toMatchObject({ status: 400, providerCode: 'EParamInvalid' });
    expect(error.providerMessage).toBe('field `externalid`');
    expect(error.details).toEqual({ code: -32002, data: { field: 'externalid', value: '' } });
  });

  it('marks rate limits retryable and redacts a key AnyMoney might echo', async () => {
    const fetch = stubFetch(() =>
      jsonResponse(errorEnvelope(-32039, 'EStateReqLimit', { reason: 'key secret_api_key_1' })),
    );
    const client = createAnyMoney({ ...credentials, fetch, now, maxRetries: 0 });
    const error = (await failure(() => client.balance())) as PayApiError;
    expect(error.retryable).toBe(true);
    expect(JSON.stringify(error)).not.toContain('secret_api_key_1');
    expect(error.providerMessage).toBe('key [redacted]');
  });
});

describe('retries', () => {
  const unavailable = () => new Response('busy', { status: 503 });
  const ok = () => jsonResponse({ result: { externalid: 'A', status: 'done' } });

  it('retries a read after a 503', async () => {
    const fetch = stubFetch(unavailable, ok);
    const client = createAnyMoney({ ...credentials, fetch, now, maxRetries: 1 });
    await expect(client.invoice.get({ externalid: 'A' })).resolves.toEqual({
      externalid: 'A',
      status: 'done',
    });
    expect(fetch.calls).toHaveLength(2);
  });

  it('never retries a call that moves money', async () => {
    const fetch = stubFetch(unavailable, ok);
    const client = createAnyMoney({ ...credentials, fetch, now, maxRetries: 2 });
    const error = await failure(() =>
      client.payout.create({ amount: 1, externalid: 'P', out_curr: 'UAH', payway: 'card' }),
    );
    expect(PayApiError.isInstance(error)).toBe(true);
    expect(fetch.calls).toHaveLength(1);
  });

  it('stops when the caller aborts', async () => {
    const controller = new AbortController();
    const client = createAnyMoney({ ...credentials, now, fetch: stubFetch(hangUntilAborted) });
    const pending = client.status({ externalid: 'A' }, { signal: controller.signal });
    controller.abort();
    const error = await failure(() => pending);
    expect((error as PayNetworkError).aborted).toBe(true);
  });
});

import { PayValidationError } from '@pay/core';
import { jsonResponse, stubFetch } from '@pay/core/testing';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { createAnyMoney } from './anymoney-client.ts';

const credentials = { merchantId: '1234', apiKey: 'secret_api_key_1', sciKey: 'secret_sci_key_2' };
const now = () => 1_700_000_000_000;

describe('call', () => {
  it('sends any method and validates the result with a given schema', async () => {
    const fetch = stubFetch(() => jsonResponse({ result: { link: 'https://r', status: 'done' } }));
    const client = createAnyMoney({ ...credentials, fetch, now });
    const schema = v.looseObject({ link: v.string() });
    const receipt = await client.call('anydoc.receipt_status', { externalid: 'R1' }, { schema });
    expect(receipt.link).toBe('https://r');
    expect(JSON.parse(fetch.calls[0]?.body ?? '')).toMatchObject({
      method: 'anydoc.receipt_status',
      params: { externalid: 'R1' },
    });
  });

  it('refuses bad method names and params that are not strings, booleans or null', async () => {
    const fetch = stubFetch(() => jsonResponse({ result: {} }));
    const client = createAnyMoney({ ...credentials, fetch, now });
    const error = await client
      .call('Invoice Create', { amount: 10 as never, nested: {} as never })
      .catch((caught: unknown) => caught);
    expect(PayValidationError.isInstance(error)).toBe(true);
    expect((error as PayValidationError).issues.map((issue) => issue.path)).toEqual([
      'method',
      'amount',
      'nested',
    ]);
    expect(fetch.calls).toHaveLength(0);
  });

  it('goes through the same request builder: signed, with the next JSON-RPC id', async () => {
    const fetch = stubFetch(() => jsonResponse({ result: {} }));
    const client = createAnyMoney({ ...credentials, fetch, now });
    await client.balance();
    await client.call('payway.list');
    const [named, raw] = fetch.calls;
    expect(JSON.parse(raw?.body ?? '').id).toBe('1700000000000-2');
    // Neither call has params, so both sign the timestamp alone.
    expect(raw?.headers.get('x-signature')).toBe(named?.headers.get('x-signature'));
  });
});

import { PayApiError, PayNetworkError, PayValidationError } from '@pay/core';
import { hangUntilAborted, jsonResponse, stubFetch } from '@pay/core/testing';
import { describe, expect, it } from 'vitest';
import { createCryptoCloud } from './cryptocloud-client.ts';

const credentials = { apiKey: 'project_api_key_1', shopId: 'Shop42' };
const created = {
  status: 'success',
  result: { uuid: 'INV-XXXXXXXX', status: 'created', amount: 100.0, fee: 1.4, link: 'https://p/X' },
};
/** The error a call rejects with (its result, when it resolves: the assertions then fail). */
const rejection = (pending: Promise<unknown>) => pending.catch((caught: unknown) => caught);

describe('invoice.create', () => {
  it('posts JSON with the Token header, shop_id from settings and the exact amount digits', async () => {
    const fetch = stubFetch(() => jsonResponse(created));
    const cryptocloud = createCryptoCloud({
      ...credentials,
      fetch,
      baseUrl: 'http://127.0.0.1:4010/cc/',
    });
    const invoice = await cryptocloud.invoice.create({
      amount: '12345678901234567.10',
      currency: 'USD',
    });
    expect(invoice).toEqual({ ...created.result, amount: '100', fee: '1.4' });
    const [call] = fetch.calls;
    expect(call?.url).toBe('http://127.0.0.1:4010/cc/v2/invoice/create');
    expect(call?.headers.get('authorization')).toBe('Token project_api_key_1');
    expect(call?.contentType).toBe('application/json');
    expect(call?.body).toBe('{"shop_id":"Shop42","amount":12345678901234567.1,"currency":"USD"}');
  });

  it('lets a call give its own shop_id and sends locale in the query', async () => {
    const fetch = stubFetch(() => jsonResponse(created));
    await createCryptoCloud({ ...credentials, fetch }).invoice.create({
      amount: 5,
      shop_id: 'OtherShop',
      locale: 'ru',
      add_fields: { time_to_pay: { hours: 2, minutes: 30 }, available_currencies: ['BTC'] },
    });
    expect(fetch.calls[0]?.url).toBe('https://api.cryptocloud.plus/v2/invoice/create?locale=ru');
    expect(JSON.parse(fetch.calls[0]?.body ?? '')).toEqual({
      shop_id: 'OtherShop',
      amount: 5,
      add_fields: { time_to_pay: { hours: 2, minutes: 30 }, available_currencies: ['BTC'] },
    });
  });

  it('reports every bad field at once and sends nothing', async () => {
    const fetch = stubFetch(() => jsonResponse(created));
    const error = await rejection(
      createCryptoCloud({ ...credentials, fetch }).invoice.create({
        amount: 0,
        currency: 'usd',
        email: 'nope',
        // @ts-expect-error: misspelt on purpose
        add_fields: { time_to_pay: { minutes: 75 }, lifetime: 1 },
      }),
    );
    expect(PayValidationError.isInstance(error)).toBe(true);
    const paths = (error as PayValidationError).issues.map((issue) => issue.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'amount',
        'currency',
        'email',
        'add_fields.time_to_pay.minutes',
        'add_fields.lifetime',
      ]),
    );
    expect(fetch.calls).toHaveLength(0);
  });

  it('is never retried, while reads are', async () => {
    const unavailable = () => new Response('busy', { status: 503 });
    const create = stubFetch(unavailable);
    const error = await rejection(
      createCryptoCloud({ ...credentials, fetch: create }).invoice.create({ amount: 1 }),
    );
    expect(PayApiError.isInstance(error) && error.status).toBe(503);
    expect(create.calls).toHaveLength(1);
    const info = stubFetch(unavailable, () =>
      jsonResponse({ status: 'success', result: [created.result] }),
    );
    const invoices = await createCryptoCloud({ ...credentials, fetch: info }).invoice.info({
      uuids: ['INV-XXXXXXXX'],
    });
    expect(invoices).toHaveLength(1);
    expect(info.calls).toHaveLength(2);
  });

  it('stops when the caller aborts', async () => {
    const controller = new AbortController();
    const cryptocloud = createCryptoCloud({ ...credentials, fetch: stubFetch(hangUntilAborted) });
    const pending = cryptocloud.invoice.create({ amount: 1 }, { signal: controller.signal });
    controller.abort();
    const error = await rejection(pending);
    expect(PayNetworkError.isInstance(error) && error.aborted).toBe(true);
  });
});

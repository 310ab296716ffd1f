import { PayApiError, PayConfigError, PayNetworkError, PayValidationError } from '@pay/core';
import { hangUntilAborted, jsonResponse, stubFetch } from '@pay/core/testing';
import { describe, expect, it } from 'vitest';
import { createCryptoCloud } from './cryptocloud-client.ts';

const credentials = { apiKey: 'project_api_key_1', shopId: 'Shop42' };
const created = {
  status: 'success',
  result: { uuid: 'INV-XXXXXXXX', status: 'created', amount: 100.0, fee: 1.4, link: 'https://p/X' },
};

async function rejection(pending: Promise<unknown>): Promise<unknown> {
  return pending.then(
    () => {
      throw new Error('expected a rejection');
    },
    (caught: unknown) => caught,
  );
}

describe('createCryptoCloud', () => {
  it.each(['apiKey', 'shopId'] as const)('refuses a missing %s', (setting) => {
    expect(() => createCryptoCloud({ ...credentials, [setting]: '' })).toThrow(PayConfigError);
    expect(() => createCryptoCloud({ ...credentials, [setting]: ' ' })).toThrow(`\`${setting}\``);
  });

  it.each(['secretKey', 'withdrawalApiKey'] as const)('refuses an empty %s', (setting) => {
    expect(() => createCryptoCloud({ ...credentials, [setting]: '' })).toThrow(`\`${setting}\``);
  });

  it.each(['apiKey', 'withdrawalApiKey'] as const)(
    'refuses a %s no HTTP header can carry, without echoing it',
    (setting) => {
      const create = () => createCryptoCloud({ ...credentials, [setting]: 'key\r\nx-evil: 1' });
      expect(create).toThrow(PayConfigError);
      expect(create).toThrow(`\`${setting}\``);
      expect(create).not.toThrow('x-evil');
    },
  );

  it('takes an optional key set to null as not set', async () => {
    const fetch = stubFetch(() => jsonResponse({}));
    const cryptocloud = createCryptoCloud({
      ...credentials,
      fetch,
      // @ts-expect-error: null from a config loader, not in the type
      withdrawalApiKey: null,
    });
    const error = await rejection(
      cryptocloud.withdrawal.create({ currency_code: 'BTC', to_address: 'x', amount: 1 }),
    );
    expect(PayConfigError.isInstance(error) && error.setting).toBe('withdrawalApiKey');
    expect(fetch.calls).toHaveLength(0);
  });

  it('refuses a negative or fractional webhookClockTolerance', () => {
    for (const webhookClockTolerance of [-1, 1.5]) {
      expect(() => createCryptoCloud({ ...credentials, webhookClockTolerance })).toThrow(
        'webhookClockTolerance',
      );
    }
  });
});

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

describe('list and statistics dates', () => {
  it('take dd.mm.yyyy calendar dates only', async () => {
    const fetch = stubFetch(() => jsonResponse({ status: 'success', result: [], all_count: 0 }));
    const cryptocloud = createCryptoCloud({ ...credentials, fetch });
    expect(await cryptocloud.invoice.list({ start: '29.02.2024', end: '31.12.2024' })).toEqual({
      result: [],
      all_count: 0,
    });
    for (const start of ['2024-01-01', '1.1.2024', '29.02.2023', '31.04.2024', '00.01.2024']) {
      const error = await rejection(cryptocloud.statistics({ start, end: '01.05.2024' }));
      expect((error as PayValidationError).issues[0]?.path).toBe('start');
    }
    const tooMany = await rejection(
      cryptocloud.invoice.list({ start: '01.01.2024', end: '02.01.2024', limit: 101 }),
    );
    expect((tooMany as PayValidationError).issues[0]?.path).toBe('limit');
    expect(fetch.calls).toHaveLength(1);
  });
});

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

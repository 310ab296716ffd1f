import { PayConfigError, PayNetworkError, PayValidationError } from '@pay/core';
import { hangUntilAborted, jsonResponse, stubFetch } from '@pay/core/testing';
import { describe, expect, it } from 'vitest';
import { createCrystalPay } from './crystalpay-client.ts';

const credentials = { login: 'shop_login', secret: 'shop_secret_abc', salt: 'shop_salt_xyz' };
const created = {
  error: false,
  errors: [],
  id: '123456789_abcdefghij',
  url: 'https://pay.crystalpay.io/?i=123456789_abcdefghij',
  rub_amount: '8146',
  currency: 'USD',
  amount: '100',
  type: 'topup',
  subtract_from: 'amount',
};

describe('createCrystalPay', () => {
  it.each(['login', 'secret', 'salt'] as const)('refuses a missing %s', (setting) => {
    expect(() => createCrystalPay({ ...credentials, [setting]: '' })).toThrow(PayConfigError);
    expect(() => createCrystalPay({ ...credentials, [setting]: '' })).toThrow(`\`${setting}\``);
  });

  it('refuses a baseUrl that is not http(s)', () => {
    expect(() => createCrystalPay({ ...credentials, baseUrl: 'file:///etc' })).toThrow(
      'setting `baseUrl`',
    );
  });
});

describe('invoice.create', () => {
  it('posts to the documented path under a prefixed baseUrl with the credentials in the body', async () => {
    const fetch = stubFetch(() => jsonResponse(created));
    const crystalpay = createCrystalPay({
      ...credentials,
      fetch,
      baseUrl: 'http://127.0.0.1:4010/crystalpay/',
    });
    const invoice = await crystalpay.invoice.create({ amount: 100, type: 'topup', lifetime: 60 });
    // Compile-time: documented fields keep their types (not `unknown`).
    const typed: { id: string; url: string; amount: string | null } = invoice;
    expect(typed.id).toBe(created.id);
    expect(invoice).toEqual({
      id: created.id,
      url: created.url,
      rub_amount: '8146',
      currency: 'USD',
      amount: '100',
      type: 'topup',
      subtract_from: 'amount',
    });
    expect(fetch.calls[0]?.url).toBe('http://127.0.0.1:4010/crystalpay/v3/invoice/create/');
    expect(JSON.parse(fetch.calls[0]?.body ?? '')).toEqual({
      auth_login: 'shop_login',
      auth_secret: 'shop_secret_abc',
      amount: 100,
      type: 'topup',
      lifetime: 60,
    });
  });

  it('sends the amount as a JSON number with exactly the canonical digits, never via a float', async () => {
    const fetch = stubFetch(() => jsonResponse(created));
    const crystalpay = createCrystalPay({ ...credentials, fetch });
    await crystalpay.invoice.create({
      amount: '12345678901234567.10',
      type: 'purchase',
      lifetime: 5,
    });
    expect(fetch.calls[0]?.body).toContain('"amount":12345678901234567.1,');
  });

  it('reports every bad field at once and sends nothing', async () => {
    const fetch = stubFetch(() => jsonResponse(created));
    const crystalpay = createCrystalPay({ ...credentials, fetch });
    const error = await crystalpay.invoice
      // @ts-expect-error: wrong on purpose
      .create({ amount: 0, type: 'gift', lifetime: 60, callback_url: 'not a url' })
      .catch((caught: unknown) => caught);
    expect(PayValidationError.isInstance(error)).toBe(true);
    const paths = (error as PayValidationError).issues.map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['amount', 'type', 'callback_url']));
    expect(fetch.calls).toHaveLength(0);
  });

  it('nulls documented fields the response leaves out and keeps unknown ones', async () => {
    const fetch = stubFetch(() =>
      jsonResponse({
        error: false,
        errors: [],
        id: 'i1',
        url: 'https://p/?i=i1',
        rub_amount: 1,
        type: 'topup',
        extra_field: 1,
      }),
    );
    const invoice = await createCrystalPay({ ...credentials, fetch }).invoice.create({
      amount: 1,
      type: 'topup',
      lifetime: 1,
    });
    expect(invoice).toMatchObject({
      id: 'i1',
      rub_amount: '1',
      currency: null,
      amount: null,
      subtract_from: null,
      extra_field: 1,
    });
    expect(invoice).not.toHaveProperty('error');
  });

  it('stops when the caller aborts', async () => {
    const controller = new AbortController();
    const crystalpay = createCrystalPay({ ...credentials, fetch: stubFetch(hangUntilAborted) });
    const pending = crystalpay.invoice.create(
      { amount: 1, type: 'topup', lifetime: 1 },
      { signal: controller.signal },
    );
    controller.abort();
    const error = await pending.catch((caught: unknown) => caught);
    expect(PayNetworkError.isInstance(error)).toBe(true);
    expect((error as PayNetworkError).aborted).toBe(true);
  });
});

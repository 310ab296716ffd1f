import { PayConfigError, PayValidationError } from '@pay/core';
import { jsonResponse, stubFetch } from '@pay/core/testing';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { createPayinPayoutShop, type PayinPayoutShopSettings } from './payin-payout-shop-client.ts';

const settings = { agentId: 8686, secret: 'shop_phrase_7f3a', now: () => 1263118323_000 };
const payment = {
  orderId: '87876',
  agentName: 'Superstore',
  amount: '166.70',
  goods: 'Notebook',
  email: 'user@example.ru',
  phone: '79090000001',
};

function shopAnswering(body: unknown, status = 200) {
  const fetch = stubFetch(() => jsonResponse(body, status));
  return { shop: createPayinPayoutShop({ ...settings, fetch }), fetch };
}

const sent = (fetch: ReturnType<typeof stubFetch>) =>
  Object.fromEntries(new URLSearchParams(fetch.calls[0]?.body));

describe('createPayinPayoutShop settings', () => {
  it.each([
    [{ agentId: 0 }, 'agentId'],
    [{ agentId: 1_000_000 }, 'agentId'],
    [{ agentId: undefined }, 'agentId'],
    [{ secret: '' }, 'secret'],
    [{ timeZone: 'Mars/Olympus' }, 'timeZone'],
  ])('refuses %o', (override, setting) => {
    const create = () =>
      createPayinPayoutShop({ ...settings, ...override } as unknown as PayinPayoutShopSettings);
    expect(create).toThrow(PayConfigError);
    expect(create).toThrow(`\`${setting}\``);
  });
});

describe('shop.paymentForm', () => {
  it('builds the form, a GET link and PHP-style purchase fields, sending nothing', () => {
    const { shop, fetch } = shopAnswering({});
    const form = shop.shop.paymentForm({
      ...payment,
      currency: 'RUR',
      addInfo_1: 'addinf1',
      purchase: {
        products: [
          {
            name: 'Ананас',
            price: 50,
            quantity: 1,
            vat: '0.18',
            unit: 'kg',
            discount: { type: 'amount', value: 0 },
          },
        ],
      },
    });
    expect(form.action).toBe('https://lk.payin-payout.net/api/shop');
    expect(form.method).toBe('POST');
    expect(form.fields).toMatchObject({
      agentId: '8686',
      addInfo_1: 'addinf1',
      'purchase[products][0][name]': 'Ананас',
      'purchase[products][0][vat]': '0.18',
      'purchase[products][0][discount][value]': '0',
    });
    expect(Object.keys(form.fields).at(-1)).toBe('sign');
    expect(Object.fromEntries(new URL(form.url).searchParams)).toEqual(form.fields);
    expect(fetch.calls).toHaveLength(0);
  });

  it('refuses RUB, a third decimal, a short phone and unknown fields, all at once', () => {
    const { shop } = shopAnswering({});
    const build = () =>
      shop.shop.paymentForm({
        ...payment,
        currency: 'RUB',
        amount: '166.705',
        phone: '12345',
        // @ts-expect-error: not a documented field
        bonus: 'x',
      });
    expect(build).toThrow(PayValidationError);
    expect(build).toThrow(/RUR, not RUB/);
    expect(build).toThrow(/at most 2 decimal places/);
    expect(build).toThrow(/11 or more digits/);
    expect(build).toThrow(/unknown field `bonus`/);
  });
});

describe('requests', () => {
  it('shop.createInvoice posts the form with format=json and returns the invoice number', async () => {
    const { shop, fetch } = shopAnswering({
      status: true,
      result: { number: '007978-000367', payment_id: '64409489281234' },
    });
    await expect(shop.shop.createInvoice(payment)).resolves.toEqual({
      number: '007978-000367',
      payment_id: '64409489281234',
    });
    expect(fetch.calls[0]?.url).toBe('https://lk.payin-payout.net/api/shop');
    expect(sent(fetch)).toMatchObject({ format: 'json', amount: '166.70', agentId: '8686' });
  });

  it('shop.createP2pInvoice maps a duplicate orderId', async () => {
    const { shop } = shopAnswering({
      status: false,
      user_msg: 'Error: Error! OrderId already exists.',
    });
    await expect(shop.shop.createP2pInvoice({ ...payment, p2p_type: 'SBP' })).rejects.toMatchObject(
      {
        providerCode: 'duplicate_order_id',
        providerMessage: 'Error: Error! OrderId already exists.',
      },
    );
  });

  it('rpay.pay requires the token and the method, and signs them', async () => {
    const { shop, fetch } = shopAnswering({ status: true, result: 'Запрос успешно отправлен.' });
    // @ts-expect-error: token and preference are required here
    await expect(shop.rpay.pay(payment)).rejects.toThrow(PayValidationError);
    const paid = await shop.rpay.pay({ ...payment, token: 'tok_1', preference: 125 });
    expect(paid).toEqual({ status: true, result: 'Запрос успешно отправлен.', url: null });
    expect(fetch.calls[0]?.url).toBe('https://lk.payin-payout.net/api/rpay/pay');
    expect(sent(fetch)).toMatchObject({ token: 'tok_1', preference: '125' });
  });

  it('reads a token error given as `result` text', async () => {
    const { shop } = shopAnswering({ status: false, result: 'Неверная сигнатура.' });
    await expect(shop.rpay.token({ orderId: '87876' })).rejects.toMatchObject({
      providerCode: 'bad_signature',
      providerMessage: 'Неверная сигнатура.',
    });
  });

  it('getProvidersPay needs no params and reads the bare list', async () => {
    const method = {
      id: 3,
      slug: 'terminals_ru',
      title: 'Терминалы РФ',
      preference: 2,
      enabled: true,
      enable: false,
    };
    const { shop, fetch } = shopAnswering([method]);
    const [listed] = await shop.shop.getProvidersPay();
    expect(listed).toEqual(method);
    expect(Object.keys(sent(fetch))).toEqual(['agentId', 'agentTime', 'sign']);
    // Every field the docs list is required in the result type: no `!` needed.
    expectTypeOf(listed!.preference).toEqualTypeOf<number>();
    expectTypeOf(listed!.title).toEqualTypeOf<string>();
  });

  it('rpay v2 calls sign agentId#preference and take no agentTime', async () => {
    const { shop, fetch } = shopAnswering({
      status: true,
      result: { token: 't', status: 'SUCCEEDED', error: null },
    });
    await shop.rpay.getStatusToken({ preference: 133, token: 't' });
    expect(fetch.calls[0]?.url).toBe('https://lk.payin-payout.net/api/rpay/get-status-token');
    expect(sent(fetch)).not.toHaveProperty('agentTime');
  });
});

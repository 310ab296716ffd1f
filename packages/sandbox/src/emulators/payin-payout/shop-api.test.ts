import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPayinPayoutShop, shopSign } from '@pay/payin-payout';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CallbackReceiver, startCallbackReceiver } from '../../callback-receiver.ts';
import { type Sandbox, startSandbox } from '../../sandbox.ts';
import { SHOP_ACKNOWLEDGEMENT } from './shop-notifications.ts';

// The merchant shop API (family B) through `createPayinPayoutShop` and, where a check is the
// point, as plain forms signed from the docs' rule.

let sandbox: Sandbox;
let receiver: CallbackReceiver;
beforeAll(async () => {
  [sandbox, receiver] = await Promise.all([
    startSandbox({ callbackRetry: { delaysMs: [20, 20] } }),
    startCallbackReceiver(),
  ]);
  receiver.respondWith(200, SHOP_ACKNOWLEDGEMENT);
  sandbox.setWebhookUrl('payin-payout', receiver.url);
});
afterAll(async () => {
  await Promise.all([sandbox.close(), receiver.close()]);
});

function shop() {
  const { agentId, secret } = sandbox.credentials['payin-payout'];
  return createPayinPayoutShop({
    agentId: agentId!,
    secret: secret!,
    baseUrl: sandbox.baseUrls['payin-payout'],
  });
}

let sequence = 0;
const order = (overrides: Record<string, string> = {}) => ({
  orderId: `order-${++sequence}`,
  agentName: 'Superstore',
  amount: '166.70',
  goods: 'Notebook',
  email: 'user@example.ru',
  phone: '79090000001',
  ...overrides,
});

/** Posts fields signed over `signed` (`sign` given wins), as a shop's server would. */
async function post(path: string, fields: Record<string, string>, signed: string[]) {
  const { agentId, secret } = sandbox.credentials['payin-payout'];
  const all: Record<string, string> = { agentId: agentId!, ...fields };
  const sign = shopSign(
    signed.flatMap((name) => (all[name] === undefined ? [] : [all[name]])),
    secret!,
  );
  return fetch(`${sandbox.baseUrls['payin-payout']}/${path}`, {
    method: 'POST',
    body: new URLSearchParams({ ...all, sign, ...(fields.sign ? { sign: fields.sign } : {}) }),
    redirect: 'manual',
  });
}
const REGISTRATION = ['agentId', 'orderId', 'agentTime', 'amount', 'phone', 'token'];
const AGENT_TIME = '13:12:03 10.01.2010';

describe('Payin-payout shop API: invoices', () => {
  it('JSON terminal invoice: number and payment_id; the payment is the pay page’s', async () => {
    const created = await shop().shop.createInvoice(order({ orderId: 'terminal-1' }));
    expect(created).toEqual({
      number: expect.stringMatching(/^008686-\d{6}$/),
      payment_id: expect.stringMatching(/^\d{14}$/),
    });
    const held = sandbox.invoices('payin-payout').find((it) => it.id === created.payment_id);
    expect(held).toMatchObject({ amount: '166.70', currency: 'RUR', state: 'created' });
  });

  it('refuses a wrong sign, another agent, a bad amount or phone, in {status, user_msg}', async () => {
    const fields = { ...order(), agentTime: AGENT_TIME, format: 'json' };
    const bad = async (overrides: Record<string, string>) =>
      (await post('api/shop', { ...fields, ...overrides }, REGISTRATION)).json();
    expect(await bad({ sign: '0'.repeat(32) })).toEqual({
      status: false,
      user_msg: 'Неверная сигнатура.',
    });
    expect(await bad({ agentId: '9999' })).toMatchObject({ user_msg: 'Неверная сигнатура.' });
    expect(await bad({ amount: '166.7' })).toMatchObject({ user_msg: 'Неверный формат суммы' });
    expect(await bad({ phone: '123' })).toMatchObject({
      user_msg: 'Неверный формат телефона покупателя',
    });
    expect(await bad({ currency: 'RUB' })).toMatchObject({ user_msg: 'Неверный формат валюты' });
    expect(await bad({ goods: '' })).toMatchObject({ user_msg: 'Не заполнено поле goods' });
  });

  it('p2p: a card for ANY, a receiver for SBP; an orderId used before is refused', async () => {
    const client = shop();
    const any = await client.shop.createP2pInvoice({
      ...order({ orderId: 'p2p-1' }),
      p2p_type: 'ANY',
    });
    expect(any).toMatchObject({
      amount: '166.7',
      orderId: 'p2p-1',
      number: expect.stringMatching(/^008686-/),
      until: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\+0000$/),
      cardNumber: expect.stringMatching(/^\d{16}$/),
    });
    const sbp = await client.shop.createP2pInvoice({
      ...order({ orderId: 'p2p-2' }),
      p2p_type: 'SBP',
      sender_name: 'Иван Петров',
    });
    expect(sbp).toMatchObject({ receiverBank: 'SBERBANK', receiverPhone: expect.any(String) });
    await expect(
      client.shop.createP2pInvoice({ ...order({ orderId: 'p2p-1' }), p2p_type: 'SBP' }),
    ).rejects.toMatchObject({ providerCode: 'duplicate_order_id' });
    const response = await post(
      'api/shop',
      { ...order(), agentTime: AGENT_TIME, json: '1', p2p_type: 'CASH' },
      REGISTRATION,
    );
    expect(await response.json()).toMatchObject({ status: false, user_msg: expect.any(String) });
  });

  it('the registration form (GET link or POST) redirects to the pay page; reopening reuses it', async () => {
    const form = shop().shop.paymentForm(order({ orderId: 'form-1' }));
    const first = await fetch(form.url, { redirect: 'manual' });
    expect(first.status).toBe(302);
    const page = first.headers.get('location')!;
    expect(page).toMatch(new RegExp(`^${sandbox.url}/_sandbox/pay/payin-payout/\\d{14}$`));
    const again = await fetch(form.action, {
      method: 'POST',
      body: new URLSearchParams(form.fields),
      redirect: 'manual',
    });
    expect(again.headers.get('location')).toBe(page);
    expect(await (await fetch(page)).text()).toContain('166.70 RUR');
  });

  it('a refused registration goes to failUrl with error, else the error 250 page', async () => {
    const fields = {
      ...order(),
      agentTime: AGENT_TIME,
      failUrl: 'https://shop.example/fail?x=1',
      sign: 'bad',
    };
    const toFail = await post('api/shop', fields, REGISTRATION);
    expect(toFail.status).toBe(302);
    const location = new URL(toFail.headers.get('location')!);
    expect(location.origin + location.pathname).toBe('https://shop.example/fail');
    expect(location.searchParams.get('error')).toBe('Неверная сигнатура.');
    const { failUrl: _, ...withoutFailUrl } = fields;
    const page = await post('api/shop', withoutFailUrl, REGISTRATION);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Ошибка 250');
  });
});

describe('Payin-payout shop API: notifications', () => {
  it('partly paid (3, cumulative amount), then paid (1): signed, verified, XML-acknowledged', async () => {
    const client = shop();
    const created = await client.shop.createInvoice(
      order({ orderId: 'notify-1', addInfo_1: 'mine', preference: '2' }),
    );
    await sandbox.act('payin-payout', created.payment_id, 'pay-partial');
    const partial = await client.webhooks.verify(await receiver.next());
    expect(partial).toMatchObject({
      orderId: 'notify-1',
      paymentId: created.payment_id,
      amount: '83.35',
      paymentStatus: '3',
      statusName: 'partially_paid',
      addInfo_1: 'mine',
      preference: '2',
      currency: 'RUR',
      inputId: created.number,
    });
    const result = await sandbox.act('payin-payout', created.payment_id, 'pay');
    expect(result).toMatchObject({ ok: true, callback: { status: 200, acknowledged: true } });
    const paid = await client.webhooks.verify(await receiver.next());
    expect(paid).toMatchObject({ amount: '166.70', paymentStatus: '1', statusName: 'paid' });
  });

  it('failed sends 2; expired sends nothing; only the exact XML reply acknowledges', async () => {
    const client = shop();
    const failing = await client.shop.createInvoice(order());
    await sandbox.act('payin-payout', failing.payment_id, 'fail');
    expect(await client.webhooks.verify(await receiver.next())).toMatchObject({
      paymentStatus: '2',
      amount: '166.70',
    });
    const expiring = await client.shop.createInvoice(order());
    expect(await sandbox.act('payin-payout', expiring.payment_id, 'expire')).toMatchObject({
      ok: true,
      callback: undefined,
    });
    receiver.respondWith(200, '{"result":true}');
    try {
      const paying = await client.shop.createInvoice(order());
      const first = await sandbox.act('payin-payout', paying.payment_id, 'pay');
      expect(first).toMatchObject({ callback: { status: 200, acknowledged: false } });
      const sent = await receiver.next();
      receiver.respondWith(200, await client.webhooks.acknowledge().text());
      expect((await receiver.next()).body).toBe(sent.body);
    } finally {
      receiver.respondWith(200, SHOP_ACKNOWLEDGEMENT);
      await sandbox.callbacksSettled();
    }
  });

  it('a redirect, even to the right reply, counts as undelivered', async () => {
    const server = createServer((request, response) => {
      if (request.url === '/ack') {
        response.writeHead(200, { 'content-type': 'text/xml' }).end(SHOP_ACKNOWLEDGEMENT);
      } else {
        response.writeHead(302, { location: '/ack' }).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    sandbox.setWebhookUrl('payin-payout', `http://127.0.0.1:${port}/notify`);
    try {
      const created = await shop().shop.createInvoice(order());
      await sandbox.act('payin-payout', created.payment_id, 'pay');
      await sandbox.callbacksSettled();
      const held = sandbox.invoices('payin-payout').find((it) => it.id === created.payment_id)!;
      expect(held.callbacks.map(({ status, acknowledged }) => ({ status, acknowledged }))).toEqual(
        Array(3).fill({ status: 302, acknowledged: false }),
      );
    } finally {
      sandbox.setWebhookUrl('payin-payout', receiver.url);
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('goes to providerOptions shopWebhookUrl when set', async () => {
    const own = await startCallbackReceiver();
    const other = await startSandbox({
      providerOptions: { 'payin-payout': { shopWebhookUrl: own.url } },
      webhookUrls: { 'payin-payout': 'http://127.0.0.1:9/unused' },
    });
    try {
      own.respondWith(200, SHOP_ACKNOWLEDGEMENT);
      const { agentId, secret } = other.credentials['payin-payout'];
      const client = createPayinPayoutShop({
        agentId: agentId!,
        secret: secret!,
        baseUrl: other.baseUrls['payin-payout'],
      });
      const created = await client.shop.createInvoice(order());
      await other.act('payin-payout', created.payment_id, 'pay');
      expect(await client.webhooks.verify(await own.next())).toMatchObject({ paymentStatus: '1' });
    } finally {
      await Promise.all([other.close(), own.close()]);
    }
    await expect(
      startSandbox({ providerOptions: { 'payin-payout': { shopWebhookUrl: 'ftp://x' } } }),
    ).rejects.toThrow('shopWebhookUrl');
  });
});

describe('Payin-payout shop API: payment methods and recurring tokens', () => {
  it('get-providers-pay lists methods with every documented field; a wrong sign is refused', async () => {
    const methods = await shop().shop.getProvidersPay();
    expect(methods.length).toBeGreaterThan(0);
    for (const method of methods) {
      expect(Object.keys(method).sort()).toEqual(
        [
          'big_icon',
          'descr',
          'disabled',
          'enable',
          'enabled',
          'hg_id',
          'icon',
          'id',
          'name',
          'non_interactive',
          'preference',
          'slug',
          'special',
          'title',
        ].sort(),
      );
    }
    const response = await post(
      'shop/get-providers-pay',
      { agentTime: AGENT_TIME, sign: 'f'.repeat(32) },
      ['agentId', 'agentTime'],
    );
    expect(await response.json()).toEqual({ status: false, result: 'Неверная сигнатура.' });
  });

  it('v1: a token only for a paid order; a charge by it is a payment of its own', async () => {
    const client = shop();
    await expect(client.rpay.token({ orderId: 'never-created' })).rejects.toMatchObject({
      providerMessage: 'Платеж не найден.',
    });
    const created = await client.shop.createInvoice(order({ orderId: 'card-1' }));
    await expect(client.rpay.token({ orderId: 'card-1' })).rejects.toMatchObject({
      providerMessage: 'Платеж не оплачен.',
    });
    await sandbox.act('payin-payout', created.payment_id, 'pay');
    await receiver.next();
    const { result: token } = await client.rpay.token({ orderId: 'card-1' });
    expect(token).toMatch(/^[a-z0-9]{32}$/);
    const charge = await client.rpay.pay({
      ...order({ orderId: 'card-1-again' }),
      token,
      preference: 125,
    });
    expect(charge).toEqual({ status: true, result: 'Запрос успешно отправлен.', url: null });
    const held = sandbox
      .invoices('payin-payout')
      .find((it) => (it.fields as { form: { orderId?: string } }).form.orderId === 'card-1-again')!;
    await sandbox.act('payin-payout', held.id, 'pay');
    expect(await client.webhooks.verify(await receiver.next())).toMatchObject({
      orderId: 'card-1-again',
      preference: '125',
      paymentStatus: '1',
    });
    await expect(
      client.rpay.pay({ ...order(), token: 'unknown', preference: 125 }),
    ).rejects.toMatchObject({ providerMessage: 'Неверный формат токена' });
  });

  it('v2: get-token → not confirmed → the payer confirms on the page → SUCCEEDED → charge', async () => {
    const client = shop();
    const { token, client_redirect_url } = await client.rpay.getToken({
      preference: 133,
      successUrl: 'https://shop.example/ok',
      cancelUrl: 'https://shop.example/cancel',
    });
    expect(client_redirect_url).toBe(`${sandbox.url}/_sandbox/pay/payin-payout/${token}`);
    expect(await client.rpay.getStatusToken({ preference: 133, token })).toEqual({
      token,
      status: 'not confirmed',
      error: null,
    });
    await expect(client.rpay.pay({ ...order(), token, preference: 133 })).rejects.toMatchObject({
      providerMessage: 'Неверный текущий статус платежа',
    });
    expect(await sandbox.act('payin-payout', token, 'pay')).toMatchObject({
      ok: true,
      status: 'SUCCEEDED',
      callback: undefined,
    });
    expect(await client.rpay.getStatusToken({ preference: 133, token })).toMatchObject({
      status: 'SUCCEEDED',
    });
    await expect(client.rpay.pay({ ...order(), token, preference: 133 })).resolves.toMatchObject({
      status: true,
    });
    await expect(
      client.rpay.getToken({
        preference: 2,
        successUrl: 'https://shop.example/ok',
        cancelUrl: 'https://shop.example/cancel',
      }),
    ).rejects.toMatchObject({ providerMessage: 'Неверный формат способа оплаты' });
    await expect(
      client.rpay.getStatusToken({ preference: 133, token: 'unknown' }),
    ).rejects.toMatchObject({ providerMessage: 'Токен не найден.' });
  });

  it('with providerOptions rpay3ds a charge answers the 3-D Secure page', async () => {
    const other = await startSandbox({ providerOptions: { 'payin-payout': { rpay3ds: true } } });
    try {
      const { agentId, secret } = other.credentials['payin-payout'];
      const client = createPayinPayoutShop({
        agentId: agentId!,
        secret: secret!,
        baseUrl: other.baseUrls['payin-payout'],
      });
      const { token } = await client.rpay.getToken({
        preference: 133,
        successUrl: 'https://shop.example/ok',
        cancelUrl: 'https://shop.example/cancel',
      });
      await other.act('payin-payout', token, 'pay');
      const charge = await client.rpay.pay({ ...order(), token, preference: 133 });
      expect(charge).toMatchObject({
        result: 'Для завершения транзакции необходимо перейти по адресу.',
        url: expect.stringContaining('/_sandbox/pay/payin-payout/'),
      });
    } finally {
      await other.close();
    }
  });

  it('an unknown shop path says it is not emulated', async () => {
    const response = await post('api/rpay/refund', { orderId: '1' }, ['agentId', 'orderId']);
    expect(response.status).toBe(404);
    const body = await fetch(`${sandbox.baseUrls['payin-payout']}/api/rpay/refund`, {
      method: 'POST',
      headers: { accept: 'application/json' },
    });
    expect(await body.json()).toMatchObject({
      status: false,
      user_msg: 'not emulated by @pay/sandbox: api/rpay/refund',
    });
  });
});

import { PayApiError } from '@pay/core';
import { createCryptoCloud } from '@pay/cryptocloud';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CallbackReceiver, startCallbackReceiver } from '../../callback-receiver.ts';
import { type Sandbox, startSandbox } from '../../sandbox.ts';
import { cryptocloudEmulator } from './index.ts';

let sandbox: Sandbox;
let receiver: CallbackReceiver;
beforeAll(async () => {
  receiver = await startCallbackReceiver();
  // CryptoCloud posts to the project's notification URL, not to one per invoice.
  sandbox = await startSandbox({ webhookUrls: { cryptocloud: receiver.url } });
});
afterAll(async () => {
  await sandbox.close();
  await receiver.close();
});

type Credentials = { apiKey: string; shopId: string; secretKey: string };
const credentials = () => sandbox.credentials.cryptocloud as Credentials;

/** A raw call: `body` sent as is (a string) or as JSON, with the sandbox key unless `authorization` overrides it. */
async function call(path: string, body?: unknown, authorization?: string | null) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const auth = authorization === undefined ? `Token ${credentials().apiKey}` : authorization;
  if (auth !== null) headers.authorization = auth;
  const response = await fetch(`${sandbox.baseUrls.cryptocloud}/${path}`, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body ?? {}),
  });
  const text = await response.text();
  return { status: response.status, text, json: text ? (JSON.parse(text) as unknown) : undefined };
}

/** A raw `invoice/create` of a valid invoice, with `fields` changed. */
const create = (fields: Record<string, unknown> = {}, authorization?: string | null) =>
  call(
    'v2/invoice/create',
    { shop_id: credentials().shopId, amount: 10, ...fields },
    authorization,
  );
const error = (status: number, result: Record<string, string>) => ({
  status,
  json: { status: 'error', result },
});

describe('CryptoCloud emulator rejects what CryptoCloud rejects', () => {
  it('a request without `Authorization: Token <key>`: 401 with the documented body', async () => {
    const unauthorized = error(401, { authorization: 'Unauthorized request.' });
    expect(await create({}, null)).toMatchObject(unauthorized);
    expect(await create({}, `Bearer ${credentials().apiKey}`)).toMatchObject(unauthorized);
  });

  it('a key that is not the project key: 403 `detail`, as for a JWT that fails to decode or verify', async () => {
    expect(await create({}, 'Token wrong')).toMatchObject({
      status: 403,
      json: { detail: 'Invalid header padding' },
    });
    const otherJwt = `${Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url')}.e30.c2ln`;
    expect(await call('v2/invoice/merchant/info', { uuids: ['X'] }, `Token ${otherJwt}`)).toEqual(
      expect.objectContaining({ status: 403, json: { detail: 'Signature verification failed' } }),
    );
  });

  it('create without its required fields names each one', async () => {
    const answer = await call('v2/invoice/create', {});
    expect(answer).toMatchObject(
      error(400, { shop_id: 'This field is required.', amount: 'This field is required.' }),
    );
  });

  it('create with another project, a bad amount or a currency outside the list', async () => {
    expect(await create({ shop_id: 'another_shop' })).toMatchObject(
      error(400, { shop_id: 'Shop not found.' }),
    );
    for (const amount of [0, -5, 'ten']) {
      expect(await create({ amount })).toMatchObject(
        error(400, { amount: 'A valid positive number is required.' }),
      );
    }
    // A param sent as `null` is absent: a required one is missing, an optional one ignored.
    expect(await create({ amount: null })).toMatchObject(
      error(400, { amount: 'This field is required.' }),
    );
    expect(
      await create({ currency: null, order_id: null, email: null, add_fields: null }),
    ).toMatchObject({ status: 200, json: { status: 'success', result: { fiat_currency: 'USD' } } });
    expect(await create({ currency: 'XYZ' })).toMatchObject(
      error(400, { currency: '"XYZ" is not a valid choice.' }),
    );
  });

  it('a body that is not a JSON object', async () => {
    expect(await call('v2/invoice/create', '{')).toMatchObject(
      error(400, { validate_error: 'Invalid JSON body' }),
    );
  });

  it('info without uuids, with more than 100, and with an unknown one', async () => {
    const required = error(400, { validate_error: 'uuid is required' });
    expect(await call('v2/invoice/merchant/info', {})).toMatchObject(required);
    expect(await call('v2/invoice/merchant/info', { uuids: [] })).toMatchObject(required);
    const many = Array.from({ length: 101 }, (_, index) => `INV-${index}`);
    expect(await call('v2/invoice/merchant/info', { uuids: many })).toMatchObject(
      error(400, { validate_error: 'Max 100 uuids' }),
    );
    // An unknown id is left out of the result: nothing is invented.
    expect(await call('v2/invoice/merchant/info', { uuids: ['INV-NOSUCH00'] })).toMatchObject({
      status: 200,
      json: { status: 'success', result: [] },
    });
  });

  it('cancel without uuid, of an unknown invoice, and of one that is no longer `created`', async () => {
    expect(await call('v2/invoice/merchant/canceled', {})).toMatchObject(
      error(400, { validate_error: 'uuid is required' }),
    );
    expect(await call('v2/invoice/merchant/canceled', { uuid: 'INV-NOSUCH00' })).toMatchObject(
      error(400, { validate_error: 'Invoice not found' }),
    );
    const { uuid } = ((await create()).json as { result: { uuid: string } }).result;
    await sandbox.act('cryptocloud', uuid, 'expire'); // no postback: the receiver stays clear
    expect(await call('v2/invoice/merchant/canceled', { uuid })).toMatchObject(
      error(400, { validate_error: 'Invoice is not created' }),
    );
  });

  it('list and statistics without dates, with dates not written dd.mm.yyyy, and with a page over 100', async () => {
    expect(await call('v2/invoice/merchant/list', {})).toMatchObject(
      error(400, { start: 'This field is required.', end: 'This field is required.' }),
    );
    expect(
      await call('v2/invoice/merchant/statistics', { start: '2026-01-01', end: '31.02.2026' }),
    ).toMatchObject(
      error(400, {
        start: 'Date has wrong format. Use dd.mm.yyyy.',
        end: 'Date has wrong format. Use dd.mm.yyyy.',
      }),
    );
    expect(
      await call('v2/invoice/merchant/list', {
        start: '01.01.2026',
        end: '31.01.2026',
        limit: 101,
      }),
    ).toMatchObject(error(400, { limit: 'Ensure this value is from 1 to 100.' }));
  });

  it('an unknown path: says it is not emulated, in the error envelope', async () => {
    expect(await call('v2/invoice/merchant/nothing', {})).toMatchObject(
      error(404, { sandbox: 'not emulated by @pay/sandbox: POST /v2/invoice/merchant/nothing' }),
    );
    expect(await call('v3/anything', {})).toMatchObject(
      error(404, { sandbox: 'not emulated by @pay/sandbox: POST /v3/anything' }),
    );
  });

  it('legacy v1 create: 401 `Unauthenticated.`, 400 with no body for what it cannot create', async () => {
    const valid = { shop_id: credentials().shopId, amount: 5 };
    expect(await call('v1/invoice/create', valid, 'Token wrong')).toMatchObject({
      status: 401,
      json: { message: 'Unauthenticated.' },
    });
    for (const bad of [
      { amount: 5 },
      { shop_id: credentials().shopId },
      { ...valid, currency: 'JPY' },
    ]) {
      expect(await call('v1/invoice/create', bad)).toMatchObject({ status: 400, text: '' });
    }
    expect(await call('v1/invoice/create', valid)).toMatchObject({
      status: 200,
      json: {
        status: 'success',
        currency: 'BTC',
        invoice_id: expect.stringMatching(/^[A-Z0-9]{8}$/),
      },
    });
  });

  it('keeps amounts exact: the digits sent are the digits answered, as JSON numbers', async () => {
    const answer = await call(
      'v2/invoice/create',
      `{"shop_id":"${credentials().shopId}","amount":1234567.123456789012345678}`,
    );
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('"amount":1234567.123456789012345678,');
  });
});

/** An SDK client on the sandbox. */
function client(overrides: Partial<Credentials> = {}, target = sandbox) {
  return createCryptoCloud({
    ...(target.credentials.cryptocloud as Credentials),
    ...overrides,
    baseUrl: target.baseUrls.cryptocloud,
  });
}

describe('CryptoCloud end to end through the SDK', () => {
  it('create → pay → signed postback → verify → info shows paid', async () => {
    const cryptocloud = client();
    const invoice = await cryptocloud.invoice.create({
      amount: '250.75',
      currency: 'EUR',
      order_id: 'order-7',
    });
    expect(invoice).toMatchObject({ status: 'created', amount: '250.75', fiat_currency: 'EUR' });
    expect(invoice.link).toBe(`${sandbox.url}/_sandbox/pay/cryptocloud/${invoice.uuid}`);

    const result = await sandbox.act('cryptocloud', invoice.uuid, 'pay');
    expect(result.ok && result.callback?.acknowledged).toBe(true);
    const callback = await receiver.next();
    expect(callback.headers['content-type']).toBe('application/json');

    // `verify` confirms through the sandbox's `invoice/merchant/info` by default.
    const postback = await cryptocloud.webhooks.verify(callback);
    expect(postback).toMatchObject({
      confirmed: true,
      invoice_id: invoice.uuid.replace('INV-', ''),
      status: 'paid',
      amount_crypto: '250.75',
      currency: 'USDT_TRC20',
      order_id: 'order-7',
      invoice_info: { uuid: invoice.uuid, status: 'paid' },
    });
    // The postback's own, unsigned fields, read without the API.
    const unconfirmed = await cryptocloud.webhooks.verify(callback, { confirm: false });
    expect(unconfirmed).toMatchObject({
      confirmed: false,
      status: 'paid',
      amount_crypto: '250.75',
      currency: 'USDT_TRC20',
      invoice_info: { uuid: invoice.uuid, status: 'paid' },
    });
    // Signed with the sandbox's secret key, so another key refuses it.
    await expect(
      client({ secretKey: 'another_secret' }).webhooks.verify(callback),
    ).rejects.toMatchObject({ reason: 'mismatch' });

    const [info] = await cryptocloud.invoice.info({ uuids: [invoice.uuid] });
    expect(info).toMatchObject({
      status: 'paid',
      received: '250.75',
      to_surcharge: '0',
      order_id: 'order-7',
      date_finished: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}$/),
      // Read by third-party clients.
      amount_paid: '250.75',
      amount_to_pay: '0',
      pay_url: invoice.link,
    });
  });

  it('a partial payment posts `partial`, then paying the rest posts `paid`', async () => {
    const cryptocloud = client();
    const invoice = await cryptocloud.invoice.create({
      amount: 99.99,
      add_fields: { cryptocurrency: 'BTC' },
    });
    expect(invoice.address).not.toBe('');
    await sandbox.act('cryptocloud', invoice.uuid, 'pay-partial');
    const partial = await cryptocloud.webhooks.verify(await receiver.next(), { confirm: false });
    expect(partial).toMatchObject({
      confirmed: false,
      status: 'partial',
      amount_crypto: '49.99',
      currency: 'BTC',
      invoice_info: { status: 'partial', to_surcharge: '50' },
    });
    await sandbox.act('cryptocloud', invoice.uuid, 'pay');
    const paid = await cryptocloud.webhooks.verify(await receiver.next());
    expect(paid).toMatchObject({
      confirmed: true,
      status: 'paid',
      amount_crypto: '99.99',
      invoice_info: { status: 'paid', to_surcharge: '0' },
    });
  });

  it('an expired invoice reads `canceled` and posts nothing', async () => {
    const cryptocloud = client();
    const invoice = await cryptocloud.invoice.create({ amount: 1 });
    // CryptoCloud has no failed state: the pay page has no Fail.
    expect(await sandbox.act('cryptocloud', invoice.uuid, 'fail')).toMatchObject({
      ok: false,
      httpStatus: 409,
    });
    const result = await sandbox.act('cryptocloud', invoice.uuid, 'expire');
    expect(result).toMatchObject({ ok: true, status: 'canceled', callback: undefined });
    const [info] = await cryptocloud.invoice.info({ uuids: [invoice.uuid.replace('INV-', '')] });
    expect(info?.status).toBe('canceled');
  });

  it('cancel, list, statistics and balance reflect the invoices', async () => {
    const cryptocloud = client();
    const invoice = await cryptocloud.invoice.create({ amount: '3.5', order_id: 'to-cancel' });
    expect(await cryptocloud.invoice.cancel({ uuid: invoice.uuid })).toEqual(['ok']);
    await expect(cryptocloud.invoice.cancel({ uuid: invoice.uuid })).rejects.toSatisfy(
      (failure) => PayApiError.isInstance(failure) && failure.providerCode === 'validate_error',
    );

    const today = new Date().toISOString().slice(0, 10).split('-').reverse().join('.');
    const page = await cryptocloud.invoice.list({ start: today, end: today, limit: 100 });
    expect(page.result[0]).toMatchObject({ uuid: invoice.uuid, status: 'canceled' });
    expect(page.all_count).toBe(sandbox.invoices('cryptocloud').length);

    const statistics = await cryptocloud.statistics({ start: today, end: today });
    const byStatus = (status: string) =>
      sandbox
        .invoices('cryptocloud')
        .filter((item) => cryptocloudEmulator.statusOf(item) === status);
    expect(statistics.count).toMatchObject({
      all: page.all_count,
      paid: byStatus('paid').length,
      canceled: byStatus('canceled').length,
    });

    const balances = await cryptocloud.balance.all();
    expect(balances.map((wallet) => wallet.currency?.fullcode)).toContain('USDT_TRC20');
  });

  it('form postbacks when the project is set to form, and none without a notification URL', async () => {
    const formSandbox = await startSandbox({
      webhookUrls: { cryptocloud: receiver.url },
      providerOptions: { cryptocloud: { postbackFormat: 'form' } },
    });
    try {
      const cryptocloud = client({}, formSandbox);
      const invoice = await cryptocloud.invoice.create({ amount: 7 });
      await formSandbox.act('cryptocloud', invoice.uuid, 'pay');
      const callback = await receiver.next();
      expect(callback.headers['content-type']).toBe('application/x-www-form-urlencoded');
      expect(await cryptocloud.webhooks.verify(callback)).toMatchObject({
        confirmed: true,
        amount_crypto: '7',
      });

      formSandbox.setWebhookUrl('cryptocloud', undefined);
      const unnotified = await cryptocloud.invoice.create({ amount: 7 });
      const result = await formSandbox.act('cryptocloud', unnotified.uuid, 'pay');
      expect(result).toMatchObject({ ok: true, status: 'paid', callback: undefined });
    } finally {
      await formSandbox.close();
    }
  });

  it('legacy v1 create, then info by the bare id', async () => {
    const cryptocloud = client();
    const legacy = await cryptocloud.v1.invoice.create({ amount: 12, currency: 'RUB' });
    expect(legacy.pay_url).toBe(`${sandbox.url}/_sandbox/pay/cryptocloud/INV-${legacy.invoice_id}`);
    const [info] = await cryptocloud.invoice.info({ uuids: [legacy.invoice_id] });
    expect(info).toMatchObject({ status: 'created', fiat_currency: 'RUB', amount: '12' });
  });

  it('the pay page offers Pay, Pay partially and Expire, and no Fail', async () => {
    const invoice = await client().invoice.create({ amount: 1 });
    const html = await (await fetch(invoice.link!)).text();
    for (const action of ['pay', 'pay-partial', 'expire'])
      expect(html).toContain(`data-testid="${action}"`);
    expect(html).not.toContain('data-testid="fail"');
  });
});

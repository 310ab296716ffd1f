import { createHmac } from 'node:crypto';
import { type AnyMoneySettings, createAnyMoney } from '@pay/anymoney';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CallbackReceiver, startCallbackReceiver } from '../../callback-receiver.ts';
import { type Sandbox, startSandbox } from '../../sandbox.ts';

let sandbox: Sandbox;
let receiver: CallbackReceiver;
beforeAll(async () => {
  sandbox = await startSandbox();
  receiver = await startCallbackReceiver();
});
afterAll(async () => {
  await sandbox.close();
  await receiver.close();
});

/**
 * AnyMoney's request signature, written out from the docs (https://docs.any.money/en/auth/)
 * rather than taken from the SDK:
 * the string and boolean param values sorted by key, then the time, lower-cased, HMAC-SHA512.
 */
function sign(key: string, params: Record<string, unknown>, time: string): string {
  const values = Object.keys(params)
    .sort()
    .map((name) => params[name])
    .filter((value) => typeof value === 'string' || typeof value === 'boolean')
    .join('');
  return createHmac('sha512', key).update(`${values}${time}`.toLowerCase()).digest('hex');
}

interface RawCall {
  /** Replaces or (with `undefined`) removes the headers a correct call would carry. */
  headers?: Record<string, string | undefined>;
  /** The request time. Default: now. */
  time?: string;
  /** The key the call is signed with. Default: the sandbox's API key. */
  key?: string;
  /** The body exactly as sent, instead of the JSON-RPC call. */
  body?: string;
}

/** A raw AnyMoney call, correctly signed unless `raw` spoils it. Returns the HTTP status and body. */
async function call(method: string, params: Record<string, unknown>, raw: RawCall = {}) {
  const { merchantId, apiKey } = sandbox.credentials.anymoney as Record<string, string>;
  const time = raw.time ?? String(Date.now());
  const headers: Record<string, string | undefined> = {
    'content-type': 'application/json',
    'x-merchant': merchantId,
    'x-utc-now-ms': time,
    'x-signature': sign(raw.key ?? apiKey!, params, time),
    ...raw.headers,
  };
  const response = await fetch(`${sandbox.baseUrls.anymoney}/`, {
    method: 'POST',
    headers: Object.entries(headers).filter((entry): entry is [string, string] => !!entry[1]),
    body: raw.body ?? JSON.stringify({ method, params, jsonrpc: '2.0', id: 'test-1' }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** The error AnyMoney answers, as `{ name, data }`, after checking the envelope around it. */
async function refusal(method: string, params: Record<string, unknown>, raw?: RawCall) {
  const { status, body } = await call(method, params, raw);
  expect(body.jsonrpc).toBe('2.0');
  expect(body).not.toHaveProperty('result');
  const error = body.error as { code: number; message: string; data?: unknown };
  expect(typeof error.code).toBe('number');
  return { status, name: error.message, data: error.data };
}

const invoice = (overrides: Record<string, unknown> = {}) => ({
  amount: '100.50',
  externalid: `raw-${Math.random().toString(36).slice(2)}`,
  in_curr: 'UAH',
  ...overrides,
});

describe('AnyMoney emulator: the JSON-RPC envelope and the signed headers', () => {
  it('answers a correct call, signed as the docs say, with the success envelope', async () => {
    const { status, body } = await call('balance', { curr: 'UAH' });
    expect(status).toBe(200);
    expect(body).toEqual({ result: { UAH: '0' }, id: 'test-1', jsonrpc: '2.0' });
  });

  it('a body that is not JSON, a batch, a notification, params that are not an object', async () => {
    expect(await refusal('balance', {}, { body: '{' })).toMatchObject({ name: 'Parse error' });
    const batch = JSON.stringify([{ method: 'balance', params: {}, jsonrpc: '2.0', id: '1' }]);
    expect(await refusal('balance', {}, { body: batch })).toMatchObject({
      name: 'Invalid Request',
    });
    const notification = JSON.stringify({ method: 'balance', params: {}, jsonrpc: '2.0' });
    expect(await refusal('balance', {}, { body: notification })).toMatchObject({
      name: 'Invalid Request',
      data: { reason: 'Notifications are not processed' },
    });
    const noVersion = JSON.stringify({ method: 'balance', params: {}, id: '1' });
    expect(await refusal('balance', {}, { body: noVersion })).toMatchObject({
      name: 'Invalid Request',
    });
    const listParams = JSON.stringify({ method: 'balance', params: [], jsonrpc: '2.0', id: '1' });
    expect(await refusal('balance', {}, { body: listParams })).toMatchObject({
      name: 'InvalidInputParams',
    });
  });

  it('param values other than strings and booleans (a number, a nested object)', async () => {
    expect(await refusal('invoice.create', invoice({ amount: 100.5 }))).toMatchObject({
      name: 'InvalidInputParams',
      data: { field: 'amount' },
    });
    expect(await refusal('invoice.create', invoice({ userdata: { payee: '4444' } }))).toMatchObject(
      { name: 'InvalidInputParams', data: { field: 'userdata' } },
    );
  });

  it('a missing x-merchant, x-utc-now-ms or x-signature header', async () => {
    expect(await refusal('balance', {}, { headers: { 'x-merchant': undefined } })).toEqual({
      status: 200,
      name: 'EParamHeadersInvalid',
      data: { field: 'x-merchant', reason: 'Not present' },
    });
    expect(await refusal('balance', {}, { headers: { 'x-utc-now-ms': undefined } })).toEqual({
      status: 400,
      name: 'InvalidHeaders',
      data: { reason: 'Add x-utc-now-ms to headers' },
    });
    expect(await refusal('balance', {}, { headers: { 'x-signature': undefined } })).toEqual({
      status: 200,
      name: 'EParamHeadersInvalid',
      data: { field: 'x-signature', reason: 'Not present' },
    });
  });

  it('another merchant', async () => {
    expect(await refusal('balance', {}, { headers: { 'x-merchant': '1' } })).toMatchObject({
      name: 'EAuth',
      data: { field: 'x-merchant' },
    });
  });

  it('a signature under another key, or over other params than those sent', async () => {
    expect(await refusal('balance', { curr: 'UAH' }, { key: 'not-the-key' })).toEqual({
      status: 200,
      name: 'EParamSignInvalid',
      data: { reason: 'Invalid signature' },
    });
    const time = String(Date.now());
    const signedForUsd = sign(sandbox.credentials.anymoney!.apiKey!, { curr: 'USD' }, time);
    expect(
      await refusal('balance', { curr: 'UAH' }, { time, headers: { 'x-signature': signedForUsd } }),
    ).toMatchObject({ name: 'EParamSignInvalid' });
  });

  it('a request time outside the window, in seconds, or not a number', async () => {
    const stale = String(Date.now() - 10 * 60_000);
    expect(await refusal('balance', {}, { time: stale })).toMatchObject({
      name: 'EParamRequestWindow',
      data: { field: 'x-utc-now-ms', value: stale },
    });
    const seconds = String(Math.floor(Date.now() / 1000));
    expect(await refusal('balance', {}, { time: seconds })).toMatchObject({
      name: 'EParamRequestWindow',
    });
    expect(await refusal('balance', {}, { time: 'yesterday' })).toMatchObject({
      name: 'EParamHeadersInvalid',
      data: { field: 'x-utc-now-ms' },
    });
  });

  it('an unknown method, and anything but POST to the one URL', async () => {
    expect(await refusal('invoice.cancel', {})).toMatchObject({ name: 'Method not found' });
    const response = await fetch(`${sandbox.baseUrls.anymoney}/invoice/create`, {
      method: 'POST',
      body: '{}',
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { message: 'Invalid Request' } });
  });
});

describe('AnyMoney emulator: invoice.create refuses what AnyMoney refuses', () => {
  it.each(['amount', 'externalid', 'in_curr'])('a missing required %s', async (field) => {
    const params: Record<string, unknown> = invoice();
    delete params[field];
    expect(await refusal('invoice.create', params)).toEqual({
      status: 200,
      name: 'EParamInvalid',
      data: { field, reason: 'Should be provided' },
    });
    // null asks for the default, and a required param has none.
    expect(await refusal('invoice.create', { ...params, [field]: null })).toMatchObject({
      name: 'EParamInvalid',
      data: { field },
    });
  });

  it('a param it does not take (the known is_multypay typo)', async () => {
    expect(await refusal('invoice.create', invoice({ is_multypay: true }))).toMatchObject({
      name: 'EParamInvalid',
      data: { field: 'is_multypay', reason: 'Should not be provided' },
    });
  });

  it('a param of the wrong type', async () => {
    expect(await refusal('invoice.create', invoice({ is_multipay: 'true' }))).toMatchObject({
      name: 'EParamType',
      data: { field: 'is_multipay' },
    });
    expect(await refusal('invoice.create', invoice({ amount: true }))).toMatchObject({
      name: 'EParamType',
      data: { field: 'amount' },
    });
  });

  it.each([
    ['not a number', 'ten', 'EParamAmountFormatInvalid'],
    ['more decimals than the currency has', '1000.255', 'EParamAmountFormatInvalid'],
    ['negative', '-5', 'EParamAmountFormatInvalid'],
    ['below the minimum', '0.50', 'EParamAmountTooSmall'],
    ['zero', '0', 'EParamAmountTooSmall'],
    ['above the maximum', '1000000.01', 'EParamAmountTooBig'],
  ])('an amount %s', async (_case, amount, name) => {
    expect(await refusal('invoice.create', invoice({ amount }))).toMatchObject({
      name,
      data: { field: 'amount', value: amount },
    });
  });

  it('a currency AnyMoney does not have, in in_curr or out_curr', async () => {
    expect(await refusal('invoice.create', invoice({ in_curr: 'XYZ' }))).toMatchObject({
      name: 'EParamCurrencyInvalid',
      data: { field: 'in_curr', value: 'XYZ' },
    });
    expect(await refusal('invoice.create', invoice({ out_curr: 'XYZ' }))).toMatchObject({
      name: 'EParamCurrencyInvalid',
      data: { field: 'out_curr' },
    });
  });

  it.each([
    ['callback_url', 'not a url'],
    ['callback_url', 'ftp://shop.example/cb'],
    ['redirect_url', '/relative'],
    ['client_email', 'nobody'],
    ['merchant_payfee', '1.5'],
    ['merchant_payfee', '0.355'],
  ])('an invalid %s (%s)', async (field, value) => {
    expect(await refusal('invoice.create', invoice({ [field]: value }))).toMatchObject({
      name: 'EParamFieldInvalid',
      data: { field, value },
    });
  });

  it.each([
    ['30m', 'EParamPeriodTooShort'],
    ['8d', 'EParamPeriodTooLong'],
    ['1h30', 'EParamPeriodInvalid'],
    ['soon', 'EParamPeriodInvalid'],
  ])('a lifetime of %s', async (lifetime, name) => {
    expect(await refusal('invoice.create', invoice({ lifetime }))).toMatchObject({
      name,
      data: { field: 'lifetime', value: lifetime },
    });
  });

  it('a payway the merchant does not have', async () => {
    expect(await refusal('invoice.create', invoice({ payway: 'nope' }))).toMatchObject({
      name: 'EParamPaywayInvalid',
      data: { field: 'payway', value: 'nope' },
    });
  });

  it('an empty externalid, and one already used', async () => {
    expect(await refusal('invoice.create', invoice({ externalid: '' }))).toMatchObject({
      name: 'EParamInvalid',
      data: { field: 'externalid' },
    });
    const params = invoice();
    expect((await call('invoice.create', params)).body.result).toMatchObject({ status: 'new' });
    expect(await refusal('invoice.create', params)).toMatchObject({
      name: 'EParamUnique',
      data: { field: 'externalid', value: params.externalid },
    });
  });
});

describe('AnyMoney emulator: the other methods refuse what AnyMoney refuses', () => {
  it('an unknown externalid in invoice.get and status', async () => {
    for (const method of ['invoice.get', 'status']) {
      expect(await refusal(method, { externalid: 'nope' })).toEqual({
        status: 200,
        name: 'EParamNotFound',
        data: { field: 'externalid', value: 'nope' },
      });
    }
  });

  it('invoice.calc without its payway, or with an unknown one', async () => {
    expect(await refusal('invoice.calc', { amount: '10', in_curr: 'USD' })).toMatchObject({
      name: 'EParamInvalid',
      data: { field: 'payway' },
    });
    expect(
      await refusal('invoice.calc', { amount: '10', in_curr: 'USD', payway: 'nope' }),
    ).toMatchObject({ name: 'EParamPaywayInvalid' });
  });

  it('history.invoice with a count over 200 or an unknown currency; balance likewise', async () => {
    expect(await refusal('history.invoice', { count: '500' })).toMatchObject({
      name: 'EParamInvalid',
      data: { field: 'count' },
    });
    expect(await refusal('history.invoice', { in_curr: 'XYZ' })).toMatchObject({
      name: 'EParamCurrencyInvalid',
    });
    expect(await refusal('balance', { curr: 'XYZ' })).toMatchObject({
      name: 'EParamCurrencyInvalid',
      data: { field: 'curr' },
    });
  });
});

describe('AnyMoney end to end through the SDK', () => {
  const client = (settings: Partial<AnyMoneySettings> = {}) =>
    createAnyMoney({
      ...(sandbox.credentials.anymoney as { merchantId: string; apiKey: string; sciKey: string }),
      baseUrl: sandbox.baseUrls.anymoney,
      ...settings,
    });

  it('create → pay → signed callback → webhooks.verify confirms → invoice.get shows done', async () => {
    const anymoney = client();
    const order = await anymoney.invoice.create({
      amount: '250.75',
      externalid: 'ORDER-E2E-1',
      in_curr: 'UAH',
      callback_url: receiver.url,
      lifetime: '1d12h',
      payway: 'card',
    });
    expect(order).toMatchObject({ tp: 'invoice', status: 'new', orig_amount: '250.75' });
    expect(order.paylink).toBe(`${sandbox.url}/_sandbox/pay/anymoney/ORDER-E2E-1`);

    const result = await sandbox.act('anymoney', 'ORDER-E2E-1', 'pay');
    expect(result).toMatchObject({ ok: true, status: 'done', callback: { acknowledged: true } });
    const callback = await receiver.next();
    const body = JSON.parse(callback.body) as Record<string, unknown>;
    expect(body).toMatchObject({ externalid: 'ORDER-E2E-1', status: 'done', in_amount: '250.75' });
    // As in AnyMoney's example, the callback's time header is the order's final time.
    expect(callback.headers['x-utc-now-ms']).toBe(String(body.ftime));
    expect(callback.headers['x-merchant']).toBe(sandbox.credentials.anymoney!.merchantId);

    const event = await anymoney.webhooks.verify(callback);
    expect(event).toMatchObject({ confirmed: true, signature: 'valid' });
    expect(event.order).toMatchObject({ status: 'done', amount_paid: '250.75' });

    expect(await anymoney.invoice.get({ externalid: 'ORDER-E2E-1' })).toMatchObject({
      status: 'done',
      payway_name: 'card',
    });
    expect((await anymoney.balance({ curr: 'UAH' })).UAH).toBe('250.75');
    const history = await anymoney.history.invoice({ payway: 'card' });
    expect(history.data.map((item) => item.externalid)).toContain('ORDER-E2E-1');
  });

  it('a multipay invoice paid in part waits (wait), then is paid in full (done)', async () => {
    const anymoney = client();
    await anymoney.invoice.create({
      amount: '100.51',
      externalid: 'ORDER-E2E-2',
      in_curr: 'USD',
      is_multipay: true,
      callback_url: receiver.url,
    });
    await sandbox.act('anymoney', 'ORDER-E2E-2', 'pay-partial');
    const partial = await anymoney.webhooks.verify(await receiver.next());
    expect(partial.order).toMatchObject({ status: 'wait', amount_paid: '50.25' });
    await sandbox.act('anymoney', 'ORDER-E2E-2', 'pay');
    const paid = await anymoney.webhooks.verify(await receiver.next());
    expect(paid.order).toMatchObject({ status: 'done', amount_paid: '100.51' });
  });

  it.each([
    ['fail', 'fail'],
    ['expire', 'expired'],
  ] as const)('an invoice that ends with %s reports %s', async (action, status) => {
    const anymoney = client();
    const externalid = `ORDER-E2E-${action}`;
    await anymoney.invoice.create({
      amount: '0.0015',
      externalid,
      in_curr: 'BTC',
      callback_url: receiver.url,
    });
    await sandbox.act('anymoney', externalid, action);
    const event = await anymoney.webhooks.verify(await receiver.next());
    expect(event).toMatchObject({ confirmed: true, order: { status } });
    expect(await anymoney.status({ externalid })).toMatchObject({ status });
  });

  it('the SDK with comma decimals, and a conversion to another currency', async () => {
    const order = await client({ decimalSeparator: ',' }).invoice.create({
      amount: '10,50',
      externalid: 'ORDER-E2E-comma',
      in_curr: 'EUR',
      out_curr: 'USD',
    });
    expect(order).toMatchObject({ orig_amount: '10.5', out_curr: 'USD', rate: ['1', '1'] });
  });

  it('a client with a fixed clock works once the request window allows it', async () => {
    const frozen = { now: () => 1_700_000_000_000 };
    await expect(client(frozen).balance()).rejects.toMatchObject({
      providerCode: 'EParamRequestWindow',
    });
    const wide = await startSandbox({
      providerOptions: { anymoney: { requestWindowMs: Number.POSITIVE_INFINITY } },
    });
    try {
      const anymoney = client({ ...frozen, baseUrl: wide.baseUrls.anymoney });
      expect(await anymoney.balance({ curr: 'USD' })).toEqual({ USD: '0' });
    } finally {
      await wide.close();
    }
  });

  it('SDK errors carry the emulator’s names', async () => {
    const wrongKey = client({ apiKey: 'wrong' });
    await expect(wrongKey.balance()).rejects.toMatchObject({ providerCode: 'EParamSignInvalid' });
    const stale = client({ now: () => Date.now() - 3_600_000 });
    await expect(stale.balance()).rejects.toMatchObject({ providerCode: 'EParamRequestWindow' });
    await expect(client().invoice.get({ externalid: 'nope' })).rejects.toMatchObject({
      providerCode: 'EParamNotFound',
    });
  });
});

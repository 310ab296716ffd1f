import { createHmac } from 'node:crypto';
import { createAnyMoney } from '@pay/anymoney';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCallbackReceiver } from '../../callback-receiver.ts';
import { type Sandbox, startSandbox } from '../../sandbox.ts';

// The methods beyond invoices: each one's success through the SDK, a refusal sent raw (signed
// as the docs say, not by the SDK), and the state later reads reflect.

let sandbox: Sandbox;
let client: ReturnType<typeof createAnyMoney>;
beforeAll(async () => {
  sandbox = await startSandbox();
  client = createAnyMoney({
    ...(sandbox.credentials.anymoney as { merchantId: string; apiKey: string; sciKey: string }),
    baseUrl: sandbox.baseUrls.anymoney,
    sciBaseUrl: sandbox.baseUrls.anymoney,
    maxRetries: 0,
  });
});
afterAll(() => sandbox.close());

let sequence = 0;
const fresh = (prefix: string) => `${prefix}-${++sequence}-${Math.random().toString(36).slice(2)}`;

function sign(key: string, params: Record<string, unknown>, time: string): string {
  const values = Object.keys(params)
    .sort()
    .map((name) => params[name])
    .filter((value) => typeof value === 'string' || typeof value === 'boolean')
    .join('');
  return createHmac('sha512', key).update(`${values}${time}`.toLowerCase()).digest('hex');
}

/** A raw signed call; returns the parsed body. */
async function raw(method: string, params: Record<string, unknown>) {
  const { merchantId, apiKey } = sandbox.credentials.anymoney as Record<string, string>;
  const time = String(Date.now());
  const response = await fetch(`${sandbox.baseUrls.anymoney}/`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-merchant': merchantId as string,
      'x-utc-now-ms': time,
      'x-signature': sign(apiKey as string, params, time),
    },
    body: JSON.stringify({ method, params, jsonrpc: '2.0', id: 'money-1' }),
  });
  return (await response.json()) as {
    result?: unknown;
    error?: { code: number; message: string; data?: Record<string, unknown> };
  };
}

/** The E-name a raw call is refused with. */
async function refusedWith(method: string, params: Record<string, unknown>) {
  const body = await raw(method, params);
  expect(body.result).toBeUndefined();
  return body.error?.message;
}

/** Pays a fresh invoice of `amount` `currency`: the balance grows by it. */
async function fund(currency: string, amount: string) {
  const externalid = fresh('FUND');
  await client.invoice.create({ amount, externalid, in_curr: currency });
  await sandbox.act('anymoney', externalid, 'pay');
}

const balance = async (curr: string) => (await client.balance({ curr }))[curr];

describe('AnyMoney emulator: payouts', () => {
  it('debits the balance at once, refuses more than it holds, and finishes on the pay page', async () => {
    await fund('EUR', '300');
    expect(await balance('EUR')).toBe('300');
    const payee = '4444444444444448';
    const order = await client.payout.create({
      amount: '120.5',
      externalid: fresh('PO'),
      out_curr: 'EUR',
      payway: 'card',
      payee,
    });
    expect(order).toMatchObject({ tp: 'payout', status: 'new', out_amount: '120.5' });
    expect(await balance('EUR')).toBe('179.5');
    expect((await client.totalBalance({ curr: 'EUR' })).hold_amount).toBe('120.5');
    expect(
      await refusedWith('payout.create', {
        amount: '200',
        externalid: fresh('PO'),
        out_curr: 'EUR',
        payway: 'card',
        payee,
      }),
    ).toBe('EStateInsufficientFunds');
    await sandbox.act('anymoney', order.externalid as string, 'pay');
    expect(await client.payout.get({ externalid: order.externalid as string })).toMatchObject({
      status: 'done',
    });
    expect((await client.history.payout({ out_curr: 'EUR' })).data[0]).toMatchObject({
      externalid: order.externalid,
      status: 'done',
    });
    expect(await client.status({ externalid: order.externalid as string })).toMatchObject({
      tp: 'payout',
    });
  });

  it('posts the payout callback when it is done, which the SDK verifies', async () => {
    const receiver = await startCallbackReceiver();
    try {
      await fund('UAH', '50');
      const externalid = fresh('PO');
      await client.payout.create({
        amount: '50',
        externalid,
        out_curr: 'UAH',
        payway: 'card',
        payee: '4444',
        callback_url: receiver.url,
      });
      await sandbox.act('anymoney', externalid, 'pay');
      const { order } = await client.webhooks.verify(await receiver.next());
      expect(order).toMatchObject({ tp: 'payout', externalid, status: 'done' });
    } finally {
      await receiver.close();
    }
  });

  it('cancels a new payout, gives the money back, and refuses to cancel it twice', async () => {
    await fund('RUB', '500');
    const externalid = fresh('PO');
    await client.payout.create({
      amount: '500',
      externalid,
      out_curr: 'RUB',
      payway: 'card',
      payee: '4444',
    });
    expect(await balance('RUB')).toBe('0');
    expect(await client.payout.cancel({ externalid })).toMatchObject({ status: 'canceled' });
    expect(await balance('RUB')).toBe('500');
    expect(await refusedWith('payout.cancel', { externalid })).toBe('EStateForbidden');
  });

  it('checks params: payee required, amounts, unknown payouts; calc moves nothing', async () => {
    expect(
      await refusedWith('payout.create', {
        amount: '1',
        externalid: fresh('PO'),
        out_curr: 'UAH',
        payway: 'card',
        payee: null, // null is absent, and the payee is required
      }),
    ).toBe('EParamInvalid');
    expect(
      await refusedWith('payout.calc', { amount: '0.01', out_curr: 'UAH', payway: 'card' }),
    ).toBe('EParamAmountTooSmall');
    expect(
      await client.payout.calc({ amount: '238', out_curr: 'UAH', payway: 'anycash' }),
    ).toMatchObject({
      out_amount: '238',
      in_fee_amount: '0',
    });
    expect(await refusedWith('payout.get', { externalid: 'nope' })).toBe('EParamNotFound');
  });
});

describe('AnyMoney emulator: conversions and transfers', () => {
  it('converts: debits in_curr at once, credits out_curr when done', async () => {
    await fund('USD', '100');
    const before = await balance('UAH');
    const externalid = fresh('CV');
    const order = await client.convert.create({
      externalid,
      in_curr: 'USD',
      out_curr: 'UAH',
      in_amount: '100',
    });
    expect(order).toMatchObject({ tp: 'convert', status: 'new', out_amount: '100' });
    expect(await balance('USD')).toBe('0');
    await sandbox.act('anymoney', externalid, 'pay');
    expect(await client.convert.get({ externalid })).toMatchObject({ status: 'done' });
    expect(await balance('UAH')).toBe(String(Number(before) + 100));
    expect((await client.history.convert({ in_curr: 'USD' })).total).toBeGreaterThan(0);
  });

  it('refuses a conversion into the same currency and both amounts at once', async () => {
    expect(
      await refusedWith('convert.create', {
        externalid: fresh('CV'),
        in_curr: 'USD',
        out_curr: 'USD',
        in_amount: '1',
      }),
    ).toBe('EStateExchangeUnavail');
    expect(
      await refusedWith('convert.calc', {
        in_curr: 'RUB',
        out_curr: 'USD',
        in_amount: '10',
        out_amount: '10',
      }),
    ).toBe('EParamInvalid');
    expect(
      await client.convert.calc({ in_curr: 'RUB', out_curr: 'USD', out_amount: '100' }),
    ).toMatchObject({ in_amount: '100', out_amount: '100' });
    expect(await refusedWith('convert.get', { externalid: 'nope' })).toBe('EParamNotFound');
  });

  it('transfers at once to another merchant, and refuses a bad recipient', async () => {
    await fund('USDT', '50');
    const externalid = fresh('T');
    expect(
      await client.transfer.create({ amount: '20', externalid, out_curr: 'USDT', tgt: '1056' }),
    ).toMatchObject({ tp: 'transfer', status: 'done', tgt: 1056 });
    expect(await balance('USDT')).toBe('30');
    expect(await client.transfer.get({ externalid })).toMatchObject({ status: 'done' });
    expect((await client.transfer.calc({ amount: '5', out_curr: 'USDT' })).out_amount).toBe('5');
    expect((await client.history.transfer()).data[0]).toMatchObject({ externalid });
    expect(
      await refusedWith('transfer.create', {
        amount: '1',
        externalid: fresh('T'),
        out_curr: 'USDT',
        tgt: 'someone',
      }),
    ).toBe('EParamFieldInvalid');
    expect(await refusedWith('transfer.calc', { amount: '1', out_curr: 'XYZ' })).toBe(
      'EParamCurrencyInvalid',
    );
    expect(await refusedWith('transfer.get', { externalid: 'T-none' })).toBe('EParamNotFound');
  });

  it('keeps externalid unique across order types', async () => {
    const externalid = fresh('ANY');
    await client.invoice.create({ amount: '10', externalid, in_curr: 'UAH' });
    expect(
      await refusedWith('transfer.create', {
        amount: '1',
        externalid,
        out_curr: 'UAH',
        tgt: '1056',
      }),
    ).toBe('EParamUnique');
  });
});

describe('AnyMoney emulator: codes', () => {
  it('issues a code from the balance; it verifies, redeems once, and credits when done', async () => {
    await fund('UAH', '655');
    const before = await balance('UAH');
    const externalid = fresh('C');
    const { code } = await client.code.create({
      amount: '655',
      curr: 'UAH',
      externalid,
      payway: 'anycash',
    });
    expect(await balance('UAH')).toBe(String(Number(before) - 655));
    expect(await client.code.get({ externalid })).toMatchObject({ amount: '655', code });
    expect(await client.code.verify({ code: code as string })).toMatchObject({
      amount: '655',
      currency: 'UAH',
      can_be_accepted: 'yes',
    });
    const redeemed = fresh('R');
    expect(await client.code.redeem({ code: code as string, externalid: redeemed })).toMatchObject({
      tp: 'coderedeem',
      status: 'new',
    });
    expect(await refusedWith('code.redeem', { code, externalid: fresh('R') })).toBe(
      'EParamCodeInvalid',
    );
    expect(await refusedWith('code.verify', { code })).toBe('EParamCodeInvalid');
    await sandbox.act('anymoney', redeemed, 'pay');
    expect(await balance('UAH')).toBe(before);
    expect((await client.history.code({ payway: 'anycash' })).data[0]).toMatchObject({
      externalid: redeemed,
      status: 'done',
    });
  });

  it('refuses a code beyond the precision, or beyond the balance, and unknown codes', async () => {
    const params = { curr: 'UAH', externalid: fresh('C'), payway: 'anycash' };
    expect(await refusedWith('code.create', { ...params, amount: '655.555' })).toBe(
      'EParamAmountFormatInvalid',
    );
    expect(await refusedWith('code.create', { ...params, amount: '99999' })).toBe(
      'EStateInsufficientFunds',
    );
    expect(await refusedWith('code.get', { externalid: 'none' })).toBe('EParamNotFound');
    expect(await refusedWith('code.verify', { code: 'bad' })).toBe('EParamCodeInvalid');
  });
});

describe('AnyMoney emulator: addresses', () => {
  it('creates an address that get and list find, and whose history is empty', async () => {
    const address = await client.address.create({
      in_curr: 'BTC',
      out_curr: 'UAH',
      comment: 'Comment',
    });
    expect(address).toMatchObject({ in_curr: 'BTC', out_curr: 'UAH', payway: 'btc' });
    expect(await client.address.get({ name: address.name as string })).toMatchObject({
      id: address.id,
    });
    expect(await client.address.get({ id: String(address.id) })).toMatchObject({
      name: address.name,
    });
    expect((await client.address.list({ in_curr: 'BTC' })).data).toContainEqual(address);
    expect(await client.address.payways({ in_curr: 'BTC' })).toEqual(['btc']);
    expect(
      (await client.history.address({ addr_id: String(address.id), status: 'done' })).total,
    ).toBe(0);
  });

  it('refuses fiat currencies, both or neither of id and name, unknown addresses', async () => {
    expect(await refusedWith('address.create', { in_curr: 'XYZ' })).toBe('EParamCurrencyInvalid');
    expect(await refusedWith('address.payways', { in_curr: 'UAH' })).toBe('EStateCurrencyUnavail');
    expect(await refusedWith('address.get', { id: '1', name: 'x' })).toBe('EParamInvalid');
    expect(await refusedWith('address.get', { id: '1' })).toBe('EParamNotFound');
    expect(await refusedWith('address.list', { in_curr: 'XYZ' })).toBe('EParamCurrencyInvalid');
    expect(await refusedWith('history.address', { addr_id: '1' })).toBe('EParamNotFound');
  });
});

describe('AnyMoney emulator: payways, currencies and reference data', () => {
  it('deactivates a payway (invoices with it are refused) and activates it again', async () => {
    expect(await client.payway.deactivate({ payway: 'perfect' })).toMatchObject({
      is_active: false,
    });
    expect((await client.payway.list()).perfect).toMatchObject({ active_for_merchant: false });
    expect(
      await refusedWith('invoice.create', {
        amount: '10',
        externalid: fresh('I'),
        in_curr: 'USD',
        payway: 'perfect',
      }),
    ).toBe('EStatePaywayInactive');
    expect(await client.payway.activate({ payway: 'perfect' })).toMatchObject({ is_active: true });
    expect(await refusedWith('payway.activate', { payway: 'nope' })).toBe('EParamPaywayInvalid');
    expect(await refusedWith('payway.deactivate', { payway: 'nope' })).toBe('EParamPaywayInvalid');
  });

  it('switches a payway currency off and on, as pwcurrency.list shows', async () => {
    const switched = await client.pwcurrency.pwcmaSwitch({
      curr: 'USD',
      is_active: false,
      payway: 'card',
      is_out: true,
    });
    expect(switched).toMatchObject({ currency: 'USD', is_active: false });
    const list = (await client.pwcurrency.list()) as Record<
      string,
      { out: Record<string, unknown> }
    >;
    expect(list.card?.out.USD).toMatchObject({ is_active: false });
    await fund('USD', '10');
    expect(
      await refusedWith('payout.create', {
        amount: '5',
        externalid: fresh('PO'),
        out_curr: 'USD',
        payway: 'card',
        payee: '4444',
      }),
    ).toBe('EStateCurrencyInactive');
    await client.pwcurrency.pwcmaSwitch({
      curr: 'USD',
      is_active: true,
      payway: 'card',
      is_out: true,
    });
    expect(
      await refusedWith('pwcurrency.pwcma_switch', {
        curr: 'BTC',
        is_active: true,
        payway: 'card',
      }),
    ).toBe('EStateForbidden');
  });

  it('lists currencies and exchanges; balances refuse unknown currencies', async () => {
    expect((await client.info.currencies()).BTC).toMatchObject({ is_crypto: true, precision: 8 });
    expect(await client.info.exchanges()).toContainEqual(
      expect.objectContaining({ in_curr: 'UAH', out_curr: 'USD' }),
    );
    expect(await refusedWith('total_balance', { curr: 'XYZ' })).toBe('EParamCurrencyInvalid');
    expect(await refusedWith('info.currencies', { curr: 'UAH' })).toBe('EParamInvalid');
  });

  it('writes every balance movement to the statement, with the balance after it', async () => {
    await fund('ETH', '2');
    await client.transfer.create({
      amount: '0.5',
      externalid: fresh('T'),
      out_curr: 'ETH',
      tgt: '7',
    });
    const statement = await client.history.statement({ curr: 'ETH', ord_dir: true });
    expect(statement.data.map((entry) => [entry.amount, entry.balance])).toEqual([
      ['2', '2'],
      ['-0.5', '1.5'],
    ]);
    const big = await client.history.statement({ curr: 'ETH', filter_amount: '>1' });
    expect(big.total).toBe(1);
    expect(await refusedWith('history.statement', { filter_amount: 'lots' })).toBe(
      'EParamFieldInvalid',
    );
    expect(await refusedWith('history.payout', { first: '99999999999999999999' })).toBe(
      'EParamType',
    );
    expect(await refusedWith('history.convert', { count: '500' })).toBe('EParamInvalid');
  });
});

describe('AnyMoney emulator: raw calls, unknown methods and receipts', () => {
  it('prepares a receipt of a done order, which receipt_status then finds', async () => {
    const externalid = fresh('ORDER');
    await client.invoice.create({ amount: '10', externalid, in_curr: 'UAH' });
    expect(await refusedWith('anydoc.prepare_receipt', { externalid })).toBe('EStateForbidden');
    expect(await refusedWith('anydoc.receipt_status', { externalid })).toBe('EParamNotFound');
    await sandbox.act('anymoney', externalid, 'pay');
    await client.call('anydoc.prepare_receipt', { externalid });
    expect(await client.call('anydoc.receipt_status', { externalid })).toMatchObject({
      status: 'done',
    });
  });

  it('says which method it does not emulate, in the JSON-RPC error envelope', async () => {
    const body = await raw('payin.nope', {});
    expect(body.error).toMatchObject({
      code: -32601,
      message: 'Method not found',
      data: { reason: 'not emulated by @pay/sandbox: payin.nope' },
    });
    const response = await fetch(`${sandbox.baseUrls.anymoney}/v2/whatever`);
    expect(
      ((await response.json()) as { error: { data: { reason: string } } }).error.data.reason,
    ).toBe('not emulated by @pay/sandbox: GET /v2/whatever (the API is POST /)');
  });

  it('treats optional params sent as null as absent, in the check and in the signature', async () => {
    const externalid = fresh('NULL');
    const body = await raw('invoice.create', {
      amount: '10',
      callback_url: null,
      client_email: null,
      externalid,
      in_curr: 'UAH',
      is_multipay: null,
      lifetime: null,
      merchant_payfee: null,
      out_curr: null,
      payway: null,
      redirect_url: null,
    });
    expect(body.result).toMatchObject({ externalid, status: 'new', is_multipay: false });
    const payout = await raw('payout.calc', {
      amount: '5',
      in_curr: null,
      out_curr: 'UAH',
      payway: 'card',
    });
    expect(payout.result).toMatchObject({ out_amount: '5' });
  });
});

describe('AnyMoney emulator: the SCI form', () => {
  it('accepts the form the SDK builds, creates the invoice and shows its pay page', async () => {
    const externalid = fresh('SCI');
    const form = client.sci.invoiceForm({
      amount: '100.5',
      externalid,
      in_curr: 'USD',
      is_multipay: false,
      lifetime: '1d12h',
    });
    expect(form.action).toBe(`${sandbox.baseUrls.anymoney}/invoice`);
    const response = await fetch(form.action, {
      method: form.method,
      body: new URLSearchParams(form.fields),
    });
    expect(response.status).toBe(200);
    expect(response.url).toContain(`/_sandbox/pay/anymoney/${externalid}`);
    expect(await response.text()).toContain(externalid);
    expect(await client.invoice.get({ externalid })).toMatchObject({
      status: 'new',
      in_amount: '100.5',
    });
    // Posting the same form again (a reload) shows the same invoice.
    const again = await fetch(form.action, {
      method: 'POST',
      body: new URLSearchParams(form.fields),
    });
    expect(again.url).toBe(response.url);
  });

  it('refuses a form with a wrong sign, and creates nothing', async () => {
    const externalid = fresh('SCI');
    const form = client.sci.invoiceForm({ amount: '10', externalid, in_curr: 'UAH' });
    const response = await fetch(form.action, {
      method: 'POST',
      body: new URLSearchParams({ ...form.fields, amount: '1000' }),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('EParamSignInvalid');
    expect(sandbox.invoices('anymoney').some((order) => order.id === externalid)).toBe(false);
  });
});

describe('AnyMoney emulator: reset', () => {
  it('forgets codes with the orders that paid for them', async () => {
    await fund('UAH', '10');
    const externalid = fresh('C');
    await client.code.create({ amount: '10', curr: 'UAH', externalid, payway: 'anycash' });
    const reset = await fetch(`${sandbox.url}/_sandbox/reset`, { method: 'POST' });
    expect(reset.ok).toBe(true);
    expect(await refusedWith('code.get', { externalid })).toBe('EParamNotFound');
    expect(await balance('UAH')).toBe('0');
  });
});

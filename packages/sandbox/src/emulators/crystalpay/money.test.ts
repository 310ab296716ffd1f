import { digestHex } from '@pay/core';
import { createCrystalPay } from '@pay/crystalpay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CallbackReceiver, startCallbackReceiver } from '../../callback-receiver.ts';
import { type Sandbox, startSandbox } from '../../sandbox.ts';

let sandbox: Sandbox;
let receiver: CallbackReceiver;
let crystalpay: ReturnType<typeof createCrystalPay>;
beforeAll(async () => {
  sandbox = await startSandbox({
    providerOptions: { crystalpay: { balances: { BITCOIN: '10', USDTTRC: '100' } } },
  });
  receiver = await startCallbackReceiver();
  crystalpay = createCrystalPay({
    ...sandbox.credentials.crystalpay,
    baseUrl: sandbox.baseUrls.crystalpay,
  } as never);
});
afterAll(async () => {
  await sandbox.close();
  await receiver.close();
});

/** `sha1(values…:salt)` with the sandbox's salt. */
const sign = (...values: Array<string | number>) =>
  digestHex('sha1', [...values, sandbox.credentials.crystalpay.salt].join(':'));

/** A raw CrystalPay call: `body` is sent as this exact JSON text after the credentials. */
async function callText(path: string, json: string) {
  const { login, secret } = sandbox.credentials.crystalpay;
  const response = await fetch(`${sandbox.baseUrls.crystalpay}/v3/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: `{"auth_login":${JSON.stringify(login)},"auth_secret":${JSON.stringify(secret)},${json}}`,
  });
  return (await response.json()) as Record<string, unknown>;
}
const call = (path: string, body: Record<string, unknown>) =>
  callText(path, JSON.stringify(body).slice(1, -1));

const refused = (...errors: string[]) => ({ error: true, errors });
const balance = async (method: string) => (await crystalpay.balance.get({ method })).amount;

describe('payoffs', () => {
  it('create → submit (processing, balance moves) → info payed → signed callback', async () => {
    const created = await crystalpay.payoff.create({
      amount: '1.5',
      method: 'BITCOIN',
      wallet: 'bc1qexample',
      subtract_from: 'balance',
      extra: 'payout-1',
      callback_url: receiver.url,
    });
    expect(created).toMatchObject({ state: 'created', amount: '1.5', amount_currency: 'BTC' });
    expect(await balance('BITCOIN')).toBe('10');
    const submitted = await crystalpay.payoff.submit({ id: created.id });
    expect(submitted.state).toBe('processing');
    expect(await balance('BITCOIN')).toBe('8.5');
    const info = await crystalpay.payoff.info({ id: created.id });
    expect(info).toMatchObject({ state: 'payed', extra: 'payout-1', deduction_amount: '1.5' });
    expect(info.final_at).not.toBeNull();
    const callback = await receiver.next();
    const event = await crystalpay.webhooks.verify(callback);
    expect(event).toMatchObject({ kind: 'payoff', confirmed: true, payoff: { state: 'payed' } });
    expect(JSON.parse(callback.body).signature).toBe(sign(created.id));
  });

  it('cancel leaves the balance; a cancelled payoff cannot be submitted', async () => {
    const created = await crystalpay.payoff.create({
      amount: '2',
      method: 'BITCOIN',
      wallet: 'bc1qexample',
      subtract_from: 'amount',
    });
    const before = await balance('BITCOIN');
    expect((await crystalpay.payoff.cancel({ id: created.id })).state).toBe('canceled');
    expect(await balance('BITCOIN')).toBe(before);
    expect(await call('payoff/submit/', { id: created.id, signature: sign(created.id) })).toEqual(
      refused('Payoff is already canceled'),
    );
    expect((await crystalpay.payoff.info({ id: created.id })).state).toBe('canceled');
  });

  it('submit and cancel check sha1(id:salt) and the id', async () => {
    const created = await crystalpay.payoff.create({
      amount: '1',
      method: 'BITCOIN',
      wallet: 'w',
      subtract_from: 'balance',
    });
    expect(await call('payoff/submit/', { id: created.id, signature: sign('other') })).toEqual(
      refused('Invalid signature'),
    );
    expect(await call('payoff/cancel/', { id: created.id, signature: 'nope' })).toEqual(
      refused('Invalid signature'),
    );
    expect(
      await call('payoff/cancel/', { id: '000_missing', signature: sign('000_missing') }),
    ).toEqual(refused('Payoff not found'));
    expect(await call('payoff/info/', { id: '000_missing' })).toEqual(refused('Payoff not found'));
  });

  it('a signature over the amount exactly as sent: 100.0 is not 100', async () => {
    const wallet = 'bc1qraw';
    const good = await callText(
      'payoff/create/',
      `"amount":1.50,"method":"BITCOIN","wallet":"${wallet}","subtract_from":"balance","signature":"${sign('1.50', 'BITCOIN', wallet)}"`,
    );
    expect(good).toMatchObject({ error: false, amount: '1.5' });
    const reserialised = await callText(
      'payoff/create/',
      `"amount":1.50,"method":"BITCOIN","wallet":"${wallet}","subtract_from":"balance","signature":"${sign('1.5', 'BITCOIN', wallet)}"`,
    );
    expect(reserialised).toEqual(refused('Invalid signature'));
  });

  it('more than the balance is refused', async () => {
    const body = { amount: '1000', method: 'BITCOIN', wallet: 'w', subtract_from: 'balance' };
    expect(
      await call('payoff/create/', { ...body, signature: sign('1000', 'BITCOIN', 'w') }),
    ).toEqual(refused('Insufficient funds'));
  });
});

describe('swaps', () => {
  it('create → submit moves both balances → info success; history lists it', async () => {
    const pairs = await crystalpay.swap.pair.list({
      page: 1,
      items: 1,
      source: 'USDTTRC',
      target: 'BITCOIN',
    });
    const pairId = Number(Object.keys(pairs.items)[0]);
    const [usdt, btc] = [await balance('USDTTRC'), await balance('BITCOIN')];
    const swap = await crystalpay.swap.create({
      pair_id: pairId,
      amount: '10',
      amount_type: 'source',
    });
    expect(swap).toMatchObject({ state: 'created', source: { method: 'USDTTRC', amount: '10' } });
    expect((await crystalpay.swap.submit({ id: swap.id })).state).toBe('processing');
    expect(await balance('USDTTRC')).toBe(String(Number(usdt) - 10));
    expect(await balance('BITCOIN')).toBe(String(Number(btc) + 10));
    expect((await crystalpay.swap.info({ id: swap.id })).state).toBe('success');
    const history = await crystalpay.report.swap.history({ page: 1, items: 10, period: 1 });
    expect(history.items[0]).toMatchObject({ id: swap.id, state: 'success' });
  });

  it('cancel drops a created swap; refusals: signature, pair, unknown id', async () => {
    const swap = await crystalpay.swap.create({ pair_id: 1, amount: '1', amount_type: 'target' });
    expect((await crystalpay.swap.cancel({ id: swap.id })).state).toBe('canceled');
    expect((await crystalpay.swap.info({ id: swap.id })).state).toBe('canceled');
    expect(
      await call('swap/create/', {
        pair_id: 1,
        amount: '1',
        amount_type: 'source',
        signature: sign('1', 2),
      }),
    ).toEqual(refused('Invalid signature'));
    expect(
      await call('swap/create/', {
        pair_id: 999,
        amount: '1',
        amount_type: 'source',
        signature: sign('1', 999),
      }),
    ).toEqual(refused('Pair not found'));
    expect(
      await call('swap/submit/', { id: 'swap_missing', signature: sign('swap_missing') }),
    ).toEqual(refused('Swap not found'));
    expect(await call('swap/cancel/', { id: swap.id, signature: sign(swap.id) })).toEqual(
      refused('Swap is already canceled'),
    );
    expect(await call('swap/info/', { id: 'swap_missing' })).toEqual(refused('Swap not found'));
  });
});

describe('transfers', () => {
  it('create → submit debits → info success; ids are numbers, signed by their digits', async () => {
    const before = await balance('USDTTRC');
    const transfer = await crystalpay.transfer.create({
      method: 'USDTTRC',
      amount: 25,
      receiver: 'other_shop',
      description: 'Rent',
    });
    expect(transfer).toMatchObject({ state: 'created', sender: 'sandbox_login', amount: '25' });
    expect(typeof transfer.id).toBe('number');
    expect(
      await call('transfer/submit/', { id: transfer.id, signature: sign(transfer.id) }),
    ).toMatchObject({ error: false, state: 'processing' });
    expect(await balance('USDTTRC')).toBe(String(Number(before) - 25));
    expect((await crystalpay.transfer.info({ id: transfer.id })).state).toBe('success');
    const history = await crystalpay.report.transfer.history({ page: 1, items: 10, period: 1 });
    expect(history.items.map((item) => item.id)).toContain(transfer.id);
  });

  it('cancel drops a created transfer; refusals: signature, receiver, unknown id', async () => {
    const transfer = await crystalpay.transfer.create({
      method: 'USDTTRC',
      amount: '1',
      receiver: 'other_shop',
    });
    expect((await crystalpay.transfer.cancel({ id: transfer.id })).state).toBe('canceled');
    expect(
      await call('transfer/create/', {
        method: 'USDTTRC',
        amount: '1',
        receiver: 'other_shop',
        signature: sign('1', 'USDTTRC', 'someone_else'),
      }),
    ).toEqual(refused('Invalid signature'));
    expect(
      await call('transfer/create/', {
        method: 'USDTTRC',
        amount: '1',
        receiver: 'sandbox_login',
        signature: sign('1', 'USDTTRC', 'sandbox_login'),
      }),
    ).toEqual(refused('Receiver not found'));
    expect(await call('transfer/cancel/', { id: 9999, signature: sign(9999) })).toEqual(
      refused('Transfer not found'),
    );
    expect(await call('transfer/submit/', { id: 9999, signature: sign(9999) })).toEqual(
      refused('Transfer not found'),
    );
    expect(await call('transfer/info/', { id: 9999 })).toEqual(refused('Transfer not found'));
  });
});

describe('reports', () => {
  it('invoice history and summary reflect created and paid invoices', async () => {
    const paid = await crystalpay.invoice.create({ amount: '7', type: 'purchase', lifetime: 5 });
    await crystalpay.invoice.create({ amount: '3', type: 'purchase', lifetime: 5 });
    await sandbox.act('crystalpay', paid.id, 'pay');
    const history = await crystalpay.report.invoice.history({ page: 1, items: 1, period: 1 });
    expect(history.items).toHaveLength(1);
    expect(history.has_next_page).toBe(true);
    const second = await crystalpay.report.invoice.history({ page: 2, items: 1, period: 1 });
    expect(second.items[0]).toMatchObject({ id: paid.id, state: 'payed' });
    expect(await crystalpay.report.invoice.summary({ period: 1 })).toEqual({
      payed_rub_amount: '7',
      payed_count: 1,
      total_count: 2,
      conversion_percent: 50,
    });
  });

  it('payoff history and summary count the paid payoffs', async () => {
    const history = await crystalpay.report.payoff.history({ page: 1, items: 50, period: 7 });
    const states = history.items.map((item) => item.state);
    expect(states).toContain('payed');
    expect(states).toContain('canceled');
    const summary = await crystalpay.report.payoff.summary({ period: 7 });
    expect(summary.payed_count).toBe(states.filter((state) => state === 'payed').length);
    expect(summary.total_count).toBe(states.length);
  });

  it('a period that is not a whole number of days from 1 is refused', async () => {
    for (const path of ['invoice', 'payoff', 'swap', 'transfer']) {
      expect(await call(`report/${path}/history/`, { page: 1, items: 1, period: 0 })).toEqual(
        refused('Invalid period'),
      );
    }
    expect(await call('report/invoice/summary/', { period: 'week' })).toEqual(
      refused('Invalid period'),
    );
    expect(await call('report/payoff/summary/', { period: -1 })).toEqual(refused('Invalid period'));
  });
});

import { createCrystalPay } from '@pay/crystalpay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../sandbox.ts';

let sandbox: Sandbox;
let crystalpay: ReturnType<typeof createCrystalPay>;
beforeAll(async () => {
  sandbox = await startSandbox({
    providerOptions: { crystalpay: { balances: { BITCOIN: '1', USDTTRC: '0' } } },
  });
  crystalpay = createCrystalPay({
    ...sandbox.credentials.crystalpay,
    baseUrl: sandbox.baseUrls.crystalpay,
  } as never);
});
afterAll(() => sandbox.close());

/** A raw CrystalPay call (no SDK), with the sandbox credentials unless `auth` overrides them. */
async function call(path: string, body: Record<string, unknown>, auth?: Record<string, unknown>) {
  const { login, secret } = sandbox.credentials.crystalpay;
  const response = await fetch(`${sandbox.baseUrls.crystalpay}/v3/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ auth_login: login, auth_secret: secret, ...auth, ...body }),
  });
  expect(response.status, 'CrystalPay answers errors with HTTP 200').toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

const refused = (...errors: string[]) => ({ error: true, errors });

describe('me and balances', () => {
  it('me/info answers the register; wrong credentials are refused', async () => {
    expect(await crystalpay.me.info()).toMatchObject({ id: 1, name: 'sandbox_login' });
    expect(await call('me/info/', {}, { auth_secret: 'wrong' })).toEqual(
      refused('Invalid auth credentials'),
    );
  });

  it('balance/list lists every method, hide_empty drops the empty ones', async () => {
    const all = await crystalpay.balance.list();
    expect(all.items.BITCOIN).toEqual({
      name: 'Bitcoin',
      amount: '1',
      currency: 'BTC',
      amount_accuracy: 8,
    });
    expect(all.items.USDTTRC?.amount).toBe('0');
    const nonEmpty = await crystalpay.balance.list({ hide_empty: true });
    expect(Object.keys(nonEmpty.items)).toEqual(['BITCOIN']);
    expect(await call('balance/list/', { hide_empty: 'yes' })).toEqual(
      refused('`hide_empty` field is invalid'),
    );
  });

  it('balance/get answers one method; an unknown one is refused', async () => {
    expect(await crystalpay.balance.get({ method: 'BITCOIN' })).toMatchObject({
      method: 'BITCOIN',
      amount: '1',
    });
    expect(await call('balance/get/', { method: 'DOGE' })).toEqual(refused('Method not found'));
    expect(await call('balance/get/', {})).toEqual(refused('`method` field is required'));
  });

  it('a paid invoice moves its method’s balance (partly paid: what was paid)', async () => {
    const full = await crystalpay.invoice.create({
      amount: '0.5',
      type: 'topup',
      lifetime: 10,
      required_method: 'USDTTRC',
    });
    const partly = await crystalpay.invoice.create({
      amount: '4',
      type: 'topup',
      lifetime: 10,
      required_method: 'USDTTRC',
    });
    await sandbox.act('crystalpay', full.id, 'pay');
    await sandbox.act('crystalpay', partly.id, 'pay-partial');
    // 0.5 paid in full, half of 4 paid by the partial payment.
    expect((await crystalpay.balance.get({ method: 'USDTTRC' })).amount).toBe('2.5');
    const info = await crystalpay.invoice.info({ id: full.id });
    expect(info).toMatchObject({ method: 'USDTTRC', amount_currency: 'USDT', state: 'payed' });
  });

  it('opening balances must be non-negative amounts', async () => {
    await expect(
      startSandbox({ providerOptions: { crystalpay: { balances: { BITCOIN: '-1' } } } }),
    ).rejects.toThrow(RangeError);
  });
});

describe('methods', () => {
  it('method/list: full entries, or compact ones without settings', async () => {
    const { items } = await crystalpay.method.list({ compact: false });
    expect(items.TRON).toMatchObject({
      name: 'TRON',
      currency: 'TRX',
      amount_accuracy: 6,
      settings: { in: { enabled: true }, out: { enabled: true } },
    });
    const compact = await call('method/list/', { compact: true });
    expect((compact.items as Record<string, object>).TRON).not.toHaveProperty('settings');
    expect(await call('method/list/', { compact: 1 })).toEqual(
      refused('`compact` field is invalid'),
    );
  });

  it('method/get: limits, commissions and settings as strings; unknown refused', async () => {
    expect(await crystalpay.method.get({ method: 'TRON' })).toMatchObject({
      method: 'TRON',
      amount_accuracy: '6',
      in: { enabled: true, limits: { min: '0' }, commissions: { percent: '0' }, fee: '0' },
    });
    expect(await call('method/get/', { method: 'DOGE' })).toEqual(refused('Method not found'));
  });

  it('method/edit changes what method/get and method/list read back', async () => {
    expect(
      await crystalpay.method.edit({
        method: 'TRON',
        enabled: false,
        extra_commission_percent: 2.5,
      }),
    ).toEqual({});
    const got = await crystalpay.method.get({ method: 'TRON' });
    expect(got.settings?.in).toEqual({
      enabled: false,
      extra_commissions: { amount: '0', percent: '2.5' },
    });
    expect((await crystalpay.method.list()).items.TRON?.settings?.in?.enabled).toBe(false);
    expect(await call('method/edit/', { method: 'DOGE' })).toEqual(refused('Method not found'));
    expect(await call('method/edit/', { method: 'TRON', extra_commission_percent: -1 })).toEqual(
      refused('`extra_commission_percent` field is invalid'),
    );
  });
});

describe('tickers', () => {
  it('ticker/list names the tickers; wrong credentials are refused', async () => {
    expect((await crystalpay.ticker.list()).tickers).toContain('BTC');
    expect(await call('ticker/list/', {}, { auth_login: 'nobody' })).toEqual(
      refused('Invalid auth credentials'),
    );
  });

  it('ticker/get prices known tickers (1:1), RUB by default; unknown refused', async () => {
    expect(await crystalpay.ticker.get({ tickers: ['BTC', 'USDT'] })).toEqual({
      base_currency: 'RUB',
      currencies: { BTC: { price: '1' }, USDT: { price: '1' } },
    });
    expect(await call('ticker/get/', { tickers: ['BTC', 'NOPE'] })).toEqual(
      refused('Ticker not found'),
    );
    expect(await call('ticker/get/', { tickers: [] })).toEqual(
      refused('`tickers` field is invalid'),
    );
  });
});

describe('swap pairs', () => {
  it('swap/pair/list pages the pairs, filtered by source and target', async () => {
    const first = await crystalpay.swap.pair.list({ page: 1, items: 2, source: 'BITCOIN' });
    expect(Object.keys(first.items)).toEqual(['1', '2']);
    expect(first.has_next_page).toBe(true);
    const one = await crystalpay.swap.pair.list({
      page: 1,
      items: 10,
      source: 'BITCOIN',
      target: 'USDTTRC',
    });
    expect(Object.values(one.items)).toEqual([
      {
        source: { method: 'BITCOIN', name: 'Bitcoin', currency: 'BTC' },
        target: { method: 'USDTTRC', name: 'USDT TRC-20', currency: 'USDT' },
        price: '1',
      },
    ]);
    expect(one.has_next_page).toBe(false);
    expect(await call('swap/pair/list/', { page: 0, items: 10 })).toEqual(
      refused('`page` field is invalid'),
    );
  });

  it('swap/pair/get answers a pair; an unknown one is refused', async () => {
    expect(await crystalpay.swap.pair.get({ pair_id: 1 })).toMatchObject({
      source: { method: 'BITCOIN' },
      target: { method: 'ETHEREUM' },
    });
    expect(await call('swap/pair/get/', { pair_id: 9999 })).toEqual(refused('Pair not found'));
  });
});

describe('what the sandbox does not know', () => {
  it('an unknown path says it is not emulated, in CrystalPay’s envelope', async () => {
    expect(await call('invoice/cancel/', { id: 'x' })).toEqual(
      refused('not emulated by @pay/sandbox: /v3/invoice/cancel/'),
    );
    const get = await fetch(`${sandbox.baseUrls.crystalpay}/v3/invoice/info/`);
    expect(await get.json()).toEqual(
      refused('not emulated by @pay/sandbox: GET /v3/invoice/info/'),
    );
  });

  it('params sent as JSON null read as absent', async () => {
    const balances = await call('balance/list/', { hide_empty: null });
    expect(balances.error).toBe(false);
    const invoice = await call('invoice/create/', {
      amount: 5,
      type: 'purchase',
      lifetime: 5,
      currency: null,
      description: null,
      extra: null,
      callback_url: null,
    });
    expect(invoice).toMatchObject({ error: false, currency: 'RUB' });
  });
});

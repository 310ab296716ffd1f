import { PayApiError, PayResponseError, PayValidationError } from '@pay/core';
import { jsonResponse, stubFetch } from '@pay/core/testing';
import { describe, expect, it } from 'vitest';
import { type CrystalPayClient, createCrystalPay } from './crystalpay-client.ts';

const credentials = { login: 'shop_login', secret: 'shop_secret_abc', salt: 'shop_salt_xyz' };
const auth = { auth_login: 'shop_login', auth_secret: 'shop_secret_abc' };
/** A body every result schema accepts. */
const anyResult = {
  error: false,
  errors: [],
  id: 'x1',
  url: 'https://p/?i=x1',
  state: 'payed',
  type: 'purchase',
  rub_amount: '1',
  created_at: '2024-05-01 12:00:00',
};
/** The fields every `invoice/info/` answer carries (both published versions of the page). */
const invoiceBase = { type: 'purchase', rub_amount: '1', created_at: '2024-05-01 12:00:00' };

type Case = [
  operation: string,
  call: (client: CrystalPayClient) => Promise<unknown>,
  body: Record<string, unknown>,
  read: boolean,
];

// Every method: its documented path, the body it sends (besides any signature) and whether it
// is a read (retried) or a change (sent once).
const cases: Case[] = [
  ['invoice/info', (c) => c.invoice.info({ id: 'i1' }), { id: 'i1' }, true],
  ['me/info', (c) => c.me.info(), {}, true],
  ['balance/list', (c) => c.balance.list({ hide_empty: true }), { hide_empty: true }, true],
  ['balance/get', (c) => c.balance.get({ method: 'BITCOIN' }), { method: 'BITCOIN' }, true],
  ['method/list', (c) => c.method.list({ compact: true }), { compact: true }, true],
  ['method/get', (c) => c.method.get({ method: 'TRON' }), { method: 'TRON' }, true],
  [
    'method/edit',
    (c) => c.method.edit({ method: 'TRON', enabled: false, extra_commission_percent: 1.5 }),
    { method: 'TRON', enabled: false, extra_commission_percent: 1.5 },
    false,
  ],
  ['ticker/list', (c) => c.ticker.list(), {}, true],
  [
    'ticker/get',
    (c) => c.ticker.get({ tickers: ['BTC', 'USDT'], base_currency: 'USD' }),
    { tickers: ['BTC', 'USDT'], base_currency: 'USD' },
    true,
  ],
  ...(['invoice', 'payoff', 'swap', 'transfer'] as const).map(
    (kind): Case => [
      `report/${kind}/history`,
      (c) => c.report[kind].history({ page: 2, items: 50, period: 7 }),
      { page: 2, items: 50, period: 7 },
      true,
    ],
  ),
  ...(['invoice', 'payoff'] as const).map(
    (kind): Case => [
      `report/${kind}/summary`,
      (c) => c.report[kind].summary({ period: 30 }),
      { period: 30 },
      true,
    ],
  ),
  [
    'payoff/create',
    (c) => c.payoff.create({ amount: 5, method: 'TRON', wallet: 'T1', subtract_from: 'amount' }),
    { amount: '5', method: 'TRON', wallet: 'T1', subtract_from: 'amount' },
    false,
  ],
  ['payoff/submit', (c) => c.payoff.submit({ id: 'p1' }), { id: 'p1' }, false],
  ['payoff/cancel', (c) => c.payoff.cancel({ id: 'p1' }), { id: 'p1' }, false],
  ['payoff/info', (c) => c.payoff.info({ id: 'p1' }), { id: 'p1' }, true],
  [
    'swap/pair/list',
    (c) => c.swap.pair.list({ page: 1, items: 10, source: 'BITCOIN' }),
    { page: 1, items: 10, source: 'BITCOIN' },
    true,
  ],
  ['swap/pair/get', (c) => c.swap.pair.get({ pair_id: 4 }), { pair_id: 4 }, true],
  [
    'swap/create',
    (c) => c.swap.create({ pair_id: 4, amount: '0.1', amount_type: 'target' }),
    { pair_id: 4, amount: '0.1', amount_type: 'target' },
    false,
  ],
  ['swap/submit', (c) => c.swap.submit({ id: 's1' }), { id: 's1' }, false],
  ['swap/cancel', (c) => c.swap.cancel({ id: 's1' }), { id: 's1' }, false],
  ['swap/info', (c) => c.swap.info({ id: 's1' }), { id: 's1' }, true],
  [
    'transfer/create',
    (c) => c.transfer.create({ method: 'TRON', amount: 3, receiver: 'r', description: 'd' }),
    { method: 'TRON', amount: '3', receiver: 'r', description: 'd' },
    false,
  ],
  ['transfer/submit', (c) => c.transfer.submit({ id: 9 }), { id: 9 }, false],
  ['transfer/cancel', (c) => c.transfer.cancel({ id: 9 }), { id: 9 }, false],
  ['transfer/info', (c) => c.transfer.info({ id: 9 }), { id: 9 }, true],
];

describe.each(cases)('%s', (operation, call, body, read) => {
  it(`posts to /v3/${operation}/ with the credentials and the documented fields`, async () => {
    const fetch = stubFetch(() => jsonResponse(anyResult));
    const result = await call(createCrystalPay({ ...credentials, fetch }));
    expect(fetch.calls).toHaveLength(1);
    expect(fetch.calls[0]?.method).toBe('POST');
    expect(fetch.calls[0]?.url).toBe(`https://api.crystalpay.io/v3/${operation}/`);
    const { signature, ...sent } = JSON.parse(fetch.calls[0]?.body ?? '');
    expect(sent).toEqual({ ...auth, ...body });
    expect(signature === undefined).toBe(read || operation === 'method/edit');
    expect(result).not.toHaveProperty('error');
    expect(result).not.toHaveProperty('errors');
  });

  it(`${read ? 'retries' : 'never retries'} after a 503`, async () => {
    const fetch = stubFetch(
      // `Retry-After: 0` keeps ky's backoff out of the test's run time.
      () =>
        new Response('{"error":true,"errors":["busy"]}', {
          status: 503,
          headers: { 'content-type': 'application/json', 'retry-after': '0' },
        }),
      () => jsonResponse(anyResult),
    );
    const outcome = await call(createCrystalPay({ ...credentials, fetch, maxRetries: 1 })).catch(
      (error: unknown) => error,
    );
    expect(fetch.calls).toHaveLength(read ? 2 : 1);
    expect(PayApiError.isInstance(outcome)).toBe(!read);
  });

  it('maps error: true with HTTP 200 to PayApiError with errors[] verbatim', async () => {
    const errors = ['`id` field is required', 'Неверная подпись'];
    const fetch = stubFetch(() => jsonResponse({ error: true, errors }));
    const error = await call(createCrystalPay({ ...credentials, fetch })).catch((e: unknown) => e);
    expect(PayApiError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 200, details: { errors }, operation, retryable: false });
  });
});

describe('signed calls', () => {
  it('never let their signature into an error, even when CrystalPay echoes it', async () => {
    let signature = '';
    const fetch = stubFetch(async (request) => {
      signature = JSON.parse(await request.text()).signature;
      return jsonResponse({ error: true, errors: [`Wrong signature ${signature}`] });
    });
    const error = await createCrystalPay({ ...credentials, fetch })
      .payoff.submit({ id: 'p1' })
      .catch((caught: unknown) => caught);
    expect(PayApiError.isInstance(error)).toBe(true);
    expect(signature).toMatch(/^[0-9a-f]{40}$/);
    expect(JSON.stringify(error)).not.toContain(signature);
    expect((error as PayApiError).providerMessage).not.toContain(signature);
  });
});

describe('inputs', () => {
  const client = (fetch = stubFetch(() => jsonResponse(anyResult))) => ({
    fetch,
    crystalpay: createCrystalPay({ ...credentials, fetch }),
  });

  it.each<[string, (c: CrystalPayClient) => Promise<unknown>, string[]]>([
    [
      'payoff.create',
      // @ts-expect-error: subtract_from is required
      (c) => c.payoff.create({ amount: 1, method: 'TRON', wallet: 'T' }),
      ['subtract_from'],
    ],
    [
      'payoff.create',
      // @ts-expect-error: wrong on purpose
      (c) => c.payoff.create({ amount: '1e3', method: '', wallet: 'T', subtract_from: 'fee' }),
      ['amount', 'method', 'subtract_from'],
    ],
    // @ts-expect-error: amount_type is required
    ['swap.create', (c) => c.swap.create({ pair_id: 1, amount: 1 }), ['amount_type']],
    ['swap.pair.get', (c) => c.swap.pair.get({ pair_id: 1.5 }), ['pair_id']],
    ['transfer.submit', (c) => c.transfer.submit({ id: '' }), ['id']],
    ['ticker.get', (c) => c.ticker.get({ tickers: [] }), ['tickers']],
    [
      'report.invoice.history',
      (c) => c.report.invoice.history({ page: 0, items: 10, period: 1 }),
      ['page'],
    ],
    [
      'report.payoff.history',
      // @ts-expect-error: export_csv is not supported (its answer is not JSON)
      (c) => c.report.payoff.history({ page: 1, items: 1, period: 1, export_csv: true }),
      ['export_csv'],
    ],
    // @ts-expect-error: no parameters
    ['me.info', (c) => c.me.info({ verbose: true }), ['verbose']],
  ])('%s refuses bad params before sending: %#', async (_operation, call, paths) => {
    const { fetch, crystalpay } = client();
    const error = await call(crystalpay).catch((caught: unknown) => caught);
    expect(PayValidationError.isInstance(error)).toBe(true);
    expect((error as PayValidationError).issues.map((issue) => issue.path)).toEqual(
      expect.arrayContaining(paths),
    );
    expect(fetch.calls).toHaveLength(0);
  });

  it('accepts no parameters, undefined or {} where none are needed', async () => {
    const { fetch, crystalpay } = client();
    await crystalpay.me.info();
    await crystalpay.me.info({});
    await crystalpay.balance.list();
    await crystalpay.method.list(undefined);
    for (const call of fetch.calls) expect(JSON.parse(call.body)).toEqual(auth);
  });
});

describe('results', () => {
  const answer = (body: Record<string, unknown>) =>
    createCrystalPay({
      ...credentials,
      fetch: stubFetch(() => jsonResponse({ error: false, errors: [], ...body })),
    });

  it('takes an empty map sent as [] (PHP) as {}', async () => {
    const balances = await answer({ items: [] }).balance.list();
    expect(balances.items).toEqual({});
    const pairs = await answer({ items: [], has_next_page: false }).swap.pair.list({
      page: 1,
      items: 10,
    });
    expect(pairs).toEqual({ items: {}, has_next_page: false });
  });

  it('keeps balances keyed by method with amounts as strings', async () => {
    const balances = await answer({
      items: { BITCOIN: { name: 'Bitcoin', amount: 0.0015, currency: 'BTC', amount_accuracy: 8 } },
    }).balance.list();
    expect(balances.items.BITCOIN).toEqual({
      name: 'Bitcoin',
      amount: '0.0015',
      currency: 'BTC',
      amount_accuracy: 8,
    });
  });

  it('takes a history sent as a map as the list of its records', async () => {
    const page = await answer({
      items: { a1: { id: 'a1', url: 'https://p/?i=a1', state: 'payed', ...invoiceBase } },
    }).report.invoice.history({ page: 1, items: 10, period: 1 });
    expect(page.items).toEqual([
      expect.objectContaining({ id: 'a1', state: 'payed', amount: null }),
    ]);
    expect(page.has_next_page).toBeNull();
  });

  it('keeps an undocumented state: the provider string at run time, typed Undocumented', async () => {
    const info = await answer({
      id: 'i',
      url: 'u',
      state: 'refunded',
      ...invoiceBase,
    }).invoice.info({ id: 'i' });
    expect(String(info.state)).toBe('refunded');
    expect(info.state as unknown).toBe('refunded');
    // A documented state compiles; CrystalPay has no `paid` (it spells it `payed`), so comparing
    // with it is a compile error rather than a branch that never runs.
    expect(info.state === 'payed').toBe(false);
    // @ts-expect-error: 'paid' is not a CrystalPay invoice state
    expect(info.state === 'paid').toBe(false);
  });

  it('requires the fields every invoice/info answer carries', async () => {
    const error = await answer({ id: 'i', url: 'u', state: 'payed' })
      .invoice.info({ id: 'i' })
      .catch((caught: unknown) => caught);
    expect(PayResponseError.isInstance(error)).toBe(true);
    expect((error as PayResponseError).message).toContain('rub_amount');
  });

  it('returns {} for method.edit, whose answer is only the envelope', async () => {
    expect(await answer({}).method.edit({ method: 'TRON', enabled: true })).toEqual({});
  });
});

import { PayConfigError, PayValidationError } from '@pay/core';
import { jsonResponse, stubFetch } from '@pay/core/testing';
import { describe, expect, it } from 'vitest';
import { type AnyMoneySettings, createAnyMoney } from './anymoney-client.ts';

const base = { amount: '100', externalid: 'O-1', in_curr: 'UAH' };

function setup(settings: Partial<AnyMoneySettings> = {}) {
  const fetch = stubFetch(() =>
    jsonResponse({
      result: {
        externalid: 'ORDER-1',
        status: 'new',
        tp: 'invoice',
        paylink: 'https://sci.any.money/en/#token=t',
      },
      jsonrpc: '2.0',
    }),
  );
  const client = createAnyMoney({
    merchantId: '1234',
    apiKey: 'key_0123',
    now: () => 1_700_000_000_000,
    fetch,
    ...settings,
  });
  const sentParams = (index = 0) => JSON.parse(fetch.calls[index]?.body ?? '{}').params;
  return { client, fetch, sentParams };
}

async function issuesOf(run: () => Promise<unknown>) {
  const error = await run().catch((caught: unknown) => caught);
  expect(PayValidationError.isInstance(error)).toBe(true);
  return (error as PayValidationError).issues;
}

describe('lifetime', () => {
  it('sends a timedelta string as given and milliseconds in timedelta form', async () => {
    const { client, sentParams } = setup();
    await client.invoice.create({ ...base, lifetime: '1d12h' });
    await client.invoice.create({ ...base, lifetime: 7 * 24 * 3_600_000 });
    await client.invoice.create({ ...base, lifetime: '3600' });
    await client.invoice.create({ ...base, lifetime: 5_400_000 });
    expect([0, 1, 2, 3].map((index) => sentParams(index).lifetime)).toEqual([
      '1d12h',
      '1w',
      '3600',
      '1h30m',
    ]);
  });

  it('refuses what is outside 1 h..7 d or not a timedelta, before sending', async () => {
    const { client, fetch } = setup();
    for (const [lifetime, message] of [
      ['59m', 'must be between 1h and 1w (got 59m)'],
      ['8d', 'must be between 1h and 1w (got 1w1d)'],
      [3_599_999, 'must be between 1h and 1w'],
      ['1h30', 'has no unit key'],
      ['1 h', 'unexpected'],
    ] as const) {
      const issues = await issuesOf(() => client.invoice.create({ ...base, lifetime }));
      expect(issues).toEqual([{ path: 'lifetime', message: expect.stringContaining(message) }]);
    }
    expect(fetch.calls).toHaveLength(0);
  });
});

describe('merchant_payfee', () => {
  it('accepts 0..1 with two decimals at most and sends the canonical decimal', async () => {
    const { client, sentParams } = setup();
    for (const payfee of ['0.35', 0, '1', '1.00', 0.5, '0.10']) {
      await client.invoice.create({ ...base, merchant_payfee: payfee });
    }
    expect([0, 1, 2, 3, 4, 5].map((index) => sentParams(index).merchant_payfee)).toEqual([
      '0.35',
      '0',
      '1',
      '1',
      '0.5',
      '0.1',
    ]);
  });

  it.each([
    ['1.01', 'must be from 0 to 1'],
    ['2', 'must be from 0 to 1'],
    ['0.355', 'at most 2 decimal places'],
    ['-0.1', 'must be 0 or more'],
    ['0,35', 'like 100 or 100.50'],
  ])('refuses %s', async (payfee, message) => {
    const { client } = setup();
    const issues = await issuesOf(() =>
      client.invoice.create({ ...base, merchant_payfee: payfee }),
    );
    expect(issues[0]).toEqual({
      path: 'merchant_payfee',
      message: expect.stringContaining(message),
    });
  });
});

describe('amounts', () => {
  it('sends the canonical decimal string that is signed, never a float', async () => {
    const { client, sentParams } = setup();
    await client.invoice.create({ ...base, amount: 1000.25 });
    await client.invoice.create({ ...base, amount: '0100.50' });
    expect(sentParams(0).amount).toBe('1000.25');
    expect(sentParams(1).amount).toBe('100.5');
  });

  it('refuses an inexact number or a padded string, sending nothing', async () => {
    const { client } = setup();
    for (const amount of [0.1 + 0.2, 2 ** 53 + 1, 1e21, ' 10', '9'.repeat(5000)]) {
      const issues = await issuesOf(() => client.invoice.create({ ...base, amount }));
      expect(issues[0]?.path).toBe('amount');
    }
  });

  it("refuses the docs' comma form by default: '1,000' could mean a thousand", async () => {
    const { client } = setup();
    const issues = await issuesOf(() => client.invoice.create({ ...base, amount: '1000,25' }));
    expect(issues[0]?.path).toBe('amount');
  });

  it("writes commas with decimalSeparator ',' and accepts either separator", async () => {
    const { client, sentParams } = setup({ decimalSeparator: ',' });
    await client.invoice.create({ ...base, amount: '1000,25', merchant_payfee: '0.35' });
    await client.payout.calc({ amount: 12.5, out_curr: 'UAH', payway: 'card' });
    expect(sentParams(0)).toMatchObject({ amount: '1000,25', merchant_payfee: '0,35' });
    expect(sentParams(1).amount).toBe('12,5');
  });

  it('refuses an unknown separator setting', () => {
    expect(() =>
      createAnyMoney({ merchantId: '1', apiKey: 'k', decimalSeparator: ';' as never }),
    ).toThrow(PayConfigError);
  });
});

describe('strict params', () => {
  it('refuses unknown params (a misspelt is_multypay would be ignored by AnyMoney)', async () => {
    const { client, fetch } = setup();
    const issues = await issuesOf(() =>
      // @ts-expect-error: wrong on purpose
      client.invoice.create({ ...base, is_multypay: true }),
    );
    expect(issues[0]?.path).toBe('is_multypay');
    expect(fetch.calls).toHaveLength(0);
  });

  it('requires exactly one of in_amount and out_amount for convert', async () => {
    const { client } = setup();
    const both = { in_curr: 'USD', out_curr: 'UAH', in_amount: '1', out_amount: '2' };
    const issues = await issuesOf(() => client.convert.calc(both));
    expect(issues[0]?.message).toBe('pass exactly one of in_amount and out_amount');
    await expect(client.convert.calc({ in_curr: 'USD', out_curr: 'UAH' })).rejects.toThrow(
      'exactly one',
    );
  });

  it('requires exactly one of id and name for address.get', async () => {
    const { client, sentParams } = setup();
    await expect(client.address.get({})).rejects.toThrow('exactly one of id and name');
    await client.address.get({ id: 844422933266350 });
    expect(sentParams()).toEqual({ id: '844422933266350' });
  });

  it('caps history count at 200 and sends numbers as strings', async () => {
    const { client, sentParams } = setup();
    await client.history.statement({ count: 200, first: 0, ord_dir: true, group: 'inpay' });
    expect(sentParams()).toEqual({ count: '200', first: '0', ord_dir: true, group: 'inpay' });
    await expect(client.history.invoice({ count: 201 })).rejects.toThrow('from 1 to 200');
  });
});

describe('results: statuses typed with OpenEnum, required fields', () => {
  const answering = (result: Record<string, unknown>) =>
    createAnyMoney({
      merchantId: '1234',
      apiKey: 'key_0123',
      now: () => 1_700_000_000_000,
      fetch: stubFetch(() => jsonResponse({ result, jsonrpc: '2.0' })),
    });
  const invoice = { externalid: 'O-1', paylink: 'https://sci.any.money/en/#token=t' };

  it('types a status AnyMoney does not have as an error, a documented one as fine', async () => {
    const order = await answering({ ...invoice, status: 'done' }).invoice.get({
      externalid: 'O-1',
    });
    // @ts-expect-error AnyMoney has no 'paid' status: its success status is 'done'.
    expect(order.status === 'paid').toBe(false);
    expect(order.status === 'done').toBe(true);
    const created = await answering({ ...invoice, status: 'new' }).invoice.create(base);
    // No `!` needed: every created invoice carries its paylink, externalid and status.
    const paylink: string = created.paylink;
    const externalid: string = created.externalid;
    expect([paylink, externalid]).toEqual([invoice.paylink, 'O-1']);
  });

  it('passes an undocumented status and type through at run time, as sent', async () => {
    const client = answering({ ...invoice, status: 'on_hold', tp: 'refund_v2' });
    const order = await client.status({ externalid: 'O-1' });
    expect(order).toMatchObject({ status: 'on_hold', tp: 'refund_v2' });
    await expect(client.invoice.get({ externalid: 'O-1' })).resolves.toMatchObject({
      status: 'on_hold',
    });
  });

  it('refuses an invoice.create answer without its paylink', async () => {
    const client = answering({ externalid: 'O-1', status: 'new' });
    await expect(client.invoice.create(base)).rejects.toMatchObject({
      name: 'PayResponseError',
      reason: 'unexpected-shape',
    });
  });
});

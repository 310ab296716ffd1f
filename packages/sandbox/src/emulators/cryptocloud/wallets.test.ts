import { PayApiError } from '@pay/core';
import { createCryptoCloud } from '@pay/cryptocloud';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../sandbox.ts';

// Static wallets and withdrawals. The withdrawal rate limit is off here except where tested.
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ providerOptions: { cryptocloud: { withdrawalIntervalMs: 0 } } });
});
afterAll(() => sandbox.close());

type Credentials = { apiKey: string; shopId: string; secretKey: string; withdrawalApiKey: string };
const credentialsOf = (of: Sandbox) => of.credentials.cryptocloud as Credentials;
const client = (of: Sandbox = sandbox) =>
  createCryptoCloud({ ...credentialsOf(of), baseUrl: of.baseUrls.cryptocloud, maxRetries: 0 });

/** A raw call with `Token <key>` (the project key unless given; `null`: no header). */
async function call(path: string, body: unknown, key?: string | null, of: Sandbox = sandbox) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const token = key === undefined ? credentialsOf(of).apiKey : key;
  if (token !== null) headers.authorization = `Token ${token}`;
  const response = await fetch(`${of.baseUrls.cryptocloud}/${path}`, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, text, json: text ? (JSON.parse(text) as unknown) : undefined };
}
const error = (status: number, result: Record<string, string>) => ({
  status,
  json: { status: 'error', result },
});
/** A raw withdrawal request, with the withdrawal key unless `key` is given. */
const withdraw = (body: unknown, key?: string | null, of: Sandbox = sandbox) =>
  call(
    'v2/invoice/api/out/create',
    body,
    key === undefined ? credentialsOf(of).withdrawalApiKey : key,
    of,
  );

/** Funds the balance: an invoice of `amount` paid in `coin` (rates are 1:1). */
async function fund(coin: string, amount: string, of: Sandbox = sandbox) {
  const invoice = await client(of).invoice.create({
    amount,
    add_fields: { cryptocurrency: coin },
  });
  expect(await of.act('cryptocloud', invoice.uuid, 'pay')).toMatchObject({ ok: true });
}
const balanceOf = async (coin: string, of: Sandbox = sandbox) =>
  (await client(of).balance.all()).find((wallet) => wallet.currency?.fullcode === coin);

describe('CryptoCloud static wallets', () => {
  it('create answers the wallet; the same user and coin get the same wallet again', async () => {
    const cryptocloud = client();
    const wallet = await cryptocloud.staticWallet.create({
      currency: 'USDT_TRC20',
      identify: 'user-1842',
    });
    expect(wallet).toMatchObject({
      currency: { code: 'USDT', fullcode: 'USDT_TRC20', network: { code: 'TRC20' } },
      uuid: expect.stringMatching(/^INV-[A-Z0-9]{8}$/),
      address: expect.any(String),
    });
    const again = await cryptocloud.staticWallet.create({
      currency: 'USDT_TRC20',
      identify: 'user-1842',
    });
    expect(again).toEqual(wallet);
    const other = await cryptocloud.staticWallet.create({ currency: 'BTC', identify: 'user-1842' });
    expect(other.uuid).not.toBe(wallet.uuid);
    expect(other.address).not.toBe(wallet.address);
  });

  it('rejects another project, an unknown coin and a missing user, naming each field', async () => {
    expect(
      await call('v2/invoice/static/create', {
        shop_id: 'UnknownShop',
        currency: 'DOGE',
        identify: 'user-1842',
      }),
    ).toMatchObject(
      error(400, { shop_id: 'Shop not found', currency: 'Currency is not supported' }),
    );
    expect(
      await call('v2/invoice/static/create', {
        shop_id: credentialsOf(sandbox).shopId,
        currency: 'BTC',
        identify: null,
      }),
    ).toMatchObject(error(400, { identify: 'This field is required.' }));
    expect(
      await call(
        'v2/invoice/static/create',
        { shop_id: credentialsOf(sandbox).shopId, currency: 'BTC', identify: 'u' },
        credentialsOf(sandbox).withdrawalApiKey,
      ),
    ).toMatchObject({ status: 403, json: { detail: 'Invalid header padding' } });
  });
});

describe('CryptoCloud withdrawals', () => {
  it('take the withdrawal key, not the project key', async () => {
    const body = {
      currency_code: 'BTC',
      to_address: '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa',
      amount: 1,
    };
    expect(await withdraw(body, credentialsOf(sandbox).apiKey)).toMatchObject({
      status: 403,
      json: { detail: 'Invalid header padding' },
    });
    expect(await withdraw(body, null)).toMatchObject(
      error(401, { authorization: 'Unauthorized request.' }),
    );
    const { withdrawalApiKey: _, ...projectOnly } = credentialsOf(sandbox);
    await expect(
      createCryptoCloud({
        ...projectOnly,
        baseUrl: sandbox.baseUrls.cryptocloud,
      }).withdrawal.create(body),
    ).rejects.toThrow('withdrawalApiKey');
  });

  it('reject missing params, unknown coins, addresses off the network and bad amounts', async () => {
    expect(await withdraw({ currency_code: 'BTC', amount: null })).toMatchObject(
      error(400, { required_parameter: 'Required parameters: to_address, amount' }),
    );
    expect(await withdraw({ currency_code: 'DOGE', to_address: 'D8x', amount: 1 })).toMatchObject(
      error(400, { currency_code: 'Currency is not supported' }),
    );
    for (const [coin, address] of [
      ['BTC', '0xnot-a-bitcoin-address'],
      ['USDT_TRC20', '0x3963430b5e2A52a4d5e1A8A3F0c2A4f109453468'],
      ['ETH', 'TJ9w2pQ6vX5fH4kL8mN3bR7cY1zA0sD2eG'],
    ]) {
      expect(await withdraw({ currency_code: coin, to_address: address, amount: 1 })).toMatchObject(
        error(400, { network: 'Incorrect address format' }),
      );
    }
    for (const amount of [0, -1, 'all']) {
      expect(await withdraw({ currency_code: 'ETH', to_address: '0xab12', amount })).toMatchObject(
        error(400, { uncorrected_amount: 'Incorrect amount' }),
      );
    }
    expect(await withdraw('{')).toMatchObject(error(400, { validate_error: 'Invalid JSON body' }));
  });

  it('never take more than the balance', async () => {
    const failure = await client()
      .withdrawal.create({
        currency_code: 'LTC',
        to_address: 'ltc1q9x3p5v7y2h4k6m8n0s2d4f6g8j0l2q4r6t8w0',
        amount: '0.1',
      })
      .catch((caught: unknown) => caught);
    expect(PayApiError.isInstance(failure) && failure.providerCode).toBe('uncorrected_amount');
    expect(
      await withdraw({
        currency_code: 'LTC',
        to_address: 'ltc1q9x3p5v7y2h4k6m8n0s2d4f6g8j0l2q4r6t8w0',
        amount: 0.1,
      }),
    ).toMatchObject(error(400, { uncorrected_amount: 'Insufficient funds' }));
  });

  it('a withdrawal is answered in `result` and `data`, and the balance reflects it', async () => {
    await fund('ETH', '1.5');
    expect(await balanceOf('ETH')).toMatchObject({
      balance_crypto: '1.5',
      available_balance: '1.5',
    });
    // Sent raw: `0.100000000000000001` has more digits than a float keeps.
    const answer = await withdraw(
      '{"currency_code":"ETH","to_address":"0x3963430b5e2A52a4d5e1A8A3F0c2A4f10945346fb82Aa49","amount":0.100000000000000001}',
    );
    const withdrawal = {
      invoice_id: expect.stringMatching(/^INV-[A-Z0-9]{8}$/),
      status: 'created',
      currency: 'ETH',
      amount: 0.1,
    };
    expect(answer).toMatchObject({ status: 200, json: { status: 'success', result: withdrawal } });
    expect((answer.json as { data: unknown }).data).toEqual(
      (answer.json as { result: unknown }).result,
    );
    // The digits sent, answered as a JSON number.
    expect(answer.text).toContain('"amount":0.100000000000000001}');

    const sdk = await client().withdrawal.create({
      currency_code: 'ETH',
      to_address: '0xab12',
      amount: '1.399999999999999999',
    });
    // (The SDK reads the answered number through JSON.parse: its 18 digits round to `1.4`.)
    expect(sdk).toMatchObject({ status: 'created', currency: 'ETH' });
    expect(await balanceOf('ETH')).toMatchObject({
      balance_crypto: '0',
      available_balance_usd: '0',
    });
    // Spent: one more is refused.
    expect(
      await withdraw({ currency_code: 'ETH', to_address: '0xab12', amount: 0.01 }),
    ).toMatchObject(error(400, { uncorrected_amount: 'Insufficient funds' }));
  });
});

describe('CryptoCloud withdrawal rate limit', () => {
  it('one request every 12 s by default: the next one is refused `rate_limit` (retryable)', async () => {
    const own = await startSandbox();
    try {
      await fund('BTC', '1', own);
      const body = {
        currency_code: 'BTC',
        to_address: 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq',
        amount: '0.1',
      };
      await expect(client(own).withdrawal.create(body)).resolves.toMatchObject({ amount: '0.1' });
      const refused = await client(own)
        .withdrawal.create(body)
        .catch((caught: unknown) => caught);
      expect(PayApiError.isInstance(refused) && [refused.providerCode, refused.retryable]).toEqual([
        'rate_limit',
        true,
      ]);
      expect(await withdraw(body, undefined, own)).toMatchObject(
        error(400, { rate_limit: 'Request limit exceeded' }),
      );
      // Refused requests took nothing.
      expect(await balanceOf('BTC', own)).toMatchObject({ balance_crypto: '0.9' });
    } finally {
      await own.close();
    }
  });

  it('follows providerOptions.cryptocloud.withdrawalIntervalMs, and checks it', async () => {
    const own = await startSandbox({
      providerOptions: { cryptocloud: { withdrawalIntervalMs: 150 } },
    });
    try {
      await fund('BTC', '1', own);
      const body = {
        currency_code: 'BTC',
        to_address: 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq',
        amount: '0.1',
      };
      await client(own).withdrawal.create(body);
      await new Promise((resolve) => setTimeout(resolve, 200));
      await expect(client(own).withdrawal.create(body)).resolves.toMatchObject({ amount: '0.1' });
    } finally {
      await own.close();
    }
    await expect(
      startSandbox({ providerOptions: { cryptocloud: { withdrawalIntervalMs: -1 } } }),
    ).rejects.toThrow('withdrawalIntervalMs');
  });

  it('a reset forgets withdrawals with the invoices that funded them', async () => {
    const own = await startSandbox({
      providerOptions: { cryptocloud: { withdrawalIntervalMs: 0 } },
    });
    try {
      await fund('SOL', '2', own);
      await client(own).withdrawal.create({
        currency_code: 'SOL',
        to_address: 'So1anaSandboxAddress1111111111',
        amount: '2',
      });
      expect(await balanceOf('SOL', own)).toMatchObject({ balance_crypto: '0' });
      await fetch(`${own.url}/_sandbox/reset`, { method: 'POST' });
      expect(await balanceOf('SOL', own)).toBeUndefined();
      await fund('SOL', '1', own);
      expect(await balanceOf('SOL', own)).toMatchObject({ balance_crypto: '1' });
    } finally {
      await own.close();
    }
  });
});

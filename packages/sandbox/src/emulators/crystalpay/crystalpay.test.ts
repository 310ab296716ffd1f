import { digestHex } from '@pay/core';
import { createCrystalPay } from '@pay/crystalpay';
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

/** A raw CrystalPay call, with the sandbox credentials unless `auth` overrides them. */
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

describe('CrystalPay emulator rejects what CrystalPay rejects', () => {
  it('wrong credentials', async () => {
    expect(
      await call(
        'invoice/create/',
        { amount: 1, type: 'topup', lifetime: 5 },
        { auth_secret: 'wrong' },
      ),
    ).toEqual({
      error: true,
      errors: ['Invalid auth credentials'],
    });
  });

  it('missing required fields, each named as the docs do', async () => {
    const answer = await call('invoice/create/', {});
    expect(answer.error).toBe(true);
    expect(answer.errors).toEqual([
      '`amount` field is required',
      '`type` field is required',
      '`lifetime` field is required',
    ]);
  });

  it('values outside the enums and bad amounts', async () => {
    const answer = await call('invoice/create/', {
      amount: -1,
      type: 'gift',
      lifetime: 0,
      subtract_from: 'nowhere',
    });
    expect(answer.errors).toEqual([
      '`amount` field is invalid',
      '`type` field is invalid',
      '`lifetime` field is invalid',
      '`subtract_from` field is invalid',
    ]);
  });

  it('a payoff whose signature is not sha1(amount:method:wallet:salt)', async () => {
    const payoff = {
      amount: '100',
      method: 'BITCOIN',
      wallet: 'bc1qexample',
      subtract_from: 'balance',
    };
    const bad = await call('payoff/create/', {
      ...payoff,
      signature: digestHex('sha1', '100:BITCOIN:bc1qexample:wrong'),
    });
    expect(bad).toEqual({ error: true, errors: ['Invalid signature'] });
    const salt = sandbox.credentials.crystalpay.salt;
    const good = await call('payoff/create/', {
      ...payoff,
      signature: digestHex('sha1', `100:BITCOIN:bc1qexample:${salt}`),
    });
    expect(good).toMatchObject({ error: false, state: 'created', amount: '100' });
  });

  it('an unknown invoice, an unknown method and a body that is not JSON', async () => {
    expect(await call('invoice/info/', { id: 'nope' })).toEqual({
      error: true,
      errors: ['Invoice not found'],
    });
    expect(await call('nothing/here/', {})).toEqual({
      error: true,
      errors: ['not emulated by @pay/sandbox: /v3/nothing/here/'],
    });
    const response = await fetch(`${sandbox.baseUrls.crystalpay}/v3/invoice/create/`, {
      method: 'POST',
      body: '{',
    });
    expect(await response.json()).toEqual({ error: true, errors: ['Invalid JSON body'] });
  });
});

describe('CrystalPay end to end through the SDK', () => {
  it('create → pay → signed callback → info shows payed', async () => {
    const crystalpay = createCrystalPay({
      ...sandbox.credentials.crystalpay,
      baseUrl: sandbox.baseUrls.crystalpay,
    } as never);
    const invoice = await crystalpay.invoice.create({
      amount: '250.75',
      type: 'purchase',
      lifetime: 15,
      extra: 'order-7',
      callback_url: receiver.url,
    });
    expect(invoice.url).toBe(`${sandbox.url}/_sandbox/pay/crystalpay/${invoice.id}`);
    const result = await sandbox.act('crystalpay', invoice.id, 'pay');
    expect(result.ok && result.callback?.acknowledged).toBe(true);
    const callback = JSON.parse((await receiver.next()).body) as Record<string, unknown>;
    expect(callback).toMatchObject({
      id: invoice.id,
      state: 'payed',
      amount: '250.75',
      extra: 'order-7',
    });
    expect(callback.signature).toBe(
      digestHex('sha1', `${invoice.id}:${sandbox.credentials.crystalpay.salt}`),
    );
    const info = await call('invoice/info/', { id: invoice.id });
    expect(info).toMatchObject({ state: 'payed', balance_amount: '250.75', remaining_amount: '0' });
  });
});

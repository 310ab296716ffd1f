import { createHash } from 'node:crypto';
import { PayConfigError, PayValidationError } from '@pay/core';
import { jsonResponse, stubFetch } from '@pay/core/testing';
import { describe, expect, it } from 'vitest';
import { createCrystalPay } from './crystalpay-client.ts';
import { createBodySigner, crystalPaySignature } from './crystalpay-signing.ts';

// The specification's test vectors (made-up salt `test_salt_2f8a`), reproduced exactly.
const SALT = 'test_salt_2f8a';
const credentials = { login: 'shop_login', secret: 'shop_secret_abc', salt: SALT };
const payoffAnswer = { error: false, errors: [], id: '123456789_payoffid', state: 'created' };

/** sha1 computed here with node:crypto directly, independent of the code under test. */
const sha1 = (text: string) => createHash('sha1').update(text, 'utf8').digest('hex');

describe('test vectors', () => {
  it('callback for the docs sample invoice id', () => {
    expect(crystalPaySignature(['123456789_abcdefghij'], SALT)).toBe(
      'edc4a40a51fe09ce31606e3298e19fbc93fccae2',
    );
  });

  it('payoff/create: amount:method:wallet:salt', () => {
    expect(crystalPaySignature(['100', 'BITCOIN', 'bc1qexample'], SALT)).toBe(
      '5c689274a95ca6965a79ae33d12258f0f996a27f',
    );
  });

  it('payoff/submit: id:salt', () => {
    expect(crystalPaySignature(['123456789_payoffid'], SALT)).toBe(
      '839b54728aeb1f9bb881913c40538daa284ac4b5',
    );
  });
});

describe('signed requests', () => {
  it('payoff.create sends the amount as the exact string it signed (test vector)', async () => {
    const fetch = stubFetch(() => jsonResponse(payoffAnswer));
    const crystalpay = createCrystalPay({ ...credentials, fetch });
    await crystalpay.payoff.create({
      amount: 100,
      method: 'BITCOIN',
      wallet: 'bc1qexample',
      subtract_from: 'balance',
    });
    expect(fetch.calls[0]?.url).toBe('https://api.crystalpay.io/v3/payoff/create/');
    expect(fetch.calls[0]?.body).toBe(
      '{"auth_login":"shop_login","auth_secret":"shop_secret_abc","amount":"100","method":"BITCOIN",' +
        '"wallet":"bc1qexample","subtract_from":"balance",' +
        '"signature":"5c689274a95ca6965a79ae33d12258f0f996a27f"}',
    );
  });

  it('signs the canonical decimal: 100.50 is signed and sent as 100.5', async () => {
    const fetch = stubFetch(() => jsonResponse(payoffAnswer));
    const crystalpay = createCrystalPay({ ...credentials, fetch });
    await crystalpay.payoff.create({
      amount: '100.50',
      method: 'USDTTRC',
      wallet: 'TXexample',
      subtract_from: 'amount',
    });
    const body = JSON.parse(fetch.calls[0]?.body ?? '');
    expect(body.amount).toBe('100.5');
    expect(body.signature).toBe(sha1(`100.5:USDTTRC:TXexample:${SALT}`));
  });

  it('payoff.submit and payoff.cancel sign id:salt (test vector)', async () => {
    const fetch = stubFetch(() => jsonResponse(payoffAnswer));
    const crystalpay = createCrystalPay({ ...credentials, fetch });
    await crystalpay.payoff.submit({ id: '123456789_payoffid' });
    await crystalpay.payoff.cancel({ id: '123456789_payoffid' });
    for (const call of fetch.calls) {
      expect(JSON.parse(call.body).signature).toBe('839b54728aeb1f9bb881913c40538daa284ac4b5');
    }
    expect(fetch.calls.map((call) => new URL(call.url).pathname)).toEqual([
      '/v3/payoff/submit/',
      '/v3/payoff/cancel/',
    ]);
  });

  it('swap.create signs amount:pair_id and transfer.create amount:method:receiver', async () => {
    const fetch = stubFetch(() => jsonResponse({ error: false, errors: [], id: 7 }));
    const crystalpay = createCrystalPay({ ...credentials, fetch });
    await crystalpay.swap.create({ pair_id: 12, amount: '0.015', amount_type: 'source' });
    await crystalpay.transfer.create({ method: 'USDTTRC', amount: 25, receiver: 'other_shop' });
    const [swap, transfer] = fetch.calls.map((call) => JSON.parse(call.body));
    expect(swap).toMatchObject({ pair_id: 12, amount: '0.015', amount_type: 'source' });
    expect(swap.signature).toBe(sha1(`0.015:12:${SALT}`));
    expect(transfer).toMatchObject({ method: 'USDTTRC', amount: '25', receiver: 'other_shop' });
    expect(transfer.signature).toBe(sha1(`25:USDTTRC:other_shop:${SALT}`));
  });

  it('signs a numeric transfer or swap id by its digits, sending the number as given', async () => {
    const fetch = stubFetch(() => jsonResponse({ error: false, errors: [], id: 4512 }));
    const crystalpay = createCrystalPay({ ...credentials, fetch });
    await crystalpay.transfer.submit({ id: 4512 });
    await crystalpay.swap.cancel({ id: 'swap_1' });
    const [transfer, swap] = fetch.calls.map((call) => JSON.parse(call.body));
    expect(transfer).toMatchObject({ id: 4512, signature: sha1(`4512:${SALT}`) });
    expect(swap).toMatchObject({ id: 'swap_1', signature: sha1(`swap_1:${SALT}`) });
  });

  it('follows the signedFields setting for an unconfirmed formula', async () => {
    const fetch = stubFetch(() => jsonResponse({ error: false, errors: [], id: 's1' }));
    const crystalpay = createCrystalPay({
      ...credentials,
      fetch,
      signedFields: { 'swap/create': ['pair_id', 'amount', 'amount_type'] },
    });
    await crystalpay.swap.create({ pair_id: 3, amount: 10, amount_type: 'target' });
    expect(JSON.parse(fetch.calls[0]?.body ?? '').signature).toBe(sha1(`3:10:target:${SALT}`));
  });

  it('refuses a signedFields entry for an unknown call or with no fields', () => {
    expect(() =>
      // @ts-expect-error: not a signed call
      createCrystalPay({ ...credentials, signedFields: { 'invoice/create': ['amount'] } }),
    ).toThrow(PayConfigError);
    expect(() =>
      createCrystalPay({ ...credentials, signedFields: { 'payoff/submit': [] } }),
    ).toThrow('signedFields.payoff/submit');
  });

  it('refuses to sign when a listed field is absent, before sending', async () => {
    const fetch = stubFetch(() => jsonResponse(payoffAnswer));
    const crystalpay = createCrystalPay({
      ...credentials,
      fetch,
      signedFields: { 'transfer/create': ['amount', 'description'] },
    });
    const error = await crystalpay.transfer
      .create({ method: 'USDTTRC', amount: 1, receiver: 'r' })
      .catch((caught: unknown) => caught);
    expect(PayValidationError.isInstance(error)).toBe(true);
    expect((error as PayValidationError).issues[0]?.path).toBe('description');
    expect(fetch.calls).toHaveLength(0);
  });

  it('throws a PayConfigError for an operation the signer does not know (a bug, not bad input)', () => {
    const sign = createBodySigner(SALT, undefined, 'CrystalPay');
    expect(() => sign('invoice/create', { amount: '1' })).toThrow(PayConfigError);
    expect(() => sign('invoice/create', { amount: '1' })).toThrow('no signed fields');
  });
});

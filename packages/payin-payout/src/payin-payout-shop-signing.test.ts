import { digestHex } from '@pay/core';
import { describe, expect, it } from 'vitest';
import { createPayinPayoutShop } from './payin-payout-shop-client.ts';
import { formatAgentTime, shopSign } from './payin-payout-shop-signing.ts';

// SPEC §2.2 and §5.2 vectors: the docs' example values with the literal secret `secret`.

/** 13:12:03 10.01.2010 in Moscow (UTC+3 that winter). */
const docsClock = 1263118323_000;

describe('shopSign: SPEC vectors', () => {
  it('MD5("secret") is the tail every sign ends with', () => {
    expect(digestHex('md5', 'secret')).toBe('5ebe2294ecd0e0f08eab7690d2a6ee69');
  });

  it.each([
    ['registration, phone with +', '+79090000001', '238e2e1141939f6fcc4728b0ff66b7f2'],
    ['registration, phone without +', '79090000001', '32ad5d99893942eca0d990acf05e81e3'],
  ])('%s', (_name, phone, sign) => {
    expect(shopSign(['8686', '87876', '13:12:03 10.01.2010', '166.70', phone], 'secret')).toBe(
      sign,
    );
  });

  it('payment notification, and the amount trap', () => {
    const fields = (amount: string) => [
      '8686',
      '87876',
      '12345678',
      amount,
      '79090000001',
      '1',
      '13:12:03 10.01.2010',
    ];
    expect(shopSign(fields('166.70'), 'secret')).toBe('ec8f42e216d1dbcb42f9d181d8964211');
    expect(shopSign(fields('166.7'), 'secret')).toBe('501c0f0233022311225c96a9c93edea3');
  });
});

describe('formatAgentTime', () => {
  it('writes HH:mm:SS dd.MM.yyyy in Moscow time by default', () => {
    expect(formatAgentTime(docsClock)).toBe('13:12:03 10.01.2010');
    expect(formatAgentTime(new Date(docsClock), 'UTC')).toBe('10:12:03 10.01.2010');
  });

  it('writes midnight as 00, not 24', () => {
    expect(formatAgentTime(Date.UTC(2024, 0, 31, 21, 0, 0))).toBe('00:00:00 01.02.2024');
  });
});

describe('signing through the shop client', () => {
  const shop = (secret = 'secret') =>
    createPayinPayoutShop({ agentId: 8686, secret, now: () => docsClock });
  const docsPayment = {
    orderId: '87876',
    agentName: 'Superstore',
    amount: 166.7, // a number: padded to 166.70 before signing, as the provider checks it
    goods: 'Notebook',
    email: 'user@example.ru',
  };

  it.each([
    ['+79090000001', '238e2e1141939f6fcc4728b0ff66b7f2'],
    ['79090000001', '32ad5d99893942eca0d990acf05e81e3'],
  ])('signs the docs registration with phone %s, filling in agentTime', (phone, sign) => {
    const form = shop().shop.paymentForm({ ...docsPayment, phone });
    expect(form.fields).toMatchObject({
      agentId: '8686',
      amount: '166.70',
      phone,
      agentTime: '13:12:03 10.01.2010',
      sign,
    });
  });

  it('signs the token too when one is given', () => {
    const form = shop().shop.paymentForm({
      ...docsPayment,
      phone: '79090000001',
      token: 'tok_5syp0eu70mb',
    });
    // MD5('8686#87876#13:12:03 10.01.2010#166.70#79090000001#tok_5syp0eu70mb#' + MD5('secret')),
    // computed independently with Python's hashlib.
    expect(form.fields.sign).toBe('8524a99a9de20753970bceeb58074e63');
  });
});

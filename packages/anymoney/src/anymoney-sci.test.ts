import { PayConfigError, PayValidationError } from '@pay/core';
import { describe, expect, it } from 'vitest';
import { createAnyMoney } from './anymoney-client.ts';
import { signSciFields } from './anymoney-signing.ts';

const client = createAnyMoney({ merchantId: '13', apiKey: 'test_api_key', sciKey: 'test_sci_key' });

describe('sci.invoiceForm', () => {
  it('adds merchant, writes is_multipay as a string, sorts the fields and signs them', () => {
    const form = client.sci.invoiceForm({
      amount: '100.50',
      externalid: 'ORDER-9',
      in_curr: 'USD',
      is_multipay: false,
      redirect_url: 'https://shop.example/Done',
    });
    expect(form.action).toBe('https://sci.any.money/invoice');
    expect(form.method).toBe('POST');
    // The amount is canonicalised once ('100.50' → '100.5'), so the signing example's own sign
    // (over '100.50') is checked through signSciFields; this sign was computed independently
    // (Python hmac) over '100.5order-9usdfalse13https://shop.example/done'.
    expect(form.fields).toEqual({
      amount: '100.5',
      externalid: 'ORDER-9',
      in_curr: 'USD',
      is_multipay: 'false',
      merchant: '13',
      redirect_url: 'https://shop.example/Done',
      sign: '7209c5462710ba2a68298e57dc9e32dce67bc1440a70670d3c38caa7f48daa12e28a2dee57615096b97f174ed0a2a5241027dc9e6c810fbd464da69ae706c196',
    });
    expect(Object.keys(form.fields).at(-1)).toBe('sign');
  });

  it('signs with the SCI key, not the API key', () => {
    const form = client.sci.invoiceForm({ amount: 5, externalid: 'A', in_curr: 'UAH' });
    const { sign, ...fields } = form.fields;
    expect(sign).toBe(signSciFields('test_sci_key', fields));
    expect(sign).not.toBe(signSciFields('test_api_key', fields));
  });

  it('checks lifetime and merchant_payfee like invoice.create, and uses sciBaseUrl', () => {
    const proxied = createAnyMoney({
      merchantId: '13',
      apiKey: 'a_key',
      sciKey: 's_key',
      sciBaseUrl: 'http://127.0.0.1:4010/sci/',
    });
    const form = proxied.sci.invoiceForm({
      amount: '1',
      externalid: 'A',
      in_curr: 'UAH',
      lifetime: 86_400_000,
      merchant_payfee: '0.5',
      is_multipay: 'true',
    });
    expect(form.action).toBe('http://127.0.0.1:4010/sci/invoice');
    expect(form.fields).toMatchObject({
      lifetime: '1d',
      merchant_payfee: '0.5',
      is_multipay: 'true',
    });
    expect(() =>
      proxied.sci.invoiceForm({ amount: '1', externalid: 'A', in_curr: 'UAH', lifetime: '30m' }),
    ).toThrow(PayValidationError);
  });

  it('needs an sciKey', () => {
    const withoutSci = createAnyMoney({ merchantId: '13', apiKey: 'a_key' });
    expect(() =>
      withoutSci.sci.invoiceForm({ amount: 1, externalid: 'A', in_curr: 'UAH' }),
    ).toThrow(PayConfigError);
  });
});

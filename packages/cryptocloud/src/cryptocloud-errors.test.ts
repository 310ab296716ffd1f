import { describe, expect, it } from 'vitest';
import { readCryptoCloudError } from './cryptocloud-errors.ts';

const read = (status: number, body: unknown, operation = 'invoice/create') =>
  readCryptoCloudError({ status, body, operation });

describe('readCryptoCloudError', () => {
  it('passes success bodies, and bodies without status or detail, to the result schema', () => {
    expect(read(200, { status: 'success', result: { uuid: 'INV-1' } })).toBeUndefined();
    expect(read(200, { result: [] })).toBeUndefined();
    expect(read(200, 'unexpected')).toBeUndefined();
    expect(read(200, [1, 2])).toBeUndefined();
    expect(read(200, null)).toBeUndefined();
  });

  it('keeps every per-field message, in order, and the map verbatim', () => {
    const info = read(400, {
      status: 'error',
      result: { amount: 'Amount must be greater than 0', currency: ['Unknown currency', 'XYZ'] },
    });
    expect(info).toEqual({
      providerCode: undefined,
      providerMessage: 'amount: Amount must be greater than 0; currency: Unknown currency; XYZ',
      details: { amount: 'Amount must be greater than 0', currency: 'Unknown currency; XYZ' },
      hint: undefined,
      retryable: undefined,
    });
  });

  it('uses a single error key as the code, with what to do', () => {
    expect(
      read(401, { status: 'error', result: { authorization: 'Unauthorized request.' } }),
    ).toEqual({
      providerCode: 'authorization',
      providerMessage: 'authorization: Unauthorized request.',
      details: { authorization: 'Unauthorized request.' },
      hint: 'check `apiKey`: CryptoCloud did not accept it',
      retryable: undefined,
    });
    expect(
      read(400, { status: 'error', result: { validate_error: 'Invoice is not created' } }),
    ).toMatchObject({ providerCode: 'validate_error', hint: undefined });
  });

  it('names the withdrawal key, and marks rate_limit as retryable', () => {
    const operation = 'invoice/api/out/create';
    expect(
      read(401, { status: 'error', result: { authorization: 'Unauthorized request.' } }, operation)
        ?.hint,
    ).toContain('withdrawalApiKey');
    expect(
      read(400, { status: 'error', result: { rate_limit: 'Too many requests' } }, operation),
    ).toMatchObject({
      providerCode: 'rate_limit',
      retryable: true,
      hint: expect.stringContaining('12 s'),
    });
  });

  it('reads the detail body of a malformed key', () => {
    expect(read(403, { detail: 'Signature verification failed' })).toEqual({
      providerMessage: 'Signature verification failed',
      details: { detail: 'Signature verification failed' },
      hint: 'the API key is malformed: copy it again from the CryptoCloud dashboard',
    });
  });

  it('reads v1 messages and plain-text results', () => {
    expect(read(401, { message: 'Unauthenticated.' }, 'v1/invoice/create')).toEqual({
      providerMessage: 'Unauthenticated.',
    });
    expect(read(400, { status: 'error', result: 'Invoice is not created' })).toEqual({
      providerMessage: 'Invoice is not created',
    });
  });

  it('treats a 2xx body with another status as an error', () => {
    expect(read(200, { status: 'error', result: { shop_id: 'Shop not found' } })).toMatchObject({
      providerCode: 'shop_id',
      hint: expect.stringContaining('shopId'),
    });
    expect(read(200, { status: 'fail' })).toEqual({ providerMessage: 'status "fail"' });
  });

  it('finds nothing in a non-2xx body it cannot read (the transport still fails the call)', () => {
    expect(read(500, { status: 'error' })).toBeUndefined();
    expect(read(502, 'Bad gateway')).toBeUndefined();
  });
});

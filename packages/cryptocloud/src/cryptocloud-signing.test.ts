import { createHmac } from 'node:crypto';
import { PaySignatureError } from '@pay/core';
import { describe, expect, it } from 'vitest';
import { bareInvoiceId, signPostbackToken, verifyPostbackToken } from './cryptocloud-signing.ts';

// A worked example: secret and id made up, the token minted independently (Python and Node agree).
const vector = {
  secret: 'cc_test_secret_key_0001',
  exp: 1767225900,
  token:
    'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpZCI6IkFCQ0QxMjM0IiwiZXhwIjoxNzY3MjI1OTAwfQ.YzWcM0A2ZGM9aK4MSp0B-7COEXfihyzxd51IT5IDUhA',
};
const beforeExp = (vector.exp - 60) * 1000;
const settings = (overrides: { secretKey?: string; now?: number; clockToleranceMs?: number }) => ({
  secretKey: overrides.secretKey ?? vector.secret,
  now: () => overrides.now ?? beforeExp,
  clockToleranceMs: overrides.clockToleranceMs ?? 0,
});

async function failureOf(pending: Promise<unknown>): Promise<PaySignatureError> {
  const error = await pending.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(PaySignatureError.isInstance(error), String(error)).toBe(true);
  return error as PaySignatureError;
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A token made by hand, so the header can say anything. */
function handMadeToken(header: object, claims: object, secret = vector.secret): string {
  const signingInput = `${base64url(header)}.${base64url(claims)}`;
  const signature = createHmac('sha256', secret).update(signingInput).digest('base64url');
  return `${signingInput}.${signature}`;
}

describe('the worked example', () => {
  it('signs exactly the documented token', async () => {
    expect(await signPostbackToken('ABCD1234', vector.secret, vector.exp)).toBe(vector.token);
  });

  it.each(['ABCD1234', 'INV-ABCD1234'])('accepts it for invoice_id %s', async (invoiceId) => {
    const claims = await verifyPostbackToken(vector.token, invoiceId, settings({}));
    expect(claims).toEqual({ id: 'ABCD1234', exp: vector.exp });
  });

  it('refuses it with a wrong secret: invalid signature', async () => {
    const error = await failureOf(
      verifyPostbackToken(vector.token, 'ABCD1234', settings({ secretKey: 'another_secret_key' })),
    );
    expect(error.reason).toBe('mismatch');
    expect(error.message).toContain('signature');
  });

  it.each([vector.exp, vector.exp + 1, vector.exp + 86_400])(
    'refuses it as expired at now = %i s (no tolerance)',
    async (nowSeconds) => {
      const error = await failureOf(
        verifyPostbackToken(vector.token, 'ABCD1234', settings({ now: nowSeconds * 1000 })),
      );
      expect(error.reason).toBe('expired');
    },
  );

  it('accepts it one second before exp (no tolerance)', async () => {
    const now = (vector.exp - 1) * 1000;
    await expect(verifyPostbackToken(vector.token, 'ABCD1234', settings({ now }))).resolves.toEqual(
      {
        id: 'ABCD1234',
        exp: vector.exp,
      },
    );
  });

  it('refuses it for invoice_id ZZZZ9999: id mismatch', async () => {
    const error = await failureOf(verifyPostbackToken(vector.token, 'ZZZZ9999', settings({})));
    expect(error.reason).toBe('mismatch');
    expect(error.message).toContain('another invoice');
  });
});

describe('verifyPostbackToken', () => {
  it('moves the expiry by the clock tolerance, and only by it', async () => {
    const tolerance = settings({ clockToleranceMs: 60_000 });
    const at = (seconds: number) => ({ ...tolerance, now: () => seconds * 1000 });
    await expect(
      verifyPostbackToken(vector.token, 'ABCD1234', at(vector.exp + 59)),
    ).resolves.toBeDefined();
    const error = await failureOf(
      verifyPostbackToken(vector.token, 'ABCD1234', at(vector.exp + 60)),
    );
    expect(error.reason).toBe('expired');
  });

  it.each([
    ['none', { alg: 'none', typ: 'JWT' }],
    ['HS512', { alg: 'HS512', typ: 'JWT' }],
    ['RS256', { alg: 'RS256', typ: 'JWT' }],
  ])('refuses alg %s', async (_name, header) => {
    const claims = { id: 'ABCD1234', exp: vector.exp };
    const token =
      header.alg === 'none'
        ? `${base64url(header)}.${base64url(claims)}.`
        : handMadeToken(header, claims);
    const error = await failureOf(verifyPostbackToken(token, 'ABCD1234', settings({})));
    expect(error.reason).toBe('malformed');
    expect(error.message).toContain('not HS256');
  });

  it('refuses a token without exp, and one without id', async () => {
    const header = { alg: 'HS256', typ: 'JWT' };
    const noExp = handMadeToken(header, { id: 'ABCD1234' });
    expect((await failureOf(verifyPostbackToken(noExp, 'ABCD1234', settings({})))).reason).toBe(
      'malformed',
    );
    const noId = handMadeToken(header, { exp: vector.exp });
    const error = await failureOf(verifyPostbackToken(noId, 'ABCD1234', settings({})));
    expect(error.message).toContain('no invoice `id`');
  });

  it('compares a numeric id claim as text', async () => {
    const token = handMadeToken({ alg: 'HS256', typ: 'JWT' }, { id: 13, exp: vector.exp });
    await expect(verifyPostbackToken(token, '13', settings({}))).resolves.toMatchObject({ id: 13 });
    expect((await failureOf(verifyPostbackToken(token, '14', settings({})))).reason).toBe(
      'mismatch',
    );
  });

  it.each(['', 'not-a-jwt', 'a.b', 'a.b.c', `${vector.token}x`])(
    'refuses the garbled token %j without echoing the secret',
    async (token) => {
      const error = await failureOf(verifyPostbackToken(token, 'ABCD1234', settings({})));
      expect(['malformed', 'mismatch']).toContain(error.reason);
      expect(JSON.stringify(error) + String(error)).not.toContain(vector.secret);
    },
  );

  it('refuses a token whose payload was swapped under the original signature', async () => {
    const [header, , signature] = vector.token.split('.');
    const forged = `${header}.${base64url({ id: 'ZZZZ9999', exp: vector.exp })}.${signature}`;
    const error = await failureOf(verifyPostbackToken(forged, 'ZZZZ9999', settings({})));
    expect(error.reason).toBe('mismatch');
  });
});

describe('bareInvoiceId', () => {
  it('drops the INV- prefix only at the start', () => {
    expect(bareInvoiceId('INV-89UX09KA')).toBe('89UX09KA');
    expect(bareInvoiceId('inv-89UX09KA')).toBe('89UX09KA');
    expect(bareInvoiceId('89UX09KA')).toBe('89UX09KA');
    expect(bareInvoiceId('ABINV-1')).toBe('ABINV-1');
  });
});

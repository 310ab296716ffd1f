import { inspect } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import { assertSupportedRuntime } from '../runtime.ts';
import { PayApiError } from './pay-api-error.ts';
import { PayConfigError } from './pay-config-error.ts';
import { PayError, redactSecrets } from './pay-error.ts';
import { PayNetworkError } from './pay-network-error.ts';
import { PayResponseError } from './pay-response-error.ts';
import { PaySignatureError } from './pay-signature-error.ts';
import { PayValidationError } from './pay-validation-error.ts';

const context = { provider: 'CrystalPay', operation: 'invoice/create' };

const samples = () => [
  new PayConfigError('salt', 'is required', context),
  new PayValidationError([{ path: 'amount', message: 'must be above 0' }], context),
  new PayApiError({ ...context, status: 200, providerMessage: 'Invoice not found' }),
  new PayNetworkError({ ...context, reason: 'connection reset', timeout: false }),
  new PayResponseError({ ...context, status: 502, reason: 'not-json', bodyPreview: '<html>' }),
  new PaySignatureError({ ...context, reason: 'mismatch', detail: 'signature does not match' }),
];

describe('error tree', () => {
  it('every error is a PayError and an instance of exactly its own class', () => {
    const classes = [
      PayConfigError,
      PayValidationError,
      PayApiError,
      PayNetworkError,
      PayResponseError,
      PaySignatureError,
    ];
    for (const [index, error] of samples().entries()) {
      expect(PayError.isInstance(error)).toBe(true);
      expect(error).toBeInstanceOf(Error);
      for (const [other, errorClass] of classes.entries()) {
        expect(errorClass.isInstance(error)).toBe(index === other);
      }
    }
    expect(PayError.isInstance(new Error('plain'))).toBe(false);
    expect(PayError.isInstance(null)).toBe(false);
    expect(PayError.isInstance('PayError')).toBe(false);
  });

  it('isInstance works across two copies of the module, where instanceof does not', async () => {
    vi.resetModules();
    // After resetModules, a dynamic import evaluates the module again: a second copy.
    const copy = await import('./pay-api-error.ts');
    const copyBase = await import('./pay-error.ts');
    expect(copy.PayApiError).not.toBe(PayApiError);
    const foreign = new copy.PayApiError({ ...context, status: 500 });
    expect(foreign instanceof PayApiError).toBe(false);
    expect(PayApiError.isInstance(foreign)).toBe(true);
    expect(PayError.isInstance(foreign)).toBe(true);
    expect(copyBase.PayError.isInstance(new PayApiError({ status: 500 }))).toBe(true);
    expect(PayNetworkError.isInstance(foreign)).toBe(false);
  });

  it('messages name the provider, the operation and what happened', () => {
    const messages = samples().map((error) => error.message);
    for (const message of messages) expect(message).toMatch(/^CrystalPay invoice\/create: /);
    expect(messages[0]).toContain('setting `salt` is required');
    expect(messages[1]).toContain('amount: must be above 0');
    expect(messages[2]).toContain('Invoice not found');
    expect(messages[3]).toContain('connection reset');
    expect(messages[4]).toContain('not JSON');
    expect(messages[5]).toContain('(mismatch)');
  });

  it('PayApiError derives retryable from the status unless told', () => {
    expect(new PayApiError({ status: 503 }).retryable).toBe(true);
    expect(new PayApiError({ status: 429 }).retryable).toBe(true);
    expect(new PayApiError({ status: 400 }).retryable).toBe(false);
    expect(new PayApiError({ status: 200, retryable: true }).retryable).toBe(true);
    expect(new PayApiError({ status: 401 }).message).toContain('HTTP 401');
  });

  it('keeps the cause and serialises to a plain object without it', () => {
    const cause = new Error('socket hang up');
    const error = new PayNetworkError({ ...context, reason: 'reset', cause });
    expect(error.cause).toBe(cause);
    const json = JSON.parse(JSON.stringify(error));
    expect(json).toMatchObject({ name: 'PayNetworkError', provider: 'CrystalPay', timeout: false });
    expect(json).not.toHaveProperty('cause');
    expect(json).not.toHaveProperty('stack');
  });

  it('markers stay out of inspect output and enumeration', () => {
    const error = samples()[2]!;
    expect(Object.getOwnPropertySymbols(error).length).toBeGreaterThan(0);
    expect(Object.keys(error)).not.toContain('Symbol(pay.error.PayError)');
    expect(inspect(error)).not.toContain('pay.error');
  });
});

describe('redactSecrets', () => {
  it('replaces every occurrence of each secret', () => {
    expect(redactSecrets('key=abcd1234 again abcd1234', ['abcd1234'])).toBe(
      'key=[redacted] again [redacted]',
    );
  });

  it('leaves text alone for secrets too short to matter', () => {
    expect(redactSecrets('a b c', ['a', ''])).toBe('a b c');
  });
});

describe('assertSupportedRuntime', () => {
  it('names the required runtime when JSON.rawJSON is missing, and passes where it exists', () => {
    expect(() => assertSupportedRuntime({})).toThrow(/needs Node\.js 22 or newer/);
    expect(
      PayConfigError.isInstance(
        (() => {
          try {
            assertSupportedRuntime({});
          } catch (e) {
            return e;
          }
        })(),
      ),
    ).toBe(true);
    expect(() => assertSupportedRuntime()).not.toThrow();
  });
});

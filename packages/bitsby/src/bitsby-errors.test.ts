import { PayApiError } from '@pay/core';
import { describe, expect, it } from 'vitest';
import { isRateLimited, readBitsbyError } from './bitsby-errors.ts';

const read = (body: unknown, operation = 'invoices/list', status = 200) =>
  readBitsbyError({ body, operation, status });

describe('readBitsbyError', () => {
  it('ignores success envelopes and bodies that are no envelope', () => {
    expect(read({ result: 'success', data: [] })).toBeUndefined();
    expect(read('unexpected')).toBeUndefined();
    expect(read(null)).toBeUndefined();
  });

  it('keeps the message verbatim', () => {
    expect(read({ result: 'error', data: 'Invoice not found' })).toMatchObject({
      providerMessage: 'Invoice not found',
      details: undefined,
    });
  });

  it('marks "Requests too frequent" retryable with a hint about the limit', () => {
    const info = read({ result: 'error', data: 'Requests too frequent' });
    expect(info?.retryable).toBe(true);
    expect(info?.hint).toContain('1 request per second');
  });

  it('explains a refused cancel and keeps an undocumented non-string data', () => {
    expect(read({ result: 'error', data: 'Cannot cancel' }, 'invoices/cancel')?.hint).toContain(
      'views = 0',
    );
    expect(read({ result: 'error', data: { field: 'x' } })).toMatchObject({
      providerMessage: 'unspecified error',
      details: { data: { field: 'x' } },
    });
  });
});

describe('isRateLimited', () => {
  it('knows the message and HTTP 429, nothing else', () => {
    const error = (status: number, providerMessage?: string) =>
      new PayApiError({ status, providerMessage });
    expect(isRateLimited(error(200, 'Requests too frequent'))).toBe(true);
    expect(isRateLimited(error(429))).toBe(true);
    expect(isRateLimited(error(200, 'Invoice not found'))).toBe(false);
    expect(isRateLimited(new Error('Requests too frequent'))).toBe(false);
  });
});

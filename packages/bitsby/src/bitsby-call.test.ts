import { PayApiError, PayNetworkError, type Transport } from '@pay/core';
import * as v from 'valibot';
import { describe, expect, it, vi } from 'vitest';
import { createBitsbyCall } from './bitsby-call.ts';
import { RATE_LIMIT_MESSAGE } from './bitsby-errors.ts';
import type { RateLimiter } from './bitsby-rate-limit.ts';

const tooFrequent = () =>
  new PayApiError({
    provider: 'Bitsby',
    operation: 'invoices/list',
    status: 200,
    providerMessage: RATE_LIMIT_MESSAGE,
    retryable: true,
  });
const refused = () =>
  new PayApiError({ status: 200, providerMessage: 'Invoice not found', retryable: false });
const reset = () => new PayNetworkError({ reason: 'connection reset' });

/** A transport that plays the given outcomes in turn (an Error is thrown, anything else returned). */
function scriptedTransport(...outcomes: unknown[]) {
  const request = vi.fn(async () => {
    const outcome = outcomes.shift();
    if (outcome instanceof Error) throw outcome;
    return outcome;
  });
  return { request } as unknown as Transport & { request: typeof request };
}

function setup(transport: Transport, maxRetries = 2) {
  const limiter = { acquire: vi.fn(async () => {}), holdOff: vi.fn() } satisfies RateLimiter;
  const sleeps: number[] = [];
  const sleep = vi.fn(async (ms: number, signal?: AbortSignal) => {
    sleeps.push(ms);
    if (signal?.aborted) throw signal.reason;
  });
  const call = createBitsbyCall({
    transport,
    limiter,
    apiKey: 'key_123456',
    maxRetries,
    retryDelayMs: 1000,
    sleep,
  });
  return { call, limiter, sleeps };
}

const read = { idempotent: true } as const;
const write = { idempotent: false } as const;

describe('createBitsbyCall', () => {
  it('sends fields as multipart with the token, each attempt after its turn in the queue', async () => {
    const transport = scriptedTransport('ok');
    const { call, limiter } = setup(transport);
    await expect(call('invoices/cancel', [['invoiceId', 'x']], v.string(), write)).resolves.toBe(
      'ok',
    );
    expect(limiter.acquire).toHaveBeenCalledTimes(1);
    expect(transport.request).toHaveBeenCalledWith(
      expect.objectContaining({
        path: 'invoices/cancel',
        operation: 'invoices/cancel',
        body: { multipart: [['invoiceId', 'x']] },
        headers: { authorization: 'Token key_123456' },
        idempotent: false,
      }),
    );
  });

  it('sends no body when there are no fields', async () => {
    const transport = scriptedTransport({});
    const { call } = setup(transport);
    await call('billing/balances', [], v.unknown(), read);
    expect(transport.request).toHaveBeenCalledWith(expect.objectContaining({ body: undefined }));
  });

  it('retries a read after "Requests too frequent", waiting longer each time', async () => {
    const transport = scriptedTransport(tooFrequent(), tooFrequent(), ['invoice']);
    const { call, limiter, sleeps } = setup(transport);
    await expect(call('invoices/list', [], v.unknown(), read)).resolves.toEqual(['invoice']);
    expect(transport.request).toHaveBeenCalledTimes(3);
    expect(limiter.acquire).toHaveBeenCalledTimes(3);
    expect(limiter.holdOff).toHaveBeenCalledWith(1000);
    expect(sleeps).toEqual([1000, 2000]);
  });

  it('retries a read after a network failure, at most maxRetries times', async () => {
    const transport = scriptedTransport(reset(), reset(), reset(), 'never reached');
    const { call } = setup(transport, 2);
    const error = await call('invoices/list', [], v.unknown(), read).catch((caught) => caught);
    expect(PayNetworkError.isInstance(error)).toBe(true);
    expect(transport.request).toHaveBeenCalledTimes(3);
  });

  it('does not retry an error Bitsby means', async () => {
    const transport = scriptedTransport(refused(), 'never reached');
    const { call, limiter } = setup(transport);
    await expect(call('invoices/list', [], v.unknown(), read)).rejects.toThrow('Invoice not found');
    expect(transport.request).toHaveBeenCalledTimes(1);
    expect(limiter.holdOff).not.toHaveBeenCalled();
  });

  it('never sends a create twice, even when Bitsby says "Requests too frequent"', async () => {
    const transport = scriptedTransport(tooFrequent(), 'never reached');
    const { call, limiter } = setup(transport, 5);
    const error = await call('invoices/create', [['a', 'b']], v.unknown(), write).catch(
      (caught) => caught,
    );
    expect(PayApiError.isInstance(error) && error.retryable).toBe(true);
    expect(transport.request).toHaveBeenCalledTimes(1);
    // The queue still backs off, so the caller's next call does not hit the limit again.
    expect(limiter.holdOff).toHaveBeenCalledWith(1000);
  });

  it('stops retrying when the caller aborts during the wait, as an aborted request', async () => {
    const transport = scriptedTransport(tooFrequent(), 'never reached');
    const { call } = setup(transport);
    const controller = new AbortController();
    controller.abort();
    // The signal is checked by the (fake) queue only on the retry's wait here.
    const error = await call('invoices/list', [], v.unknown(), {
      idempotent: true,
      signal: controller.signal,
    }).catch((caught) => caught);
    expect(PayNetworkError.isInstance(error) && error.aborted).toBe(true);
    expect(transport.request).toHaveBeenCalledTimes(1);
  });

  it('turns an abort while queued into PayNetworkError(aborted) without sending', async () => {
    const transport = scriptedTransport('never reached');
    const controller = new AbortController();
    const limiter: RateLimiter = {
      acquire: (signal) => Promise.reject(signal?.reason),
      holdOff: () => {},
    };
    controller.abort();
    const call = createBitsbyCall({
      transport,
      limiter,
      apiKey: 'key_123456',
      maxRetries: 0,
      retryDelayMs: 0,
    });
    const error = await call('invoices/create', [], v.unknown(), {
      idempotent: false,
      signal: controller.signal,
    }).catch((caught: unknown) => caught);
    expect(PayNetworkError.isInstance(error)).toBe(true);
    expect((error as PayNetworkError).message).toContain('nothing was sent');
    expect(transport.request).not.toHaveBeenCalled();
  });
});

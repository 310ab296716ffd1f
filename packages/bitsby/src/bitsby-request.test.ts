import { PayApiError, PayNetworkError } from '@pay/core';
import { hangUntilAborted, jsonResponse, stubFetch } from '@pay/core/testing';
import { describe, expect, it } from 'vitest';
import { createBitsby } from './bitsby-client.ts';
import { RATE_LIMIT_MESSAGE } from './bitsby-errors.ts';
import { createRateLimiter } from './bitsby-request.ts';

const settings = { apiKey: 'key_123456', projectId: '9deea1e2-0c08-41a3-bdc2-a34eada3892d' };
const success = (data: unknown) => () => jsonResponse({ result: 'success', data });
const tooFrequent = () => jsonResponse({ result: 'error', data: RATE_LIMIT_MESSAGE });
const reset = () => {
  throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } });
};
const newInvoice = { amountFiat: 1, currencyFiat: 'RUB', timeToPay: 1 } as const;

describe('the Bitsby request', () => {
  it('posts the fields as multipart with the token and resolves to the data', async () => {
    const fetch = stubFetch(success('Invoice canceled'));
    const bitsby = createBitsby({ ...settings, fetch, minIntervalMs: 0 });
    const invoiceId = 'ade9550d-3dc7-4fd3-b94e-3b4c12aaaa0c';
    await expect(bitsby.invoices.cancel({ invoiceId })).resolves.toBe('Invoice canceled');
    const [request] = fetch.calls;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('https://api.bitsby.app/invoices/cancel');
    expect(request?.headers.get('authorization')).toBe('Token key_123456');
    expect(request?.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(request?.body).toContain(`name="invoiceId"\r\n\r\n${invoiceId}\r\n`);
  });

  it('sends no body when there are no fields', async () => {
    const fetch = stubFetch(success({ internal: '1.00' }));
    await createBitsby({ ...settings, fetch, minIntervalMs: 0 }).billing.balances();
    expect(fetch.calls[0]?.body).toBe('');
    expect(fetch.calls[0]?.contentType).toBeNull();
  });

  it('retries a read after "Requests too frequent" and a network failure', async () => {
    const fetch = stubFetch(tooFrequent, reset, success({ internal: '1.00' }));
    const bitsby = createBitsby({ ...settings, fetch, minIntervalMs: 0, retryDelayMs: 0 });
    await expect(bitsby.billing.balances()).resolves.toEqual({ internal: '1.00' });
    expect(fetch.calls).toHaveLength(3);
  });

  it('retries a read at most maxRetries times', async () => {
    const fetch = stubFetch(reset);
    const bitsby = createBitsby({ ...settings, fetch, minIntervalMs: 0, retryDelayMs: 0 });
    const error = await bitsby.invoices.list().catch((caught: unknown) => caught);
    expect(PayNetworkError.isInstance(error)).toBe(true);
    expect(fetch.calls).toHaveLength(3);
  });

  it('does not retry an error Bitsby means', async () => {
    const fetch = stubFetch(() => jsonResponse({ result: 'error', data: 'Invoice not found' }));
    const bitsby = createBitsby({ ...settings, fetch, minIntervalMs: 0, retryDelayMs: 0 });
    await expect(bitsby.invoices.list()).rejects.toThrow('Invoice not found');
    expect(fetch.calls).toHaveLength(1);
  });

  it('never sends a create twice, even when Bitsby says "Requests too frequent"', async () => {
    const fetch = stubFetch(tooFrequent, success({}));
    const bitsby = createBitsby({ ...settings, fetch, minIntervalMs: 0, maxRetries: 5 });
    const error = await bitsby.invoices.create(newInvoice).catch((caught: unknown) => caught);
    expect(PayApiError.isInstance(error) && error.retryable).toBe(true);
    expect(fetch.calls).toHaveLength(1);
  });

  it('holds the next call back for retryDelayMs after "Requests too frequent"', async () => {
    const fetch = stubFetch(tooFrequent, success([]));
    const bitsby = createBitsby({ ...settings, fetch, minIntervalMs: 0, retryDelayMs: 50 });
    await bitsby.invoices.create(newInvoice).catch(() => undefined);
    const started = performance.now();
    await bitsby.invoices.list();
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
  });

  it('turns an abort while queued into PayNetworkError(aborted) without sending', async () => {
    const fetch = stubFetch(success([]));
    const bitsby = createBitsby({ ...settings, fetch, minIntervalMs: 60_000 });
    await bitsby.invoices.list();
    const controller = new AbortController();
    const queued = bitsby.invoices.list({}, { signal: controller.signal });
    controller.abort();
    const error = await queued.catch((caught: unknown) => caught);
    expect(PayNetworkError.isInstance(error) && error.aborted).toBe(true);
    expect(fetch.calls).toHaveLength(1);
  });

  it('aborts a request in flight', async () => {
    const fetch = stubFetch(hangUntilAborted);
    const bitsby = createBitsby({ ...settings, fetch, minIntervalMs: 0 });
    const controller = new AbortController();
    const pending = bitsby.billing.tariffs(undefined, { signal: controller.signal });
    setTimeout(() => controller.abort(), 5);
    const error = await pending.catch((caught: unknown) => caught);
    expect(PayNetworkError.isInstance(error) && error.aborted).toBe(true);
  });
});

/**
 * A fake clock whose sleeps advance it by the time asked, after one turn of the event loop (so
 * callers already let through see the time they started at): no test here ever really waits.
 */
function fakeTime() {
  let time = 0;
  const sleeps: number[] = [];
  return {
    now: () => time,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      await new Promise((resolve) => setImmediate(resolve));
      time += ms;
    },
    sleeps,
    advance: (ms: number) => {
      time += ms;
    },
  };
}

/** A sleep that waits until the test releases it, to act while the queue is waiting. */
function heldSleep() {
  const pending: Array<() => void> = [];
  return {
    sleep: () => new Promise<void>((resolve) => pending.push(resolve)),
    releaseAll: () => {
      for (const resolve of pending.splice(0)) resolve();
    },
    get waiting() {
      return pending.length;
    },
  };
}

/** A limiter (1 s apart, 3 s hold-off) on a fake clock whose waits the test releases. */
function heldLimiter() {
  const clock = fakeTime();
  const held = heldSleep();
  const limiter = createRateLimiter({
    minIntervalMs: 1000,
    holdOffMs: 3000,
    now: clock.now,
    sleep: held.sleep,
  });
  return { clock, held, limiter };
}

describe('createRateLimiter', () => {
  it('spaces the starts of queued calls by minIntervalMs, first in first out', async () => {
    const clock = fakeTime();
    const limiter = createRateLimiter({ minIntervalMs: 1000, holdOffMs: 5000, ...clock });
    const starts: Array<[string, number]> = [];
    await Promise.all(
      ['a', 'b', 'c'].map((name) => limiter.acquire().then(() => starts.push([name, clock.now()]))),
    );
    expect(starts).toEqual([
      ['a', 0],
      ['b', 1000],
      ['c', 2000],
    ]);
  });

  it('lets a call start at once when the last start is long enough ago', async () => {
    const clock = fakeTime();
    const limiter = createRateLimiter({ minIntervalMs: 1000, holdOffMs: 5000, ...clock });
    await limiter.acquire();
    clock.advance(1500);
    await limiter.acquire();
    expect(clock.sleeps).toEqual([]);
    clock.advance(400);
    await limiter.acquire();
    expect(clock.sleeps).toEqual([600]);
  });

  it('never sleeps with minIntervalMs 0', async () => {
    const clock = fakeTime();
    const limiter = createRateLimiter({ minIntervalMs: 0, holdOffMs: 5000, ...clock });
    await Promise.all([limiter.acquire(), limiter.acquire(), limiter.acquire()]);
    expect(clock.sleeps).toEqual([]);
  });

  it('holds every later start back for holdOffMs after a rate-limit failure, not after others', async () => {
    const clock = fakeTime();
    const limiter = createRateLimiter({ minIntervalMs: 1000, holdOffMs: 5000, ...clock });
    await limiter.acquire();
    limiter.onFailure?.(new PayApiError({ status: 200, providerMessage: 'Invoice not found' }));
    limiter.onFailure?.(new PayNetworkError({ reason: 'connection reset' }));
    limiter.onFailure?.(new PayApiError({ status: 200, providerMessage: RATE_LIMIT_MESSAGE }));
    await limiter.acquire();
    expect(clock.now()).toBe(5000);
    await limiter.acquire();
    expect(clock.now()).toBe(6000);
  });

  it('re-checks its turn after waiting: a hold-off during a wait moves the start', async () => {
    const { clock, held, limiter } = heldLimiter();
    await limiter.acquire();
    let started = false;
    const second = limiter.acquire().then(() => {
      started = true;
    });
    await Promise.resolve();
    limiter.onFailure?.(new PayApiError({ status: 429 }));
    clock.advance(1000);
    held.releaseAll();
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toBe(false);
    expect(held.waiting).toBe(1);
    clock.advance(2000);
    held.releaseAll();
    await second;
    expect(started).toBe(true);
  });

  it('drops a caller whose signal aborts while it waits, and keeps serving the others', async () => {
    const { clock, held, limiter } = heldLimiter();
    await limiter.acquire();
    const controller = new AbortController();
    const reason = new Error('caller gave up');
    const aborted = limiter.acquire(controller.signal);
    const next = limiter.acquire();
    controller.abort(reason);
    await expect(aborted).rejects.toBe(reason);
    clock.advance(1000);
    held.releaseAll();
    await expect(next).resolves.toBeUndefined();
  });

  it('rejects at once when the signal is already aborted', async () => {
    const limiter = createRateLimiter({ minIntervalMs: 1000, holdOffMs: 0, ...fakeTime() });
    const controller = new AbortController();
    controller.abort(new Error('already'));
    await expect(limiter.acquire(controller.signal)).rejects.toThrow('already');
  });
});

import { describe, expect, it } from 'vitest';
import { abortableSleep, createRateLimiter } from './bitsby-rate-limit.ts';

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

describe('createRateLimiter', () => {
  it('spaces the starts of queued calls by minIntervalMs, first in first out', async () => {
    const clock = fakeTime();
    const limiter = createRateLimiter({ minIntervalMs: 1000, ...clock });
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
    const limiter = createRateLimiter({ minIntervalMs: 1000, ...clock });
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
    const limiter = createRateLimiter({ minIntervalMs: 0, ...clock });
    await Promise.all([limiter.acquire(), limiter.acquire(), limiter.acquire()]);
    expect(clock.sleeps).toEqual([]);
  });

  it('holds every later start back after holdOff', async () => {
    const clock = fakeTime();
    const limiter = createRateLimiter({ minIntervalMs: 1000, ...clock });
    await limiter.acquire();
    limiter.holdOff(5000);
    await limiter.acquire();
    expect(clock.now()).toBe(5000);
    await limiter.acquire();
    expect(clock.now()).toBe(6000);
  });

  it('re-checks its turn after waiting: a holdOff during a wait moves the start', async () => {
    const clock = fakeTime();
    const held = heldSleep();
    const limiter = createRateLimiter({ minIntervalMs: 1000, now: clock.now, sleep: held.sleep });
    await limiter.acquire();
    let started = false;
    const second = limiter.acquire().then(() => {
      started = true;
    });
    await Promise.resolve();
    limiter.holdOff(3000);
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
    const clock = fakeTime();
    const held = heldSleep();
    const limiter = createRateLimiter({ minIntervalMs: 1000, now: clock.now, sleep: held.sleep });
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
    const limiter = createRateLimiter({ minIntervalMs: 1000, ...fakeTime() });
    const controller = new AbortController();
    controller.abort(new Error('already'));
    await expect(limiter.acquire(controller.signal)).rejects.toThrow('already');
  });
});

describe('abortableSleep', () => {
  it('rejects with the reason when aborted mid-wait', async () => {
    const controller = new AbortController();
    const waiting = abortableSleep(60_000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
  });

  it('resolves after a zero wait', async () => {
    await expect(abortableSleep(0)).resolves.toBeUndefined();
  });
});

import { setTimeout as delay } from 'node:timers/promises';
import type { Variant } from './interleave.ts';

/** Live heap before and after many calls, each after forced garbage collection. */
export interface HeapFigures {
  calls: number;
  beforeBytes: number;
  afterBytes: number;
  growthBytes: number;
}

/** Whether the process runs with `--expose-gc` (the heap measurement needs it). */
export function canForceGc(): boolean {
  return typeof globalThis.gc === 'function';
}

/**
 * Heap in use after `calls` calls minus before, both measured after full collections, so only
 * what the calls left reachable (a leak, a growing cache) remains. Calls run 16 at a time to keep
 * the phase short; a warm-up first lets lazily built state (JIT, pools) exist on both sides.
 */
export async function measureHeapGrowth(
  variant: Variant,
  settings: { warmupCalls: number; calls: number; concurrency: number },
): Promise<HeapFigures> {
  await runCalls(variant, settings.warmupCalls, settings.concurrency);
  const beforeBytes = await settledHeap();
  await runCalls(variant, settings.calls, settings.concurrency);
  const afterBytes = await settledHeap();
  return { calls: settings.calls, beforeBytes, afterBytes, growthBytes: afterBytes - beforeBytes };
}

async function runCalls(variant: Variant, calls: number, concurrency: number): Promise<void> {
  let started = 0;
  const worker = async () => {
    while (started < calls) {
      started += 1;
      await variant.call();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/**
 * Collects until the heap stops shrinking. One collection is not enough: objects registered with
 * a `FinalizationRegistry` (undici ties every `Request` that has an abort signal to its signal
 * that way) are released only after their cleanup callbacks have run, a task after the collection
 * that found them dead, and those may free more in turn.
 */
async function settledHeap(): Promise<number> {
  const gc = globalThis.gc;
  if (!gc) throw new Error('run with --expose-gc');
  let previous = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 10; round += 1) {
    gc();
    await delay(10);
    const used = process.memoryUsage().heapUsed;
    if (used >= previous - 16 * 1024) return used;
    previous = used;
  }
  return previous;
}

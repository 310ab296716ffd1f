import { performance } from 'node:perf_hooks';
import { rotation, type Variant } from './interleave.ts';
import { median, percentile } from './stats.ts';

/** Latency of sequential calls (concurrency 1). */
export interface LatencyFigures {
  medianMs: number;
  p99Ms: number;
  samples: number;
}

/**
 * Calls the variants one at a time, interleaved call by call in rotating order, after a warm-up
 * of the same shape (JIT, connection pool). Every call is timed on its own.
 */
export async function measureLatency(
  variants: readonly Variant[],
  settings: { warmupRounds: number; rounds: number },
): Promise<Record<string, LatencyFigures>> {
  const samples = new Map<string, number[]>(variants.map((variant) => [variant.name, []]));
  for (let round = 0; round < settings.warmupRounds; round += 1) {
    for (const variant of rotation(variants, round)) await variant.call();
  }
  for (let round = 0; round < settings.rounds; round += 1) {
    for (const variant of rotation(variants, round)) {
      const started = performance.now();
      await variant.call();
      samples.get(variant.name)?.push(performance.now() - started);
    }
  }
  return Object.fromEntries(
    [...samples].map(([name, times]) => [
      name,
      { medianMs: median(times), p99Ms: percentile(times, 0.99), samples: times.length },
    ]),
  );
}

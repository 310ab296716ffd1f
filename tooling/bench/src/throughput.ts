import { performance } from 'node:perf_hooks';
import { rotation, type Variant } from './interleave.ts';
import { median } from './stats.ts';

/** Throughput at a fixed concurrency. */
export interface ThroughputFigures {
  /** Median over the windows of completed calls per second. */
  callsPerSecond: number;
  /** Median over the windows of this process's CPU time per call (µs): the client's own work. */
  clientCpuMicrosPerCall: number;
  windows: number;
}

/**
 * Runs `concurrency` workers that each call again as soon as their call completes, for a fixed
 * number of calls per window; windows of the variants alternate in rotating order. A warm-up
 * window per variant first opens the connections (64 sockets at concurrency 64).
 */
export async function measureThroughput(
  variants: readonly Variant[],
  concurrency: number,
  settings: { rounds: number; callsPerWindow: number },
): Promise<Record<string, ThroughputFigures>> {
  const windows = new Map<string, { rate: number; cpu: number }[]>(
    variants.map((variant) => [variant.name, []]),
  );
  for (const variant of variants) {
    await runWindow(variant, concurrency, Math.ceil(settings.callsPerWindow / 2));
  }
  for (let round = 0; round < settings.rounds; round += 1) {
    for (const variant of rotation(variants, round)) {
      windows
        .get(variant.name)
        ?.push(await runWindow(variant, concurrency, settings.callsPerWindow));
    }
  }
  return Object.fromEntries(
    [...windows].map(([name, results]) => [
      name,
      {
        callsPerSecond: median(results.map((result) => result.rate)),
        clientCpuMicrosPerCall: median(results.map((result) => result.cpu)),
        windows: results.length,
      },
    ]),
  );
}

async function runWindow(
  variant: Variant,
  concurrency: number,
  calls: number,
): Promise<{ rate: number; cpu: number }> {
  let started = 0;
  const worker = async () => {
    while (started < calls) {
      started += 1;
      await variant.call();
    }
  };
  const cpuBefore = process.cpuUsage();
  const wallBefore = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - wallBefore) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  return { rate: calls / seconds, cpu: (cpu.user + cpu.system) / calls };
}

import { rotation, type Variant } from './interleave.ts';
import { median } from './stats.ts';

/** CPU time per call, both sides on the same stub fetch. */
export interface CpuFigures {
  /** Median over the blocks of CPU µs per call, by variant name. */
  microsPerCall: Record<string, number>;
  blocks: number;
  callsPerBlock: number;
}

/**
 * Runs blocks of sequential calls per variant, alternating in rotating order, and takes the
 * process's CPU time (user + system) per call of each block. With a stub fetch nothing waits on
 * I/O, so CPU time is the whole cost; the median over blocks drops blocks a GC or a neighbour hit.
 */
export async function measureCpuPerCall(
  variants: readonly Variant[],
  settings: { warmupCalls: number; blocks: number; callsPerBlock: number },
): Promise<CpuFigures> {
  for (const variant of variants) {
    for (let call = 0; call < settings.warmupCalls; call += 1) await variant.call();
  }
  const perBlock = new Map<string, number[]>(variants.map((variant) => [variant.name, []]));
  for (let block = 0; block < settings.blocks; block += 1) {
    for (const variant of rotation(variants, block)) {
      const before = process.cpuUsage();
      for (let call = 0; call < settings.callsPerBlock; call += 1) await variant.call();
      const used = process.cpuUsage(before);
      perBlock.get(variant.name)?.push((used.user + used.system) / settings.callsPerBlock);
    }
  }
  return {
    microsPerCall: Object.fromEntries(
      [...perBlock].map(([name, values]) => [name, median(values)]),
    ),
    blocks: settings.blocks,
    callsPerBlock: settings.callsPerBlock,
  };
}

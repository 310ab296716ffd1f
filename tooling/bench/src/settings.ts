/**
 * How many calls each phase makes. Bounded: a full run took about three and a half minutes with
 * five providers and a peer on a 2-core machine before bare ky became a third side of the
 * latency, throughput and CPU phases (which adds about a third to those phases).
 */
export interface BenchSettings {
  latency: { warmupRounds: number; rounds: number };
  throughput: { concurrencies: number[]; rounds: number; callsPerWindow: number };
  cpu: { warmupCalls: number; blocks: number; callsPerBlock: number };
  profileCalls: number;
  heap: { warmupCalls: number; calls: number; concurrency: number };
  importRuns: number;
}

/** `pnpm bench`: enough samples for a stable median and a p99 from 2,000 calls per side. */
export const FULL_SETTINGS: BenchSettings = {
  latency: { warmupRounds: 300, rounds: 2000 },
  throughput: { concurrencies: [16, 64], rounds: 5, callsPerWindow: 2000 },
  cpu: { warmupCalls: 2000, blocks: 10, callsPerBlock: 1000 },
  profileCalls: 3000,
  heap: { warmupCalls: 1000, calls: 10_000, concurrency: 16 },
  importRuns: 10,
};

/** `--quick`: a smoke run of every phase in seconds; its figures are not worth publishing. */
export const QUICK_SETTINGS: BenchSettings = {
  latency: { warmupRounds: 20, rounds: 100 },
  throughput: { concurrencies: [16, 64], rounds: 2, callsPerWindow: 200 },
  cpu: { warmupCalls: 100, blocks: 3, callsPerBlock: 100 },
  profileCalls: 200,
  heap: { warmupCalls: 100, calls: 1000, concurrency: 16 },
  importRuns: 2,
};

import { RAW } from './comparisons.ts';
import type { CpuResult } from './cpu-phase.ts';
import { kB, MB, micros, ratio, signedMs } from './format.ts';
import type { GroupResult } from './network-phase.ts';
import type { BenchResults, ProviderInfo } from './results.ts';
import type { PackageResult } from './static-phase.ts';

/** Every figure of one provider, gathered from the phases. */
export interface ProviderFigures {
  info: ProviderInfo;
  group: GroupResult;
  cpu: CpuResult;
  package: PackageResult;
}

/** Gathers each registered provider's figures. */
export function providerFigures(results: BenchResults): ProviderFigures[] {
  return results.providers.map((info) => {
    const group = results.groups.find((candidate) => candidate.id === info.id);
    const cpu = results.cpu.find((candidate) => candidate.id === info.id);
    const packageResult = results.static.packages[info.packageName];
    if (!group || !cpu || !packageResult) throw new Error(`incomplete results for ${info.id}`);
    return { info, group, cpu, package: packageResult };
  });
}

/** A target's outcome for one provider. */
interface TargetOutcome {
  text: string;
  /** undefined: not measured in this run. */
  met: boolean | undefined;
}

/** One of the targets. */
export interface Target {
  description: string;
  check(figures: ProviderFigures): TargetOutcome;
}

/** Heap growth this far above raw fetch's own growth over the same calls still counts as noise. */
const HEAP_NOISE_BYTES = 512 * 1024;

/** The targets from the issue ("Targets to reach"), in its order. */
export const TARGETS: readonly Target[] = [
  {
    description: 'SDK/raw latency ratio ≤ 1.05 at concurrency 1 (median)',
    check({ group, info }) {
      const sdk = group.latency[info.packageName];
      const raw = group.latency[RAW];
      if (!sdk || !raw) return unmeasured();
      return outcome(ratio(sdk.medianMs, raw.medianMs), sdk.medianMs / raw.medianMs <= 1.05);
    },
  },
  {
    description: 'throughput ≥ 0.95× raw at concurrency 64',
    check({ group, info }) {
      const at64 = group.throughput.find((entry) => entry.concurrency === 64);
      const sdk = at64?.byVariant[info.packageName];
      const raw = at64?.byVariant[RAW];
      if (!sdk || !raw) return unmeasured();
      const value = sdk.callsPerSecond / raw.callsPerSecond;
      return outcome(ratio(sdk.callsPerSecond, raw.callsPerSecond), value >= 0.95);
    },
  },
  {
    description: '≤ 30 µs CPU added per call (stub fetch)',
    check: ({ cpu }) => outcome(micros(cpu.addedMicros), cpu.addedMicros <= 30),
  },
  {
    description: `no heap growth beyond noise over the calls (raw fetch's growth + ${HEAP_NOISE_BYTES / 1024} KiB)`,
    check({ group }) {
      if (!group.heap) return unmeasured();
      const { sdk, raw } = group.heap;
      return outcome(
        `${MB(sdk.growthBytes, true)} (raw ${MB(raw.growthBytes, true)})`,
        sdk.growthBytes <= Math.max(raw.growthBytes, 0) + HEAP_NOISE_BYTES,
      );
    },
  },
  {
    description: '≤ 12 kB min+gzip with everything it imports',
    check: (figures) =>
      outcome(kB(figures.package.bundle.gzipBytes), figures.package.bundle.gzipBytes <= 12_000),
  },
  {
    description: '≤ 4 packages installed',
    check({ package: packageResult }) {
      const footprint = packageResult.footprint;
      if ('error' in footprint) return unmeasured();
      return outcome(String(footprint.packages), footprint.packages <= 4);
    },
  },
  {
    description: 'cold import ≤ 40 ms',
    check({ package: packageResult }) {
      const { addedMs, addedAfterFetchMs } = packageResult.importTime;
      return outcome(
        `${signedMs(addedMs)} (${signedMs(addedAfterFetchMs)} once fetch is loaded)`,
        addedMs <= 40,
      );
    },
  },
];

function outcome(text: string, met: boolean): TargetOutcome {
  return { text, met };
}

function unmeasured(): TargetOutcome {
  return { text: 'not measured', met: undefined };
}

// What-if, not part of `pnpm bench`: what would each provider cost if @pay/core's transport ran
// on plain fetch (./ky-subset.ts) instead of ky? Measures both ways in child processes (same
// harness, same identity check on the wire) and the bundle with `ky` aliased to the subset.
// Run: `node --expose-gc src/what-if/without-ky.ts` in tooling/bench, after `pnpm build`.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { measureBundle } from '../bundle-size.ts';
import { RAW } from '../comparisons.ts';
import type { CpuResult } from '../cpu-phase.ts';
import { kB, micros, ratio, table } from '../format.ts';
import type { GroupResult } from '../network-phase.ts';
import { providers } from '../providers/index.ts';

interface Measured {
  groups: GroupResult[];
  cpu: CpuResult[];
}

function measure(withoutKy: boolean): Measured {
  process.stderr.write(`measuring ${withoutKy ? 'with the fetch subset' : 'with ky'}\n`);
  const result = spawnSync(
    process.execPath,
    [
      '--expose-gc',
      join(import.meta.dirname, 'measure.ts'),
      ...(withoutKy ? ['--without-ky'] : []),
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 },
  );
  if (result.status !== 0) throw new Error('what-if measurement failed (see above)');
  return JSON.parse(result.stdout) as Measured;
}

const withKy = measure(false);
const withoutKy = measure(true);
const subset = join(import.meta.dirname, 'ky-subset.ts');

const rows: string[][] = [];
for (const provider of providers) {
  const name = provider.packageName;
  const cells = (measured: Measured) => {
    const group = measured.groups.find((candidate) => candidate.id === provider.id);
    const cpu = measured.cpu.find((candidate) => candidate.id === provider.id);
    const latency = (variant: string) => group?.latency[variant]?.medianMs ?? Number.NaN;
    const rate = (concurrency: number, variant: string) =>
      group?.throughput.find((at) => at.concurrency === concurrency)?.byVariant[variant]
        ?.callsPerSecond ?? Number.NaN;
    return [
      ratio(latency(name), latency(RAW)),
      ratio(rate(16, name), rate(16, RAW)),
      ratio(rate(64, name), rate(64, RAW)),
      micros(cpu?.addedMicros ?? Number.NaN),
    ];
  };
  const imports = [{ packageName: name, exportName: provider.bundleExport }];
  const bundleWithKy = await measureBundle(imports);
  const bundleWithout = await measureBundle(imports, { marginalFor: 0, alias: { ky: subset } });
  rows.push([name, 'ky 2 (today)', ...cells(withKy), kB(bundleWithKy.gzipBytes)]);
  rows.push([name, 'fetch subset', ...cells(withoutKy), kB(bundleWithout.gzipBytes)]);
}
process.stdout.write(
  `${table(
    [
      'package',
      'transport on',
      'latency c=1 ÷ raw',
      'throughput c=16 ÷ raw',
      'throughput c=64 ÷ raw',
      'CPU added per call',
      'bundle min+gzip',
    ],
    rows,
  )}\n`,
);

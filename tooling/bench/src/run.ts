// `pnpm bench`: measures every registered provider (and its peers) and writes docs/benchmarks.md.
// Flags: --quick (a smoke run with few samples; prints, writes nothing), --json (print the raw
// results as JSON instead of the report).
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { comparisonGroups } from './comparisons.ts';
import { runCpuPhase } from './cpu-phase.ts';
import { currentLoad, describeMachine } from './machine.ts';
import { canForceGc } from './memory.ts';
import { runNetworkPhase } from './network-phase.ts';
import { REPO_ROOT, REPORT_FILE } from './paths.ts';
import { peers } from './peers/index.ts';
import { providers } from './providers/index.ts';
import { renderReport } from './report.ts';
import type { BenchResults } from './results.ts';
import { FULL_SETTINGS, QUICK_SETTINGS } from './settings.ts';
import { runStaticPhase } from './static-phase.ts';

const quick = process.argv.includes('--quick');
const asJson = process.argv.includes('--json');
const settings = quick ? QUICK_SETTINGS : FULL_SETTINGS;
const started = performance.now();
const log = (line: string) => {
  const seconds = ((performance.now() - started) / 1000).toFixed(1).padStart(5);
  process.stderr.write(`bench ${seconds} s  ${line}\n`);
};

if (!canForceGc()) log('warning: run with --expose-gc to measure heap growth (skipped)');
const machine = describeMachine();
log(
  `${machine.cpuModel}, ${machine.cores} cores, load ${machine.loadAtStart.toFixed(2)}, node ${machine.node}`,
);

const groups = await runNetworkPhase(comparisonGroups(providers, peers), settings, log);
const cpu = [];
for (const provider of providers) {
  log(`${provider.id}: CPU per call with a stub fetch, then a profile`);
  cpu.push(await runCpuPhase(provider, settings));
}
const staticResult = await runStaticPhase(providers, peers, settings, log);

const results: BenchResults = {
  machine,
  loadAtEnd: currentLoad(),
  durationSeconds: (performance.now() - started) / 1000,
  quick,
  settings,
  providers: providers.map(({ id, packageName, sizeBudget, note }) => ({
    id,
    packageName,
    sizeBudget,
    note,
  })),
  peers: peers.map(({ id, packageName, registrySpec, comparesWith, note }) => ({
    id,
    packageName,
    registrySpec,
    comparesWith,
    note,
  })),
  groups,
  cpu,
  static: staticResult,
};

if (asJson) {
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
} else {
  const report = renderReport(results);
  if (!quick) {
    writeFileSync(REPORT_FILE, report);
    log(`wrote ${relative(REPO_ROOT, REPORT_FILE)}`);
  }
  process.stdout.write(report);
}
log(`done in ${results.durationSeconds.toFixed(0)} s`);

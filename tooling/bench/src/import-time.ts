import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { BENCH_DIR } from './paths.ts';
import { median } from './stats.ts';

/** Cold start of a process that imports a package, against one that imports nothing. */
export interface ImportFigures {
  /** Median wall time of `node -e "import('<package>')"`, ms. */
  importMs: number;
  /** Median wall time of `node -e ""`, ms, measured in the same rounds. */
  baselineMs: number;
  /** `importMs - baselineMs`: what importing the package costs at start-up (the figure). */
  addedMs: number;
  /**
   * The same, in processes that have loaded Node's fetch first (`new Request(…)`): what the
   * package adds to an application that sends HTTP requests with fetch anyway. Node loads its
   * fetch implementation (undici) lazily, ~35 ms here; a package that touches `Request` at import
   * time (ky's feature checks do) pays that in its import instead of at the first request.
   */
  addedAfterFetchMs: number;
  runs: number;
}

// Any Request construction makes Node load its fetch implementation.
const LOAD_FETCH = "new Request('http://127.0.0.1/');";

/**
 * Spawns fresh Node processes (each a cold start: no module cache, no compile cache), baselines
 * and every package interleaved round by round, and takes medians.
 */
export function measureImportTimes(
  packageNames: readonly string[],
  runs: number,
): Record<string, ImportFigures> {
  const scripts = new Map<string, string>([
    ['baseline', ''],
    ['fetch baseline', LOAD_FETCH],
  ]);
  for (const name of packageNames) {
    scripts.set(`cold ${name}`, importScript(name));
    scripts.set(`after fetch ${name}`, LOAD_FETCH + importScript(name));
  }
  const times = new Map<string, number[]>([...scripts.keys()].map((key) => [key, []]));
  // One throw-away round: the first spawns pay for cold disk caches.
  for (const script of scripts.values()) timeNode(script);
  for (let run = 0; run < runs; run += 1) {
    for (const [key, script] of scripts) times.get(key)?.push(timeNode(script));
  }
  const medianOf = (key: string) => median(times.get(key) ?? []);
  const baselineMs = medianOf('baseline');
  const fetchBaselineMs = medianOf('fetch baseline');
  return Object.fromEntries(
    packageNames.map((name) => {
      const importMs = medianOf(`cold ${name}`);
      return [
        name,
        {
          importMs,
          baselineMs,
          addedMs: importMs - baselineMs,
          addedAfterFetchMs: medianOf(`after fetch ${name}`) - fetchBaselineMs,
          runs,
        },
      ];
    }),
  );
}

function importScript(packageName: string): string {
  // Fails the process when the import fails, so a broken package cannot look fast.
  return `import(${JSON.stringify(packageName)}).catch((error) => { console.error(error); process.exit(1); });`;
}

function timeNode(script: string): number {
  const env = { ...process.env };
  delete env.NODE_COMPILE_CACHE;
  delete env.NODE_OPTIONS;
  const started = performance.now();
  const result = spawnSync(process.execPath, ['-e', script], {
    cwd: BENCH_DIR,
    env,
    encoding: 'utf8',
  });
  const elapsed = performance.now() - started;
  if (result.status !== 0) {
    throw new Error(`node -e ${JSON.stringify(script)} failed: ${result.stderr}`);
  }
  return elapsed;
}

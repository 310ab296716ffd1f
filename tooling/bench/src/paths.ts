import { join } from 'node:path';

/** `tooling/bench`: the working directory of child processes, so `@pay/*` and peers resolve. */
export const BENCH_DIR = join(import.meta.dirname, '..');
/** The monorepo root. */
export const REPO_ROOT = join(BENCH_DIR, '..', '..');
/** Where the report is written. */
export const REPORT_FILE = join(REPO_ROOT, 'docs', 'benchmarks.md');

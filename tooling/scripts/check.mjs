// `npm test`: lint, then build, typecheck, test, publint and the size budgets (size-limit, in
// tooling/bench) of every package through turbo, then one plain line totalling every package's
// tests: `N passed, N failed, N skipped`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const workspaceDirs = ['packages', 'tooling']
  .flatMap((group) => readdirSync(join(root, group)).map((name) => join(root, group, name)))
  .filter((dir) => existsSync(join(dir, 'package.json')));
const resultFile = (dir) => join(dir, '.vitest-results.json');

function run(command, args) {
  const started = performance.now();
  const { status } = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  console.log(
    `check: ${[command, ...args].join(' ')} — ${status === 0 ? 'ok' : 'FAILED'} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return status === 0;
}

// Stale results must not count: each package's file is rewritten by its test run (or
// restored by turbo from the cache together with the rest of that run's outputs).
for (const dir of workspaceDirs) rmSync(resultFile(dir), { force: true });

// A log (CI, a pipe) gets no colour codes; entry.sh sets NO_COLOR for the other tools.
const lintOk = run('biome', ['ci', ...(process.stdout.isTTY ? [] : ['--colors=off']), '.']);
// Unused files, exports, dependencies and catalog entries (knip.jsonc explains each exception).
const knipOk = run('knip', ['--no-progress']);
// Parses every changeset: a malformed one would otherwise only fail at release time.
const changesetsOk = run('changeset', ['status']);
const tasksOk = run('turbo', [
  'run',
  'build',
  'typecheck',
  'test',
  'publint',
  'size',
  '--continue',
  '--output-logs=errors-only',
]);

let passed = 0;
let failed = 0;
let skipped = 0;
for (const dir of workspaceDirs) {
  if (!existsSync(resultFile(dir))) continue;
  const report = JSON.parse(readFileSync(resultFile(dir), 'utf8'));
  const name = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name;
  const counts = {
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + report.numTodoTests,
  };
  console.log(
    `check: ${name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`,
  );
  // Name every failed test here too: with turbo's errors-only logs a failure far up the output
  // is easy to miss, and a flaky one must identify itself the first time it happens.
  for (const file of report.testResults ?? []) {
    for (const test of file.assertionResults ?? []) {
      if (test.status === 'failed') console.log(`check: FAILED ${name} › ${test.fullName}`);
    }
  }
  passed += counts.passed;
  failed += counts.failed;
  skipped += counts.skipped;
}
const ok = lintOk && knipOk && changesetsOk && tasksOk && failed === 0 && passed > 0;
if (!ok) console.log('check: FAILED — see the output above');
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(ok ? 0 : 1);

// The release rehearsal: the repo's own release commands against a real registry on loopback,
// then the packages installed the way a user gets them and run on every runtime we claim.
//
//   1. copy the checkout (tracked and untracked files, nothing ignored) into a temp folder,
//      commit it there, install from the local pnpm store;
//   2. start Verdaccio on 127.0.0.1 (its own storage; anything not @pay/* is proxied from npm);
//   3. `pnpm version-packages` → commit → `pnpm release` (build + `changeset publish`, which tags):
//      the order the README's release section documents;
//   4. in a fresh folder outside any workspace, `npm init -y` (a CommonJS project, as most are)
//      and `npm install` every provider package and @pay/sandbox with plain npm;
//   5. run the smoke (smoke/smoke.mjs) against a sandbox started from the installed
//      @pay/sandbox, on Node 24, Node 22, Bun, Deno and workerd (miniflare, nodejs_compat).
//
// Prints one table and a closing `rehearsal: N passed, N failed` line; exits non-zero on any
// failure. Needs tooling/scripts/bootstrap.sh and tooling/release/tools.sh sourced (see
// rehearse.sh). Sends nothing anywhere but loopback and the npm registry (Verdaccio's uplink).
import { spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const tools = process.env.PAY_RELEASE_TOOLS_DIR;
if (!tools)
  throw new Error(
    'rehearse: source tooling/release/tools.sh first (PAY_RELEASE_TOOLS_DIR is unset)',
  );
const bin = (name) => join(tools, 'node_modules', '.bin', name);
const keep = process.argv.includes('--keep');
const work = mkdtempSync(join(tmpdir(), 'pay-release-'));
const started = performance.now();
const seconds = (from) => ((performance.now() - from) / 1000).toFixed(1);

function log(message) {
  console.log(`rehearsal: ${message}`);
}

/** Runs a command, quiet unless it fails; returns its stdout. */
function run(command, args, options = {}) {
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    ...options,
  });
  if (result.status !== 0) {
    process.stdout.write(result.stdout ?? '');
    process.stderr.write(result.stderr ?? '');
    throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
  }
  return result.stdout;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(url, what, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${what} did not answer at ${url} within ${timeoutMs / 1000} s`);
}

/** The checkout as a fresh repository: what a maintainer would release from. */
function copyCheckout() {
  const repo = join(work, 'repo');
  const files = run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
  })
    .split('\0')
    .filter(Boolean);
  for (const file of files) {
    const from = join(root, file);
    try {
      if (!statSync(from).isFile()) continue;
    } catch {
      continue; // deleted in the work tree
    }
    mkdirSync(dirname(join(repo, file)), { recursive: true });
    cpSync(from, join(repo, file));
  }
  const git = (...args) =>
    run('git', ['-c', 'user.name=rehearsal', '-c', 'user.email=rehearsal@localhost', ...args], {
      cwd: repo,
    });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-qm', 'rehearsal: the checkout to release');
  run('pnpm', ['install', '--frozen-lockfile', '--prefer-offline', '--reporter=append-only'], {
    cwd: repo,
  });
  return { repo, git };
}

async function startRegistry() {
  const port = await freePort();
  const dir = join(work, 'registry');
  mkdirSync(dir, { recursive: true });
  const config = join(dir, 'config.yaml');
  writeFileSync(
    config,
    [
      `storage: ${join(dir, 'storage')}`,
      'auth:',
      '  htpasswd:',
      `    file: ${join(dir, 'htpasswd')}`,
      '    max_users: -1',
      'uplinks:',
      '  npmjs:',
      '    url: https://registry.npmjs.org/',
      'packages:',
      "  '@pay/*':",
      '    access: $all',
      '    publish: $all',
      "  '**':",
      '    access: $all',
      '    proxy: npmjs',
      'log: { type: stdout, format: pretty, level: warn }',
      '',
    ].join('\n'),
  );
  const child = spawn(bin('verdaccio'), ['--config', config, '--listen', `127.0.0.1:${port}`], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}/`;
  try {
    await waitFor(`${url}-/ping`, 'Verdaccio');
  } catch (error) {
    process.stderr.write(output);
    throw error;
  }
  return { url, port, stop: () => child.kill() };
}

function npmrcFor(registry) {
  return `registry=${registry.url}\n//127.0.0.1:${registry.port}/:_authToken=rehearsal\n`;
}

/** Version → commit → publish (tags): the documented order. Returns the published packages. */
function release(repo, git, registry) {
  writeFileSync(join(repo, '.npmrc'), npmrcFor(registry));
  const env = { ...process.env, npm_config_registry: registry.url, NPM_CONFIG_PROVENANCE: 'false' };
  run('pnpm', ['run', 'version-packages'], { cwd: repo, env });
  git('add', '-A');
  git('commit', '-qm', 'Version packages');
  run('pnpm', ['run', 'release'], { cwd: repo, env });
  const tags = run('git', ['tag', '--list'], { cwd: repo }).split('\n').filter(Boolean);
  // After the version commit and the publish, the checkout must still pass its own checks.
  run('pnpm', ['exec', 'changeset', 'status'], { cwd: repo, env });
  return tags;
}

/** A user's project: `npm init -y`, then plain `npm install` from the registry. */
function installLikeAUser(registry, packages) {
  const app = join(work, 'app');
  mkdirSync(app, { recursive: true });
  writeFileSync(join(app, '.npmrc'), `registry=${registry.url}\n`);
  run('npm', ['init', '-y'], { cwd: app });
  const from = performance.now();
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...packages], { cwd: app });
  // Every installed package, nested ones included (the first line is the project itself).
  const installed = run('npm', ['ls', '--all', '--parseable'], { cwd: app })
    .split('\n')
    .filter(Boolean)
    .slice(1);
  const size = Number(run('du', ['-sk', join(app, 'node_modules')]).split('\t')[0]) * 1024;
  return { app, installSeconds: seconds(from), packageCount: installed.length, size };
}

const runtimes = [
  { name: 'Node', version: () => process.version, command: (smoke) => [process.execPath, [smoke]] },
  {
    name: 'Node',
    version: () => run(bin('node'), ['--version']).trim(),
    command: (smoke) => [bin('node'), [smoke]],
  },
  {
    name: 'Bun',
    version: () => run(bin('bun'), ['--version']).trim(),
    command: (smoke) => [bin('bun'), [smoke]],
  },
  {
    name: 'Deno',
    version: () =>
      run(bin('deno'), ['--version'])
        .split('\n')[0]
        .replace(/^deno /, '')
        .replace(/ .*/, ''),
    command: (smoke) => [bin('deno'), ['run', '--allow-net', '--allow-env', '--allow-read', smoke]],
  },
  {
    name: 'workerd',
    version: () =>
      JSON.parse(readFileSync(join(tools, 'node_modules', 'workerd', 'package.json'), 'utf8'))
        .version,
    command: (smoke) => [process.execPath, [join(dirname(smoke), 'run-in-workerd.mjs')]],
  },
];

async function main() {
  const results = [];
  let registry;
  let sandboxProcess;
  try {
    log(`working in ${work}`);
    let from = performance.now();
    const { repo, git } = copyCheckout();
    log(`checkout copied and installed in ${seconds(from)} s`);
    registry = await startRegistry();
    log(`Verdaccio on ${registry.url}`);
    from = performance.now();
    const tags = release(repo, git, registry);
    log(`published ${tags.length} packages in ${seconds(from)} s: ${tags.join(', ')}`);
    const published = tags.map((tag) => tag.replace(/@[^@]+$/, ''));
    const wanted = published.filter((name) => name !== '@pay/core');
    const install = installLikeAUser(registry, wanted);
    log(
      `npm install ${wanted.join(' ')} in a fresh npm init -y project: ${install.packageCount} packages, ` +
        `${(install.size / 1024 / 1024).toFixed(1)} MB, ${install.installSeconds} s`,
    );
    for (const file of readdirSync(join(import.meta.dirname, 'smoke'))) {
      cpSync(join(import.meta.dirname, 'smoke', file), join(install.app, file));
    }
    // One sandbox, from the installed @pay/sandbox, serves every runtime's smoke.
    sandboxProcess = spawn(process.execPath, [join(install.app, 'start-sandbox.mjs')], {
      cwd: install.app,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const sandbox = await new Promise((resolve, reject) => {
      let text = '';
      sandboxProcess.stdout.on('data', (chunk) => {
        text += chunk;
        const line = text.split('\n').find((candidate) => candidate.startsWith('{'));
        if (line) resolve(JSON.parse(line));
      });
      sandboxProcess.on('exit', (code) =>
        reject(new Error(`the sandbox exited (${code}) before it was ready`)),
      );
    });
    for (const runtime of runtimes) {
      const [command, args] = runtime.command(join(install.app, 'smoke.mjs'));
      const from = performance.now();
      const outcome = spawnSync(command, args, {
        cwd: install.app,
        encoding: 'utf8',
        env: {
          ...process.env,
          PAY_SMOKE_SANDBOX: JSON.stringify(sandbox),
          PAY_RELEASE_TOOLS_DIR: tools,
        },
        timeout: 120_000,
      });
      if (outcome.status !== 0) {
        process.stdout.write(outcome.stdout ?? '');
        process.stderr.write(outcome.stderr ?? '');
      }
      const checks = (outcome.stdout ?? '')
        .split('\n')
        .filter((line) => line.startsWith('smoke: ok')).length;
      // All five providers' checks must pass, not only the process.
      const passed = outcome.status === 0 && checks === 5;
      results.push({
        runtime: runtime.name,
        version: runtime.version(),
        passed,
        checks,
        time: seconds(from),
      });
      if (!passed) console.log(`rehearsal: FAILED on ${runtime.name} ${runtime.version()}`);
    }
    // The floor: a Node older than 22 must fail on import, naming what it needs (not deep inside
    // the first call). Checked with the machine's own Node when it is that old.
    const oldNode = spawnSync('node', ['--version'], {
      encoding: 'utf8',
      env: { PATH: '/usr/local/bin:/usr/bin:/bin' },
    });
    const oldVersion = oldNode.stdout?.trim() ?? '';
    if (/^v(1\d|2[01])\./.test(oldVersion)) {
      const probe = spawnSync(
        'node',
        [
          '-e',
          "import('@pay/crystalpay').then(() => console.log('imported'), (e) => console.log(e.name, e.message))",
        ],
        {
          cwd: install.app,
          encoding: 'utf8',
          env: { PATH: '/usr/local/bin:/usr/bin:/bin' },
        },
      );
      const passed = /PayConfigError.*Node\.js 22 or newer/.test(probe.stdout ?? '');
      results.push({
        runtime: 'Node<22',
        version: oldVersion,
        passed,
        checks: passed ? 1 : 0,
        time: '—',
      });
      if (!passed)
        console.log(
          `rehearsal: FAILED — ${oldVersion} did not refuse on import: ${probe.stdout}${probe.stderr}`,
        );
    }
  } finally {
    sandboxProcess?.kill();
    registry?.stop();
    if (!keep) rmSync(work, { recursive: true, force: true });
  }
  console.log('\nruntime  | version      | smoke  | checks | time');
  for (const row of results) {
    console.log(
      `${row.runtime.padEnd(8)} | ${row.version.padEnd(12)} | ${(row.passed ? 'pass' : 'FAIL').padEnd(6)} | ${String(row.checks).padEnd(6)} | ${row.time} s`,
    );
  }
  const failed = results.filter((row) => !row.passed).length;
  log(`done in ${seconds(started)} s`);
  console.log(`rehearsal: ${results.length - failed} passed, ${failed} failed`);
  process.exit(failed === 0 && results.length > 0 ? 0 : 1);
}

main().catch((error) => {
  console.error(`rehearsal: FAILED — ${error.message}`);
  console.log('rehearsal: 0 passed, 1 failed');
  process.exit(1);
});

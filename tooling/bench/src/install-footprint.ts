import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { REPO_ROOT } from './paths.ts';

/** What `npm install` of a package puts into an empty project. */
export interface FootprintFigures {
  /** Every package in node_modules, the installed one included. */
  packages: number;
  /** Their names, sorted. */
  names: string[];
  /** Sum of file sizes. */
  bytes: number;
  /** Space taken on disk (allocated blocks). */
  diskBytes: number;
}

/**
 * Packs a workspace package and the `@pay/*` packages it depends on (`pnpm pack`, which writes
 * real version ranges in place of `workspace:` and `catalog:`), then installs the packed provider
 * into an empty project with npm. Its internal dependencies are pinned to the packed tarballs with
 * `overrides`, so only third-party packages come from the registry, as for a user after release.
 */
export async function workspaceFootprint(packageName: string): Promise<FootprintFigures> {
  const workspace = await workspacePackages();
  const closure = internalClosure(packageName, workspace);
  const scratch = await mkdtemp(join(tmpdir(), 'pay-bench-footprint-'));
  try {
    const tarballs = new Map<string, string>();
    for (const name of closure) {
      const dir = workspace.get(name)?.dir;
      if (!dir) throw new Error(`${name} is not a workspace package`);
      const destination = join(scratch, 'packs', name.replace('/', '__'));
      await run('pnpm', ['pack', '--pack-destination', destination], dir);
      const [file] = await readdir(destination);
      if (!file) throw new Error(`pnpm pack wrote nothing for ${name}`);
      tarballs.set(name, `file:${join(destination, file)}`);
    }
    const overrides = Object.fromEntries([...tarballs].filter(([name]) => name !== packageName));
    return await installInto(join(scratch, 'app'), {
      dependencies: { [packageName]: tarballs.get(packageName) },
      overrides,
    });
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Installs a published package (`name@version`) from the registry into an empty project. */
export async function registryFootprint(spec: string): Promise<FootprintFigures> {
  const scratch = await mkdtemp(join(tmpdir(), 'pay-bench-footprint-'));
  try {
    const at = spec.lastIndexOf('@');
    return await installInto(join(scratch, 'app'), {
      dependencies: { [spec.slice(0, at)]: spec.slice(at + 1) },
    });
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

async function installInto(
  dir: string,
  manifest: Record<string, unknown>,
): Promise<FootprintFigures> {
  await mkdir(dir, { recursive: true });
  await writeFile(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'footprint', private: true, ...manifest }, null, 2),
  );
  // No lockfile, no audit: what is measured is what lands in node_modules.
  await run(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--no-package-lock',
      '--ignore-scripts',
      '--loglevel=error',
    ],
    dir,
  );
  const names = await installedPackages(join(dir, 'node_modules'));
  const sizes = await treeSize(join(dir, 'node_modules'));
  return { packages: names.length, names: names.sort(), ...sizes };
}

interface WorkspacePackage {
  dir: string;
  dependencies: string[];
}

async function workspacePackages(): Promise<Map<string, WorkspacePackage>> {
  const found = new Map<string, WorkspacePackage>();
  const packagesDir = join(REPO_ROOT, 'packages');
  for (const entry of await readdir(packagesDir)) {
    const dir = join(packagesDir, entry);
    const manifest = JSON.parse(
      await readFile(join(dir, 'package.json'), 'utf8').catch(() => '{}'),
    );
    if (typeof manifest.name !== 'string') continue;
    found.set(manifest.name, { dir, dependencies: Object.keys(manifest.dependencies ?? {}) });
  }
  return found;
}

/** The package and every `@pay/*` package it needs at run time, transitively. */
function internalClosure(name: string, workspace: Map<string, WorkspacePackage>): string[] {
  const seen = new Set<string>();
  const visit = (current: string) => {
    if (seen.has(current)) return;
    seen.add(current);
    for (const dependency of workspace.get(current)?.dependencies ?? []) {
      if (workspace.has(dependency)) visit(dependency);
    }
  };
  visit(name);
  return [...seen];
}

/** Package names in a node_modules tree, nested copies included (each copy counts). */
async function installedPackages(nodeModules: string): Promise<string[]> {
  const names: string[] = [];
  const entries = await readdir(nodeModules, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const dirs = entry.name.startsWith('@')
      ? (await readdir(join(nodeModules, entry.name))).map((child) => `${entry.name}/${child}`)
      : [entry.name];
    for (const name of dirs) {
      names.push(name);
      names.push(...(await installedPackages(join(nodeModules, name, 'node_modules'))));
    }
  }
  return names;
}

async function treeSize(dir: string): Promise<{ bytes: number; diskBytes: number }> {
  let bytes = 0;
  let diskBytes = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const info = await stat(join(entry.parentPath, entry.name));
    bytes += info.size;
    diskBytes += info.blocks * 512;
  }
  return { bytes, diskBytes };
}

/** Runs a command, quiet unless it fails. */
function run(command: string, args: string[], cwd: string): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(performance.now() - started);
      else reject(new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${output}`));
    });
  });
}

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { PACKAGES_DIR } from './providers.ts';

// Every ```ts block of every README typechecks against the built packages: the blocks are
// written as modules into a gitignored folder inside this package (so `@pay/*` resolve as the
// workspace dependencies they are) and checked by one TypeScript run.

/** The repository root. */
export const ROOT_DIR = join(PACKAGES_DIR, '..');
/** Where the blocks are written (gitignored, rewritten by every run). */
const BLOCKS_DIR = join(import.meta.dirname, '..', '.readme-blocks');

/** A block whose first line is this is appended to the previous ts block of the same README. */
const CONTINUES = '// continues';

/** One ts block of a README (continuations already appended), with its README lines. */
export interface ReadmeBlock {
  /** The README, relative to the repository root: `packages/core/README.md`. */
  readme: string;
  /** The module's text. */
  code: string;
  /** For each line of `code`, the 1-based README line it came from. */
  lines: number[];
}

/** Collects the ```ts (and ```typescript) blocks of one README. */
export function collectBlocks(readme: string, text: string): ReadmeBlock[] {
  const blocks: ReadmeBlock[] = [];
  const source = text.split('\n');
  let open: { lines: string[]; numbers: number[] } | undefined;
  let fence = '';
  for (const [index, line] of source.entries()) {
    if (open === undefined) {
      const start = /^(\s*)(`{3,}|~{3,})\s*(ts|typescript)\s*$/.exec(line);
      if (start) {
        open = { lines: [], numbers: [] };
        fence = start[2] ?? '```';
      }
      continue;
    }
    if (line.trim().startsWith(fence) && line.trim().replace(/[`~]/g, '') === '') {
      const previous = blocks.at(-1);
      if (open.lines[0]?.trim() === CONTINUES && previous) {
        previous.code += `\n${open.lines.join('\n')}`;
        previous.lines.push(...open.numbers);
      } else {
        blocks.push({ readme, code: open.lines.join('\n'), lines: open.numbers });
      }
      open = undefined;
      continue;
    }
    open.lines.push(line);
    open.numbers.push(index + 1);
  }
  return blocks;
}

/** Every README checked: the root one and each `packages/<name>/README.md`, by package folder. */
export function findReadmes(): Array<{ name: string; path: string }> {
  const readmes = [{ name: '(root)', path: join(ROOT_DIR, 'README.md') }];
  for (const name of readdirSync(PACKAGES_DIR).sort()) {
    const path = join(PACKAGES_DIR, name, 'README.md');
    if (existsSync(path)) readmes.push({ name, path });
  }
  return readmes;
}

/** A diagnostic mapped back to the README: `packages/core/README.md:42: error TS2304: …`. */
export interface BlockDiagnostic {
  readme: string;
  line: number;
  message: string;
}

/** The compiler options the blocks are checked with: what a strict ESM Node user has. */
const BLOCK_COMPILER_OPTIONS = {
  target: 'es2023',
  lib: ['es2023', 'dom', 'dom.iterable'],
  module: 'nodenext',
  moduleResolution: 'nodenext',
  types: ['node'],
  strict: true,
  skipLibCheck: true,
  noEmit: true,
  isolatedModules: true,
  moduleDetection: 'force',
};

/**
 * Writes the blocks as modules into `dir` with a tsconfig, runs the TypeScript compiler once,
 * and maps every diagnostic back to its README line.
 */
export function typecheckBlocks(
  blocks: readonly ReadmeBlock[],
  dir = BLOCKS_DIR,
): { diagnostics: BlockDiagnostic[]; milliseconds: number; output: string } {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files = new Map<string, ReadmeBlock>();
  for (const [index, block] of blocks.entries()) {
    const name = `${block.readme.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '')}-${String(index).padStart(3, '0')}.ts`;
    files.set(name, block);
    // `export {}` keeps each block a module (top-level await, its own scope); it is appended,
    // so the lines of the file are the lines of the block.
    writeFileSync(join(dir, name), `${block.code}\nexport {};\n`);
  }
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: BLOCK_COMPILER_OPTIONS, files: [...files.keys()] }, null, 2),
  );
  // The package's own `type: module` makes the blocks ES modules under `nodenext`.
  const tsc = join(
    dirname(createRequire(import.meta.url).resolve('typescript/package.json')),
    'bin',
    'tsc',
  );
  const started = performance.now();
  const run = spawnSync(
    process.execPath,
    [tsc, '-p', join(dir, 'tsconfig.json'), '--pretty', 'false'],
    {
      cwd: dir,
      encoding: 'utf8',
    },
  );
  const milliseconds = performance.now() - started;
  const output = `${run.stdout ?? ''}${run.stderr ?? ''}`;
  const diagnostics: BlockDiagnostic[] = [];
  let last: BlockDiagnostic | undefined;
  for (const text of output.split('\n')) {
    const match = /^(.+?)\((\d+),(\d+)\): (error|warning) (TS\d+: .*)$/.exec(text);
    if (match) {
      const file = relative(dir, join(dir, match[1] ?? ''));
      const block = files.get(file);
      const blockLine = Number(match[2]);
      last = {
        readme: block?.readme ?? file,
        line: block?.lines[blockLine - 1] ?? block?.lines.at(-1) ?? 0,
        message: `${match[4]} ${match[5]}`,
      };
      diagnostics.push(last);
    } else if (last && /^\s+\S/.test(text)) {
      // A diagnostic's continuation lines (an elaborated type error).
      last.message += `\n${text}`;
    } else if (text.trim()) {
      last = undefined;
      diagnostics.push({ readme: '(tsc)', line: 0, message: text.trim() });
    }
  }
  if (run.status !== 0 && diagnostics.length === 0) {
    diagnostics.push({
      readme: '(tsc)',
      line: 0,
      message: `tsc exited with ${run.status}: ${output}`,
    });
  }
  return { diagnostics, milliseconds, output };
}

/** `README path:line: diagnostic`. */
export function formatDiagnostic(diagnostic: BlockDiagnostic): string {
  return `${diagnostic.readme}:${diagnostic.line}: ${diagnostic.message}`;
}

/** Reads every README and collects its blocks. */
export function collectAllBlocks(): ReadmeBlock[] {
  return findReadmes().flatMap(({ path }) =>
    collectBlocks(relative(ROOT_DIR, path), readFileSync(path, 'utf8')),
  );
}

import { beforeAll, describe, expect, it } from 'vitest';
import {
  type BlockDiagnostic,
  collectAllBlocks,
  collectBlocks,
  findReadmes,
  formatDiagnostic,
  ROOT_DIR,
  typecheckBlocks,
} from './readme-blocks.ts';

/**
 * TODO(issue 12, lead): READMEs whose ```ts blocks do not typecheck yet, by package folder
 * (`(root)` for the repository's README). The provider READMEs are being rewritten to the new
 * API on their own branches; remove each name once its rewrite is merged and its blocks pass,
 * and leave the list empty.
 */
const PENDING_READMES: readonly string[] = [];

describe('collectBlocks', () => {
  const readme = [
    '# x', //                                    1
    '```ts', //                                  2
    "import { a } from 'a';", //                 3
    '```', //                                    4
    '```sh', //                                  5
    'npm i', //                                  6
    '```', //                                    7
    '```ts', //                                  8
    '// continues', //                           9
    'a();', //                                   10
    '```', //                                    11
    '```typescript', //                          12
    'declare const b: number;', //               13
    '```', //                                    14
  ].join('\n');

  it('collects ts blocks with their README lines, appending `// continues` blocks', () => {
    expect(collectBlocks('README.md', readme)).toEqual([
      {
        readme: 'README.md',
        code: "import { a } from 'a';\n// continues\na();",
        lines: [3, 9, 10],
      },
      { readme: 'README.md', code: 'declare const b: number;', lines: [13] },
    ]);
  });
});

/** A README the runner must fail at line 7, checked in the same compiler run as the real ones. */
const SELF_TEST = collectBlocks(
  '(self-test)/README.md',
  [
    '```ts',
    'declare const amount: string;',
    'const n: number = amount.length;',
    '```',
    '```ts',
    '// continues',
    'const wrong: number = amount;',
    'await Promise.resolve(n + wrong); // top-level await',
    '```',
  ].join('\n'),
);

describe('every ts block of every README typechecks against the built packages', () => {
  const readmes = findReadmes();
  let diagnostics: BlockDiagnostic[] = [];

  beforeAll(() => {
    const checked = new Set(
      readmes
        .filter(({ name }) => !PENDING_READMES.includes(name))
        .map(({ path }) => path.slice(ROOT_DIR.length + 1)),
    );
    const blocks = collectAllBlocks().filter((block) => checked.has(block.readme));
    const result = typecheckBlocks([...SELF_TEST, ...blocks]);
    diagnostics = result.diagnostics;
    console.log(
      `readme blocks: ${blocks.length} blocks of ${checked.size} READMEs, one tsc run in ${Math.round(result.milliseconds)} ms`,
    );
  }, 120_000);

  it('runs the compiler', () => {
    expect(diagnostics.filter((d) => d.readme === '(tsc)').map(formatDiagnostic)).toEqual([]);
  });

  it('maps a diagnostic to its README line, and lets a block declare free variables', () => {
    const selfTest = diagnostics.filter((d) => d.readme === '(self-test)/README.md');
    expect(selfTest.map(formatDiagnostic)).toEqual([
      "(self-test)/README.md:7: error TS2322: Type 'string' is not assignable to type 'number'.",
    ]);
  });

  for (const { name, path } of readmes) {
    const readme = path.slice(ROOT_DIR.length + 1);
    it.skipIf(PENDING_READMES.includes(name))(readme, () => {
      const failures = diagnostics.filter((d) => d.readme === readme).map(formatDiagnostic);
      expect(failures, `blocks in ${readme} that do not typecheck`).toEqual([]);
    });
  }
});

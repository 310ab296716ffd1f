import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { UserConfig } from 'tsdown';

/**
 * The build every publishable package shares: one ESM entry, .d.ts beside it, and the
 * package version inlined as `__PACKAGE_VERSION__` (used for `VERSION` and the user agent).
 */
export function packageBuild(packageDir: string): UserConfig {
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
    version: string;
  };
  return {
    entry: ['src/index.ts'],
    format: 'esm',
    platform: 'node',
    target: 'node22',
    dts: true,
    clean: true,
    sourcemap: false,
    // The packages are "type": "module", so plain .js is ESM; no .mjs needed.
    fixedExtension: false,
    define: { __PACKAGE_VERSION__: JSON.stringify(version) },
  };
}

import type { ViteUserConfig } from 'vitest/config';

/**
 * The test setup every package shares. Besides the console output, each run writes
 * `.vitest-results.json`, which `tooling/scripts/check.mjs` totals into the one summary line
 * `npm test` ends with.
 */
export function packageTests(overrides: ViteUserConfig['test'] = {}): ViteUserConfig {
  return {
    define: { __PACKAGE_VERSION__: JSON.stringify('0.0.0-test') },
    test: {
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      reporters: ['default', ['json', { outputFile: '.vitest-results.json' }]],
      ...overrides,
    },
  };
}

import type { ViteUserConfig } from 'vitest/config';
/**
 * The test setup every package shares. Besides the console output, each run writes
 * `.vitest-results.json`, which `tooling/scripts/check.mjs` totals into the one summary line
 * `npm test` ends with.
 */
export declare function packageTests(overrides?: ViteUserConfig['test']): ViteUserConfig;

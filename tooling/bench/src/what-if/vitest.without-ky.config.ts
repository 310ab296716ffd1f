// What-if check, not part of `npm test`: runs @pay/core's and the contract tests' suites with `ky`
// replaced by ./ky-subset.ts, to show the replacement keeps the transport's behaviour (timeouts,
// retries, network errors, fault injection). `pnpm --filter @pay/bench what-if:tests`.
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

const repo = join(import.meta.dirname, '..', '..', '..', '..');
const shared = {
  define: { __PACKAGE_VERSION__: JSON.stringify('0.0.0-test') },
  resolve: { alias: { ky: join(import.meta.dirname, 'ky-subset.ts') } },
};

export default defineConfig({
  test: {
    projects: [
      {
        ...shared,
        test: { name: 'core', root: join(repo, 'packages', 'core'), include: ['src/**/*.test.ts'] },
      },
      {
        ...shared,
        test: {
          name: 'contract-tests',
          root: join(repo, 'packages', 'contract-tests'),
          include: ['src/**/*.test.ts'],
          testTimeout: 10_000,
          // The SDKs come in as built workspace packages: transform them so the alias applies.
          server: { deps: { inline: [/\/packages\//] } },
        },
      },
    ],
  },
});

import { defineConfig } from 'vitest/config';
import { packageTests } from '../../tooling/vitest.base.ts';

// nock patches the process's fetch: files run in separate workers, tests within a file in order.
export default defineConfig(packageTests({ testTimeout: 10_000 }));

import { defineConfig } from 'vitest/config';
import { packageTests } from '../../tooling/vitest.base.ts';

export default defineConfig(packageTests());

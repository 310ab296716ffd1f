import { defineConfig } from 'vitest/config';
import { packageTests } from '../vitest.base.ts';

// Only the deterministic parts run in `npm test`: statistics, grouping, attribution, and that
// every adapter's raw request is the SDK's request. No timing is ever asserted.
export default defineConfig(packageTests());

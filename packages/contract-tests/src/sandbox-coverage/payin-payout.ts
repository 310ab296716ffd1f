import type { SandboxCoverage } from './coverage.ts';

/** The sandbox's coverage of this client's success fixtures (see coverage.ts). */
export const coverage: SandboxCoverage = {
  pending: {},
};

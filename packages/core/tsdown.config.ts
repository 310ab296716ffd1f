import { defineConfig } from 'tsdown';
import { packageBuild } from '../../tooling/tsdown.base.ts';

// `@pay/core/testing`: helpers for the provider packages' tests (and users' own), kept out of
// the main entry so that no application bundle carries them.
export default defineConfig({
  ...packageBuild(import.meta.dirname),
  entry: ['src/index.ts', 'src/testing.ts'],
  // One output module per source file: with `sideEffects: false`, bundlers then drop every
  // module a provider does not use (timedelta, PHP encoding, …). A single bundled file would keep
  // any top-level statement they cannot prove pure.
  unbundle: true,
});

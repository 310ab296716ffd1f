import { defineConfig } from 'tsdown';
import { packageBuild } from '../../tooling/tsdown.base.ts';

// `@pay/core/testing`: helpers for the provider packages' tests (and users' own), kept out of
// the main entry so that no application bundle carries them.
export default defineConfig({
  ...packageBuild(import.meta.dirname),
  entry: ['src/index.ts', 'src/testing.ts'],
});

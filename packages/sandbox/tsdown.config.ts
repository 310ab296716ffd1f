import { defineConfig } from 'tsdown';
import { packageBuild } from '../../tooling/tsdown.base.ts';

export default defineConfig({
  ...packageBuild(import.meta.dirname),
  // The library and the `pay-sandbox` CLI.
  entry: ['src/index.ts', 'src/cli.ts'],
});

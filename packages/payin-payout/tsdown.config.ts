import { defineConfig } from 'tsdown';
import { packageBuild } from '../../tooling/tsdown.base.ts';

export default defineConfig(packageBuild(import.meta.dirname));

// size-limit budgets, enforced by `npm test` (turbo task `size`): for every provider registered
// in src/providers/index.ts, the min+gzip size of an app importing only its `create<Brand>`,
// everything it pulls in included (core, ky, valibot). The budgets live in the adapters, a
// little above what `pnpm bench` measures; see docs/decisions/0005-size-budgets.md.
import { providers } from './src/providers/index.ts';

/** Node built-ins (core's hashing uses node:crypto) stay external, as in an application for Node. */
const forNode = (config: Record<string, unknown>) => ({ ...config, platform: 'node' });

// biome-ignore lint/style/noDefaultExport: size-limit reads its checks from the default export.
export default providers.map((provider) => ({
  name: `${provider.packageName}: import { ${provider.bundleExport} }`,
  path: `../../packages/${provider.id}/dist/index.js`,
  import: `{ ${provider.bundleExport} }`,
  gzip: true,
  limit: provider.sizeBudget,
  modifyRolldownConfig: forNode,
}));

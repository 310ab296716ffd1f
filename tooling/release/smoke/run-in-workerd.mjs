// Runs the smoke inside workerd: bundles worker.mjs with the installed packages (esbuild, as
// wrangler would) and dispatches one request to it through miniflare, with `nodejs_compat`
// (the SDKs import `node:crypto`). Run by Node, from the app folder.
import { join } from 'node:path';

const tools = join(process.env.PAY_RELEASE_TOOLS_DIR, 'node_modules');
const { build } = await import(join(tools, 'esbuild', 'lib', 'main.js'));
const { Miniflare } = await import(join(tools, 'miniflare', 'dist', 'src', 'index.js'));

const bundle = await build({
  entryPoints: [join(import.meta.dirname, 'worker.mjs')],
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  conditions: ['workerd', 'worker', 'browser'],
  mainFields: ['module', 'main'],
  external: ['node:*'],
  write: false,
});
const miniflare = new Miniflare({
  modules: true,
  script: bundle.outputFiles[0].text,
  compatibilityDate: '2026-07-01',
  compatibilityFlags: ['nodejs_compat'],
});
try {
  const response = await miniflare.dispatchFetch('http://smoke.local/', {
    method: 'POST',
    body: process.env.PAY_SMOKE_SANDBOX,
  });
  console.log(await response.text());
  process.exitCode = response.ok ? 0 : 1;
} finally {
  await miniflare.dispose();
}

// `node smoke.mjs` / `bun smoke.mjs` / `deno run --allow-net --allow-env --allow-read smoke.mjs`:
// runs the smoke checks against the sandbox described by PAY_SMOKE_SANDBOX (JSON). An `.mjs`
// file, so it runs as ESM inside the CommonJS project `npm init -y` makes.
import { runSmoke } from './smoke-checks.mjs';

const env = globalThis.process?.env ?? globalThis.Deno.env.toObject();
const lines = await runSmoke(JSON.parse(env.PAY_SMOKE_SANDBOX));
console.log(lines.join('\n'));
if (lines.some((line) => !line.startsWith('smoke: ok'))) {
  globalThis.process ? globalThis.process.exit(1) : globalThis.Deno.exit(1);
}

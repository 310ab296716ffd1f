// The Workers entry: each request runs the smoke against the sandbox described in its body.
import { runSmoke } from './smoke-checks.mjs';

// biome-ignore lint/style/noDefaultExport: a Workers module's handler is its default export.
export default {
  async fetch(request) {
    const lines = await runSmoke(await request.json());
    const ok = lines.every((line) => line.startsWith('smoke: ok'));
    return new Response(lines.join('\n'), { status: ok ? 200 : 500 });
  },
};

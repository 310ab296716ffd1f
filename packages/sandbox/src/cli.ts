#!/usr/bin/env node
// `pay-sandbox [--port 4010] [--host 127.0.0.1] […]` (options in cli-options.ts): runs the
// sandbox until interrupted and prints what a client needs: every provider's base URL and test
// credentials.
import { parseCliOptions, USAGE } from './cli-options.ts';
import { startSandbox } from './sandbox.ts';

const parsed = parseCliOptions(process.argv.slice(2));
if (!parsed.ok) {
  console.error(`pay-sandbox: ${parsed.message}\n${USAGE}`);
  process.exit(2);
}
if (parsed.help) {
  console.log(USAGE);
  process.exit(0);
}

const sandbox = await startSandbox(parsed.options);
console.log(
  `@pay/sandbox listening on ${sandbox.url}  (pay pages and control API under ${sandbox.url}/_sandbox)\n`,
);
for (const [provider, baseUrl] of Object.entries(sandbox.baseUrls)) {
  const mount = baseUrl.slice(sandbox.url.length + 1);
  const credentials = sandbox.credentials[mount as keyof typeof sandbox.credentials];
  if (!credentials) continue;
  console.log(`${provider.padEnd(12)} baseUrl: ${baseUrl}`);
  console.log(`${''.padEnd(12)} credentials: ${JSON.stringify(credentials)}`);
}
const stop = async () => {
  await sandbox.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);

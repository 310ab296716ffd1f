#!/usr/bin/env node
// `pay-sandbox [--port 4010] [--host 127.0.0.1]`: runs the sandbox until interrupted and prints
// what a client needs: every provider's base URL and test credentials.
import { parseArgs } from 'node:util';
import { startSandbox } from './sandbox.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4010' },
    host: { type: 'string', default: '127.0.0.1' },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.log('usage: pay-sandbox [--port 4010] [--host 127.0.0.1]');
  process.exit(0);
}

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`pay-sandbox: --port must be a whole number from 0 to 65535 (got ${values.port})`);
  process.exit(2);
}

const sandbox = await startSandbox({ port, host: values.host });
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

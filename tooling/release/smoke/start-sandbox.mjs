// Starts @pay/sandbox as installed from the registry and prints what the smoke needs as one
// JSON line: its URL, every provider's base URL and test credentials.
import { startSandbox } from '@pay/sandbox';

const sandbox = await startSandbox({ port: 0 });
console.log(JSON.stringify({ url: sandbox.url, baseUrls: sandbox.baseUrls, credentials: sandbox.credentials }));
process.on('SIGTERM', () => sandbox.close().then(() => process.exit(0)));

#!/usr/bin/env node
// `pay-sandbox [--port 4010] [--host 127.0.0.1] […]` runs the sandbox until interrupted and prints
// what a client needs: every provider's base URL and test credentials.
// `pay-sandbox trigger <provider> <event> --to <url>` delivers one signed callback (trigger.ts).
// Flags in cli-options.ts; what each command does in cli-main.ts.
import { runCli } from './cli-main.ts';

const result = await runCli(process.argv.slice(2), {
  out: (text) => console.log(text),
  err: (text) => console.error(text),
});
if ('code' in result) {
  process.exitCode = result.code;
} else {
  const stop = async () => {
    await result.sandbox.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

#!/usr/bin/env node
// `pay-sandbox [--port 4010] [--host 127.0.0.1] […]` runs the sandbox until interrupted and prints
// what a client needs: every provider's base URL and test credentials.
// `pay-sandbox trigger <provider> <event> --to <url>` delivers one signed callback (trigger.ts).
// Options in cli-options.ts.
import { describeListenError, parseCliOptions, parseTriggerOptions, USAGE } from './cli-options.ts';
import { startSandbox } from './sandbox.ts';
import { runTrigger } from './trigger.ts';

const args = process.argv.slice(2);

if (args[0] === 'trigger') {
  const parsed = parseTriggerOptions(args.slice(1));
  if (!parsed.ok) {
    console.error(`pay-sandbox: ${parsed.message}\n${USAGE}`);
    process.exit(2);
  }
  if (parsed.help) {
    console.log(USAGE);
    process.exit(0);
  }
  process.exitCode = await runTrigger(parsed.options, {
    out: (text) => console.log(text),
    err: (text) => console.error(text),
  });
} else {
  const parsed = parseCliOptions(args);
  if (!parsed.ok) {
    console.error(`pay-sandbox: ${parsed.message}\n${USAGE}`);
    process.exit(2);
  }
  if (parsed.help) {
    console.log(USAGE);
    process.exit(0);
  }
  let sandbox: Awaited<ReturnType<typeof startSandbox>>;
  try {
    sandbox = await startSandbox(parsed.options);
  } catch (error) {
    const line = describeListenError(error, parsed.options);
    // One line, no stack trace.
    console.error(
      `pay-sandbox: ${line ?? (error instanceof Error ? error.message : String(error))}`,
    );
    process.exit(1);
  }
  console.log(
    `@pay/sandbox listening on ${sandbox.url}  (pay pages and control API under ${sandbox.url}/_sandbox)\n`,
  );
  for (const [provider, baseUrl] of Object.entries(sandbox.baseUrls)) {
    const credentials = sandbox.credentials[provider as keyof typeof sandbox.credentials];
    console.log(`${provider.padEnd(12)} baseUrl: ${baseUrl}`);
    console.log(`${''.padEnd(12)} credentials: ${JSON.stringify(credentials)}`);
    const webhookUrl = parsed.options.webhookUrls?.[provider as keyof typeof sandbox.credentials];
    if (webhookUrl) console.log(`${''.padEnd(12)} webhook URL: ${webhookUrl}`);
  }
  const stop = async () => {
    await sandbox.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

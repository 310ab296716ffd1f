import { describeListenError, parseCliOptions, parseTriggerOptions, USAGE } from './cli-options.ts';
import { type Sandbox, startSandbox } from './sandbox.ts';
import { runTrigger, type TriggerOutput } from './trigger.ts';

/** What the command line did: an exit code, or a sandbox left running until interrupted. */
export type CliResult = { code: number } | { sandbox: Sandbox };

/**
 * `pay-sandbox …` without the process around it (cli.ts adds `process.exit` and the signals):
 * every failure is one line on `err` (a usage error is followed by the usage), never a stack trace.
 */
export async function runCli(args: string[], output: TriggerOutput): Promise<CliResult> {
  if (args[0] === 'trigger') {
    const parsed = parseTriggerOptions(args.slice(1));
    if (!parsed.ok) {
      output.err(`pay-sandbox: ${parsed.message}\n${USAGE}`);
      return { code: 2 };
    }
    if (parsed.help) {
      output.out(USAGE);
      return { code: 0 };
    }
    return { code: await runTrigger(parsed.options, output) };
  }
  const parsed = parseCliOptions(args);
  if (!parsed.ok) {
    output.err(`pay-sandbox: ${parsed.message}\n${USAGE}`);
    return { code: 2 };
  }
  if (parsed.help) {
    output.out(USAGE);
    return { code: 0 };
  }
  let sandbox: Sandbox;
  try {
    sandbox = await startSandbox(parsed.options);
  } catch (error) {
    const line = describeListenError(error, parsed.options);
    output.err(`pay-sandbox: ${line ?? (error instanceof Error ? error.message : String(error))}`);
    return { code: 1 };
  }
  output.out(
    `@pay/sandbox listening on ${sandbox.url}  (pay pages and control API under ${sandbox.url}/_sandbox)\n`,
  );
  for (const provider of Object.keys(sandbox.baseUrls) as Array<keyof Sandbox['baseUrls']>) {
    output.out(`${provider.padEnd(12)} baseUrl: ${sandbox.baseUrls[provider]}`);
    output.out(`${''.padEnd(12)} credentials: ${JSON.stringify(sandbox.credentials[provider])}`);
    const webhookUrl = parsed.options.webhookUrls?.[provider];
    if (webhookUrl) output.out(`${''.padEnd(12)} webhook URL: ${webhookUrl}`);
  }
  return { sandbox };
}

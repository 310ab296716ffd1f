import { parseArgs } from 'node:util';
import type { SandboxOptions } from './sandbox.ts';

export const USAGE = `usage: pay-sandbox [--port 4010] [--host 127.0.0.1] [--max-invoices 10000]
                   [--max-body-bytes 1048576] [--allowed-host <name[:port]>]...

  --port            port to listen on (0: a free one)
  --host            interface to listen on
  --max-invoices    invoices kept, all providers together; the oldest go first ("Infinity": all)
  --max-body-bytes  largest request body read; a larger one is answered 413
  --allowed-host    another Host name to answer to (e.g. "sandbox" in docker compose); repeatable`;

/** The command line as `startSandbox` options, or why it cannot be. */
export function parseCliOptions(
  args: string[],
): { ok: true; help: boolean; options: SandboxOptions } | { ok: false; message: string } {
  let values: Record<string, string | boolean | string[] | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        port: { type: 'string', default: '4010' },
        host: { type: 'string', default: '127.0.0.1' },
        'max-invoices': { type: 'string' },
        'max-body-bytes': { type: 'string' },
        'allowed-host': { type: 'string', multiple: true },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
  const port = Number(values.port);
  if (!/^\d+$/.test(String(values.port)) || port > 65535) {
    return {
      ok: false,
      message: `--port must be a whole number from 0 to 65535 (got ${values.port})`,
    };
  }
  const options: SandboxOptions = { port, host: values.host as string };
  const maxInvoices = values['max-invoices'] as string | undefined;
  if (maxInvoices !== undefined) {
    if (maxInvoices !== 'Infinity' && !/^[1-9]\d*$/.test(maxInvoices)) {
      return {
        ok: false,
        message: `--max-invoices must be a whole number from 1, or Infinity (got ${maxInvoices})`,
      };
    }
    options.maxInvoices = Number(maxInvoices);
  }
  const maxBodyBytes = values['max-body-bytes'] as string | undefined;
  if (maxBodyBytes !== undefined) {
    if (!/^[1-9]\d*$/.test(maxBodyBytes)) {
      return {
        ok: false,
        message: `--max-body-bytes must be a whole number from 1 (got ${maxBodyBytes})`,
      };
    }
    options.maxBodyBytes = Number(maxBodyBytes);
  }
  const allowedHosts = values['allowed-host'] as string[] | undefined;
  if (allowedHosts) options.allowedHosts = allowedHosts;
  return { ok: true, help: values.help === true, options };
}

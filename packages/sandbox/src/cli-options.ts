import { parseArgs } from 'node:util';
import { isHttpUrl } from '@pay/core';
import { EMULATORS } from './emulators/index.ts';
import { type FaultConfig, type FaultSettings, validateFaults } from './faults.ts';
import type { ProviderId } from './invoice-store.ts';
import type { SandboxOptions } from './sandbox.ts';

export const USAGE = `usage: pay-sandbox [--port 4010] [--host 127.0.0.1] [--webhook-url <provider>=<url>]...
                   [--seed 1] [--fault <provider|global>=<kind>[:<value>]]...
                   [--max-invoices 10000] [--max-body-bytes 1048576] [--allowed-host <name[:port]>]...
       pay-sandbox trigger <provider> <event> --to <url> [--sandbox <url>]

  --port            port to listen on (0: a free one)
  --host            interface to listen on
  --webhook-url     a provider's project-level webhook URL (cryptocloud, payin-payout, bitsby); repeatable
  --seed            seed of the fault generator, to replay a run
  --fault           a fault to inject: error, malformed or drop with a rate (default 1), or latency with
                    milliseconds, e.g. crystalpay=error:0.2, global=latency:200; repeatable
  --max-invoices    invoices kept, all providers together; the oldest go first ("Infinity": all)
  --max-body-bytes  largest request body read; a larger one is answered 413
  --allowed-host    another Host name to answer to (e.g. "sandbox" in docker compose); repeatable

  trigger           creates an invoice, moves it (events: paid, partially_paid, failed, expired,
                    canceled, where the provider has them) and delivers the provider's signed
                    callback to --to, printing what was sent and what the endpoint answered; exits 0
                    only when the endpoint acknowledged it. --sandbox: a running sandbox to use
                    instead of one started in-process`;

const PROVIDERS: readonly ProviderId[] = EMULATORS.map((emulator) => emulator.id);
const isProvider = (value: string): value is ProviderId =>
  (PROVIDERS as readonly string[]).includes(value);

/** `--fault` kinds and the setting each sets. */
const FAULT_KINDS: Record<string, keyof FaultSettings> = {
  error: 'errorRate',
  malformed: 'malformedRate',
  drop: 'dropRate',
  latency: 'latencyMs',
};

type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** `--fault crystalpay=error:0.2` (repeatable) as a fault config, or why not. */
export function parseFaults(specs: readonly string[]): Parsed<FaultConfig> {
  const config: FaultConfig = {};
  for (const spec of specs) {
    const match = /^([\w-]+)=(\w+)(?::(.+))?$/.exec(spec);
    const setting = match ? FAULT_KINDS[match[2]!] : undefined;
    if (!match || !setting) {
      return {
        ok: false,
        message: `--fault must be <provider|global>=<kind>[:<value>] with kind ${Object.keys(FAULT_KINDS).join(', ')} (got ${spec})`,
      };
    }
    const [, scope, kind, text] = match as unknown as [string, string, string, string | undefined];
    if (kind === 'latency' && text === undefined) {
      return {
        ok: false,
        message: `--fault ${scope}=latency needs milliseconds, e.g. latency:200`,
      };
    }
    const value = text === undefined ? 1 : Number(text);
    config[scope] = { ...config[scope], [setting]: value };
  }
  try {
    return { ok: true, value: validateFaults(config, ['global', ...PROVIDERS]) };
  } catch (error) {
    return { ok: false, message: `--fault: ${(error as Error).message}` };
  }
}

/** `--webhook-url cryptocloud=http://…` (repeatable) as `webhookUrls`, or why not. */
function parseWebhookUrls(specs: readonly string[]): Parsed<Partial<Record<ProviderId, string>>> {
  const urls: Partial<Record<ProviderId, string>> = {};
  for (const spec of specs) {
    const at = spec.indexOf('=');
    const provider = spec.slice(0, at);
    const url = spec.slice(at + 1);
    if (at < 0 || !isProvider(provider) || !isHttpUrl(url)) {
      return {
        ok: false,
        message: `--webhook-url must be <provider>=<http(s) URL> with provider one of ${PROVIDERS.join(', ')} (got ${spec})`,
      };
    }
    urls[provider] = url;
  }
  return { ok: true, value: urls };
}

/** The command line as `startSandbox` options, or why it cannot be. */
export function parseCliOptions(
  args: string[],
): { ok: true; help: boolean; options: SandboxOptions } | { ok: false; message: string } {
  let values: Record<string, string | boolean | string[] | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        port: { type: 'string', default: '4010' },
        host: { type: 'string', default: '127.0.0.1' },
        'webhook-url': { type: 'string', multiple: true },
        seed: { type: 'string' },
        fault: { type: 'string', multiple: true },
        'max-invoices': { type: 'string' },
        'max-body-bytes': { type: 'string' },
        'allowed-host': { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    return { ok: false, message: argumentError(error) };
  }
  if (positionals.length > 0) {
    return { ok: false, message: `unexpected argument ${JSON.stringify(positionals[0])}` };
  }
  const port = Number(values.port);
  if (!/^\d+$/.test(String(values.port)) || port > 65535) {
    return {
      ok: false,
      message: `--port must be a whole number from 0 to 65535 (got ${values.port})`,
    };
  }
  const options: SandboxOptions = { port, host: values.host as string };
  const webhookUrls = values['webhook-url'] as string[] | undefined;
  if (webhookUrls) {
    const parsed = parseWebhookUrls(webhookUrls);
    if (!parsed.ok) return parsed;
    options.webhookUrls = parsed.value;
  }
  const seed = values.seed as string | undefined;
  if (seed !== undefined) {
    if (!/^\d+$/.test(seed) || Number(seed) > 0xffff_ffff) {
      return { ok: false, message: `--seed must be a whole number from 0 (got ${seed})` };
    }
    options.seed = Number(seed);
  }
  const faults = values.fault as string[] | undefined;
  if (faults) {
    const parsed = parseFaults(faults);
    if (!parsed.ok) return parsed;
    options.faults = parsed.value;
  }
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

/** What `pay-sandbox trigger` is asked to do. */
export interface TriggerOptions {
  provider: ProviderId;
  event: TriggerEvent;
  /** Where the callback goes: the user's endpoint. */
  to: string;
  /** A running sandbox to use; `undefined` starts one in-process. */
  sandbox: string | undefined;
}

/** The events `trigger` knows, and the sandbox action each is. */
export const TRIGGER_EVENTS = {
  paid: 'pay',
  partially_paid: 'pay-partial',
  failed: 'fail',
  expired: 'expire',
  canceled: 'cancel',
} as const;
export type TriggerEvent = keyof typeof TRIGGER_EVENTS;

/** `trigger <provider> <event> --to <url> [--sandbox <url>]`, or why not. */
export function parseTriggerOptions(
  args: string[],
): { ok: true; help: boolean; options: TriggerOptions } | { ok: false; message: string } {
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        to: { type: 'string' },
        sandbox: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    return { ok: false, message: argumentError(error) };
  }
  const help = values.help === true;
  const [provider, event, extra] = positionals;
  if (help) {
    return {
      ok: true,
      help,
      options: { provider: 'crystalpay', event: 'paid', to: '', sandbox: undefined },
    };
  }
  if (provider === undefined || !isProvider(provider)) {
    return {
      ok: false,
      message: `trigger needs a provider: one of ${PROVIDERS.join(', ')}${provider === undefined ? '' : ` (got ${provider})`}`,
    };
  }
  if (event === undefined || !Object.hasOwn(TRIGGER_EVENTS, event)) {
    return {
      ok: false,
      message: `trigger needs an event: one of ${Object.keys(TRIGGER_EVENTS).join(', ')}${event === undefined ? '' : ` (got ${event})`}`,
    };
  }
  if (extra !== undefined) {
    return { ok: false, message: `unexpected argument ${JSON.stringify(extra)}` };
  }
  const to = values.to as string | undefined;
  if (to === undefined || !isHttpUrl(to)) {
    return {
      ok: false,
      message: `trigger needs --to <http(s) URL>: your callback endpoint${to === undefined ? '' : ` (got ${to})`}`,
    };
  }
  const sandbox = values.sandbox as string | undefined;
  if (sandbox !== undefined && !isHttpUrl(sandbox)) {
    return { ok: false, message: `--sandbox must be the sandbox's http(s) URL (got ${sandbox})` };
  }
  return {
    ok: true,
    help,
    options: { provider, event: event as TriggerEvent, to, sandbox: sandbox?.replace(/\/+$/, '') },
  };
}

/** One line for a failure to listen (a port in use, a host not ours), or `undefined`. */
export function describeListenError(
  error: unknown,
  options: Pick<SandboxOptions, 'port' | 'host'>,
): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'EADDRINUSE') {
    return `port ${options.port} is in use — pick another with --port`;
  }
  if (code === 'EACCES') {
    return `port ${options.port} needs privileges on this system — pick another with --port`;
  }
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
    return `cannot listen on ${options.host}: not an address of this machine — pick another with --host`;
  }
  return undefined;
}

/** parseArgs' complaint in one short line: `unknown option --bogus`. */
function argumentError(error: unknown): string {
  const { code, message } = error as { code?: string; message: string };
  const name = /'(-[^']*)'/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && name) return `unknown option ${name}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && name) {
    return `option ${name.split(' ')[0]} needs a value`;
  }
  return message;
}

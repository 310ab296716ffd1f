import { describe, expect, it } from 'vitest';
import { runCli } from './cli-main.ts';
import { startSandbox } from './sandbox.ts';

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const result = await runCli(args, {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
  });
  return { result, out: out.join('\n'), err: err.join('\n') };
}

describe('pay-sandbox', () => {
  it('says a port in use in one line, with no stack trace', async () => {
    const taken = await startSandbox();
    const port = new URL(taken.url).port;
    try {
      const { result, err } = await cli('--port', port);
      expect(result).toEqual({ code: 1 });
      expect(err).toBe(`pay-sandbox: port ${port} is in use — pick another with --port`);
    } finally {
      await taken.close();
    }
  });

  it('answers an unknown flag with the usage', async () => {
    for (const args of [['--bogus'], ['trigger', 'crystalpay', 'paid', '--bogus']]) {
      const { result, err } = await cli(...args);
      expect(result).toEqual({ code: 2 });
      const [first, second] = err.split('\n');
      expect(first).toBe('pay-sandbox: unknown option --bogus');
      expect(second).toMatch(/^usage: pay-sandbox /);
    }
  });

  it('prints the usage for --help', async () => {
    const { result, out } = await cli('--help');
    expect(result).toEqual({ code: 0 });
    expect(out).toContain('pay-sandbox trigger <provider> <event> --to <url>');
  });

  it('starts a sandbox with the flags and prints what a client needs', async () => {
    const { result, out } = await cli(
      '--port',
      '0',
      '--webhook-url',
      'bitsby=http://127.0.0.1:3000/bitsby',
      '--fault',
      'crystalpay=error',
    );
    if (!('sandbox' in result)) throw new Error('no sandbox');
    try {
      expect(out).toContain(`payin-payout baseUrl: ${result.sandbox.baseUrls['payin-payout']}`);
      expect(out).toContain('webhook URL: http://127.0.0.1:3000/bitsby');
      const urls = await (await fetch(`${result.sandbox.url}/_sandbox/webhook-urls`)).json();
      expect(urls).toEqual({ bitsby: 'http://127.0.0.1:3000/bitsby' });
      const faulted = await fetch(`${result.sandbox.baseUrls.crystalpay}/v3/me/info/`, {
        method: 'POST',
        body: '{}',
      });
      expect(faulted.status).toBe(503);
    } finally {
      await result.sandbox.close();
    }
  });
});

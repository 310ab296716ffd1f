import { describe, expect, it } from 'vitest';
import { describeListenError, parseCliOptions, parseFaults } from './cli-options.ts';
import { startSandbox } from './sandbox.ts';

describe('pay-sandbox command line', () => {
  it('passes the limits and hosts to startSandbox', () => {
    expect(
      parseCliOptions([
        '--port',
        '0',
        '--max-invoices',
        '500',
        '--max-body-bytes',
        '65536',
        '--allowed-host',
        'sandbox',
        '--allowed-host',
        'proxy:8080',
      ]),
    ).toEqual({
      ok: true,
      help: false,
      options: {
        port: 0,
        host: '127.0.0.1',
        maxInvoices: 500,
        maxBodyBytes: 65536,
        allowedHosts: ['sandbox', 'proxy:8080'],
      },
    });
    expect(parseCliOptions(['--max-invoices', 'Infinity'])).toMatchObject({
      options: { maxInvoices: Number.POSITIVE_INFINITY },
    });
    expect(parseCliOptions([])).toEqual({
      ok: true,
      help: false,
      options: { port: 4010, host: '127.0.0.1' },
    });
  });

  it('names a bad value', () => {
    expect(parseCliOptions(['--max-invoices', '0'])).toMatchObject({
      ok: false,
      message: expect.stringContaining('--max-invoices must be'),
    });
    expect(parseCliOptions(['--max-body-bytes', '1e6'])).toMatchObject({ ok: false });
    expect(parseCliOptions(['--port', '-1'])).toMatchObject({ ok: false });
    expect(parseCliOptions(['--nope'])).toMatchObject({ ok: false });
  });
});

describe('pay-sandbox flags', () => {
  it('takes webhook URLs, a seed and faults', () => {
    expect(
      parseCliOptions([
        '--webhook-url',
        'cryptocloud=http://127.0.0.1:3000/cc',
        '--webhook-url',
        'payin-payout=http://127.0.0.1:3000/pp',
        '--seed',
        '7',
        '--fault',
        'crystalpay=error:0.2',
        '--fault',
        'crystalpay=latency:150',
        '--fault',
        'global=drop',
      ]),
    ).toMatchObject({
      ok: true,
      options: {
        webhookUrls: {
          cryptocloud: 'http://127.0.0.1:3000/cc',
          'payin-payout': 'http://127.0.0.1:3000/pp',
        },
        seed: 7,
        faults: { crystalpay: { errorRate: 0.2, latencyMs: 150 }, global: { dropRate: 1 } },
      },
    });
  });

  it('names a bad webhook URL, seed or fault', () => {
    expect(parseCliOptions(['--webhook-url', 'stripe=http://x'])).toMatchObject({
      ok: false,
      message: expect.stringContaining('--webhook-url must be <provider>=<http(s) URL>'),
    });
    expect(parseCliOptions(['--webhook-url', 'bitsby=ftp://x'])).toMatchObject({ ok: false });
    expect(parseCliOptions(['--seed', 'x'])).toMatchObject({ ok: false });
    expect(parseFaults(['crystalpay=explode'])).toMatchObject({
      ok: false,
      message: expect.stringContaining('kind error, malformed, drop, latency'),
    });
    expect(parseFaults(['crystalpay=latency'])).toMatchObject({
      ok: false,
      message: expect.stringContaining('needs milliseconds'),
    });
    expect(parseFaults(['crystalpay=error:2'])).toMatchObject({
      ok: false,
      message: expect.stringContaining('faults.crystalpay.errorRate must be a number from 0 to 1'),
    });
    expect(parseFaults(['stripe=error'])).toMatchObject({
      ok: false,
      message: expect.stringContaining('faults.stripe is not a scope'),
    });
  });

  it('says an unknown flag or a stray argument in one line, for the usage to follow', () => {
    expect(parseCliOptions(['--bogus'])).toEqual({ ok: false, message: 'unknown option --bogus' });
    expect(parseCliOptions(['--port'])).toEqual({
      ok: false,
      message: 'option --port needs a value',
    });
    expect(parseCliOptions(['serve'])).toEqual({
      ok: false,
      message: 'unexpected argument "serve"',
    });
  });

  it('turns a port in use into one line', async () => {
    const taken = await startSandbox();
    const port = Number(new URL(taken.url).port);
    try {
      const error = await startSandbox({ port }).catch((caught: unknown) => caught);
      expect(describeListenError(error, { port, host: '127.0.0.1' })).toBe(
        `port ${port} is in use — pick another with --port`,
      );
    } finally {
      await taken.close();
    }
    expect(describeListenError(new Error('other'), { port })).toBeUndefined();
  });
});

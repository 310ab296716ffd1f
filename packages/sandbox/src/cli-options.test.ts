import { describe, expect, it } from 'vitest';
import { parseCliOptions } from './cli-options.ts';

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

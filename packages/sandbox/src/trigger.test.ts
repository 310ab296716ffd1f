import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CallbackReceiver, startCallbackReceiver } from './callback-receiver.ts';
import { parseTriggerOptions, type TriggerEvent } from './cli-options.ts';
import type { ProviderId } from './invoice-store.ts';
import { type Sandbox, startSandbox } from './sandbox.ts';
import { runTrigger } from './trigger.ts';

let receiver: CallbackReceiver;
beforeAll(async () => {
  receiver = await startCallbackReceiver('/hooks');
});
afterAll(async () => {
  await receiver.close();
});

/** A port that was free a moment ago: nothing listens there. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Runs `pay-sandbox trigger …` in-process, with what it printed. */
async function trigger(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const parsed = parseTriggerOptions(args);
  if (!parsed.ok) throw new Error(parsed.message);
  let out = '';
  let err = '';
  const code = await runTrigger(parsed.options, {
    out: (text) => {
      out += `${text}\n`;
    },
    err: (text) => {
      err += `${text}\n`;
    },
  });
  return { code, out, err };
}

/** The acknowledgement each provider expects from the endpoint. */
const ACK: Record<ProviderId, [number, string]> = {
  crystalpay: [200, ''],
  cryptocloud: [200, '{"message":"Postback received"}'],
  anymoney: [200, ''],
  'payin-payout': [200, '{"result":true}'],
  bitsby: [200, ''],
};

const CASES: Array<[ProviderId, TriggerEvent, (body: string) => void]> = [
  ['crystalpay', 'paid', (body) => expect(JSON.parse(body)).toMatchObject({ state: 'payed' })],
  [
    'crystalpay',
    'partially_paid',
    (body) => expect(JSON.parse(body)).toMatchObject({ state: 'wrongamount' }),
  ],
  ['crystalpay', 'failed', (body) => expect(JSON.parse(body)).toMatchObject({ state: 'failed' })],
  ['cryptocloud', 'paid', (body) => expect(JSON.parse(body)).toMatchObject({ status: 'success' })],
  ['anymoney', 'paid', (body) => expect(JSON.parse(body)).toMatchObject({ status: 'done' })],
  ['anymoney', 'expired', (body) => expect(JSON.parse(body)).toMatchObject({ status: 'expired' })],
  [
    'payin-payout',
    'paid',
    (body) => expect(new URLSearchParams(body).get('payment_in_status') ?? body).toMatch(/1/),
  ],
  ['payin-payout', 'failed', (body) => expect(body).toContain('external_id')],
  ['bitsby', 'paid', (body) => expect(JSON.parse(body)).toHaveProperty('invoice')],
];

describe('pay-sandbox trigger (in-process sandbox)', () => {
  it.each(CASES)(
    '%s %s: delivers the signed callback to --to and exits 0 when acknowledged',
    async (provider, event, check) => {
      receiver.respondWith(...ACK[provider]);
      const before = receiver.received.length;
      const { code, out, err } = await trigger(provider, event, '--to', receiver.url);
      expect(err).toBe('');
      expect(code).toBe(0);
      expect(receiver.received.length).toBe(before + 1);
      const received = receiver.received.at(-1)!;
      check(received.body);
      // It printed what was sent (method, URL, headers, body) and what the endpoint answered.
      expect(out).toContain(`→ POST ${receiver.url}`);
      expect(out).toContain(received.body);
      expect(out).toContain(`← ${ACK[provider][0]}`);
      expect(out).toContain('Acknowledged');
      for (const name of ['content-type'])
        expect(out.toLowerCase()).toContain(`${name}: ${received.headers[name]}`.toLowerCase());
    },
  );

  it('exits 1 when the endpoint does not acknowledge, showing its answer', async () => {
    receiver.respondWith(500, 'database down');
    const { code, out } = await trigger('crystalpay', 'paid', '--to', receiver.url);
    expect(code).toBe(1);
    expect(out).toContain('← 500');
    expect(out).toContain('database down');
    expect(out).toContain('NOT acknowledged: CrystalPay expects HTTP 200 or 429');
    receiver.respondWith(200, '{"result":false}');
    expect((await trigger('payin-payout', 'paid', '--to', receiver.url)).code).toBe(1);
  });

  it('exits 1 when nobody listens at --to', async () => {
    const port = await freePort();
    const { code, out } = await trigger(
      'anymoney',
      'paid',
      '--to',
      `http://127.0.0.1:${port}/none`,
    );
    expect(code).toBe(1);
    expect(out).toContain('← no answer (ECONNREFUSED)');
  });

  it('refuses an event the provider lacks, and one that sends no callback', async () => {
    const lacking = await trigger('bitsby', 'failed', '--to', receiver.url);
    expect(lacking.code).toBe(2);
    expect(lacking.err).toContain(
      'Bitsby has no failed invoice in its flow: trigger one of paid, partially_paid, expired',
    );
    const silent = await trigger('cryptocloud', 'expired', '--to', receiver.url);
    expect(silent.code).toBe(1);
    expect(silent.err).toContain('CryptoCloud sends no callback when an invoice is expired');
  });
});

describe('pay-sandbox trigger --sandbox <url>', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ webhookUrls: { bitsby: 'http://127.0.0.1:1/project' } });
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it('uses the running sandbox and restores its webhook URL', async () => {
    receiver.respondWith(200);
    const { code, out } = await trigger(
      'bitsby',
      'paid',
      '--to',
      receiver.url,
      '--sandbox',
      sandbox.url,
    );
    expect(code).toBe(0);
    expect(out).toContain(`Using the sandbox at ${sandbox.url}`);
    expect(sandbox.invoices('bitsby')).toHaveLength(1);
    expect(sandbox.invoices('bitsby')[0]!.state).toBe('paid');
    const urls = await (await fetch(`${sandbox.url}/_sandbox/webhook-urls`)).json();
    expect(urls).toEqual({ bitsby: 'http://127.0.0.1:1/project' });
  });

  it('says so in one line when no sandbox answers', async () => {
    const nobody = `http://127.0.0.1:${await freePort()}`;
    const { code, err } = await trigger(
      'crystalpay',
      'paid',
      '--to',
      receiver.url,
      '--sandbox',
      nobody,
    );
    expect(code).toBe(2);
    expect(err.trim()).toBe(
      `pay-sandbox: no sandbox answers at ${nobody} (start one with pay-sandbox)`,
    );
  });
});

describe('parseTriggerOptions', () => {
  it('names what is missing or wrong', () => {
    expect(parseTriggerOptions([])).toMatchObject({
      ok: false,
      message: expect.stringContaining('needs a provider'),
    });
    expect(parseTriggerOptions(['stripe', 'paid'])).toMatchObject({
      ok: false,
      message: expect.stringContaining('(got stripe)'),
    });
    expect(parseTriggerOptions(['bitsby', 'refunded'])).toMatchObject({
      ok: false,
      message: expect.stringContaining('paid, partially_paid, failed, expired, canceled'),
    });
    expect(parseTriggerOptions(['bitsby', 'paid'])).toMatchObject({
      ok: false,
      message: expect.stringContaining('--to'),
    });
    expect(parseTriggerOptions(['bitsby', 'paid', '--to', 'x', '--nope'])).toMatchObject({
      ok: false,
      message: 'unknown option --nope',
    });
    expect(parseTriggerOptions(['bitsby', 'paid', '--to', 'http://127.0.0.1:3000/h'])).toEqual({
      ok: true,
      help: false,
      options: {
        provider: 'bitsby',
        event: 'paid',
        to: 'http://127.0.0.1:3000/h',
        sandbox: undefined,
      },
    });
  });
});

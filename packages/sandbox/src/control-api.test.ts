import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type CallbackReceiver, startCallbackReceiver } from './callback-receiver.ts';
import { type Sandbox, startSandbox } from './sandbox.ts';

let sandbox: Sandbox;
let receiver: CallbackReceiver;
/** A callback URL that accepts the request and never answers. */
let hanging: Server;
let hangingUrl: string;

beforeAll(async () => {
  sandbox = await startSandbox({ callbackRetry: { delaysMs: [], timeoutMs: 20_000 } });
  receiver = await startCallbackReceiver();
  hanging = createServer(() => {});
  await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
  hangingUrl = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/hangs`;
});
afterAll(async () => {
  await sandbox.close();
  await receiver.close();
  hanging.closeAllConnections();
  await new Promise((resolve) => hanging.close(resolve));
});
afterEach(() => {
  vi.restoreAllMocks();
});

async function createInvoice(callbackUrl?: string): Promise<{ id: string; url: string }> {
  const response = await fetch(`${sandbox.baseUrls.crystalpay}/v3/invoice/create/`, {
    method: 'POST',
    body: JSON.stringify({
      auth_login: sandbox.credentials.crystalpay.login,
      auth_secret: sandbox.credentials.crystalpay.secret,
      amount: 10,
      type: 'purchase',
      lifetime: 30,
      ...(callbackUrl ? { callback_url: callbackUrl } : {}),
    }),
  });
  return (await response.json()) as { id: string; url: string };
}

const control = (path: string, init: RequestInit = {}) => fetch(`${sandbox.url}${path}`, init);
const errorOf = async (response: Response) => ((await response.json()) as { error: string }).error;

describe('malformed control input', () => {
  it('answers 400 with a clear message and prints no stack trace', async () => {
    const printed = vi.spyOn(console, 'error');
    const cases: Array<[string, RequestInit, string]> = [
      ['/_sandbox/webhook-urls/bitsby', { method: 'PUT', body: '{"url": ' }, 'a JSON object'],
      ['/_sandbox/webhook-urls/bitsby', { method: 'PUT', body: '' }, 'a JSON object'],
      ['/_sandbox/webhook-urls/bitsby', { method: 'PUT', body: '"http://a"' }, 'a JSON object'],
      ['/_sandbox/webhook-urls/bitsby', { method: 'PUT', body: '{"url": 5}' }, 'url must be'],
      ['/_sandbox/faults', { method: 'PUT', body: '{crystalpay' }, 'a JSON object'],
      ['/_sandbox/faults', { method: 'PUT', body: '[{"errorRate": 1}]' }, 'a JSON object'],
      ['/_sandbox/faults', { method: 'PUT', body: '{"crystalpay": 1}' }, 'object of settings'],
      [
        '/_sandbox/faults',
        { method: 'PUT', body: '{"global": {"errorrate": 1}}' },
        'not a setting',
      ],
      ['/_sandbox/faults', { method: 'PUT', body: '{"crystal": {"errorRate": 1}}' }, 'not a scope'],
      ['/_sandbox/invoices?provider=nope', {}, 'provider must be one of'],
      ['/_sandbox/invoices/crystalpay/x/dance', { method: 'POST' }, 'action must be one of'],
      ['/_sandbox/invoices/crystalpay/x/pay?wait=yes', { method: 'POST' }, 'wait must be'],
    ];
    for (const [path, init, message] of cases) {
      const response = await control(path, init);
      expect(response.status, `${init.method ?? 'GET'} ${path} ${init.body}`).toBe(400);
      expect(await errorOf(response)).toContain(message);
    }
    expect(printed).not.toHaveBeenCalled();
  });

  it('answers 404 for an unknown provider or control route', async () => {
    const webhook = await control('/_sandbox/webhook-urls/nope', { method: 'PUT', body: '{}' });
    expect(webhook.status).toBe(404);
    expect(await errorOf(webhook)).toContain('no provider "nope"');
    expect((await control('/_sandbox/invoices/nope/x/pay', { method: 'POST' })).status).toBe(404);
    const route = await control('/_sandbox/nothing-here');
    expect(route.status).toBe(404);
    expect(await errorOf(route)).toContain('no control route GET /_sandbox/nothing-here');
  });

  it('still accepts well-formed input', async () => {
    const set = await control('/_sandbox/webhook-urls/bitsby', {
      method: 'PUT',
      body: JSON.stringify({ url: receiver.url }),
    });
    expect(set.status).toBe(200);
    expect(await set.json()).toMatchObject({ bitsby: receiver.url });
    const cleared = await control('/_sandbox/webhook-urls/bitsby', { method: 'PUT', body: '{}' });
    expect(await cleared.json()).not.toHaveProperty('bitsby');
  });
});

describe('callbacks in the background', () => {
  it('a pay action answers at once while the callback URL hangs', async () => {
    const invoice = await createInvoice(hangingUrl);
    const started = Date.now();
    const response = await fetch(`${invoice.url}/pay`, { method: 'POST', redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(Date.now() - started).toBeLessThan(5000); // the callback timeout is 20 s
    const location = response.headers.get('location') ?? '';
    expect(location).toMatch(/\?done=pay$/);
    const page = await (await fetch(new URL(location, invoice.url))).text();
    expect(page).toContain('Pay done: callback sent in the background');
    expect(page).toContain('payed (paid)');
    expect(page).toContain('A callback is on its way: no answer yet.');
    expect(page).toContain('data-testid="delivering"');
    expect(page).toContain('<meta http-equiv="refresh" content="1">');
  });

  it('the control API answers at once too, or after the first attempt with ?wait=callback', async () => {
    const slow = await createInvoice(hangingUrl);
    const started = Date.now();
    const response = await control(`/_sandbox/invoices/crystalpay/${slow.id}/fail`, {
      method: 'POST',
    });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await response.json()).toMatchObject({
      ok: true,
      status: 'failed',
      callbackSent: true,
      invoice: { state: 'failed', callbacks: [] },
    });

    const quick = await createInvoice(receiver.url);
    const waited = await control(`/_sandbox/invoices/crystalpay/${quick.id}/pay?wait=callback`, {
      method: 'POST',
    });
    expect(await waited.json()).toMatchObject({
      ok: true,
      status: 'payed',
      callback: { status: 200, acknowledged: true },
    });
    await receiver.next();
  });

  it("an invoice's callbacks go out in the order of its actions", async () => {
    // A receiver that takes 300 ms to answer: the second callback must not overtake the first.
    const events: string[] = [];
    const slow = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        const { state } = JSON.parse(body) as { state: string };
        events.push(`arrived ${state}`);
        setTimeout(() => {
          events.push(`answered ${state}`);
          response.end('ok');
        }, 300);
      });
    });
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    try {
      const invoice = await createInvoice(
        `http://127.0.0.1:${(slow.address() as AddressInfo).port}/cb`,
      );
      for (const action of ['pay-partial', 'pay']) {
        await control(`/_sandbox/invoices/crystalpay/${invoice.id}/${action}`, { method: 'POST' });
      }
      await expect.poll(() => events.length).toBe(4);
      expect(events).toEqual([
        'arrived wrongamount',
        'answered wrongamount',
        'arrived payed',
        'answered payed',
      ]);
    } finally {
      slow.closeAllConnections();
      await new Promise((resolve) => slow.close(resolve));
    }
  });

  it('sandbox.act still reports the first attempt; callbacksSettled waits for retries', async () => {
    const flaky = await startCallbackReceiver();
    const retrying = await startSandbox({ callbackRetry: { delaysMs: [50, 50] } });
    try {
      flaky.respondWith(500);
      const created = await fetch(`${retrying.baseUrls.crystalpay}/v3/invoice/create/`, {
        method: 'POST',
        body: JSON.stringify({
          auth_login: retrying.credentials.crystalpay.login,
          auth_secret: retrying.credentials.crystalpay.secret,
          amount: 10,
          type: 'purchase',
          lifetime: 30,
          callback_url: flaky.url,
        }),
      });
      const { id } = (await created.json()) as { id: string };
      const result = await retrying.act('crystalpay', id, 'pay');
      expect(result.ok && result.callback).toMatchObject({ status: 500, acknowledged: false });
      await retrying.callbacksSettled();
      expect(retrying.invoices()[0]?.callbacks).toHaveLength(3);
    } finally {
      await retrying.close();
      await flaky.close();
    }
  });

  it('close() cancels a hanging delivery and waits for it to end', async () => {
    const closing = await startSandbox({ callbackRetry: { delaysMs: [1000], timeoutMs: 20_000 } });
    const created = await fetch(`${closing.baseUrls.crystalpay}/v3/invoice/create/`, {
      method: 'POST',
      body: JSON.stringify({
        auth_login: closing.credentials.crystalpay.login,
        auth_secret: closing.credentials.crystalpay.secret,
        amount: 10,
        type: 'purchase',
        lifetime: 30,
        callback_url: hangingUrl,
      }),
    });
    const { url } = (await created.json()) as { url: string };
    await fetch(`${url}/pay`, { method: 'POST', redirect: 'manual' });
    const started = Date.now();
    await closing.close();
    expect(Date.now() - started).toBeLessThan(5000);
    const [invoice] = closing.invoices();
    expect(invoice?.callbacks).toHaveLength(1);
    expect(invoice?.callbacks[0]).toMatchObject({ status: undefined, acknowledged: false });
  });
});

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CallbackReceiver, startCallbackReceiver } from './callback-receiver.ts';
import { type Sandbox, startSandbox } from './sandbox.ts';

let sandbox: Sandbox;
let receiver: CallbackReceiver;

beforeAll(async () => {
  sandbox = await startSandbox({ callbackRetry: { delaysMs: [20, 20] } });
  receiver = await startCallbackReceiver();
});
afterAll(async () => {
  await sandbox.close();
  await receiver.close();
});

/** Creates a CrystalPay invoice over plain HTTP (no SDK), returning its id and pay URL. */
async function createInvoice(
  extra: Record<string, unknown> = {},
): Promise<{ id: string; url: string }> {
  const { login, secret } = sandbox.credentials.crystalpay;
  const response = await fetch(`${sandbox.baseUrls.crystalpay}/v3/invoice/create/`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      auth_login: login,
      auth_secret: secret,
      amount: 100.5,
      type: 'purchase',
      lifetime: 30,
      ...extra,
    }),
  });
  return (await response.json()) as { id: string; url: string };
}

describe('startSandbox', () => {
  it('listens on loopback and mounts every provider under its prefix', () => {
    expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sandbox.baseUrls.crystalpay).toBe(`${sandbox.url}/crystalpay`);
    expect(sandbox.baseUrls['payin-payout']).toBe(`${sandbox.url}/payin-payout`);
  });

  it('describes itself at /_sandbox', async () => {
    const index = (await (await fetch(`${sandbox.url}/_sandbox`)).json()) as Record<
      string,
      unknown
    >;
    expect(index.baseUrls).toEqual(sandbox.baseUrls);
    expect(index.credentials).toEqual(sandbox.credentials);
  });
});

describe('pay page', () => {
  it('refuses an action in a notice, without changing anything', async () => {
    const invoice = await createInvoice();
    await sandbox.act('crystalpay', invoice.id, 'pay');
    const response = await fetch(`${invoice.url}/fail`, { method: 'POST', redirect: 'manual' });
    const location = response.headers.get('location') ?? '';
    expect(decodeURIComponent(location)).toContain('?notice=the invoice is already paid');
    const page = await (await fetch(new URL(location, sandbox.url))).text();
    expect(page).toContain('the invoice is already paid');
    expect(page).toContain('payed (paid)');
  });

  it('shows the invoice with the provider actions', async () => {
    const invoice = await createInvoice();
    expect(invoice.url).toBe(`${sandbox.url}/_sandbox/pay/crystalpay/${invoice.id}`);
    const html = await (await fetch(invoice.url)).text();
    expect(html).toContain(invoice.id);
    expect(html).toContain('100.5 RUB');
    expect(html).toContain('notpayed');
    for (const action of ['pay', 'pay-partial', 'fail', 'expire'])
      expect(html).toContain(`data-testid="${action}"`);
    expect(html).not.toContain('data-testid="cancel"');
  });

  it('a form post changes the state, delivers the callback and redirects back with a notice', async () => {
    const invoice = await createInvoice({ callback_url: receiver.url });
    const response = await fetch(`${invoice.url}/pay`, { method: 'POST', redirect: 'manual' });
    expect(response.status).toBe(303);
    const location = response.headers.get('location') ?? '';
    expect(location).toBe(`/_sandbox/pay/crystalpay/${invoice.id}?done=pay`);
    const callback = await receiver.next();
    expect(JSON.parse(callback.body)).toMatchObject({ id: invoice.id, state: 'payed' });
    await sandbox.callbacksSettled();
    const page = await (await fetch(new URL(location, sandbox.url))).text();
    expect(page).toContain('Pay done: callback sent in the background');
    expect(page).toContain('Last callback: HTTP 200, acknowledged');
    expect(page).not.toContain('data-testid="delivering"');
    expect(page).toContain('data-testid="final"');
  });

  it('escapes what the merchant sent', async () => {
    const invoice = await createInvoice({ currency: '<script>x</script>' });
    const html = await (await fetch(invoice.url)).text();
    expect(html).not.toContain('<script>x</script>');
    expect(html).toContain('&#60;script&#62;');
  });
});

describe('control API', () => {
  it('acts on an invoice and reports the callback attempt', async () => {
    const invoice = await createInvoice({ callback_url: receiver.url });
    const response = await fetch(
      `${sandbox.url}/_sandbox/invoices/crystalpay/${invoice.id}/pay-partial?wait=callback`,
      { method: 'POST' },
    );
    const result = (await response.json()) as { callback: unknown };
    expect(result).toMatchObject({
      ok: true,
      status: 'wrongamount',
      invoice: { state: 'partial', paidAmount: '50.2' },
    });
    expect(result.callback).toMatchObject({ status: 200, acknowledged: true });
    const again = await fetch(
      `${sandbox.url}/_sandbox/invoices/crystalpay/${invoice.id}/pay-partial`,
      { method: 'POST' },
    );
    expect(again.status).toBe(409);
  });

  it('answers 404 for an unknown invoice and 409 for an action the provider lacks', async () => {
    expect(
      (await fetch(`${sandbox.url}/_sandbox/invoices/crystalpay/nope/pay`, { method: 'POST' }))
        .status,
    ).toBe(404);
    const invoice = await createInvoice();
    const response = await fetch(
      `${sandbox.url}/_sandbox/invoices/crystalpay/${invoice.id}/cancel`,
      { method: 'POST' },
    );
    expect(response.status).toBe(409);
    expect(((await response.json()) as { error: string }).error).toContain('no "cancel"');
  });

  it('retries an unacknowledged callback and logs every attempt', async () => {
    const flaky = await startCallbackReceiver();
    const invoice = await createInvoice({ callback_url: flaky.url });
    flaky.respondWith(500);
    const result = await sandbox.act('crystalpay', invoice.id, 'fail');
    expect(result.ok && result.callback).toMatchObject({ status: 500, acknowledged: false });
    await flaky.next();
    flaky.respondWith(200);
    const retried = await flaky.next();
    expect(JSON.parse(retried.body)).toMatchObject({ id: invoice.id, state: 'failed' });
    await flaky.close();
    await expect
      .poll(() => sandbox.invoices('crystalpay').find((i) => i.id === invoice.id)?.callbacks.length)
      .toBe(2);
    const attempts = sandbox.invoices('crystalpay').find((i) => i.id === invoice.id)!.callbacks;
    expect(attempts.map((attempt) => attempt.acknowledged)).toEqual([false, true]);
  });
});

it('names the socket error of a callback nobody receives', async () => {
  // A port that was free a moment ago: nothing listens there.
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  const invoice = await createInvoice({ callback_url: `http://127.0.0.1:${port}/nobody` });
  const result = await sandbox.act('crystalpay', invoice.id, 'expire');
  expect(result.ok && result.callback).toMatchObject({
    status: undefined,
    acknowledged: false,
    error: 'ECONNREFUSED',
  });
});

describe('faults', () => {
  const setFaults = (faults: unknown) =>
    fetch(`${sandbox.url}/_sandbox/faults`, { method: 'PUT', body: JSON.stringify(faults) });

  it('plays 5xx, malformed bodies and dropped connections, per provider', async () => {
    await setFaults({ crystalpay: { errorRate: 1 } });
    const failed = await fetch(`${sandbox.baseUrls.crystalpay}/v3/me/info/`, {
      method: 'POST',
      body: '{}',
    });
    expect(failed.status).toBe(503);
    expect(await failed.text()).toContain('<html>');

    await setFaults({ global: { malformedRate: 1 } });
    const malformed = await fetch(`${sandbox.baseUrls.crystalpay}/v3/me/info/`, {
      method: 'POST',
      body: '{}',
    });
    expect(malformed.status).toBe(200);
    await expect(malformed.json()).rejects.toThrow();

    await setFaults({ crystalpay: { dropRate: 1 } });
    await expect(
      fetch(`${sandbox.baseUrls.crystalpay}/v3/me/info/`, { method: 'POST', body: '{}' }),
    ).rejects.toThrow('fetch failed');

    await setFaults({});
    expect(
      (await fetch(`${sandbox.baseUrls.crystalpay}/v3/me/info/`, { method: 'POST', body: '{}' }))
        .status,
    ).toBe(200);
  });

  it('refuses an invalid fault config', async () => {
    const response = await setFaults({ crystalpay: { errorRate: 2 } });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toContain(
      'faults.crystalpay.errorRate',
    );
  });
});

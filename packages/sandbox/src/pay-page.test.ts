import { createCryptoCloud } from '@pay/cryptocloud';
import { createCrystalPay } from '@pay/crystalpay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CallbackReceiver, startCallbackReceiver } from './callback-receiver.ts';
import { type Sandbox, startSandbox } from './sandbox.ts';

// The pay page's content, fetched as HTML (no browser): everything it says is read from the
// invoice, so a reload tells the same story as the page the buttons led to.

let sandbox: Sandbox;
let receiver: CallbackReceiver;
beforeAll(async () => {
  sandbox = await startSandbox({ callbackRetry: { delaysMs: [10, 10], timeoutMs: 2000 } });
  receiver = await startCallbackReceiver();
});
afterAll(async () => {
  await sandbox.close();
  await receiver.close();
});

const page = async (url: string) => (await fetch(url)).text();
const decode = (html: string) =>
  html.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));

describe('pay page', () => {
  it('shows the last callback sent and the answer received', async () => {
    const crystalpay = createCrystalPay({
      ...sandbox.credentials.crystalpay,
      baseUrl: sandbox.baseUrls.crystalpay,
    });
    const invoice = await crystalpay.invoice.create({
      amount: '100',
      type: 'purchase',
      lifetime: 60,
      callback_url: receiver.url,
    });
    receiver.respondWith(200, 'OK, stored');
    const pressed = await fetch(`${invoice.url}/pay`, { method: 'POST', redirect: 'manual' });
    expect(pressed.headers.get('location')).toMatch(/\?done=pay$/);
    const sent = await receiver.next();
    await sandbox.callbacksSettled();
    const html = decode(await page(new URL(pressed.headers.get('location')!, sandbox.url).href));
    expect(html).toContain('Pay done: callback sent in the background');
    expect(html).toContain('payed (paid)');
    expect(html).toContain('Last callback: HTTP 200, acknowledged — 1 attempt(s).');
    expect(html).toContain(`Sent: POST ${receiver.url}`);
    expect(html).toContain(sent.body);
    expect(html).toContain(`content-type: ${sent.headers['content-type']}`);
    expect(html).toContain('Answer: HTTP 200, acknowledged');
    expect(html).toContain('OK, stored');
  });

  it('says retries are over once they are, on a reload too', async () => {
    const crystalpay = createCrystalPay({
      ...sandbox.credentials.crystalpay,
      baseUrl: sandbox.baseUrls.crystalpay,
    });
    const invoice = await crystalpay.invoice.create({
      amount: '10',
      type: 'purchase',
      lifetime: 60,
      callback_url: receiver.url,
    });
    receiver.respondWith(500, 'database down');
    await sandbox.act('crystalpay', invoice.id, 'fail');
    await sandbox.callbacksSettled();
    for (const url of [invoice.url, `${invoice.url}?done=fail`]) {
      const html = decode(await page(url));
      expect(html).toContain(
        'Last callback: HTTP 500, not acknowledged — 3 attempt(s); no more retries',
      );
      expect(html).not.toContain('retrying');
      expect(html).not.toContain('data-testid="delivering"');
      expect(html).toContain('Answer: HTTP 500, not acknowledged');
      expect(html).toContain('database down');
    }
    receiver.respondWith(200);
  });

  it('tells how to set the webhook URL of a provider that posts to the project, while none is set', async () => {
    const cryptocloud = createCryptoCloud({
      ...sandbox.credentials.cryptocloud,
      baseUrl: sandbox.baseUrls.cryptocloud,
    });
    const invoice = await cryptocloud.invoice.create({ amount: '5', order_id: 'page-1' });
    const url = `${sandbox.url}/_sandbox/pay/cryptocloud/${invoice.uuid}`;
    const html = decode(await page(url));
    expect(html).toContain('data-testid="webhook-help"');
    expect(html).toContain("CryptoCloud posts its callbacks to the project's webhook URL");
    expect(html).toContain('--webhook-url cryptocloud=');
    expect(html).toContain('PUT /_sandbox/webhook-urls/cryptocloud');
    expect(html).toContain("sandbox.setWebhookUrl('cryptocloud', url)");
    sandbox.setWebhookUrl('cryptocloud', receiver.url);
    try {
      const set = decode(await page(url));
      expect(set).not.toContain('webhook-help');
      expect(set).toContain(receiver.url);
    } finally {
      sandbox.setWebhookUrl('cryptocloud', undefined);
    }
  });

  it('a CrystalPay invoice without callback_url gets no webhook help (its URL is per invoice)', async () => {
    const crystalpay = createCrystalPay({
      ...sandbox.credentials.crystalpay,
      baseUrl: sandbox.baseUrls.crystalpay,
    });
    const invoice = await crystalpay.invoice.create({ amount: '1', type: 'purchase', lifetime: 5 });
    expect(await page(invoice.url)).not.toContain('webhook-help');
  });
});

describe('not emulated', () => {
  it('answers what is outside every provider mount with the default', async () => {
    const response = await fetch(`${sandbox.url}/stripe/v1/charges`, { method: 'POST' });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: 'not emulated by @pay/sandbox: /stripe/v1/charges',
    });
  });
});

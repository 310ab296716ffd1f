import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type CallbackReceiver, startCallbackReceiver } from './callback-receiver.ts';
import { type Sandbox, startSandbox } from './sandbox.ts';

let sandbox: Sandbox;
let receiver: CallbackReceiver;

beforeAll(async () => {
  sandbox = await startSandbox();
  receiver = await startCallbackReceiver();
});
afterAll(async () => {
  await sandbox.close();
  await receiver.close();
});
afterEach(() => {
  vi.restoreAllMocks();
});

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

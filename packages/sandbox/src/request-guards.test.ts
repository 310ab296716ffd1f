import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowedHostsOf } from './request-guards.ts';
import { type Sandbox, startSandbox } from './sandbox.ts';

// The guards every route sits behind: a body-size limit (413), a Host check against DNS
// rebinding (421) and, on the state-changing /_sandbox routes, a cross-site check (403).

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ maxBodyBytes: 4096, allowedHosts: ['sandbox'] });
});
afterAll(async () => {
  await sandbox.close();
});

/** A request with any `Host` header (fetch would replace it), answered as status and text. */
function raw(
  path: string,
  options: { method?: string; host?: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; text: string }> {
  const { port } = new URL(sandbox.url);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        headers: { ...options.headers, ...(options.host ? { host: options.host } : {}) },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

async function createInvoice(target: Sandbox = sandbox): Promise<{ id: string; url: string }> {
  const response = await fetch(`${target.baseUrls.crystalpay}/v3/invoice/create/`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      auth_login: target.credentials.crystalpay.login,
      auth_secret: target.credentials.crystalpay.secret,
      amount: 10,
      type: 'purchase',
      lifetime: 30,
    }),
  });
  return (await response.json()) as { id: string; url: string };
}

const stateOf = (id: string) => sandbox.invoices('crystalpay').find((i) => i.id === id)?.state;

describe('request size limit (maxBodyBytes)', () => {
  const oversized = JSON.stringify({ description: 'x'.repeat(8000) });

  it('answers 413 by Content-Length, before reading the body, on provider and control routes', async () => {
    const before = sandbox.invoices().length;
    const create = await fetch(`${sandbox.baseUrls.crystalpay}/v3/invoice/create/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: oversized,
    });
    expect(create.status).toBe(413);
    expect(await create.text()).toContain('at most 4096 bytes (maxBodyBytes)');
    const faults = await fetch(`${sandbox.url}/_sandbox/faults`, {
      method: 'PUT',
      body: oversized,
    });
    expect(faults.status).toBe(413);
    expect(sandbox.invoices().length).toBe(before);
  });

  it('answers 413 while reading a chunked body without Content-Length', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(1500));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 10) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const response = await fetch(`${sandbox.baseUrls.crystalpay}/v3/invoice/create/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
  });

  it('defaults to 1 MiB', async () => {
    const defaults = await startSandbox();
    try {
      const big = await fetch(`${defaults.baseUrls.crystalpay}/v3/invoice/create/`, {
        method: 'POST',
        body: 'x'.repeat(1024 * 1024 + 1),
      });
      expect(big.status).toBe(413);
      expect(await big.text()).toContain('at most 1048576 bytes');
      const fits = await fetch(`${defaults.baseUrls.crystalpay}/v3/me/info/`, {
        method: 'POST',
        body: JSON.stringify({ padding: 'x'.repeat(1000 * 1000) }),
      });
      expect(fits.status).toBe(200);
    } finally {
      await defaults.close();
    }
  });

  it('refuses a maxBodyBytes that is not a positive whole number', async () => {
    await expect(startSandbox({ maxBodyBytes: 0 })).rejects.toThrow(RangeError);
  });
});

describe('Host check (DNS rebinding)', () => {
  it('answers 421 to a Host the sandbox does not listen on, on every route', async () => {
    const { port } = new URL(sandbox.url);
    const index = await raw('/_sandbox', { host: `rebound.example:${port}` });
    expect(index.status).toBe(421);
    expect(index.text).toContain('Misdirected Request');
    expect(index.text).not.toContain(sandbox.credentials.crystalpay.secret);
    const api = await raw('/crystalpay/v3/me/info/', {
      method: 'POST',
      host: `rebound.example:${port}`,
      body: '{}',
    });
    expect(api.status).toBe(421);
    expect((await raw('/_sandbox', { host: `127.0.0.1:${Number(port) + 1}` })).status).toBe(421);
    expect((await raw('/_sandbox', { host: '127.0.0.1' })).status).toBe(421);
  });

  it('answers loopback by IP and name, its own host, and allowedHosts', async () => {
    const { port } = new URL(sandbox.url);
    for (const host of ['127.0.0.1', 'localhost', 'LOCALHOST', '[::1]', 'sandbox']) {
      const index = await raw('/_sandbox', { host: `${host}:${port}` });
      expect(index.status, host).toBe(200);
    }
  });

  it('lists the hosts a sandbox answers to', () => {
    expect([...allowedHostsOf(4010, '0.0.0.0', ['sandbox', 'proxy:8080', '::1'])]).toEqual([
      '127.0.0.1:4010',
      'localhost:4010',
      '[::1]:4010',
      '0.0.0.0:4010',
      'sandbox:4010',
      'proxy:8080',
    ]);
    expect(allowedHostsOf(80, '127.0.0.1').has('localhost')).toBe(true);
  });
});

describe('cross-site requests', () => {
  const crossSite = { 'sec-fetch-site': 'cross-site', origin: 'http://evil.example' };

  it('a cross-site form post to a pay action is refused with 403 and pays nothing', async () => {
    const invoice = await createInvoice();
    const response = await fetch(`${invoice.url}/pay`, {
      method: 'POST',
      redirect: 'manual',
      headers: { ...crossSite, 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: string }).error).toContain('cross-site POST');
    expect(stateOf(invoice.id)).toBe('created');
  });

  it('a text/plain post to /_sandbox/reset from another origin is refused', async () => {
    const invoice = await createInvoice();
    for (const headers of [
      { ...crossSite },
      { origin: 'http://evil.example' }, // a browser without Sec-Fetch-Site
      { origin: 'null' }, // a sandboxed frame or a file: page
      { 'sec-fetch-site': 'same-site', origin: `http://127.0.0.1:1` }, // another local port
      { origin: sandbox.url.replace('http:', 'https:') },
    ]) {
      const response = await fetch(`${sandbox.url}/_sandbox/reset`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'text/plain' },
        body: 'x',
      });
      expect(response.status, JSON.stringify(headers)).toBe(403);
    }
    for (const path of ['/_sandbox/faults', '/_sandbox/webhook-urls/bitsby']) {
      const response = await fetch(`${sandbox.url}${path}`, {
        method: 'PUT',
        headers: crossSite,
        body: '{}',
      });
      expect(response.status, path).toBe(403);
    }
    expect(stateOf(invoice.id)).toBe('created');
  });

  it('its own pages, a typed address and clients outside a browser pass', async () => {
    const invoice = await createInvoice();
    const own = await fetch(`${invoice.url}/pay-partial`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'sec-fetch-site': 'same-origin', origin: sandbox.url },
    });
    expect(own.status).toBe(303);
    expect(stateOf(invoice.id)).toBe('partial');
    const byName = await fetch(`${invoice.url}/expire`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'sec-fetch-site': 'same-origin',
        origin: sandbox.url.replace('127.0.0.1', 'localhost'),
      },
    });
    expect(byName.status).toBe(303);
    expect(stateOf(invoice.id)).toBe('expired');
    const typed = await fetch(`${sandbox.url}/_sandbox/faults`, {
      method: 'PUT',
      headers: { 'sec-fetch-site': 'none' },
      body: '{}',
    });
    expect(typed.status).toBe(200);
    expect((await fetch(`${sandbox.url}/_sandbox/reset`, { method: 'POST' })).status).toBe(200);
  });

  it('reads stay open: GET of the pay page and the index', async () => {
    const response = await fetch(`${sandbox.url}/_sandbox`, { headers: crossSite });
    expect(response.status).toBe(200);
  });
});

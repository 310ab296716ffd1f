import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from './sandbox.ts';

// The guards every route sits behind: a body-size limit (413).

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ maxBodyBytes: 4096 });
});
afterAll(async () => {
  await sandbox.close();
});

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

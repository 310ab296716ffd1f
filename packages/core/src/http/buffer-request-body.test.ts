import * as v from 'valibot';
import { afterEach, describe, expect, it } from 'vitest';
import { withBufferedRequestBody } from './buffer-request-body.ts';
import { createTransport } from './transport.ts';

const parts = Array.from({ length: 9 }, (_, index) => [`k${index}`, `v${index}`] as const);

function transportWith(fetch: typeof globalThis.fetch) {
  return createTransport({
    provider: 'Test',
    userAgent: 'pay-test/0',
    baseUrl: 'https://provider.test',
    fetch,
    timeout: 1000,
    maxRetries: 0,
    headers: {},
    secrets: [],
    readError: () => undefined,
  });
}

const unhandled: unknown[] = [];
const record = (reason: unknown) => unhandled.push(reason);

afterEach(() => {
  process.off('unhandledRejection', record);
  unhandled.length = 0;
});

describe('withBufferedRequestBody', () => {
  it('sends the same multipart bytes, boundary and headers', async () => {
    let seen: { contentType: string | null; body: string; userAgent: string | null } | undefined;
    const fetch = withBufferedRequestBody(async (input) => {
      const request = input as Request;
      seen = {
        contentType: request.headers.get('content-type'),
        body: await request.text(),
        userAgent: request.headers.get('user-agent'),
      };
      return new Response('{}');
    });
    await transportWith(fetch).request({
      operation: 'op',
      path: 'p',
      body: { multipart: parts },
      schema: v.unknown(),
    });
    const boundary = /boundary=(.+)$/.exec(seen?.contentType ?? '')?.[1];
    expect(boundary).toBeTruthy();
    expect(seen?.body).toContain(`--${boundary}\r\nContent-Disposition: form-data; name="k8"`);
    expect(seen?.userAgent).toBe('pay-test/0');
  });

  it('leaves no unhandled rejection when the fetch fails without reading the body', async () => {
    process.on('unhandledRejection', record);
    const failFast = () => Promise.reject(new TypeError('fetch failed'));
    await expect(
      transportWith(withBufferedRequestBody(failFast)).request({
        operation: 'op',
        path: 'p',
        body: { multipart: parts },
        schema: v.unknown(),
      }),
    ).rejects.toMatchObject({ name: 'PayNetworkError' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(unhandled).toEqual([]);
  });

  it('passes requests without a body through untouched', async () => {
    const request = new Request('https://provider.test/x');
    let received: unknown;
    await withBufferedRequestBody(async (input) => {
      received = input;
      return new Response('');
    })(request);
    expect(received).toBe(request);
  });
});

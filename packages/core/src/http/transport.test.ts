import { inspect } from 'node:util';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { PayApiError } from '../errors/pay-api-error.ts';
import { PayError } from '../errors/pay-error.ts';
import { PayNetworkError } from '../errors/pay-network-error.ts';
import { PayResponseError } from '../errors/pay-response-error.ts';
import { hangUntilAborted, jsonResponse, stubFetch } from '../testing/stub-fetch.ts';
import { createTransport, type TransportSettings } from './transport.ts';

const SECRET = 'super-secret-key-9f3a';

function transportWith(fetch: typeof globalThis.fetch, overrides: Partial<TransportSettings> = {}) {
  return createTransport({
    provider: 'Example',
    userAgent: 'pay-example/1.2.3',
    baseUrl: 'http://127.0.0.1:4010/example/',
    fetch,
    timeout: 1_000,
    maxRetries: 2,
    headers: { 'x-extra': 'yes' },
    secrets: [SECRET],
    readError: ({ body }) => {
      const envelope = body as { error?: boolean; message?: string; code?: string };
      return envelope.error
        ? { providerMessage: envelope.message, providerCode: envelope.code, details: body }
        : undefined;
    },
    ...overrides,
  });
}

const okSchema = v.object({ id: v.string() });
const call = { operation: 'thing/create', path: '/v1/thing/create/', schema: okSchema };

async function failure(promise: Promise<unknown>): Promise<PayError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!PayError.isInstance(error)) throw new Error(`expected a PayError, got ${String(error)}`);
  return error;
}

describe('transport: requests', () => {
  it('joins the documented path to a base with a prefix and sends JSON with the SDK headers', async () => {
    const fetch = stubFetch(() => jsonResponse({ id: 'a1' }));
    const result = await transportWith(fetch).request({
      ...call,
      body: { json: { amount: '100', nested: { x: 1 } } },
      headers: { authorization: 'Token k' },
    });
    expect(result).toEqual({ id: 'a1' });
    const [sent] = fetch.calls;
    expect(sent?.url).toBe('http://127.0.0.1:4010/example/v1/thing/create/');
    expect(sent?.method).toBe('POST');
    expect(sent?.contentType).toBe('application/json');
    expect(JSON.parse(sent?.body ?? '')).toEqual({ amount: '100', nested: { x: 1 } });
    expect(sent?.headers.get('user-agent')).toBe('pay-example/1.2.3');
    expect(sent?.headers.get('accept')).toBe('application/json');
    expect(sent?.headers.get('x-extra')).toBe('yes');
    expect(sent?.headers.get('authorization')).toBe('Token k');
  });

  it('sends form pairs in the given order, url-encoded', async () => {
    const fetch = stubFetch(() => jsonResponse({ id: 'a1' }));
    await transportWith(fetch).request({
      ...call,
      body: {
        form: [
          ['z', 'last one'],
          ['a', 'é&='],
        ],
      },
    });
    expect(fetch.calls[0]?.contentType).toMatch(/^application\/x-www-form-urlencoded/);
    expect(fetch.calls[0]?.body).toBe('z=last+one&a=%C3%A9%26%3D');
  });

  it('sends multipart fields as form-data parts', async () => {
    const fetch = stubFetch(() => jsonResponse({ id: 'a1' }));
    await transportWith(fetch).request({ ...call, body: { multipart: { amount: '10.5' } } });
    expect(fetch.calls[0]?.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(fetch.calls[0]?.body).toContain('name="amount"\r\n\r\n10.5\r\n');
  });

  it('leaves no unhandled rejection when a fetch fails without reading a multipart body', async () => {
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', record);
    try {
      const failFast = () => Promise.reject(new TypeError('fetch failed'));
      const error = await failure(
        transportWith(failFast).request({ ...call, body: { multipart: { amount: '10.5' } } }),
      );
      expect(error.name).toBe('PayNetworkError');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', record);
    }
  });

  it('sends GET with search params and no body', async () => {
    const fetch = stubFetch(() => jsonResponse({ id: 'a1' }));
    await transportWith(fetch).request({ ...call, method: 'GET', searchParams: { page: '2' } });
    expect(fetch.calls[0]?.method).toBe('GET');
    expect(fetch.calls[0]?.url).toBe('http://127.0.0.1:4010/example/v1/thing/create/?page=2');
  });
});

describe('transport: failures map to the error tree', () => {
  it('an error flag in a 2xx body is a PayApiError with the provider fields', async () => {
    const body = { error: true, message: 'Invoice not found', code: 'E404' };
    const error = await failure(transportWith(stubFetch(() => jsonResponse(body))).request(call));
    expect(PayApiError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      status: 200,
      providerCode: 'E404',
      providerMessage: 'Invoice not found',
      details: body,
      retryable: false,
      provider: 'Example',
      operation: 'thing/create',
    });
  });

  it('a 5xx HTML page is a retryable PayApiError with a hint', async () => {
    const fetch = stubFetch(() => new Response('<html>Bad gateway</html>', { status: 502 }));
    const error = await failure(transportWith(fetch).request(call));
    expect(PayApiError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 502, retryable: true });
    expect(error.message).toContain('try again later');
  });

  it('a 401 says to check the credentials', async () => {
    const fetch = stubFetch(() => jsonResponse({ detail: 'nope' }, 401));
    const error = await failure(transportWith(fetch).request(call));
    expect(error).toMatchObject({ status: 401, retryable: false });
    expect(error.message).toContain('check the credentials');
  });

  it('a 200 HTML page is a PayResponseError (not-json) with a preview', async () => {
    const fetch = stubFetch(() => new Response('<html>maintenance</html>', { status: 200 }));
    const error = await failure(transportWith(fetch).request(call));
    expect(PayResponseError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ reason: 'not-json', bodyPreview: '<html>maintenance</html>' });
  });

  it('invalid JSON and an empty body are PayResponseError (not-json)', async () => {
    for (const text of ['{"id": "a1"', '']) {
      const error = await failure(transportWith(stubFetch(() => new Response(text))).request(call));
      expect(error).toMatchObject({ name: 'PayResponseError', reason: 'not-json' });
    }
  });

  it('a body of the wrong shape is a PayResponseError naming the field', async () => {
    const fetch = stubFetch(() => jsonResponse({ id: 42 }));
    const error = await failure(transportWith(fetch).request(call));
    expect(error).toMatchObject({ name: 'PayResponseError', reason: 'unexpected-shape' });
    expect((error as PayResponseError).issues[0]?.path).toBe('id');
  });

  it('a timeout is a PayNetworkError with timeout set', async () => {
    const fetch = stubFetch(hangUntilAborted);
    const error = await failure(transportWith(fetch, { timeout: 30 }).request(call));
    expect(PayNetworkError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ timeout: true, aborted: false, retryable: true });
  });

  it("the caller's AbortSignal cancels the request", async () => {
    const controller = new AbortController();
    const pending = transportWith(stubFetch(hangUntilAborted)).request({
      ...call,
      signal: controller.signal,
    });
    controller.abort();
    const error = await failure(pending);
    expect(error).toMatchObject({ name: 'PayNetworkError', aborted: true, retryable: false });
  });

  it('a connection reset is a PayNetworkError that names it', async () => {
    const reset = () => {
      throw new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } });
    };
    const error = await failure(transportWith(stubFetch(reset)).request(call));
    expect(error).toMatchObject({ name: 'PayNetworkError', timeout: false });
    expect(error.message).toContain('connection reset');
  });

  it('names the innermost cause when there is no socket code', async () => {
    const blocked = () => {
      throw new TypeError('fetch failed', { cause: new Error('bad port') });
    };
    const error = await failure(transportWith(stubFetch(blocked)).request(call));
    expect(error.message).toContain('no response from the provider: bad port');
  });
});

describe('transport: retries', () => {
  const unavailable = () => jsonResponse({ error: true, message: 'busy' }, 503);
  const fast = { maxRetries: 2 };

  it('retries an idempotent read on 503 and returns the later success', async () => {
    const fetch = stubFetch(unavailable, () => jsonResponse({ id: 'a1' }));
    const result = await transportWith(fetch, fast).request({ ...call, idempotent: true });
    expect(result).toEqual({ id: 'a1' });
    expect(fetch.calls).toHaveLength(2);
  });

  it('gives up after maxRetries with the provider error read from the last body', async () => {
    const fetch = stubFetch(unavailable);
    const error = await failure(
      transportWith(fetch, { maxRetries: 1 }).request({ ...call, idempotent: true }),
    );
    expect(fetch.calls).toHaveLength(2);
    expect(error).toMatchObject({ name: 'PayApiError', status: 503, providerMessage: 'busy' });
  });

  it('never retries a call that is not marked idempotent', async () => {
    const fetch = stubFetch(unavailable, () => jsonResponse({ id: 'a1' }));
    const error = await failure(transportWith(fetch, fast).request(call));
    expect(fetch.calls).toHaveLength(1);
    expect(error).toMatchObject({ name: 'PayApiError', status: 503 });
  });
});

describe('transport: secrets never reach an error', () => {
  const leaks = [
    () => jsonResponse({ error: true, message: `bad key ${SECRET}`, code: SECRET }),
    () => new Response(`<html>${SECRET}</html>`, { status: 200 }),
    () => new Response(`<html>${SECRET}</html>`, { status: 500 }),
    () => jsonResponse({ id: SECRET.length }),
    () => {
      throw new Error(`custom fetch failed for ${SECRET}`);
    },
  ];

  it.each(leaks.map((leak, index) => [index, leak] as const))('path %i', async (_index, leak) => {
    const error = await failure(transportWith(stubFetch(leak)).request(call));
    const views = [
      error.message,
      String(error),
      JSON.stringify(error),
      inspect(error, { depth: 10, showHidden: true }),
      JSON.stringify(Object.entries(error)),
    ];
    for (const view of views) expect(view).not.toContain(SECRET);
  });
});

describe('transport: throttle, derived secrets, redaction before truncation', () => {
  it('every attempt, retries included, waits for the throttle; failures are reported to it', async () => {
    const events: string[] = [];
    const fetch = stubFetch(
      () => {
        events.push('send');
        return jsonResponse({ error: true, message: 'busy' }, 429);
      },
      () => {
        events.push('send');
        return jsonResponse({ id: 'ok' });
      },
    );
    const transport = transportWith(fetch, {
      sleep: async () => {},
      throttle: {
        acquire: async () => {
          events.push('acquire');
        },
        onFailure: (error) => {
          events.push(`failure ${PayApiError.isInstance(error) ? error.status : '?'}`);
        },
      },
    });
    await expect(transport.request({ ...call, idempotent: true })).resolves.toEqual({ id: 'ok' });
    expect(events).toEqual(['acquire', 'send', 'failure 429', 'acquire', 'send']);
  });

  it('an abort while waiting for the throttle is an aborted PayNetworkError; nothing is sent', async () => {
    const fetch = stubFetch(() => jsonResponse({ id: 'ok' }));
    const controller = new AbortController();
    const transport = transportWith(fetch, {
      throttle: {
        acquire: (signal) =>
          new Promise((_, reject) =>
            signal?.addEventListener('abort', () => reject(signal.reason)),
          ),
      },
    });
    const pending = transport.request({ ...call, signal: controller.signal });
    controller.abort();
    const error = await failure(pending);
    expect(PayNetworkError.isInstance(error) && error.aborted).toBe(true);
    expect(fetch.calls).toHaveLength(0);
  });

  it('a retryable error envelope in a 200 is retried for idempotent calls only', async () => {
    const busy = () => jsonResponse({ error: true, message: 'busy' });
    const transport = (fetch: typeof globalThis.fetch) =>
      createTransport({
        provider: 'Example',
        userAgent: 'pay-example/1.2.3',
        baseUrl: 'http://127.0.0.1:4010/',
        fetch,
        timeout: 1_000,
        maxRetries: 2,
        headers: {},
        secrets: [],
        readError: ({ body }) =>
          (body as { error?: boolean }).error ? { retryable: true } : undefined,
        sleep: async () => {},
      });
    const read = stubFetch(busy, () => jsonResponse({ id: 'ok' }));
    await expect(transport(read).request({ ...call, idempotent: true })).resolves.toEqual({
      id: 'ok',
    });
    const write = stubFetch(busy, () => jsonResponse({ id: 'ok' }));
    await failure(transport(write).request(call));
    expect(write.calls).toHaveLength(1);
  });

  it('redacts a secret before cutting the preview, so none of it leaks across the cut', async () => {
    for (let offset = 185; offset < 205; offset += 1) {
      const text = `${'x'.repeat(offset)}${SECRET}${'y'.repeat(50)}`;
      const error = await failure(
        transportWith(stubFetch(() => new Response(text, { status: 200 }))).request(call),
      );
      const preview = (error as PayResponseError).bodyPreview ?? '';
      expect(preview.length).toBeLessThanOrEqual(200);
      for (let cut = 4; cut <= SECRET.length; cut += 1) {
        expect(preview).not.toContain(SECRET.slice(0, cut));
      }
    }
  });

  it("redacts the call's derived secrets and Authorization from a network error's message and cause", async () => {
    const fetch = stubFetch((request) => {
      throw new Error(
        `refused: x-signature=${request.headers.get('x-signature')} auth=${request.headers.get('authorization')}`,
      );
    });
    const error = await failure(
      transportWith(fetch, { maxRetries: 0 }).request({
        ...call,
        headers: { 'x-signature': 'abcdef0123456789', authorization: 'Token tok-123456' },
        secrets: ['abcdef0123456789'],
      }),
    );
    for (const form of [
      error.message,
      String(error.cause),
      JSON.stringify(error),
      inspect(error),
    ]) {
      expect(form).not.toContain('abcdef0123456789');
      expect(form).not.toContain('tok-123456');
    }
  });
});

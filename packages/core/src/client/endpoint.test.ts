import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { PayApiError } from '../errors/pay-api-error.ts';
import { PayValidationError } from '../errors/pay-validation-error.ts';
import { createTransport } from '../http/transport.ts';
import { jsonResponse, stubFetch } from '../testing/stub-fetch.ts';
import { createEndpointFactory } from './endpoint.ts';

function setup(...answers: Parameters<typeof stubFetch>) {
  const fetch = stubFetch(...answers);
  const transport = createTransport({
    provider: 'Example',
    userAgent: 'pay-example/1.0.0',
    baseUrl: 'http://127.0.0.1:4010/example/',
    fetch,
    timeout: 1_000,
    maxRetries: 2,
    headers: {},
    secrets: ['top-secret'],
    readError: ({ body }) =>
      (body as { ok?: boolean }).ok === false
        ? { providerMessage: 'refused', retryable: true }
        : undefined,
    sleep: async () => {},
  });
  const endpoint = createEndpointFactory<{ signed?: boolean }>({
    provider: 'Example',
    transport,
    buildRequest: (definition, input) => ({
      body: {
        json: { ...(input as object), ...(definition.signed ? { sig: 'derived-sig' } : {}) },
      },
      secrets: definition.signed ? ['derived-sig'] : [],
    }),
    envelope: (result) =>
      v.pipe(
        v.looseObject({ data: result }),
        v.transform((body) => body.data),
      ),
  });
  return { fetch, endpoint };
}

const params = v.strictObject({ amount: v.string() });
const result = v.looseObject({ id: v.string() });

describe('createEndpointFactory', () => {
  it('validates, lets the provider build the request, and unwraps the envelope', async () => {
    const { fetch, endpoint } = setup(() => jsonResponse({ data: { id: 'i1' } }));
    const create = endpoint({
      operation: 'thing/create',
      path: 'v1/thing/',
      params,
      result,
      idempotent: false,
      signed: true,
    });
    await expect(create({ amount: '10' })).resolves.toEqual({ id: 'i1' });
    expect(fetch.calls[0]?.url).toBe('http://127.0.0.1:4010/example/v1/thing/');
    expect(JSON.parse(fetch.calls[0]?.body ?? '')).toEqual({ amount: '10', sig: 'derived-sig' });
  });

  it('rejects bad input with PayValidationError before anything is sent (a rejection, not a throw)', async () => {
    const { fetch, endpoint } = setup(() => jsonResponse({ data: { id: 'i1' } }));
    const create = endpoint({
      operation: 'thing/create',
      path: 'v1/thing/',
      params,
      result,
      idempotent: false,
    });
    const pending = create({ amount: 10 } as never);
    expect(pending).toBeInstanceOf(Promise);
    const error = await pending.catch((caught: unknown) => caught);
    expect(PayValidationError.isInstance(error)).toBe(true);
    expect((error as PayValidationError).operation).toBe('thing/create');
    expect(fetch.calls).toHaveLength(0);
  });

  it('retries an idempotent call on a retryable envelope, never a call that is not', async () => {
    const refused = () => jsonResponse({ ok: false });
    const ok = () => jsonResponse({ data: { id: 'i2' } });
    const read = setup(refused, ok);
    const info = read.endpoint({
      operation: 'thing/info',
      path: 'v1/info/',
      params,
      result,
      idempotent: true,
    });
    await expect(info({ amount: '1' })).resolves.toEqual({ id: 'i2' });
    expect(read.fetch.calls).toHaveLength(2);

    const write = setup(refused, ok);
    const create = write.endpoint({
      operation: 'thing/create',
      path: 'v1/thing/',
      params,
      result,
      idempotent: false,
    });
    const error = await create({ amount: '1' }).catch((caught: unknown) => caught);
    expect(PayApiError.isInstance(error)).toBe(true);
    expect(write.fetch.calls).toHaveLength(1);
  });

  it('select picks the answer from a broader result, with the validated input', async () => {
    const { endpoint } = setup(() => jsonResponse({ data: { items: [{ id: 'a' }, { id: 'b' }] } }));
    const get = endpoint({
      operation: 'thing/list',
      path: 'v1/list/',
      params: v.strictObject({ id: v.string() }),
      result: v.looseObject({ items: v.array(result) }),
      idempotent: true,
      select: (list, input) => list.items.find((item) => item.id === input.id) ?? null,
    });
    await expect(get({ id: 'b' })).resolves.toEqual({ id: 'b' });
  });

  it('redacts the signature the provider derived from a secret from errors', async () => {
    const { endpoint } = setup(
      () => new Response('<html>bad derived-sig here</html>', { status: 200 }),
    );
    const create = endpoint({
      operation: 'thing/create',
      path: 'v1/thing/',
      params,
      result,
      idempotent: false,
      signed: true,
    });
    const error = await create({ amount: '1' }).catch((caught: unknown) => caught);
    expect(JSON.stringify(error)).not.toContain('derived-sig');
    expect(String((error as { bodyPreview?: string }).bodyPreview)).toContain('[redacted]');
  });
});

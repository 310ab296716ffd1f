import { PayValidationError } from '@pay/core';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { fixtureSchema } from './fixture-schema.ts';
import type { ProviderClient } from './providers.ts';
import { runFixture } from './run-fixture.ts';

// A fake provider package, to prove the runner's dispatch without a real gateway: `gateway.*`
// fixtures go to `createFakeGateway(client)`, the rest to the client, with the same checks.

const target: ProviderClient = {
  pkg: {
    dir: '/nonexistent/fake',
    packageJson: { name: '@pay/fake', version: '1.2.3' },
    manifest: {
      id: 'fake',
      clients: [{ name: 'Fake', prefix: 'fake', fixtures: 'fake', secrets: [], testSettings: {} }],
    },
  },
  client: {
    name: 'Fake',
    prefix: 'fake',
    fixtures: 'fake',
    secrets: ['apiKey'],
    testSettings: { apiKey: 'fake_secret_key' },
  },
  label: 'fake',
};

const API = 'https://api.fake.example';

/** What the fake client does for both the client method and the gateway method. */
async function createOnApi(settings: Record<string, unknown>, orderId: unknown) {
  if (typeof orderId !== 'string' || orderId === '') {
    throw new PayValidationError([{ path: 'orderId', message: 'is required' }], {
      provider: 'fake',
      operation: 'createInvoice',
    });
  }
  const response = await fetch(`${API}/invoices`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': 'pay-fake/1.2.3' },
    body: JSON.stringify({ key: settings.apiKey, order: orderId }),
  });
  return (await response.json()) as { id: string };
}

function fakeModule(withGateway: boolean): Record<string, unknown> {
  const createFake = (settings: Record<string, unknown>) => ({
    settings,
    invoice: { create: (params: { order?: unknown }) => createOnApi(settings, params?.order) },
  });
  const createFakeGateway = (client: ReturnType<typeof createFake>) => ({
    provider: 'fake',
    async createInvoice(params: { orderId?: unknown }) {
      const { id } = await createOnApi(client.settings, params?.orderId);
      return { provider: 'fake', id, orderId: params.orderId, status: 'pending' };
    },
  });
  return withGateway ? { createFake, createFakeGateway } : { createFake };
}

const exchange = {
  request: {
    method: 'POST' as const,
    url: `${API}/invoices`,
    body: { key: 'fake_secret_key', order: 'order-1' },
  },
  response: { status: 200, body: { id: 'inv-1' } },
};

const source = { url: 'https://docs.fake.example', section: 'self-test' };

const gatewaySuccess = v.parse(fixtureSchema, {
  operation: 'gateway.createInvoice',
  case: 'success',
  kind: 'success',
  source,
  input: { orderId: 'order-1', amount: '10', currency: 'USD' },
  ...exchange,
  expect: {
    result: { provider: 'fake', id: 'inv-1', orderId: 'order-1', status: 'pending' },
  },
});

describe('runFixture', () => {
  it('runs a gateway.* fixture against create<Name>Gateway(client), checking request and result', async () => {
    await runFixture(target, fakeModule(true), gatewaySuccess);
  });

  it('runs a gateway.* error fixture with the same outcome checks', async () => {
    const error = v.parse(fixtureSchema, {
      operation: 'gateway.createInvoice',
      case: 'error-invalid-input',
      kind: 'error',
      source,
      input: { orderId: '' },
      expect: { error: { class: 'PayValidationError', messageIncludes: 'orderId' } },
    });
    await runFixture(target, fakeModule(true), error);
  });

  it('holds a gateway fixture to its documented request', async () => {
    const wrongRequest = v.parse(fixtureSchema, {
      ...gatewaySuccess,
      request: { ...exchange.request, body: { key: 'fake_secret_key', order: 'order-2' } },
    });
    await expect(runFixture(target, fakeModule(true), wrongRequest)).rejects.toThrow();
  });

  it('holds a gateway fixture to its documented result', async () => {
    const wrongResult = v.parse(fixtureSchema, {
      ...gatewaySuccess,
      expect: { result: { provider: 'fake', id: 'inv-2', orderId: 'order-1', status: 'paid' } },
    });
    await expect(runFixture(target, fakeModule(true), wrongResult)).rejects.toThrow();
  });

  it('fails a gateway fixture clearly when the package exports no gateway factory', async () => {
    await expect(runFixture(target, fakeModule(false), gatewaySuccess)).rejects.toThrow(
      /@pay\/fake exports no createFakeGateway/,
    );
  });

  it('fails a gateway fixture naming a method the gateway lacks', async () => {
    const unknown = v.parse(fixtureSchema, {
      ...gatewaySuccess,
      operation: 'gateway.refundInvoice',
    });
    await expect(runFixture(target, fakeModule(true), unknown)).rejects.toThrow(
      /no operation refundInvoice/,
    );
  });

  it('runs any other fixture against the client itself', async () => {
    const clientFixture = v.parse(fixtureSchema, {
      operation: 'invoice.create',
      case: 'success',
      kind: 'success',
      source,
      input: { order: 'order-1' },
      ...exchange,
      expect: { result: { id: 'inv-1' } },
    });
    await runFixture(target, fakeModule(false), clientFixture);
  });
});

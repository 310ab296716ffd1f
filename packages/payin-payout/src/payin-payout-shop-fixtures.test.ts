import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inspect } from 'node:util';
import {
  PayApiError,
  PayConfigError,
  PayNetworkError,
  PayResponseError,
  PaySignatureError,
  PayValidationError,
} from '@pay/core';
import { stubFetch } from '@pay/core/testing';
import { describe, expect, it } from 'vitest';
import { createPayinPayoutShop } from './payin-payout-shop-client.ts';

// The shop API's docs fixtures live with the others, in the contract-tests fixture format
// (docs/decisions/0004), under fixtures/payin-payout/shop/. The contract runner builds clients
// with `createPayinPayout` only, so they are replayed here, through `createPayinPayoutShop`,
// with the same checks: the request sent, the outcome, and no secret in an error.

const FIXTURES = join(import.meta.dirname, '../../contract-tests/fixtures/payin-payout/shop');
const testSettings = { agentId: 8686, secret: 'secret' };

interface Exchange {
  request: {
    method: string;
    url: string;
    headers?: Record<string, string>;
    body?: unknown;
    bodyText?: string;
  };
  response: { status: number; headers?: Record<string, string>; body?: unknown; bodyText?: string };
}

interface ShopFixture extends Partial<Exchange> {
  operation: string;
  case: string;
  kind: 'success' | 'error';
  source: { url: string; section: string; note?: string };
  settings?: Record<string, unknown>;
  input?: unknown;
  expect: { result: unknown } | { error: { class: string; messageIncludes?: string } };
}

const errorClasses: Record<string, { isInstance(value: unknown): boolean }> = {
  PayApiError,
  PayConfigError,
  PayNetworkError,
  PayResponseError,
  PaySignatureError,
  PayValidationError,
};

const files = readdirSync(FIXTURES).filter((file) => file.endsWith('.json'));

function answer({ response }: Exchange) {
  return () =>
    new Response(response.bodyText ?? JSON.stringify(response.body), {
      status: response.status,
      headers: { 'content-type': 'application/json', ...response.headers },
    });
}

function methodAt(client: object, path: string): (input: unknown) => unknown {
  const keys = path.split('.');
  const owner = keys.slice(0, -1).reduce<unknown>((node, key) => (node as never)[key], client);
  const method = (owner as Record<string, unknown>)[keys.at(-1) ?? ''];
  if (typeof method !== 'function') throw new Error(`the shop client has no ${path}`);
  return (input) => method.call(owner, input);
}

describe('shop API fixtures', () => {
  it('exist, and cover a success and an error for every operation', () => {
    const fixtures = files.map(
      (file) => JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as ShopFixture,
    );
    const operations = new Set(fixtures.map((fixture) => fixture.operation));
    for (const operation of operations) {
      for (const kind of ['success', 'error']) {
        expect(
          fixtures.some((f) => f.operation === operation && f.kind === kind),
          operation,
        ).toBe(true);
      }
    }
    expect([...operations].sort()).toEqual([
      'rpay.getStatusToken',
      'rpay.getToken',
      'rpay.pay',
      'rpay.token',
      'shop.createInvoice',
      'shop.createP2pInvoice',
      'shop.getProvidersPay',
      'shop.paymentForm',
      'webhooks.verify',
    ]);
  });

  it.each(files)('%s', async (file) => {
    const fixture = JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as ShopFixture;
    expect(file).toBe(`${fixture.operation}.${fixture.case}.json`);
    const exchanges = fixture.request && fixture.response ? [fixture as Exchange] : [];
    const fetch = stubFetch(...exchanges.map(answer));
    const { now, ...overrides } = fixture.settings ?? {};
    const settings = { ...testSettings, maxRetries: 0, fetch, ...overrides };
    const client = createPayinPayoutShop(
      typeof now === 'number' ? { ...settings, now: () => now } : settings,
    );
    const outcome = await Promise.resolve()
      .then(() => methodAt(client, fixture.operation)(fixture.input))
      .then(
        (value) => ({ ok: true as const, value }),
        (error: unknown) => ({ ok: false as const, error }),
      );

    expect(fetch.calls).toHaveLength(exchanges.length);
    for (const [index, { request }] of exchanges.entries()) {
      const sent = fetch.calls[index];
      expect(sent?.method).toBe(request.method);
      expect(sent?.url).toBe(request.url);
      expect(sent?.headers.get('user-agent')).toMatch(/^pay-payin-payout\//);
      for (const [name, value] of Object.entries(request.headers ?? {})) {
        expect(sent?.headers.get(name) ?? '', name).toMatch(new RegExp(`^${value}`));
      }
      if (request.bodyText !== undefined) expect(sent?.body).toBe(request.bodyText);
      if (request.body !== undefined) {
        expect(Object.fromEntries(new URLSearchParams(sent?.body))).toEqual(request.body);
      }
    }

    if ('result' in fixture.expect) {
      if (!outcome.ok) throw outcome.error;
      expect(outcome.value).toEqual(fixture.expect.result);
      return;
    }
    expect(outcome.ok, 'expected an error').toBe(false);
    const error = outcome.ok ? undefined : outcome.error;
    const { class: className, messageIncludes, ...fields } = fixture.expect.error;
    expect(errorClasses[className]?.isInstance(error), String(error)).toBe(true);
    if (messageIncludes) expect((error as Error).message).toContain(messageIncludes);
    expect(error).toMatchObject(fields);
    for (const view of [String(error), JSON.stringify(error), inspect(error, { depth: 8 })]) {
      expect(view).not.toContain(`${settings.secret}`);
    }
  });
});

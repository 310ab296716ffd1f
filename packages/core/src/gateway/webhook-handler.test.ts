import { describe, expect, it } from 'vitest';
import { PayApiError } from '../errors/pay-api-error.ts';
import { PaySignatureError } from '../errors/pay-signature-error.ts';
import { PayValidationError } from '../errors/pay-validation-error.ts';
import {
  type GatewayEvent,
  mapStatus,
  type PayGateway,
  parseGatewayInvoiceParams,
} from './gateway.ts';
import { createWebhookHandler } from './webhook-handler.ts';

const event: GatewayEvent = {
  provider: 'example',
  confirmed: true,
  raw: {},
  invoice: {
    provider: 'example',
    id: 'inv-1',
    orderId: 'order-1',
    payUrl: undefined,
    status: 'paid',
    amount: '10',
    currency: 'USD',
    raw: {},
  },
};

function gateway(verify: () => Promise<GatewayEvent>, log: string[] = []): PayGateway {
  return {
    provider: 'example',
    createInvoice: async () => event.invoice,
    getInvoice: async () => event.invoice,
    verifyWebhook: async () => {
      log.push('verify');
      return verify();
    },
    acknowledge: () => {
      log.push('acknowledge');
      return new Response('{"result":true}', { status: 200 });
    },
  };
}

const post = (path = '/hooks/example') =>
  new Request(`http://localhost${path}`, { method: 'POST', body: '{}' });

describe('createWebhookHandler', () => {
  it('verifies, awaits onEvent, and only then answers the acknowledgement', async () => {
    const log: string[] = [];
    const handler = createWebhookHandler(
      gateway(async () => event, log),
      async (received) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        log.push(`event ${received.invoice.id}`);
      },
    );
    const response = await handler(post());
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('{"result":true}');
    expect(log).toEqual(['verify', 'event inv-1', 'acknowledge']);
  });

  it('answers 400 with no detail to a bad signature or a misuse, and calls no onEvent', async () => {
    for (const error of [
      new PaySignatureError({
        provider: 'example',
        reason: 'mismatch',
        detail: 'the secret detail',
      }),
      new PayValidationError([{ path: 'input', message: 'x' }]),
    ]) {
      let called = false;
      const response = await createWebhookHandler(
        gateway(async () => {
          throw error;
        }),
        () => {
          called = true;
        },
      )(post());
      expect(response.status).toBe(400);
      expect(await response.text()).not.toContain('secret detail');
      expect(called).toBe(false);
    }
  });

  it('answers 5xx when the confirmation or onEvent fails, so the provider retries', async () => {
    const failedConfirm = createWebhookHandler(
      gateway(async () => {
        throw new PayApiError({ provider: 'example', status: 502 });
      }),
      () => {},
    );
    expect((await failedConfirm(post())).status).toBe(503);
    const failedHandler = createWebhookHandler(
      gateway(async () => event),
      () => {
        throw new Error('database down');
      },
    );
    expect((await failedHandler(post())).status).toBe(500);
  });

  it('picks the gateway by the last path segment; an unknown one is 404, a GET 405', async () => {
    const seen: string[] = [];
    const handler = createWebhookHandler(
      { example: gateway(async () => event), other: gateway(async () => event) },
      (received) => {
        seen.push(received.provider);
      },
    );
    expect((await handler(post('/hooks/example'))).status).toBe(200);
    expect((await handler(post('/hooks/nope'))).status).toBe(404);
    expect((await handler(post('/hooks/__proto__'))).status).toBe(404);
    expect((await handler(new Request('http://localhost/hooks/example'))).status).toBe(405);
    expect(seen).toEqual(['example']);
  });

  it('delivers the same verified delivery twice to onEvent twice (handlers must be idempotent)', async () => {
    let count = 0;
    const handler = createWebhookHandler(
      gateway(async () => event),
      () => {
        count += 1;
      },
    );
    await handler(post());
    await handler(post());
    expect(count).toBe(2);
  });
});

describe('gateway helpers', () => {
  it('maps an undocumented state to unknown, never paid', () => {
    const table = { payed: 'paid', notpayed: 'pending' } as const;
    expect(mapStatus(table, 'payed')).toBe('paid');
    expect(mapStatus(table, 'brand-new')).toBe('unknown');
    expect(mapStatus(table, 'constructor')).toBe('unknown');
    expect(mapStatus(table, undefined)).toBe('unknown');
  });

  it('refuses, all at once, what a provider cannot honour', () => {
    const capabilities = {
      currencies: ['USD', 'EUR'],
      unsupported: { callbackUrl: 'set it in the project settings' },
      lifetimeMinutes: [30, 60],
      check: () => [{ path: 'payerId', message: 'is required' }],
    };
    expect(() =>
      parseGatewayInvoiceParams(
        { orderId: 'o', amount: '1', currency: 'usd', lifetimeMinutes: 60 },
        'X',
        { ...capabilities, check: () => [] },
      ),
    ).not.toThrow();
    try {
      parseGatewayInvoiceParams(
        {
          orderId: 'o',
          amount: '1',
          currency: 'GBP',
          callbackUrl: 'https://a.test/',
          lifetimeMinutes: 45,
        },
        'X',
        capabilities,
      );
      throw new Error('expected a PayValidationError');
    } catch (error) {
      expect(PayValidationError.isInstance(error)).toBe(true);
      expect((error as PayValidationError).issues).toEqual([
        { path: 'currency', message: 'X invoices only in USD, EUR' },
        { path: 'callbackUrl', message: 'not supported by X: set it in the project settings' },
        { path: 'lifetimeMinutes', message: 'X honours only 30, 60 minutes' },
        { path: 'payerId', message: 'is required' },
      ]);
    }
    expect(
      parseGatewayInvoiceParams(
        { orderId: 'o', amount: '1', currency: 'eur', lifetimeMinutes: 90 },
        'X',
        {
          lifetimeMinutes: { min: 60, max: 120 },
        },
      ).currency,
    ).toBe('EUR');
  });

  it('validates gateway invoice params with the amount policy, before anything is sent', () => {
    expect(
      parseGatewayInvoiceParams({ orderId: 'o1', amount: '10.50', currency: 'USD' }, 'X'),
    ).toEqual({
      orderId: 'o1',
      amount: '10.5',
      currency: 'USD',
    });
    expect(() =>
      parseGatewayInvoiceParams({ orderId: '', amount: 0.1 + 0.2, currency: 'US D' }, 'X'),
    ).toThrow(/orderId.*amount.*currency|invalid input/);
  });
});

import type { HttpBindings } from '@hono/node-server';
import { isHttpUrl } from '@pay/core';
import type { Context, Hono } from 'hono';
import { EMULATORS, PROJECT_WEBHOOK_PROVIDERS } from './emulators/index.ts';
import { type FaultConfig, validateFaults } from './faults.ts';
import type { InvoiceStore, ProviderId, SandboxInvoice } from './invoice-store.ts';
import { INVOICE_ACTIONS, type InvoiceAction } from './lifecycle.ts';
import { renderPayPage } from './pay-page.ts';
import type { Sandbox, StartedAction } from './sandbox.ts';

/** The sandbox state the control API reads and changes. */
export interface ControlState {
  store: InvoiceStore;
  credentials: Sandbox['credentials'];
  /** Project-level webhook URLs, changed in place. */
  webhookUrls: Partial<Record<ProviderId, string>>;
  baseUrls(): Sandbox['baseUrls'];
  faults: { get(): FaultConfig; set(next: FaultConfig): void };
  act: Sandbox['act'];
  /** Starts an action and answers at once; its callback goes in the background. */
  start(provider: ProviderId, id: string, action: InvoiceAction): Promise<StartedAction>;
  /** Whether a callback of the invoice is still on its way (first attempt or retries). */
  isDelivering(invoice: SandboxInvoice): boolean;
}

const PROVIDERS: readonly string[] = EMULATORS.map((emulator) => emulator.id);
const isProvider = (value: string): value is ProviderId => PROVIDERS.includes(value);
const isAction = (value: string): value is InvoiceAction =>
  (INVOICE_ACTIONS as readonly string[]).includes(value);

const refuse = (c: Context, status: 400 | 404, error: string) => c.json({ error }, status);

/** The JSON object a control request sent, or why it is not one. */
async function jsonObject(
  c: Context,
  example: string,
): Promise<{ ok: true; value: Record<string, unknown> } | { ok: false; error: string }> {
  const text = await c.req.text();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: `the body must be a JSON object, e.g. ${example}` };
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? { ok: true, value: value as Record<string, unknown> }
    : { ok: false, error: `the body must be a JSON object, e.g. ${example}` };
}

/**
 * Mounts everything under `/_sandbox`: the JSON control API for tests, and the hosted pay pages
 * whose buttons post back to `/_sandbox/pay/<provider>/<id>/<action>`.
 */
export function mountControlApi(app: Hono<{ Bindings: HttpBindings }>, state: ControlState): void {
  const { store, credentials, webhookUrls, start } = state;
  const unknownProvider = (c: Context, provider: string) =>
    refuse(c, 404, `no provider ${JSON.stringify(provider)}: one of ${PROVIDERS.join(', ')}`);

  app.get('/_sandbox', (c) =>
    c.json({ baseUrls: state.baseUrls(), credentials, actions: INVOICE_ACTIONS }),
  );
  app.get('/_sandbox/invoices', (c) => {
    const provider = c.req.query('provider');
    if (provider !== undefined && !isProvider(provider)) {
      return refuse(c, 400, `provider must be one of ${PROVIDERS.join(', ')}, or absent for all`);
    }
    return c.json(store.list(provider));
  });
  app.get('/_sandbox/invoices/:provider/:id', (c) => {
    const invoice = store.get(c.req.param('provider') as ProviderId, c.req.param('id'));
    return invoice ? c.json(invoice) : refuse(c, 404, 'no such invoice');
  });
  app.post('/_sandbox/invoices/:provider/:id/:action', async (c) => {
    const { provider, id, action } = c.req.param();
    if (!isProvider(provider)) return unknownProvider(c, provider);
    if (!isAction(action)) {
      return refuse(c, 400, `action must be one of ${INVOICE_ACTIONS.join(', ')}`);
    }
    const wait = c.req.query('wait');
    if (wait !== undefined && wait !== 'callback') {
      return refuse(
        c,
        400,
        'wait must be "callback" (answer after the first callback attempt) or absent',
      );
    }
    const started = await start(provider, id, action);
    if (!started.ok) return c.json({ error: started.reason }, started.httpStatus);
    const { callback, ...result } = started;
    if (wait === 'callback') return c.json({ ...result, callback: await callback });
    // Answered at once: the attempts appear at GET /_sandbox/invoices/<provider>/<id>.
    return c.json({ ...result, callbackSent: callback !== undefined });
  });
  app.get('/_sandbox/webhook-urls', (c) => c.json(webhookUrls));
  app.put('/_sandbox/webhook-urls/:provider', async (c) => {
    const provider = c.req.param('provider');
    if (!isProvider(provider)) return unknownProvider(c, provider);
    const body = await jsonObject(c, '{"url": "http://127.0.0.1:3000/callbacks"} or {} to clear');
    if (!body.ok) return refuse(c, 400, body.error);
    const { url } = body.value;
    if (url !== undefined && (typeof url !== 'string' || !isHttpUrl(url))) {
      return refuse(c, 400, 'url must be an absolute http(s) URL, or absent to clear it');
    }
    webhookUrls[provider] = url;
    return c.json(webhookUrls);
  });
  app.get('/_sandbox/faults', (c) => c.json(state.faults.get()));
  app.put('/_sandbox/faults', async (c) => {
    const body = await jsonObject(c, '{"crystalpay": {"errorRate": 0.2}} or {} for none');
    if (!body.ok) return refuse(c, 400, body.error);
    try {
      state.faults.set(validateFaults(body.value as FaultConfig, ['global', ...PROVIDERS]));
      return c.json(state.faults.get());
    } catch (error) {
      return refuse(c, 400, error instanceof Error ? error.message : String(error));
    }
  });
  app.post('/_sandbox/reset', (c) => {
    store.clear();
    return c.json({ ok: true });
  });
  app.get('/_sandbox/pay/:provider/:id', (c) => {
    const provider = c.req.param('provider') as ProviderId;
    const emulator = EMULATORS.find((candidate) => candidate.id === provider);
    const invoice = store.get(provider, c.req.param('id'));
    if (!emulator || !invoice) return c.html('<h1>No such invoice</h1>', 404);
    const done = c.req.query('done');
    // Everything but a refusal's notice is read from the invoice, so a reload tells the truth.
    return c.html(
      renderPayPage(invoice, emulator, {
        notice: c.req.query('notice'),
        done: done !== undefined && isAction(done) ? done : undefined,
        callbackUrl: invoice.callbackUrl ?? webhookUrls[provider],
        projectWebhook: PROJECT_WEBHOOK_PROVIDERS.has(provider),
        delivering: state.isDelivering(invoice),
      }),
    );
  });
  app.post('/_sandbox/pay/:provider/:id/:action', async (c) => {
    const { provider, id, action } = c.req.param();
    const started =
      isProvider(provider) && isAction(action)
        ? await start(provider, id, action)
        : ({ ok: false, reason: `no ${provider} invoice or action ${action}` } as const);
    const query = started.ok
      ? `done=${encodeURIComponent(action)}`
      : `notice=${encodeURIComponent(started.reason)}`;
    return c.redirect(
      `/_sandbox/pay/${encodeURIComponent(provider)}/${encodeURIComponent(id)}?${query}`,
      303,
    );
  });
  app.all('/_sandbox/*', (c) =>
    refuse(c, 404, `no control route ${c.req.method} ${new URL(c.req.url).pathname}`),
  );
}

import type { HttpBindings } from '@hono/node-server';
import { isHttpUrl } from '@pay/core';
import type { Hono } from 'hono';
import { EMULATORS } from './emulators/index.ts';
import { type FaultConfig, validateFaults } from './faults.ts';
import type { InvoiceStore, ProviderId } from './invoice-store.ts';
import { INVOICE_ACTIONS, type InvoiceAction } from './lifecycle.ts';
import { renderPayPage } from './pay-page.ts';
import type { ActionResult, Sandbox } from './sandbox.ts';

/** The sandbox state the control API reads and changes. */
export interface ControlState {
  store: InvoiceStore;
  credentials: Sandbox['credentials'];
  /** Project-level webhook URLs, changed in place. */
  webhookUrls: Partial<Record<ProviderId, string>>;
  baseUrls(): Sandbox['baseUrls'];
  faults: { get(): FaultConfig; set(next: FaultConfig): void };
  act: Sandbox['act'];
}

/**
 * Mounts everything under `/_sandbox`: the JSON control API for tests, and the hosted pay pages
 * whose buttons post back to `/_sandbox/pay/<provider>/<id>/<action>`.
 */
export function mountControlApi(app: Hono<{ Bindings: HttpBindings }>, state: ControlState): void {
  const { store, credentials, webhookUrls, act } = state;
  app.get('/_sandbox', (c) =>
    c.json({ baseUrls: state.baseUrls(), credentials, actions: INVOICE_ACTIONS }),
  );
  app.get('/_sandbox/invoices', (c) =>
    c.json(store.list(c.req.query('provider') as ProviderId | undefined)),
  );
  app.get('/_sandbox/invoices/:provider/:id', (c) => {
    const invoice = store.get(c.req.param('provider') as ProviderId, c.req.param('id'));
    return invoice ? c.json(invoice) : c.json({ error: 'no such invoice' }, 404);
  });
  app.post('/_sandbox/invoices/:provider/:id/:action', async (c) => {
    const result = await act(
      c.req.param('provider') as ProviderId,
      c.req.param('id'),
      c.req.param('action') as InvoiceAction,
    );
    return result.ok ? c.json(result) : c.json({ error: result.reason }, result.httpStatus);
  });
  app.get('/_sandbox/webhook-urls', (c) => c.json(webhookUrls));
  app.put('/_sandbox/webhook-urls/:provider', async (c) => {
    const { url } = (await c.req.json()) as { url?: unknown };
    if (url !== undefined && (typeof url !== 'string' || !isHttpUrl(url))) {
      return c.json({ error: 'url must be an absolute http(s) URL, or absent to clear it' }, 400);
    }
    webhookUrls[c.req.param('provider') as ProviderId] = url;
    return c.json(webhookUrls);
  });
  app.get('/_sandbox/faults', (c) => c.json(state.faults.get()));
  app.put('/_sandbox/faults', async (c) => {
    try {
      state.faults.set(validateFaults((await c.req.json()) as FaultConfig));
      return c.json(state.faults.get());
    } catch (error) {
      return c.json({ error: error instanceof Error ? error.message : String(error) }, 400);
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
    return c.html(
      renderPayPage(
        invoice,
        emulator,
        c.req.query('notice'),
        invoice.callbackUrl ?? webhookUrls[provider],
      ),
    );
  });
  app.post('/_sandbox/pay/:provider/:id/:action', async (c) => {
    const { provider, id, action } = c.req.param();
    const result = await act(provider as ProviderId, id, action as InvoiceAction);
    const notice = result.ok ? describeResult(result) : result.reason;
    return c.redirect(
      `/_sandbox/pay/${provider}/${encodeURIComponent(id)}?notice=${encodeURIComponent(notice)}`,
      303,
    );
  });
}

function describeResult(result: Extract<ActionResult, { ok: true }>): string {
  const callback = result.callback;
  const delivery = !callback
    ? 'no callback sent (the provider sends none for this change, or no callback URL is set)'
    : callback.acknowledged
      ? `callback delivered (HTTP ${callback.status})`
      : `callback not acknowledged (${callback.status ? `HTTP ${callback.status}` : callback.error}); retrying`;
  return `Status is now ${result.status}; ${delivery}.`;
}

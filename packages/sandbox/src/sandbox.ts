import type { AddressInfo } from 'node:net';
import { type HttpBindings, serve } from '@hono/node-server';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import {
  type CallbackRetryPolicy,
  DEFAULT_RETRY_POLICY,
  deliverCallback,
} from './callback-delivery.ts';
import { mountControlApi } from './control-api.ts';
import type { SandboxBaseUrls, SandboxCredentials } from './credentials.ts';
import { halveDecimal } from './decimal-math.ts';
import {
  type AnyEmulator,
  actionsOf,
  answerNotEmulated,
  type EmulatorContext,
} from './emulator.ts';
import { EMULATORS } from './emulators/index.ts';
import { type FaultConfig, faultInjection, seededRandom, validateFaults } from './faults.ts';
import {
  type CallbackAttempt,
  DEFAULT_MAX_INVOICES,
  InvoiceStore,
  type ProviderId,
  type SandboxInvoice,
} from './invoice-store.ts';
import { type InvoiceAction, nextState } from './lifecycle.ts';
import {
  allowedHostsOf,
  crossSiteCheck,
  DEFAULT_MAX_BODY_BYTES,
  hostCheck,
  requestSizeLimit,
} from './request-guards.ts';

/** Options of {@link startSandbox}. */
export interface SandboxOptions {
  /** Port to listen on; `0` picks a free one. Default: `0`. */
  port?: number;
  /** Interface to listen on. Default: `127.0.0.1` (never exposed beyond this machine). */
  host?: string;
  /** Credentials each provider accepts, by provider id. Default: each emulator's test credentials. */
  credentials?: { [P in ProviderId]?: Partial<SandboxCredentials[P]> };
  /** Faults to inject, globally or per provider. Default: none. Changeable at `PUT /_sandbox/faults`. */
  faults?: FaultConfig;
  /** Seed of the fault generator, to replay a run. Default: `1`. */
  seed?: number;
  /** Callback retries. Default: 3 retries after 200 ms, 1 s and 3 s; 5 s answer timeout. */
  callbackRetry?: Partial<CallbackRetryPolicy>;
  /**
   * Project-level webhook URLs, for providers configured per project rather than per invoice
   * (Bitsby, CryptoCloud, Payin-payout). Default: none. Changeable with `setWebhookUrl`.
   */
  webhookUrls?: Partial<Record<ProviderId, string>>;
  /**
   * Provider-specific behaviour. `bitsby.minIntervalMs`: the rate limit it enforces per API key
   * (Bitsby allows 1 request per second). Default: `{ bitsby: { minIntervalMs: 1000 } }`.
   */
  providerOptions?: Partial<Record<ProviderId, Record<string, unknown>>>;
  /**
   * The largest request body any route reads, in bytes; a larger one is answered 413 unread.
   * Default: 1 MiB.
   */
  maxBodyBytes?: number;
  /**
   * How many invoices the sandbox keeps, all providers together; creating one more forgets the
   * oldest. `Infinity` keeps every one. Default: `10000`.
   */
  maxInvoices?: number;
  /**
   * More `Host` names to answer to, besides `127.0.0.1`, `localhost`, `[::1]` and `host`, each
   * `name` (on the sandbox's port) or `name:port`: e.g. `sandbox` when other containers reach it
   * as `http://sandbox:4010`. Any other `Host` is answered 421 (a DNS-rebinding guard).
   */
  allowedHosts?: readonly string[];
}

/** A running sandbox. */
export interface Sandbox {
  /** Its root, e.g. `http://127.0.0.1:4010`. */
  url: string;
  /** Base URL per provider id, to pass as a client's `baseUrl`: `baseUrls['payin-payout']`. */
  baseUrls: SandboxBaseUrls;
  /**
   * The credentials each provider accepts, by provider id, typed per provider: spread them into
   * the client's settings, `createCrystalPay({ ...sandbox.credentials.crystalpay, baseUrl })`.
   */
  credentials: SandboxCredentials;
  /** Acts on an invoice as the pay page would, and reports the first callback attempt. */
  act(provider: ProviderId, id: string, action: InvoiceAction): Promise<ActionResult>;
  /** The invoices held, for assertions. */
  invoices(provider?: ProviderId): SandboxInvoice[];
  /** Sets (or with `undefined` clears) a provider's project-level webhook URL. */
  setWebhookUrl(provider: ProviderId, url: string | undefined): void;
  /**
   * Resolves once every callback in flight has ended: acknowledged, out of retries, or cancelled
   * by `close()`. Callbacks are delivered in the background; `act` waits only for the first attempt.
   */
  callbacksSettled(): Promise<void>;
  /** Stops the server, cancels the callbacks in flight and waits for them to end. */
  close(): Promise<void>;
}

/** What acting on an invoice did. */
export type ActionResult =
  | { ok: true; invoice: SandboxInvoice; status: string; callback: CallbackAttempt | undefined }
  | { ok: false; reason: string; httpStatus: 404 | 409 };

/** What starting an action did: its callback, if any, is on its way in the background. */
export type StartedAction =
  | {
      ok: true;
      invoice: SandboxInvoice;
      status: string;
      /** The first callback attempt, once it has an answer; `undefined` when none is sent. */
      callback: Promise<CallbackAttempt> | undefined;
    }
  | Extract<ActionResult, { ok: false }>;

/** Starts the sandbox: every provider under `{url}/<provider>`, pay pages and control API under `/_sandbox`. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const store = new InvoiceStore({ maxInvoices: options.maxInvoices ?? DEFAULT_MAX_INVOICES });
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (!(Number.isInteger(maxBodyBytes) && maxBodyBytes >= 1)) {
    throw new RangeError(`maxBodyBytes must be a whole number from 1 (got ${maxBodyBytes})`);
  }
  let allowedHosts: ReadonlySet<string> = new Set();
  /**
   * Every callback delivery in flight (retries included); per invoice, how many and the first
   * attempt of the latest, which the next one waits for.
   */
  const deliveries = new Set<Promise<void>>();
  const delivering = new Map<SandboxInvoice, { count: number; last: Promise<unknown> }>();
  const closing = new AbortController();
  const random = seededRandom(options.seed ?? 1);
  let faults = validateFaults(options.faults ?? {}, [
    'global',
    ...EMULATORS.map((emulator) => emulator.id),
  ]);
  const retryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.callbackRetry };
  const webhookUrls: Partial<Record<ProviderId, string>> = { ...options.webhookUrls };
  let origin = '';
  const credentials = Object.fromEntries(
    EMULATORS.map((emulator) => [
      emulator.id,
      { ...emulator.defaultCredentials, ...options.credentials?.[emulator.id] },
    ]),
  ) as unknown as SandboxCredentials;
  const contextOf = (emulator: AnyEmulator): EmulatorContext<Record<string, string>> => ({
    credentials: credentials[emulator.id] as unknown as Record<string, string>,
    store,
    payUrl: (provider, id) => `${origin}/_sandbox/pay/${provider}/${encodeURIComponent(id)}`,
    now: Date.now,
    randomId: (length) => randomId(length),
    webhookUrl: () => webhookUrls[emulator.id],
    options: { ...options.providerOptions?.[emulator.id] },
    sendInvoiceCallback: async (invoice) => {
      await sendCallback(emulator, invoice);
    },
    sendCallback: (callback, log) => {
      const delivery = deliverCallback(callback, log, retryPolicy, closing.signal);
      deliveries.add(delivery.settled);
      void delivery.settled.then(() => deliveries.delete(delivery.settled));
      return delivery.first;
    },
  });

  async function start(
    provider: ProviderId,
    id: string,
    action: InvoiceAction,
  ): Promise<StartedAction> {
    const emulator = EMULATORS.find((candidate) => candidate.id === provider);
    const invoice = store.get(provider, id);
    if (!emulator || !invoice)
      return { ok: false, reason: `no ${provider} invoice ${id}`, httpStatus: 404 };
    if (!actionsOf(emulator, invoice).includes(action)) {
      return {
        ok: false,
        reason: `${emulator.name} has no "${action}" in its payment flow`,
        httpStatus: 409,
      };
    }
    const next = nextState(invoice.state, action);
    if (!next.ok) return { ok: false, reason: next.reason, httpStatus: 409 };
    invoice.state = next.state;
    if (action === 'pay') invoice.paidAmount = invoice.amount;
    if (action === 'pay-partial') invoice.paidAmount = halveDecimal(invoice.amount);
    if (next.state !== 'partial') invoice.finalAt = Date.now();
    const sent = await sendCallback(emulator, invoice);
    return { ok: true, invoice, status: emulator.statusOf(invoice), callback: sent?.first };
  }

  /**
   * Builds (signs) the callback of `invoice`'s current state now and sends it in the background;
   * resolves to its first attempt, on its way, or `undefined` when the emulator sends none.
   */
  async function sendCallback(
    emulator: AnyEmulator,
    invoice: SandboxInvoice,
  ): Promise<{ first: Promise<CallbackAttempt> } | undefined> {
    const callback = await emulator.callback(invoice, contextOf(emulator));
    if (!callback) return undefined;
    const delivery = deliverCallback(
      callback,
      invoice.callbacks,
      retryPolicy,
      closing.signal,
      delivering.get(invoice)?.last, // in order: after the invoice's previous first attempt
    );
    deliveries.add(delivery.settled);
    delivering.set(invoice, {
      count: (delivering.get(invoice)?.count ?? 0) + 1,
      last: delivery.first,
    });
    void delivery.settled.then(() => {
      deliveries.delete(delivery.settled);
      const entry = delivering.get(invoice);
      if (entry && entry.count > 1) entry.count -= 1;
      else delivering.delete(invoice);
    });
    return { first: delivery.first };
  }

  async function act(
    provider: ProviderId,
    id: string,
    action: InvoiceAction,
  ): Promise<ActionResult> {
    const started = await start(provider, id, action);
    return started.ok ? { ...started, callback: await started.callback } : started;
  }

  async function callbacksSettled(): Promise<void> {
    while (deliveries.size > 0) await Promise.all(deliveries);
  }

  const app = new Hono<{ Bindings: HttpBindings }>();
  app.onError((error, c) => {
    if (error instanceof HTTPException) return error.getResponse();
    // One line, no stack: a broken request must not flood the console of the app under test.
    console.error(`@pay/sandbox: ${c.req.method} ${c.req.path} failed: ${error.message}`);
    return c.text('Internal Server Error\n', 500);
  });
  app.use(hostCheck(() => allowedHosts));
  app.use(requestSizeLimit(maxBodyBytes));
  app.use(
    '/_sandbox/*',
    crossSiteCheck(() => allowedHosts),
  );
  for (const emulator of EMULATORS) {
    const providerApp = new Hono<{ Bindings: HttpBindings }>();
    providerApp.use(
      '*',
      faultInjection(emulator.id, () => faults, random),
    );
    emulator.routes(providerApp as unknown as Hono, contextOf(emulator));
    // Whatever the emulator leaves unanswered: "not emulated", in the provider's own envelope.
    providerApp.all('*', (c) => answerNotEmulated(emulator, c));
    app.route(`/${emulator.id}`, providerApp);
  }

  mountControlApi(app, {
    store,
    credentials,
    webhookUrls,
    baseUrls: () => baseUrlsOf(origin),
    faults: { get: () => faults, set: (next) => (faults = next) },
    act,
    start,
    isDelivering: (invoice) => delivering.has(invoice),
  });
  // Outside every provider mount and `/_sandbox`: not emulated either.
  app.notFound((c) => answerNotEmulated(undefined, c));

  const listenHost = options.host ?? '127.0.0.1';
  const server = serve({ fetch: app.fetch, port: options.port ?? 0, hostname: listenHost });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  origin = `http://${host}:${address.port}`;
  allowedHosts = allowedHostsOf(address.port, listenHost, [host, ...(options.allowedHosts ?? [])]);

  const baseUrls = baseUrlsOf(origin);
  return {
    url: origin,
    baseUrls,
    credentials,
    act,
    invoices: (provider) => store.list(provider),
    setWebhookUrl: (provider, url) => {
      webhookUrls[provider] = url;
    },
    callbacksSettled,
    close: async () => {
      closing.abort();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      await callbacksSettled();
    },
  };
}

function baseUrlsOf(origin: string): SandboxBaseUrls {
  return Object.fromEntries(
    EMULATORS.map((emulator) => [emulator.id, `${origin}/${emulator.id}`]),
  ) as SandboxBaseUrls;
}

function randomId(length: number): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return Array.from(bytes, (byte) => alphabet[byte % alphabet.length]).join('');
}

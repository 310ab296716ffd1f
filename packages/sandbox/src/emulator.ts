import type { Context, Hono } from 'hono';
import type { OutgoingCallback } from './callback-delivery.ts';
import type { CallbackAttempt, InvoiceStore, ProviderId, SandboxInvoice } from './invoice-store.ts';
import type { InvoiceAction } from './lifecycle.ts';

/** What the sandbox gives an emulator. */
export interface EmulatorContext<TCredentials> {
  /** The credentials this sandbox accepts for the provider. */
  credentials: TCredentials;
  store: InvoiceStore;
  /** The hosted pay page of an invoice. */
  payUrl(provider: ProviderId, id: string): string;
  /** The sandbox clock, in ms. */
  now(): number;
  /** A fresh random id of the given length, in lower-case letters and digits. */
  randomId(length: number): string;
  /**
   * The provider's project-level webhook URL (Bitsby's "WH URL", CryptoCloud's postback URL),
   * for providers that take none per invoice. Set with `webhookUrls` or `setWebhookUrl`.
   */
  webhookUrl(): string | undefined;
  /** Provider-specific sandbox options (`startSandbox({ providerOptions })`). */
  options: Record<string, unknown>;
  /**
   * Sends the emulator's `callback` for `invoice`'s current state in the background, as a
   * pay-page action does (retried, logged on the invoice, awaited by `callbacksSettled`), for a
   * state an API call changed (e.g. Bitsby's `invoices/bindPayment` makes an invoice paid).
   */
  sendInvoiceCallback(invoice: SandboxInvoice): Promise<void>;
  /**
   * Delivers a callback that is not an invoice's (a payoff's, say) in the background, with the
   * sandbox's retry policy, appending every attempt to `log`; `callbacksSettled()` waits for it and
   * `close()` cancels it. Resolves with the first attempt.
   */
  sendCallback(callback: OutgoingCallback, log: CallbackAttempt[]): Promise<CallbackAttempt>;
}

/**
 * One provider, emulated per its SPEC: its routes answer with the provider's own envelopes and
 * status codes, and its callbacks are signed with the provider package's own `webhooks.sign`.
 */
export interface ProviderEmulator<TCredentials extends Record<string, string>> {
  id: ProviderId;
  /** Brand name, e.g. `CrystalPay`. */
  name: string;
  /** Test credentials used when `startSandbox` is given none. */
  defaultCredentials: TCredentials;
  /** The pay-page actions the provider has (partial payments only where it has them). */
  actions: readonly InvoiceAction[];
  /**
   * The actions of one invoice's flow, for a provider with several flows (Payin-payout's
   * auto-debit invoice has no partial payment or expiry, its top-up invoice has both): a subset
   * of `actions`. Default: `actions`.
   */
  actionsOf?(invoice: SandboxInvoice): readonly InvoiceAction[];
  /** Adds the provider's API routes to `app`, which is mounted at `{url}/<id>`. */
  routes(app: Hono, context: EmulatorContext<TCredentials>): void;
  /**
   * The answer to a request the emulator does not emulate (an unknown path or method under its
   * mount), in the provider's own error envelope, saying {@link notEmulatedMessage}`(path)`; the
   * sandbox calls it for whatever `routes` leaves unanswered (so `routes` needs no catch-all
   * `app.all('*')` of its own; one it keeps answers first). Default:
   * {@link defaultNotEmulated} (HTTP 404 `{"error": "not emulated by @pay/sandbox: <path>"}`).
   */
  notEmulated?(c: Context, path: string): Response | Promise<Response>;
  /** The provider's name for an invoice's state, shown on the pay page (`payed`, `done`, …). */
  statusOf(invoice: SandboxInvoice): string;
  /**
   * The callback the provider sends when an invoice reaches its current state, signed as the
   * provider signs it; `undefined` when the provider sends none (or the invoice has no URL).
   */
  callback(
    invoice: SandboxInvoice,
    context: EmulatorContext<TCredentials>,
  ): Promise<OutgoingCallback | undefined> | OutgoingCallback | undefined;
}

/** Any emulator, whatever its credentials. */
// biome-ignore lint/suspicious/noExplicitAny: a list of emulators holds each with its own credentials.
export type AnyEmulator = ProviderEmulator<any>;

/** The pay-page actions `invoice` offers: its flow's where the emulator says, else the provider's. */
export function actionsOf(
  emulator: AnyEmulator,
  invoice: SandboxInvoice,
): readonly InvoiceAction[] {
  return emulator.actionsOf?.(invoice) ?? emulator.actions;
}

/** The text every not-emulated answer carries: `not emulated by @pay/sandbox: <path>`. */
export function notEmulatedMessage(path: string): string {
  return `not emulated by @pay/sandbox: ${path}`;
}

/** The not-emulated answer of an emulator without its own: HTTP 404 `{"error": "…"}`. */
export function defaultNotEmulated(c: Context, path: string): Response {
  return c.json({ error: notEmulatedMessage(path) }, 404);
}

/** The emulator's not-emulated answer to `c` (its own hook, else the default). */
export function answerNotEmulated(
  emulator: AnyEmulator | undefined,
  c: Context,
): Response | Promise<Response> {
  const path = new URL(c.req.url).pathname;
  return (emulator?.notEmulated ?? defaultNotEmulated)(c, path);
}

import * as v from 'valibot';
import { amountInput } from '../amounts/amount-schema.ts';
import { PayValidationError, type ValidationIssue } from '../errors/pay-validation-error.ts';
import type { RequestOptions } from '../http/transport.ts';
import { httpUrlInput, parseInput } from '../validation.ts';
import type { WebhookInput } from '../webhooks/webhook-input.ts';

/**
 * An invoice's state in one vocabulary for every provider. Each provider package maps its own
 * states in one table (its README shows it); a state a provider does not document is `unknown`,
 * never `paid`.
 */
export type PayInvoiceStatus =
  | 'pending'
  | 'paid'
  | 'partially_paid'
  | 'expired'
  | 'failed'
  | 'canceled'
  | 'refunded'
  | 'unknown';

/** Every {@link PayInvoiceStatus}, for tables and exhaustive tests. */
export const PAY_INVOICE_STATUSES = [
  'pending',
  'paid',
  'partially_paid',
  'expired',
  'failed',
  'canceled',
  'refunded',
  'unknown',
] as const satisfies readonly PayInvoiceStatus[];

/** What {@link PayGateway.createInvoice} takes: the same for every provider. */
export interface GatewayInvoiceParams {
  /** Your id for the order; echoed back wherever the provider can carry it. Required. */
  orderId: string;
  /** The amount, as a decimal string (or an exact number): the core amount policy applies. */
  amount: string | number;
  /** ISO code of the amount's currency; refused where the provider cannot invoice in it. */
  currency: string;
  /** Shown to the payer where the provider has such a field. Default: none. */
  description?: string | undefined;
  /** Where the provider sends this invoice's callback, where it takes one per invoice. */
  callbackUrl?: string | undefined;
  /** Where the payer returns after paying, where the provider takes one. */
  returnUrl?: string | undefined;
  /** How long the invoice can be paid, in minutes; refused where it cannot be honoured. */
  lifetimeMinutes?: number | undefined;
}

/** An invoice in the common shape; `raw` keeps the provider's own typed result. */
export interface GatewayInvoice {
  /** The provider's package id: `crystalpay`, `cryptocloud`, `anymoney`, `payin-payout`, `bitsby`. */
  provider: string;
  /** The provider's invoice id: store it, `getInvoice` takes it. */
  id: string;
  /** Your order id, where the provider echoes it; otherwise `undefined` (store it yourself). */
  orderId: string | undefined;
  /** Where to send the payer, where the provider has a pay page. */
  payUrl: string | undefined;
  status: PayInvoiceStatus;
  /** The amount as the provider reports it, a decimal string. */
  amount: string | undefined;
  currency: string | undefined;
  /** The provider's own result this was read from. */
  raw: unknown;
}

/** A verified callback in the common shape. */
export interface GatewayEvent {
  provider: string;
  invoice: GatewayInvoice;
  /** `true` when state and amounts came from the provider's API or are covered by its signature. */
  confirmed: boolean;
  /** The provider's own typed event. */
  raw: unknown;
}

/**
 * One provider behind one interface: create and read invoices, verify callbacks, answer them.
 * Made by each provider package's `create<Brand>Gateway(client)`.
 */
export interface PayGateway {
  /** The provider's package id, e.g. `crystalpay`. */
  readonly provider: string;
  /** Creates an invoice. Rejects with a `PayCallError`; never retried. */
  createInvoice(params: GatewayInvoiceParams, options?: RequestOptions): Promise<GatewayInvoice>;
  /** Reads an invoice by the `id` `createInvoice` returned. */
  getInvoice(id: string, options?: RequestOptions): Promise<GatewayInvoice>;
  /**
   * Verifies a callback; confirms through the API where the provider's signature does not cover
   * the state and the amount, so `confirmed` is always `true` on success.
   */
  verifyWebhook(input: WebhookInput | Request): Promise<GatewayEvent>;
  /** Exactly the answer the provider expects for a handled callback. */
  acknowledge(event?: GatewayEvent): Response;
}

const gatewayInvoiceParamsSchema = v.strictObject({
  orderId: v.pipe(v.string(), v.nonEmpty('must not be empty'), v.maxLength(256)),
  amount: amountInput(),
  currency: v.pipe(v.string(), v.regex(/^[A-Za-z0-9]{2,12}$/, 'must be a currency code like USD')),
  description: v.optional(v.string()),
  callbackUrl: v.optional(httpUrlInput()),
  returnUrl: v.optional(httpUrlInput()),
  lifetimeMinutes: v.optional(
    v.pipe(v.number(), v.integer('must be a whole number of minutes'), v.minValue(1)),
  ),
});

/** {@link GatewayInvoiceParams} after validation: the amount is the canonical decimal string. */
export type ValidGatewayInvoiceParams = v.InferOutput<typeof gatewayInvoiceParamsSchema>;

/** The optional invoice fields a provider may lack. */
export type GatewayOptionalField = 'callbackUrl' | 'returnUrl' | 'lifetimeMinutes';

/**
 * What a provider's invoices can take, so {@link parseGatewayInvoiceParams} refuses what it
 * cannot honour — all at once, before anything is sent — instead of each gateway checking by hand.
 */
export interface GatewayCapabilities {
  /** The currency codes it invoices in (upper case; input is upper-cased). Default: any code. */
  currencies?: readonly string[] | undefined;
  /** Each optional field it lacks, with where the user sets that instead. Default: none. */
  unsupported?: Partial<Record<GatewayOptionalField, string>> | undefined;
  /** The lifetimes it can honour, in minutes: a list or an inclusive range. Default: any. */
  lifetimeMinutes?: readonly number[] | { min: number; max: number } | undefined;
  /** The provider's own further checks (a payer id it needs…). Default: none. */
  check?: ((params: ValidGatewayInvoiceParams) => ValidationIssue[]) | undefined;
}

/**
 * Validates gateway invoice params for a provider and its {@link GatewayCapabilities}: a
 * `PayValidationError` listing every problem before anything is sent. The currency comes back
 * upper-cased; each gateway then maps the params to its provider's fields.
 */
export function parseGatewayInvoiceParams(
  params: unknown,
  provider: string,
  capabilities: GatewayCapabilities = {},
): ValidGatewayInvoiceParams {
  const context = { provider, operation: 'createInvoice' };
  const valid = parseInput(gatewayInvoiceParamsSchema, params, context);
  const currency = valid.currency.toUpperCase();
  const issues: ValidationIssue[] = [];
  const { currencies, unsupported = {}, lifetimeMinutes } = capabilities;
  if (currencies && !currencies.includes(currency)) {
    issues.push({
      path: 'currency',
      message: `${provider} invoices only in ${currencies.join(', ')}`,
    });
  }
  for (const [field, instead] of Object.entries(unsupported)) {
    if (valid[field as GatewayOptionalField] !== undefined) {
      issues.push({ path: field, message: `not supported by ${provider}: ${instead}` });
    }
  }
  const lifetime = valid.lifetimeMinutes;
  if (lifetime !== undefined && lifetimeMinutes && !unsupported.lifetimeMinutes) {
    const [allowed, described] =
      'min' in lifetimeMinutes
        ? [
            lifetime >= lifetimeMinutes.min && lifetime <= lifetimeMinutes.max,
            `${lifetimeMinutes.min} to ${lifetimeMinutes.max}`,
          ]
        : [lifetimeMinutes.includes(lifetime), lifetimeMinutes.join(', ')];
    if (!allowed) {
      issues.push({
        path: 'lifetimeMinutes',
        message: `${provider} honours only ${described} minutes`,
      });
    }
  }
  issues.push(...(capabilities.check?.(valid) ?? []));
  if (issues.length > 0) throw new PayValidationError(issues, context);
  return { ...valid, currency };
}

/**
 * Maps a provider state through its package's table; anything the table lacks is `unknown`,
 * never `paid`.
 */
export function mapStatus(
  table: Readonly<Record<string, PayInvoiceStatus>>,
  state: unknown,
): PayInvoiceStatus {
  const key = String(state);
  return Object.hasOwn(table, key) ? (table[key] as PayInvoiceStatus) : 'unknown';
}

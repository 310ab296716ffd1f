import {
  type GatewayEvent,
  type GatewayInvoice,
  mapStatus,
  type PayGateway,
  type PayInvoiceStatus,
  PayValidationError,
  parseGatewayInvoiceParams,
} from '@pay/core';
import type { CrystalPayClient } from './crystalpay-client.ts';
import type { INVOICE_STATES, Invoice, InvoiceCreateResult } from './crystalpay-invoice.ts';
import { PROVIDER } from './crystalpay-request.ts';

/** The package id, as `GatewayInvoice.provider` and `GatewayEvent.provider` carry it. */
const ID = 'crystalpay';

/** How long an invoice can be paid when `lifetimeMinutes` is not given (CrystalPay requires one). */
const DEFAULT_LIFETIME_MINUTES = 60;

/**
 * CrystalPay's invoice states in the gateway's vocabulary: the one table, shown in the README.
 * A state not listed here (one CrystalPay adds later) is `unknown`, never `paid`.
 *
 * - `payed` (CrystalPay's spelling) is the only paid state.
 * - `wrongamount`: the payer sent a different amount than the invoice asked for; CrystalPay's
 *   sandbox uses it for a partial payment. Compare `amount` with what you expect before shipping.
 * - `unavailable` is not documented (it comes from clients); CrystalPay's sandbox uses it for an
 *   invoice that expired (or was cancelled): it can no longer be paid.
 */
export const CRYSTALPAY_GATEWAY_STATUSES = Object.freeze({
  notpayed: 'pending',
  processing: 'pending',
  wrongamount: 'partially_paid',
  failed: 'failed',
  payed: 'paid',
  unavailable: 'expired',
} as const satisfies Record<(typeof INVOICE_STATES)[number], PayInvoiceStatus>);

/**
 * The cross-provider gateway over a CrystalPay client: `createInvoice`, `getInvoice`,
 * `verifyWebhook` (confirmed through `invoice/info/`, since CrystalPay signs only the id) and
 * `acknowledge`. The order id travels in CrystalPay's `extra`, which `invoice/info/` and
 * callbacks echo. Tree-shakeable: import it only where you use it.
 */
export function createCrystalPayGateway(client: CrystalPayClient): PayGateway {
  return {
    provider: ID,

    async createInvoice(params, options) {
      // CrystalPay documents no currency list: an unsupported one is its own PayApiError.
      const valid = parseGatewayInvoiceParams(params, PROVIDER);
      const { currency } = valid;
      const created = await client.invoice.create(
        {
          amount: valid.amount,
          type: 'purchase',
          lifetime: valid.lifetimeMinutes ?? DEFAULT_LIFETIME_MINUTES,
          currency,
          extra: valid.orderId,
          ...(valid.description === undefined ? {} : { description: valid.description }),
          ...(valid.callbackUrl === undefined ? {} : { callback_url: valid.callbackUrl }),
          ...(valid.returnUrl === undefined ? {} : { redirect_url: valid.returnUrl }),
        },
        options,
      );
      return fromCreated(created, valid.orderId, valid.amount, currency);
    },

    async getInvoice(id, options) {
      return fromInvoice(await client.invoice.info({ id }, options));
    },

    async verifyWebhook(input) {
      // The gateway handles invoices: a payoff callback belongs on another URL.
      const event = await client.webhooks.verify(input, { kind: 'invoice' });
      // A default verify always confirms: the state and amounts come from `invoice/info/`.
      if (event.kind !== 'invoice' || !event.confirmed) {
        throw new PayValidationError([{ path: '(root)', message: 'not a confirmed invoice' }], {
          provider: PROVIDER,
          operation: 'callback',
        });
      }
      return {
        provider: ID,
        invoice: fromInvoice(event.invoice),
        confirmed: true,
        raw: event,
      } satisfies GatewayEvent;
    },

    acknowledge: () => client.webhooks.acknowledge(),
  };
}

/** A freshly created invoice: CrystalPay answers no state and no `extra`; it is `notpayed`. */
function fromCreated(
  created: InvoiceCreateResult,
  orderId: string,
  amount: string,
  currency: string,
): GatewayInvoice {
  return {
    provider: ID,
    id: created.id,
    orderId,
    payUrl: created.url,
    status: CRYSTALPAY_GATEWAY_STATUSES.notpayed,
    amount: created.amount ?? amount,
    currency: created.currency ?? currency,
    raw: created,
  };
}

/**
 * An invoice as `invoice/info/` (or a confirmed callback) has it. The older shape of the page
 * has no `amount`/`currency`: then the amount is `rub_amount`, in RUB.
 */
function fromInvoice(invoice: Invoice): GatewayInvoice {
  const { amount, currency } =
    invoice.amount === null
      ? { amount: invoice.rub_amount, currency: 'RUB' }
      : { amount: invoice.amount, currency: invoice.currency ?? undefined };
  return {
    provider: ID,
    id: invoice.id,
    orderId: invoice.extra ?? undefined,
    payUrl: invoice.url,
    status: mapStatus(CRYSTALPAY_GATEWAY_STATUSES, invoice.state),
    amount,
    currency,
    raw: invoice,
  };
}

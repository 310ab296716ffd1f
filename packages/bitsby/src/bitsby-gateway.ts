import {
  type GatewayCapabilities,
  type GatewayEvent,
  type GatewayInvoice,
  mapStatus,
  PayApiError,
  type PayGateway,
  type PayInvoiceStatus,
  parseGatewayInvoiceParams,
} from '@pay/core';
import type { BitsbyClient } from './bitsby-client.ts';
import { PROVIDER } from './bitsby-request.ts';
import type { INVOICE_STATUSES } from './bitsby-schemas.ts';

/** The package id, `GatewayInvoice.provider`. */
const ID = 'bitsby';

/**
 * Every invoice status Bitsby documents, as a {@link PayInvoiceStatus}. Bitsby has no partial or
 * failed state: an underpaid invoice stays `unpaid` (the merchant may bind the payment to it with
 * `invoices.bindPayment`) and an unpaid one ends `expired`. Anything else is `unknown`.
 */
export const BITSBY_GATEWAY_STATUSES = {
  unpaid: 'pending',
  paid: 'paid',
  expired: 'expired',
  canceled: 'canceled',
} as const satisfies Record<(typeof INVOICE_STATUSES)[number], PayInvoiceStatus>;

/** `timeToPay` hours by `lifetimeMinutes`: the only lifetimes Bitsby offers. */
const HOURS_BY_MINUTES: Readonly<Record<number, string>> = {
  30: '0.5',
  60: '1',
  180: '3',
  360: '6',
  720: '12',
};

/** `timeToPay` when `lifetimeMinutes` is not given: 1 hour. */
const DEFAULT_TIME_TO_PAY = '1';

/** What a Bitsby invoice can take: fiat in three currencies, five lifetimes, no per-invoice URLs. */
const CAPABILITIES: GatewayCapabilities = {
  currencies: ['USD', 'EUR', 'RUB'],
  lifetimeMinutes: Object.keys(HOURS_BY_MINUTES).map(Number),
  unsupported: {
    callbackUrl: "Bitsby's webhook URL is set per project in its dashboard",
    returnUrl: 'Bitsby takes no return URL',
  },
};

/**
 * The cross-provider gateway over a Bitsby client (`createBitsby(settings)`), which must have a
 * `projectId` setting: invoices are created in that project.
 *
 * - `createInvoice`: `invoices.create` with `orderId` as `serviceData` (Bitsby echoes it in
 *   `invoices/list` and in webhooks), `amount` as `amountFiat`, `currency` as `currencyFiat`
 *   (USD, EUR or RUB; anything else is a `PayValidationError`), `lifetimeMinutes` as `timeToPay`
 *   (30, 60, 180, 360 or 720 only; default 60). `callbackUrl` and `returnUrl` are refused:
 *   Bitsby's webhook URL is set per project in its dashboard, and it has no return URL.
 * - `getInvoice(id)`: `invoices.get({ invoiceId: id })`; a `PayApiError` when Bitsby lists none.
 * - `verifyWebhook`: `webhooks.verify`, which confirms through the API (Bitsby signs nothing).
 * - `acknowledge`: `webhooks.acknowledge()`, HTTP 200.
 */
export function createBitsbyGateway(client: BitsbyClient): PayGateway {
  return {
    provider: ID,

    async createInvoice(params, options) {
      const valid = parseGatewayInvoiceParams(params, PROVIDER, CAPABILITIES);
      const timeToPay =
        valid.lifetimeMinutes === undefined
          ? DEFAULT_TIME_TO_PAY
          : (HOURS_BY_MINUTES[valid.lifetimeMinutes] as string);
      const created = await client.invoices.create(
        {
          amountFiat: valid.amount,
          currencyFiat: valid.currency as 'USD' | 'EUR' | 'RUB',
          timeToPay,
          ...(valid.description === undefined ? {} : { description: valid.description }),
          serviceData: valid.orderId,
        },
        options,
      );
      return {
        provider: ID,
        id: created.id,
        orderId: valid.orderId,
        payUrl: created.url,
        // A new invoice is unpaid; Bitsby's answer has no status.
        status: BITSBY_GATEWAY_STATUSES.unpaid,
        // Bitsby's answer has only the USD value: the invoice is priced in what was sent.
        amount: valid.amount,
        currency: valid.currency,
        raw: created,
      };
    },

    async getInvoice(id, options) {
      const invoice = await client.invoices.get({ invoiceId: id }, options);
      if (invoice === null) {
        throw new PayApiError({
          provider: PROVIDER,
          operation: 'invoices/list',
          status: 200,
          retryable: false,
          hint: 'Bitsby lists no invoice with this id for this API key',
        });
      }
      return normalized(invoice);
    },

    async verifyWebhook(input) {
      // The safe default: Bitsby signs nothing, so `verify` confirms through `invoices/list`.
      const event = await client.webhooks.verify(input);
      return {
        provider: ID,
        invoice: normalized(event.invoice),
        confirmed: event.confirmed,
        raw: event,
      } satisfies GatewayEvent;
    },

    acknowledge: () => client.webhooks.acknowledge(),
  };
}

/** A listed (or confirmed) Bitsby invoice in the common shape. */
function normalized(invoice: {
  id: string;
  amountFiat: string;
  currencyFiat: string;
  serviceData?: unknown;
  status?: unknown;
  url?: unknown;
}): GatewayInvoice {
  return {
    provider: ID,
    id: invoice.id,
    // `serviceData` holds the order id when the gateway created the invoice.
    orderId: typeof invoice.serviceData === 'string' ? invoice.serviceData : undefined,
    // `invoices/list` has no pay page URL (only `invoices/create` answers one).
    payUrl: typeof invoice.url === 'string' ? invoice.url : undefined,
    status: mapStatus(BITSBY_GATEWAY_STATUSES, invoice.status),
    amount: invoice.amountFiat,
    currency: invoice.currencyFiat,
    raw: invoice,
  };
}

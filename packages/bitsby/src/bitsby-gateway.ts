import {
  type GatewayEvent,
  type GatewayInvoice,
  mapStatus,
  PayApiError,
  type PayGateway,
  type PayInvoiceStatus,
  PayValidationError,
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

/** The fiat currencies Bitsby invoices in. */
const CURRENCIES = ['USD', 'EUR', 'RUB'];

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
      const valid = parseGatewayInvoiceParams(params, PROVIDER);
      const issues: { path: string; message: string }[] = [];
      const currency = valid.currency.toUpperCase();
      if (!CURRENCIES.includes(currency)) {
        issues.push({ path: 'currency', message: 'Bitsby invoices only in USD, EUR or RUB' });
      }
      const timeToPay =
        valid.lifetimeMinutes === undefined
          ? DEFAULT_TIME_TO_PAY
          : HOURS_BY_MINUTES[valid.lifetimeMinutes];
      if (timeToPay === undefined) {
        issues.push({
          path: 'lifetimeMinutes',
          message: 'Bitsby offers only 30, 60, 180, 360 or 720 minutes (timeToPay 0.5–12 hours)',
        });
      }
      if (valid.callbackUrl !== undefined) {
        issues.push({
          path: 'callbackUrl',
          message: "not supported: Bitsby's webhook URL is set per project in its dashboard",
        });
      }
      if (valid.returnUrl !== undefined) {
        issues.push({ path: 'returnUrl', message: 'not supported: Bitsby takes no return URL' });
      }
      if (issues.length > 0 || timeToPay === undefined) {
        throw new PayValidationError(issues, { provider: PROVIDER, operation: 'createInvoice' });
      }
      const created = await client.invoices.create(
        {
          amountFiat: valid.amount,
          currencyFiat: currency as 'USD' | 'EUR' | 'RUB',
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
        currency,
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

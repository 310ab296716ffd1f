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
import type { CryptoCloudClient } from './cryptocloud-client.ts';
import type { InvoiceCreateParams } from './cryptocloud-invoice-schemas.ts';
import { PROVIDER } from './cryptocloud-request.ts';
import type { DocumentedInvoiceStatus, Invoice } from './cryptocloud-schemas.ts';
import { bareInvoiceId, postbackFailure } from './cryptocloud-signing.ts';
import type { PostbackInvoice } from './cryptocloud-webhooks-schemas.ts';

/** The package id, the gateway's `provider`. */
const ID = 'cryptocloud';

/**
 * Every documented CryptoCloud invoice status → the common {@link PayInvoiceStatus}. A status
 * CryptoCloud does not document (an `expired`, should it exist) is `unknown`, never `paid`.
 * `overpaid` is paid: more than the invoice amount arrived.
 */
export const CRYPTOCLOUD_GATEWAY_STATUSES = {
  created: 'pending',
  paid: 'paid',
  partial: 'partially_paid',
  overpaid: 'paid',
  canceled: 'canceled',
} as const satisfies Record<DocumentedInvoiceStatus, PayInvoiceStatus>;

/**
 * The fiat currencies `invoice/create` takes as `currency` (CryptoCloud's list); the gateway
 * refuses anything else (a coin code included) before sending.
 */
const INVOICE_CURRENCIES =
  'USD UZS KGS KZT AMD AZN BYN AUD TRY AED CAD CNY HKD IDR INR JPY PHP SGD THB VND MYR RUB UAH EUR GBP'.split(
    ' ',
  );

/** What a CryptoCloud invoice can take: the fiat above; its URLs are per project, not invoice. */
const CAPABILITIES: GatewayCapabilities = {
  currencies: INVOICE_CURRENCIES,
  unsupported: {
    callbackUrl: 'set the notification URL in the project settings',
    returnUrl: 'set the success and fail URLs in the project settings',
  },
};

/**
 * CryptoCloud behind the common {@link PayGateway} interface, over an existing client (which
 * needs `secretKey` for `verifyWebhook`).
 *
 * - `createInvoice`: `invoice/create` with `orderId` as `order_id` (echoed by info and
 *   postbacks), the amount in `currency` (one of CryptoCloud's fiat currencies, else a
 *   `PayValidationError`), `lifetimeMinutes` as `add_fields.time_to_pay`. `description` is not
 *   sent (CryptoCloud has no such field); `callbackUrl` and `returnUrl` are refused with a
 *   `PayValidationError` (both are project settings in CryptoCloud's dashboard, not per invoice).
 *   The `id` is the invoice's `uuid`, `INV-XXXXXXXX`.
 * - `getInvoice`: `invoice/merchant/info` with that id (with or without `INV-`); an id
 *   CryptoCloud does not return is a `PayApiError` with `providerCode: 'not_found'`.
 * - `verifyWebhook`: `webhooks.verify` with its default, which confirms through
 *   `invoice/merchant/info` (the token signs only the invoice id).
 * - `amount`/`currency` are the invoice's fiat amount and currency (`amount_in_fiat`,
 *   `fiat_currency`), or where CryptoCloud sends no fiat pair, its `amount` and coin.
 */
export function createCryptoCloudGateway(client: CryptoCloudClient): PayGateway {
  return {
    provider: ID,

    async createInvoice(params, options) {
      const valid = parseGatewayInvoiceParams(params, PROVIDER, CAPABILITIES);
      const request: InvoiceCreateParams = {
        amount: valid.amount,
        currency: valid.currency,
        order_id: valid.orderId,
      };
      if (valid.lifetimeMinutes !== undefined) {
        request.add_fields = {
          time_to_pay: {
            hours: Math.floor(valid.lifetimeMinutes / 60),
            minutes: valid.lifetimeMinutes % 60,
          },
        };
      }
      const invoice = await client.invoice.create(request, options);
      // CryptoCloud stores `order_id` and echoes it in info and postbacks; the create answer
      // itself does not repeat it.
      return toGatewayInvoice(invoice, invoice.order_id ?? valid.orderId);
    },

    async getInvoice(id, options) {
      const invoices = await client.invoice.info({ uuids: [id] }, options);
      const invoice = invoices.find((item) => bareInvoiceId(item.uuid) === bareInvoiceId(id));
      if (!invoice) {
        throw new PayApiError({
          provider: PROVIDER,
          operation: 'invoice/merchant/info',
          status: 200,
          providerCode: 'not_found',
          retryable: false,
          hint: 'CryptoCloud returned no invoice with this id (use the id createInvoice returned)',
        });
      }
      return toGatewayInvoice(invoice, invoice.order_id ?? undefined);
    },

    async verifyWebhook(input): Promise<GatewayEvent> {
      const event = await client.webhooks.verify(input);
      const info = event.invoice_info;
      // The default confirms through the API; anything else is not a confirmed event.
      if (!event.confirmed || typeof info !== 'object' || info === null) {
        throw postbackFailure('unconfirmed', 'the postback could not be confirmed through the API');
      }
      return {
        provider: ID,
        invoice: toGatewayInvoice(
          { ...info, uuid: info.uuid ?? `INV-${bareInvoiceId(event.invoice_id)}` },
          event.order_id ?? undefined,
        ),
        confirmed: true,
        raw: event,
      };
    },

    acknowledge() {
      return client.webhooks.acknowledge();
    },
  };
}

/** An API invoice in the common shape; `orderId` is what CryptoCloud echoes. */
function toGatewayInvoice(
  invoice: (Invoice | PostbackInvoice) & { uuid: string },
  orderId: string | undefined,
): GatewayInvoice {
  const fiat = invoice.amount_in_fiat != null && invoice.fiat_currency;
  const coin = invoice.currency?.fullcode ?? invoice.currency?.code ?? undefined;
  return {
    provider: ID,
    id: invoice.uuid,
    orderId,
    payUrl: invoice.link ?? invoice.pay_url ?? undefined,
    status: mapStatus(CRYPTOCLOUD_GATEWAY_STATUSES, invoice.status),
    // Never a fiat amount with a coin or the other way round: one pair or the other.
    amount: (fiat ? invoice.amount_in_fiat : invoice.amount) ?? undefined,
    currency: fiat ? (invoice.fiat_currency ?? undefined) : coin,
    raw: invoice,
  };
}

import {
  type GatewayCapabilities,
  type GatewayEvent,
  type GatewayInvoice,
  type GatewayInvoiceParams,
  mapStatus,
  type PayGateway,
  type PayInvoiceStatus,
  PayValidationError,
  parseGatewayInvoiceParams,
  type RequestOptions,
  type WebhookInput,
} from '@pay/core';
import type { PayinPayoutClient } from './payin-payout-client.ts';
import type { PAYMENT_IN_STATUSES } from './payin-payout-payment-in.ts';
import { PROVIDER } from './payin-payout-request.ts';

/** The package id every gateway invoice and event carries. */
const ID = 'payin-payout';

/** A documented incoming-payment status code (`PAYMENT_IN_STATUSES`). */
export type PaymentInStatusCode = keyof typeof PAYMENT_IN_STATUSES;

/**
 * How the developer-key gateway reads a top-up's incoming-payment status code (`find-payment`'s
 * `status`, the top-up callback's `payment_in_status`). Every documented code is here; any other
 * is `unknown`, never `paid`. "Frozen" codes (4, 13) are money held and not credited yet: they
 * may still be credited or returned, so they are `pending`.
 */
export const PAYIN_PAYOUT_GATEWAY_STATUSES = {
  0: 'pending', // new
  1: 'paid', // paid and credited
  2: 'canceled', // cancelled
  3: 'failed', // error
  4: 'pending', // paid but frozen
  5: 'failed', // incorrect event (contact support)
  6: 'expired', // expired
  8: 'refunded', // refunded
  9: 'refunded', // chargeback: the money went back to the payer
  11: 'pending', // processing
  13: 'pending', // partially paid, frozen
  14: 'partially_paid', // partially paid, credited
} as const satisfies Record<PaymentInStatusCode, PayInvoiceStatus>;

/**
 * ISO 4217 letter codes the gateway invoices in, with the numeric `currency_id` Payin-payout
 * takes: the currencies of the docs' balance example.
 */
const CURRENCY_IDS: Readonly<Record<string, number>> = {
  RUB: 643,
  USD: 840,
  EUR: 978,
  UAH: 980,
  KZT: 398,
  GBP: 826,
};

/** What a top-up invoice can take: the currencies above; no per-invoice callback, no lifetime. */
const CAPABILITIES: GatewayCapabilities = {
  currencies: Object.keys(CURRENCY_IDS),
  unsupported: {
    callbackUrl: "Payin-payout's management sets the callback URL",
    lifetimeMinutes: 'a top-up invoice has no lifetime',
  },
};

/** What the developer-key gateway's `createInvoice` takes: the common params, plus `payerId`. */
export interface PayinPayoutGatewayInvoiceParams extends GatewayInvoiceParams {
  /**
   * `payer_id`: the Payin-payout user whose balance the top-up credits (usually your own
   * `userId`). Default: the gateway's `payerId`.
   */
  payerId?: number | string | undefined;
}

/** Options of {@link createPayinPayoutGateway}. */
export interface PayinPayoutGatewayOptions {
  /** The default `payer_id` of every invoice: the user whose balance is topped up. */
  payerId?: number | string | undefined;
}

/** The developer-key client's gateway: top-up invoices (`payment-in/create-invoice`). */
export interface PayinPayoutGateway extends PayGateway {
  createInvoice(
    params: PayinPayoutGatewayInvoiceParams,
    options?: RequestOptions,
  ): Promise<GatewayInvoice>;
}

/**
 * The cross-provider gateway over a developer-key client ({@link createPayinPayout}). Its
 * invoices are top-up invoices (`payment-in/create-invoice`, the one kind with a pay link), sent
 * with `is_sos_topup=1` so a top-up callback follows payment.
 *
 * - `id` is the invoice's account number (`pretty_id`, `007026-000123`): `getInvoice` looks it
 *   up with `payment-in/find-payment`.
 * - The top-up callback carries neither the account number nor your order id nor the amount:
 *   only the numeric `payment_in_id`. A verified event's `invoice.id` is that number; keep it
 *   (`invoice.raw.payment_in_id` at creation) with your order.
 * - `callbackUrl` and `lifetimeMinutes` are refused: Payin-payout's management sets the callback
 *   URL, and a top-up invoice has no lifetime. `returnUrl` is sent as `success_url` and `fail_url`.
 */
export function createPayinPayoutGateway(
  client: PayinPayoutClient,
  gatewayOptions: PayinPayoutGatewayOptions = {},
): PayinPayoutGateway {
  return {
    provider: ID,
    async createInvoice(params, options) {
      const { payerId = gatewayOptions.payerId, ...common } = (params ??
        {}) as PayinPayoutGatewayInvoiceParams;
      const valid = parseGatewayInvoiceParams(common, PROVIDER, {
        ...CAPABILITIES,
        check: () =>
          payerId === undefined
            ? [
                {
                  path: 'payerId',
                  message:
                    'is required (here or in the gateway options): the user whose balance is topped up',
                },
              ]
            : [],
      });
      const currencyId = CURRENCY_IDS[valid.currency] as number;
      const result = await client.paymentIn.createInvoice(
        {
          payer_id: payerId as number | string,
          summ: valid.amount,
          currency_id: currencyId,
          descr: valid.description ?? `Order ${valid.orderId}`,
          is_sos_topup: true,
          ...(valid.returnUrl === undefined
            ? {}
            : { success_url: valid.returnUrl, fail_url: valid.returnUrl }),
        },
        options,
      );
      return {
        provider: ID,
        id: result.pretty_id,
        orderId: undefined,
        payUrl: result.pay_link,
        status: 'pending',
        amount: valid.amount,
        currency: valid.currency,
        raw: result,
      };
    },
    async getInvoice(id, options) {
      if (typeof id !== 'string' || !/^\d+-\d+$/.test(id)) {
        const numeric = typeof id === 'string' && /^\d+$/.test(id);
        throw new PayValidationError(
          [
            {
              path: 'id',
              message: numeric
                ? "is a top-up callback's numeric payment_in_id, which no lookup takes: pass the " +
                  'id createInvoice returned (the account number, 007026-000123)'
                : 'must be the id createInvoice returned, an account number like 007026-000123',
            },
          ],
          { provider: PROVIDER, operation: 'getInvoice' },
        );
      }
      const [payment] = await client.paymentIn.findPayment({ account_number: id }, options);
      return {
        provider: ID,
        id,
        orderId: undefined,
        payUrl: undefined,
        status: mapStatus(PAYIN_PAYOUT_GATEWAY_STATUSES, payment?.status),
        amount: undefined,
        currency: undefined,
        raw: payment,
      };
    },
    async verifyWebhook(input: WebhookInput | Request): Promise<GatewayEvent> {
      const event = await client.webhooks.verify(input);
      if (event.type !== 'topup') {
        throw new PayValidationError(
          [
            {
              path: '',
              message:
                'a correctly signed callback, but not a top-up callback: the gateway reads ' +
                'top-up invoices; point the auto-debit result URL at client.webhooks.verify',
            },
          ],
          { provider: PROVIDER, operation: 'verifyWebhook' },
        );
      }
      return {
        provider: ID,
        invoice: {
          provider: ID,
          id: event.payment_in_id,
          orderId: undefined,
          payUrl: undefined,
          status: mapStatus(PAYIN_PAYOUT_GATEWAY_STATUSES, event.payment_in_status),
          amount: undefined,
          currency: undefined,
          raw: event,
        },
        confirmed: true,
        raw: event,
      };
    },
    acknowledge: () => client.webhooks.acknowledge(),
  };
}

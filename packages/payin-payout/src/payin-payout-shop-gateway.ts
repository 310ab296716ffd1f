import {
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
import { PROVIDER } from './payin-payout-request.ts';
import type { PayinPayoutShopClient } from './payin-payout-shop-client.ts';
import type { ShopPaymentFormResult } from './payin-payout-shop-shop.ts';
import { formatAgentTime } from './payin-payout-shop-signing.ts';
import type { SHOP_PAYMENT_STATUSES } from './payin-payout-shop-webhooks.ts';

/** The package id every gateway invoice and event carries. */
const ID = 'payin-payout';

/** A documented `paymentStatus` of the shop API's payment notification. */
export type ShopPaymentStatusCode = keyof typeof SHOP_PAYMENT_STATUSES;

/**
 * How the shop gateway reads a payment notification's `paymentStatus`: every documented code is
 * here; any other is `unknown`, never `paid`. A registered payment has no state of its own
 * until a notification arrives: `createInvoice` answers `pending`.
 */
export const PAYIN_PAYOUT_SHOP_GATEWAY_STATUSES = {
  1: 'paid', // passed
  2: 'failed', // fatal error, not paid
  3: 'partially_paid', // partly paid; `amount` is cumulative
} as const satisfies Record<ShopPaymentStatusCode, PayInvoiceStatus>;

/**
 * ISO 4217 codes the shop API invoices in (its Appendix 2); the rouble is sent as Payin-payout's
 * `RUR`. A notification's `RUR` reads back as `RUB`.
 */
const CURRENCIES: Readonly<Record<string, string>> = {
  RUB: 'RUR',
  EUR: 'EUR',
  USD: 'USD',
  GBP: 'GBP',
  UAH: 'UAH',
  KZT: 'KZT',
  MDL: 'MDL',
  BYN: 'BYN',
  TRY: 'TRY',
  AED: 'AED',
};

/**
 * What the shop gateway's `createInvoice` takes: the common params plus what the payment
 * registration form requires and the common params lack.
 */
export interface PayinPayoutShopGatewayInvoiceParams extends GatewayInvoiceParams {
  /** The payer's e-mail (at most 50 characters): required by the form. */
  email: string;
  /** The payer's phone, 11 or more digits, optionally after `+`: required and signed. */
  phone: string;
  /** The shop's trade name shown to the payer. Default: the gateway's `agentName`. */
  agentName?: string | undefined;
}

/** Options of {@link createPayinPayoutShopGateway}. */
export interface PayinPayoutShopGatewayOptions {
  /** The shop's trade name shown to the payer (`agentName`), for every invoice. */
  agentName?: string | undefined;
}

/** The shop client's gateway: payment-registration links (`/api/shop`). */
export interface PayinPayoutShopGateway extends PayGateway {
  createInvoice(
    params: PayinPayoutShopGatewayInvoiceParams,
    options?: RequestOptions,
  ): Promise<GatewayInvoice>;
}

/**
 * The cross-provider gateway over a merchant shop client ({@link createPayinPayoutShop}).
 *
 * - `createInvoice` builds the signed payment-registration link (`shop.paymentForm`, the GET
 *   form of `/api/shop`): `payUrl` sends the payer to Payin-payout's payment page. Nothing is
 *   sent to Payin-payout until the payer opens it, so the invoice's `id` is your `orderId`, the
 *   id the shop API knows a payment by and echoes in its notification.
 * - `getInvoice` always rejects: the shop API has no status lookup; the payment notification
 *   (`verifyWebhook`) is the only source of a payment's state.
 * - `callbackUrl` is refused (the notification URL is set in the cabinet); `returnUrl` is sent as
 *   `successUrl` and `failUrl`; `lifetimeMinutes` becomes `limitTime`.
 */
export function createPayinPayoutShopGateway(
  client: PayinPayoutShopClient,
  gatewayOptions: PayinPayoutShopGatewayOptions = {},
): PayinPayoutShopGateway {
  return {
    provider: ID,
    async createInvoice(params) {
      const {
        email,
        phone,
        agentName = gatewayOptions.agentName,
        ...common
      } = (params ?? {}) as PayinPayoutShopGatewayInvoiceParams;
      const valid = parseGatewayInvoiceParams(common, PROVIDER, {
        currencies: Object.keys(CURRENCIES),
        unsupported: { callbackUrl: 'the notification URL is set in the cabinet' },
        check: () =>
          agentName === undefined
            ? [
                {
                  path: 'agentName',
                  message:
                    'is required (here or in the gateway options): the name shown to the payer',
                },
              ]
            : [],
      });
      const registration = {
        orderId: valid.orderId,
        agentName: agentName as string,
        amount: valid.amount,
        goods: valid.description ?? `Order ${valid.orderId}`,
        currency: CURRENCIES[valid.currency] as string,
        email,
        phone,
        ...(valid.returnUrl === undefined
          ? {}
          : { successUrl: valid.returnUrl, failUrl: valid.returnUrl }),
      };
      // Throws PayValidationError for the form's own rules (two decimals, phone, e-mail).
      let form: ShopPaymentFormResult = client.shop.paymentForm(registration);
      if (valid.lifetimeMinutes !== undefined) {
        const agentTime = form.fields.agentTime as string;
        const limitTime = addMinutes(agentTime, valid.lifetimeMinutes);
        form = client.shop.paymentForm({ ...registration, agentTime, limitTime });
      }
      return {
        provider: ID,
        id: valid.orderId,
        orderId: valid.orderId,
        payUrl: form.url,
        status: 'pending',
        amount: form.fields.amount,
        currency: valid.currency,
        raw: form,
      };
    },
    async getInvoice() {
      throw new PayValidationError(
        [
          {
            path: 'id',
            message:
              "Payin-payout's shop API has no status lookup: a payment's state comes only " +
              'with its notification (verifyWebhook)',
          },
        ],
        { provider: PROVIDER, operation: 'getInvoice' },
      );
    },
    async verifyWebhook(input: WebhookInput | Request): Promise<GatewayEvent> {
      const event = await client.webhooks.verify(input);
      const currency =
        event.currency === undefined
          ? undefined
          : event.currency === 'RUR'
            ? 'RUB'
            : event.currency;
      const invoice: GatewayInvoice = {
        provider: ID,
        id: event.orderId,
        orderId: event.orderId,
        payUrl: undefined,
        status: mapStatus(PAYIN_PAYOUT_SHOP_GATEWAY_STATUSES, event.paymentStatus),
        amount: event.amount,
        currency,
        raw: event,
      };
      return { provider: ID, invoice, confirmed: true, raw: event };
    },
    acknowledge: () => client.webhooks.acknowledge(),
  };
}

/**
 * `agentTime` plus `minutes`, in the same wall-clock zone (`HH:mm:SS dd.MM.yyyy`). The
 * arithmetic is on the wall clock: across a daylight-saving change the limit moves by that hour.
 */
function addMinutes(agentTime: string, minutes: number): string {
  const [time = '', date = ''] = agentTime.split(' ');
  const [hours, mins, secs] = time.split(':').map(Number);
  const [day, month, year] = date.split('.').map(Number);
  const wall = Date.UTC(year ?? 0, (month ?? 1) - 1, day, hours, mins, secs);
  return formatAgentTime(wall + minutes * 60_000, 'UTC');
}

import {
  type GatewayEvent,
  type GatewayInvoice,
  mapStatus,
  type PayGateway,
  type PayInvoiceStatus,
  parseGatewayInvoiceParams,
} from '@pay/core';
import type { AnyMoneyClient } from './anymoney-client.ts';
import { PROVIDER } from './anymoney-request.ts';
import { LIFETIME_RANGE, type Order, type OrderStatus } from './anymoney-schemas.ts';

/** The package id, the gateway's `provider`. */
const ID = 'anymoney';

/**
 * Every documented AnyMoney order status (https://docs.any.money, "order statuses") in the
 * common vocabulary. Only `done` is `paid`. The non-final ones are all `pending`, `abnormal`
 * included (AnyMoney: "needs attention", not final; look at `raw.status`). AnyMoney has no
 * partial-payment status: an `is_multipay` invoice paid in part stays in a non-final status
 * (`pending` here) with `amount_paid` below the amount. A status not listed here is `unknown`.
 */
export const ANYMONEY_GATEWAY_STATUSES = {
  new: 'pending',
  pending: 'pending',
  started: 'pending',
  wait: 'pending',
  retry: 'pending',
  finalizing: 'pending',
  abnormal: 'pending',
  done: 'paid',
  fail: 'failed',
  reject: 'failed',
  canceled: 'canceled',
  expired: 'expired',
} as const satisfies Record<OrderStatus, PayInvoiceStatus>;

/** A present, non-empty text value, or `undefined`. */
function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

/** An AnyMoney order in the common shape: its `externalid` is both `id` and `orderId`. */
function toGatewayInvoice(order: Order): GatewayInvoice {
  const externalid = text(order.externalid);
  return {
    provider: ID,
    id: externalid ?? '',
    orderId: externalid,
    payUrl: text(order.paylink),
    status: mapStatus(ANYMONEY_GATEWAY_STATUSES, order.status),
    amount: text(order.orig_amount) ?? text(order.in_amount),
    currency: text(order.in_curr),
    raw: order,
  };
}

/**
 * The cross-provider gateway over an AnyMoney client. AnyMoney keys an invoice by the
 * `externalid` you choose, so `orderId` is sent as `externalid` and is also the gateway's
 * invoice `id` (`getInvoice(id)` is `invoice.get({ externalid: id })`). `description` is ignored
 * (AnyMoney's invoices have no such field); `callbackUrl` → `callback_url`, `returnUrl` →
 * `redirect_url`, `lifetimeMinutes` → `lifetime` (60 to 10080 minutes, else a
 * `PayValidationError`). Callbacks are confirmed through `status` (the client's default).
 */
export function createAnyMoneyGateway(client: AnyMoneyClient): PayGateway {
  return {
    provider: ID,

    async createInvoice(params, options) {
      const valid = parseGatewayInvoiceParams(params, PROVIDER, {
        // AnyMoney's lifetime range (1 hour to 7 days), in minutes.
        lifetimeMinutes: { min: LIFETIME_RANGE.min / 60_000, max: LIFETIME_RANGE.max / 60_000 },
      });
      const lifetime =
        valid.lifetimeMinutes === undefined ? undefined : valid.lifetimeMinutes * 60_000;
      const order = await client.invoice.create(
        {
          amount: valid.amount,
          externalid: valid.orderId,
          in_curr: valid.currency,
          ...(valid.callbackUrl === undefined ? {} : { callback_url: valid.callbackUrl }),
          ...(valid.returnUrl === undefined ? {} : { redirect_url: valid.returnUrl }),
          ...(lifetime === undefined ? {} : { lifetime }),
        },
        options,
      );
      return toGatewayInvoice(order);
    },

    async getInvoice(id, options) {
      return toGatewayInvoice(await client.invoice.get({ externalid: id }, options));
    },

    async verifyWebhook(input): Promise<GatewayEvent> {
      const event = await client.webhooks.verify(input);
      return {
        provider: ID,
        invoice: toGatewayInvoice(event.order),
        confirmed: event.confirmed,
        raw: event,
      };
    },

    acknowledge: () => client.webhooks.acknowledge(),
  };
}

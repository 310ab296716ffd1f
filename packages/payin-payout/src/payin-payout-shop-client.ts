import { type CommonSettings, createClientSetup, PayConfigError } from '@pay/core';
import { PAYIN_PAYOUT_BASE_URL } from './payin-payout-client.ts';
import { PROVIDER } from './payin-payout-request.ts';
import { readPayinPayoutShopError } from './payin-payout-shop-errors.ts';
import { createPayinPayoutShopEndpoint } from './payin-payout-shop-request.ts';
import { createShopRpayApi, type PayinPayoutShopRpayApi } from './payin-payout-shop-rpay.ts';
import { createShopShopApi, type PayinPayoutShopShopApi } from './payin-payout-shop-shop.ts';
import { formatAgentTime } from './payin-payout-shop-signing.ts';
import {
  createShopWebhooks,
  type PayinPayoutShopWebhooksApi,
} from './payin-payout-shop-webhooks.ts';
import { VERSION } from './version.ts';

/** The merchant shop API's production host: the same as the developer-key API's. */
export const PAYIN_PAYOUT_SHOP_BASE_URL = PAYIN_PAYOUT_BASE_URL;

/** Settings of {@link createPayinPayoutShop}: the merchant shop API (family B). */
export interface PayinPayoutShopSettings extends CommonSettings {
  /** The shop's (agent's) id, 1 to 999999. Required. */
  agentId: number | string;
  /**
   * The shop's secret phrase from the cabinet: signs requests and verifies notifications.
   * Required. Anyone holding it can forge notifications: keep it out of logs and front-ends.
   */
  secret: string;
  /**
   * IANA time zone in which `agentTime` is written when the SDK fills it in (the docs name
   * none). Default: `'Europe/Moscow'`.
   */
  timeZone?: string | undefined;
  /** Default: `https://lk.payin-payout.net` (sandbox: `https://dev1.payin-payout.net`). */
  baseUrl?: string | undefined;
}

/**
 * A Payin-payout merchant shop API client (`agentId` + secret phrase): every requesting method
 * posts a form with `agentId` and `sign` added.
 */
export interface PayinPayoutShopClient {
  /** The payment form, terminal and p2p invoices, payment methods. */
  shop: PayinPayoutShopShopApi;
  /** Recurring card payments. */
  rpay: PayinPayoutShopRpayApi;
  /** Payment notifications. */
  webhooks: PayinPayoutShopWebhooksApi;
}

/**
 * Creates a client for Payin-payout's merchant shop API (family B): the payment-registration
 * form, JSON terminal and p2p invoices, payment methods, recurring tokens, and payment
 * notifications. Throws `PayConfigError` for missing or invalid settings, naming the setting,
 * never its value.
 */
export function createPayinPayoutShop(settings: PayinPayoutShopSettings): PayinPayoutShopClient {
  const { common, transport } = createClientSetup(settings, {
    provider: PROVIDER,
    id: 'payin-payout',
    version: VERSION,
    defaultBaseUrl: PAYIN_PAYOUT_SHOP_BASE_URL,
    required: ['secret'],
    secrets: ['secret'],
    readError: readPayinPayoutShopError,
  });
  const context = { provider: PROVIDER };
  const agentId =
    typeof settings.agentId === 'number' ? String(settings.agentId) : settings.agentId;
  if (typeof agentId !== 'string' || !/^[1-9]\d{0,5}$/.test(agentId)) {
    throw new PayConfigError('agentId', 'is required: a whole number from 1 to 999999', context);
  }
  const timeZone = settings.timeZone ?? 'Europe/Moscow';
  if (!isTimeZone(timeZone)) {
    throw new PayConfigError(
      'timeZone',
      'must be an IANA time zone such as Europe/Moscow',
      context,
    );
  }
  const requestSettings = {
    agentId,
    secret: settings.secret,
    agentTimeNow: () => formatAgentTime(common.now(), timeZone),
  };
  const define = createPayinPayoutShopEndpoint({ ...requestSettings, transport });
  return {
    shop: createShopShopApi(define, { ...requestSettings, baseUrl: common.baseUrl }),
    rpay: createShopRpayApi(define),
    webhooks: createShopWebhooks({ agentId, secret: settings.secret }),
  };
}

function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone });
    return true;
  } catch {
    return false;
  }
}

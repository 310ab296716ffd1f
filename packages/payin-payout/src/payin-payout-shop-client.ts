import {
  type CommonSettings,
  createTransport,
  joinUrl,
  PayConfigError,
  parseInput,
  type RequestOptions,
  requireCredential,
  resolveCommonSettings,
} from '@pay/core';
import type * as v from 'valibot';
import { PAYIN_PAYOUT_BASE_URL, PROVIDER, USER_AGENT } from './payin-payout-constants.ts';
import { readPayinPayoutError } from './payin-payout-errors.ts';
import type { PayinPayoutShopClient } from './payin-payout-shop-client-types.ts';
import { type ShopOperation, shopFields, shopOperations } from './payin-payout-shop-operations.ts';
import { formatAgentTime } from './payin-payout-shop-signing.ts';
import { createShopWebhooks } from './payin-payout-shop-webhooks.ts';

export type { PayinPayoutShopClient, ShopPaymentForm } from './payin-payout-shop-client-types.ts';

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
 * Creates a client for Payin-payout's merchant shop API (family B): the payment-registration
 * form, JSON terminal and p2p invoices, payment methods, recurring tokens, and payment
 * notifications. Throws `PayConfigError` for missing or invalid settings.
 */
export function createPayinPayoutShop(settings: PayinPayoutShopSettings): PayinPayoutShopClient {
  const agentId =
    typeof settings?.agentId === 'number' ? String(settings.agentId) : settings?.agentId;
  if (typeof agentId !== 'string' || !/^[1-9]\d{0,5}$/.test(agentId)) {
    throw new PayConfigError('agentId', 'is required: a whole number from 1 to 999999', {
      provider: PROVIDER,
    });
  }
  requireCredential(settings.secret, 'secret', PROVIDER);
  const timeZone = settings.timeZone ?? 'Europe/Moscow';
  if (!isTimeZone(timeZone)) {
    throw new PayConfigError('timeZone', 'must be an IANA time zone such as Europe/Moscow', {
      provider: PROVIDER,
    });
  }
  const common = resolveCommonSettings(settings, PROVIDER, PAYIN_PAYOUT_BASE_URL);
  const transport = createTransport({
    ...common,
    provider: PROVIDER,
    userAgent: USER_AGENT,
    secrets: [settings.secret],
    readError: readPayinPayoutError,
  });
  const fieldSettings = {
    agentId,
    secret: settings.secret,
    agentTimeNow: () => formatAgentTime(common.now(), timeZone),
  };

  /** Validates the params and returns the signed form fields. */
  function build(operation: ShopOperation<v.GenericSchema, v.GenericSchema>, params: unknown) {
    const input = parseInput(operation.params, params, {
      provider: PROVIDER,
      operation: operation.path,
    }) as Record<string, unknown>;
    return shopFields(operation, input, fieldSettings);
  }

  async function post<TParams extends v.GenericSchema, TResult extends v.GenericSchema>(
    operation: ShopOperation<TParams, TResult>,
    params: unknown,
    options: RequestOptions = {},
  ): Promise<v.InferOutput<TResult>> {
    return transport.request({
      operation: operation.path,
      path: operation.path,
      body: { form: build(operation, params) },
      schema: operation.result,
      signal: options.signal,
      idempotent: operation.idempotent,
    });
  }

  return {
    shop: {
      paymentForm(params) {
        const fields = build(shopOperations.paymentForm, params);
        const action = joinUrl(common.baseUrl, shopOperations.paymentForm.path);
        const query = new URLSearchParams(fields).toString();
        return {
          action,
          method: 'POST',
          fields: Object.fromEntries(fields),
          url: `${action}?${query}`,
        };
      },
      createInvoice: (params, options) => post(shopOperations.terminalInvoice, params, options),
      createP2pInvoice: (params, options) => post(shopOperations.p2pInvoice, params, options),
      getProvidersPay: (params, options) => post(shopOperations.providers, params ?? {}, options),
    },
    rpay: {
      token: (params, options) => post(shopOperations.rpayToken, params, options),
      pay: (params, options) => post(shopOperations.rpayPay, params, options),
      getToken: (params, options) => post(shopOperations.rpayGetToken, params, options),
      getStatusToken: (params, options) => post(shopOperations.rpayStatusToken, params, options),
    },
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

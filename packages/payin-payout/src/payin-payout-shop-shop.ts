import { amountOutput, joinUrl, parseInput, type RequestOptions } from '@pay/core';
import * as v from 'valibot';
import { PROVIDER } from './payin-payout-request.ts';
import { codeOutput, idOutput, optionalText, payload, text } from './payin-payout-schemas.ts';
import {
  type DefinePayinPayoutShopEndpoint,
  type PayinPayoutShopEndpointExtra,
  type PayinPayoutShopRequestSettings,
  REGISTRATION_SIGNED,
  shopFields,
} from './payin-payout-shop-request.ts';
import {
  agentTime,
  type RegistrationParams,
  registrationEntries,
  withAddInfo,
} from './payin-payout-shop-schemas.ts';

/** `/api/shop`: the payment-registration form and the JSON terminal invoice. */
const registrationParams = withAddInfo(registrationEntries);

/** `/api/shop` with `json=1`: a p2p invoice. */
const createP2pInvoiceParams = withAddInfo({
  ...registrationEntries,
  /** `ANY` card number, `SBP` Russia's fast payments, `SBP_TG` cross-border fast payments. */
  p2p_type: v.picklist(['ANY', 'SBP', 'SBP_TG']),
  /** The sender's first and last name, which some `p2p_type`s need. */
  sender_name: v.optional(text()),
});

/** `/shop/get-providers-pay`. */
const getProvidersPayParams = v.strictObject({ agentTime: v.optional(agentTime()) });

/** `/api/shop` + `format=json`: the terminal invoice; tell the payer its `number`. */
const createInvoiceResult = payload(
  v.looseObject({
    /** The invoice number to pay at a terminal, `007978-000367`. */
    number: v.string(),
    payment_id: idOutput(),
  }),
);

/** `/api/shop` + `json=1`: where to transfer, by `p2p_type` (a card, or a phone for SBP). */
const createP2pInvoiceResult = v.looseObject({
  amount: amountOutput(),
  orderId: idOutput(),
  number: v.string(),
  /** Transfer before this time, e.g. `2023-07-12 01:57:48+0000`. */
  until: optionalText(),
  /** `ANY`: the card to transfer to. */
  cardNumber: optionalText(),
  /** `SBP`, `SBP_TG`: the receiver. */
  receiverName: optionalText(),
  receiverBank: optionalText(),
  receiverPhone: optionalText(),
});

/** `/shop/get-providers-pay`: a bare list (no envelope) of the shop's payment methods. */
const getProvidersPayResult = v.array(
  v.looseObject({
    // Every field the docs' table lists for a method, so none is optional here.
    id: codeOutput(),
    slug: v.string(),
    title: v.string(),
    /** The code to pass as `preference`. */
    preference: codeOutput(),
    /** Whether the method is on in general. */
    enabled: v.boolean(),
    /** Whether this shop may use it. */
    enable: v.boolean(),
  }),
);

/** What `shop.paymentForm()` takes: the payment-registration fields, `addInfo_N` included. */
export type ShopPaymentFormParams = RegistrationParams;
/** What `shop.createInvoice()` takes: the payment-registration fields, `addInfo_N` included. */
export type ShopCreateInvoiceParams = RegistrationParams;
/** What `shop.createP2pInvoice()` takes. */
export type ShopCreateP2pInvoiceParams = RegistrationParams & {
  p2p_type: 'ANY' | 'SBP' | 'SBP_TG';
  sender_name?: string | undefined;
};
/** What `shop.getProvidersPay()` takes (nothing is required). */
export type ShopGetProvidersPayParams = v.InferInput<typeof getProvidersPayParams>;

/** What `shop.paymentForm()` returns: the payment-registration form, signed, for the payer's browser. */
export interface ShopPaymentFormResult {
  /** `<baseUrl>/api/shop`: the form's `action`. */
  action: string;
  /** The form's `method`. */
  method: 'POST';
  /** The hidden inputs, `sign` included, each value exactly as signed. */
  fields: Record<string, string>;
  /** The same request as a GET link, which the docs accept too: redirect the payer here. */
  url: string;
}
/** What `shop.createInvoice()` resolves to: `{ number, payment_id }`. */
export type ShopCreateInvoiceResult = v.InferOutput<typeof createInvoiceResult>;
/** What `shop.createP2pInvoice()` resolves to: where to transfer. */
export type ShopCreateP2pInvoiceResult = v.InferOutput<typeof createP2pInvoiceResult>;
/** What `shop.getProvidersPay()` resolves to: the shop's payment methods. */
export type ShopGetProvidersPayResult = v.InferOutput<typeof getProvidersPayResult>;

/**
 * `shop.shop`: payments of the merchant shop API. Its requesting methods reject with a
 * `PayCallError` (see `@pay/core`); each one's JSDoc adds only what is specific.
 */
export interface PayinPayoutShopShopApi {
  /**
   * `/api/shop`, the payment-registration form: builds and signs the fields; sends nothing
   * (a plain function, not an endpoint). Render them as hidden inputs of a form posting to
   * `action`, or redirect to `url`. Payin-payout answers the browser with a redirect to its
   * payment page (errors go to `failUrl` with an `error` parameter).
   * @throws PayValidationError bad params (thrown synchronously: nothing is sent)
   */
  paymentForm(params: ShopPaymentFormParams): ShopPaymentFormResult;
  /**
   * `/api/shop` with `format=json`: an invoice to pay at a terminal; tell the payer its
   * `number`. Never retried automatically.
   */
  createInvoice(
    params: ShopCreateInvoiceParams,
    options?: RequestOptions,
  ): Promise<ShopCreateInvoiceResult>;
  /**
   * `/api/shop` with `json=1`: a p2p invoice: the card or phone to transfer to before `until`.
   * Never retried automatically.
   * @throws PayApiError `providerCode: 'duplicate_order_id'`
   */
  createP2pInvoice(
    params: ShopCreateP2pInvoiceParams,
    options?: RequestOptions,
  ): Promise<ShopCreateP2pInvoiceResult>;
  /** `/shop/get-providers-pay`: the shop's payment methods (`preference` codes). A read: retried. */
  getProvidersPay(
    params?: ShopGetProvidersPayParams,
    options?: RequestOptions,
  ): Promise<ShopGetProvidersPayResult>;
}

/** What the local payment form needs besides the request settings. */
export interface ShopFormSettings extends PayinPayoutShopRequestSettings {
  /** The client's `baseUrl`: the form posts to `<baseUrl>/api/shop`. */
  baseUrl: string;
}

const registration: PayinPayoutShopEndpointExtra = { signed: REGISTRATION_SIGNED, agentTime: true };

/** Builds `shop` of the shop client. */
export function createShopShopApi(
  define: DefinePayinPayoutShopEndpoint,
  settings: ShopFormSettings,
): PayinPayoutShopShopApi {
  return {
    paymentForm(params) {
      const input = parseInput(registrationParams, params, {
        provider: PROVIDER,
        operation: 'api/shop',
      });
      const fields = shopFields(registration, input, settings);
      const action = joinUrl(settings.baseUrl, 'api/shop');
      const query = new URLSearchParams(fields).toString();
      return {
        action,
        method: 'POST',
        fields: Object.fromEntries(fields),
        url: `${action}?${query}`,
      };
    },
    createInvoice: define({
      operation: 'api/shop',
      path: 'api/shop',
      params: registrationParams,
      result: createInvoiceResult,
      idempotent: false,
      ...registration,
      extra: { format: 'json' },
    }),
    createP2pInvoice: define({
      operation: 'api/shop',
      path: 'api/shop',
      params: createP2pInvoiceParams,
      result: createP2pInvoiceResult,
      idempotent: false,
      ...registration,
      extra: { json: '1' },
    }),
    getProvidersPay: define({
      operation: 'shop/get-providers-pay',
      path: 'shop/get-providers-pay',
      params: v.optional(getProvidersPayParams, {}),
      result: getProvidersPayResult,
      idempotent: true,
      signed: ['agentId', 'agentTime'],
      agentTime: true,
    }),
  };
}

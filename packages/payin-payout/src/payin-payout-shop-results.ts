import { amountOutput } from '@pay/core';
import * as v from 'valibot';
import { codeOutput, envelope, idOutput, optionalText, payload } from './payin-payout-fields.ts';

// Results of the merchant shop API (family B), lenient. Errors (`status: false` with
// `user_msg` or a `result` text) are read by payin-payout-errors.ts before these run.

/** `/api/shop` + `format=json`: the terminal invoice; tell the payer its `number`. */
export const shopInvoiceResultSchema = payload(
  v.looseObject({
    /** The invoice number to pay at a terminal, `007978-000367`. */
    number: v.string(),
    payment_id: idOutput(),
  }),
);

/** `/api/shop` + `json=1`: where to transfer, by `p2p_type` (a card, or a phone for SBP). */
export const p2pInvoiceResultSchema = v.looseObject({
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
export const providersResultSchema = v.array(
  v.looseObject({
    id: codeOutput(),
    slug: optionalText(),
    title: optionalText(),
    /** The code to pass as `preference`. */
    preference: v.optional(v.nullable(codeOutput()), null),
    /** Whether the method is on in general. */
    enabled: v.optional(v.nullable(v.boolean()), null),
    /** Whether this shop may use it. */
    enable: v.optional(v.nullable(v.boolean()), null),
  }),
);

/** `/api/rpay/token`: `result` is the token (valid one year). */
export const rpayTokenResultSchema = envelope(v.string());

/**
 * `/api/rpay/pay`: `result` is a status text; with a 3-D Secure card the payer must open `url`
 * to finish.
 */
export const rpayPayResultSchema = v.looseObject({
  status: v.literal(true),
  result: v.string(),
  url: optionalText(),
});

/** `/api/rpay/get-token`: send the payer to `client_redirect_url` to confirm the card. */
export const rpayGetTokenResultSchema = payload(
  v.looseObject({
    token: v.string(),
    client_redirect_url: optionalText(),
    error: optionalText(),
  }),
);

/** `/api/rpay/get-status-token`: `status` `SUCCEEDED` once the payer confirmed the token. */
export const rpayStatusTokenResultSchema = payload(
  v.looseObject({
    token: optionalText(),
    status: v.string(),
    error: optionalText(),
  }),
);

/** `shop.createInvoice()` result. */
export type ShopInvoiceResult = v.InferOutput<typeof shopInvoiceResultSchema>;
/** `shop.createP2pInvoice()` result. */
export type P2pInvoiceResult = v.InferOutput<typeof p2pInvoiceResultSchema>;
/** `shop.getProvidersPay()` result. */
export type ProvidersResult = v.InferOutput<typeof providersResultSchema>;
/** `rpay.token()` result. */
export type RpayTokenResult = v.InferOutput<typeof rpayTokenResultSchema>;
/** `rpay.pay()` result. */
export type RpayPayResult = v.InferOutput<typeof rpayPayResultSchema>;
/** `rpay.getToken()` result. */
export type RpayGetTokenResult = v.InferOutput<typeof rpayGetTokenResultSchema>;
/** `rpay.getStatusToken()` result. */
export type RpayStatusTokenResult = v.InferOutput<typeof rpayStatusTokenResultSchema>;

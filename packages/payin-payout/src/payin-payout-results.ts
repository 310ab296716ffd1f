import { amountOutput } from '@pay/core';
import * as v from 'valibot';
import { codeOutput, envelope, idOutput, optionalText, payload } from './payin-payout-fields.ts';

// Results of the developer-key API (family A), lenient: unknown fields pass through, optional
// ones may be missing or null. Every answer is `{ status, result, tracker }`; errors
// (`status: false`) never reach these schemas (see payin-payout-errors.ts).

/** A1 `create-invoice`, A6 `create-reward-invoice`: accepted; the outcome comes by callback. */
export const invoiceAcceptedSchema = envelope(v.boolean());

const optionalId = () => v.optional(v.nullable(idOutput()), null);

/** A2 `payment-in/create-invoice`. */
export const topUpInvoiceResultSchema = payload(
  v.looseObject({
    /** Send the payer here. */
    pay_link: v.string(),
    payment_in_id: optionalId(),
    payment_in_inner_id: optionalId(),
    payment_in_inner_id_user: optionalId(),
    pretty_id: optionalId(),
  }),
);

/** A3 `shop/api-create`: `result` is the new shop's id. */
export const createShopResultSchema = envelope(idOutput());

/**
 * A4 `user/api-get-balance`: balances keyed by ISO 4217 numeric code, as decimal strings with
 * 8 places (`{ "643": "8726.47000000" }`; the doc's field table still says "number").
 */
export const balanceResultSchema = payload(v.record(v.string(), amountOutput()));

const userFields = {
  id: idOutput(),
  tips_url: optionalText(),
  card_url: optionalText(),
  invite_url: optionalText(),
};

/** A5 `user/api-create`: the 2019 doc returned the bare id, later ones an object; both read. */
export const createUserResultSchema = payload(
  v.union([
    v.looseObject(userFields),
    v.pipe(
      idOutput(),
      v.transform((id) => ({ id, tips_url: null, card_url: null, invite_url: null })),
    ),
  ]),
);

/** A7, A8 `get-last-payments-for-user`: newest first. */
export const lastPaymentsResultSchema = payload(
  v.array(
    v.looseObject({
      id: idOutput(),
      /** See `PAYMENT_IN_STATUSES` / `PAYMENT_OUT_STATUSES`. */
      status: codeOutput(),
      /** e.g. `2015-12-30 14:25:37.353059+06`. */
      created: optionalText(),
      last_update: optionalText(),
    }),
  ),
);

const foundPaymentIn = v.looseObject({
  account_number: v.string(),
  status: codeOutput(),
  done_time: optionalText(),
});

/**
 * A9 `payment-in/find-payment`: up to 10 payments. The doc's table says a list, its example
 * shows one object: a single object is returned as a list of one.
 */
export const findPaymentInResultSchema = payload(
  v.union([
    v.array(foundPaymentIn),
    v.pipe(
      foundPaymentIn,
      v.transform((payment) => [payment]),
    ),
  ]),
);

/** A10 `payment-out/find-payment`. `system_status` is undocumented and kept raw. */
export const findPaymentOutResultSchema = payload(
  v.looseObject({
    account_number: v.string(),
    client_status: codeOutput(),
    system_status: v.optional(v.unknown()),
    last_update_time: optionalText(),
  }),
);

/** A11 `user/get_user_info_via_dev_key`: the user, or `null` where Payin-payout answers `[]`. */
export const userInfoResultSchema = payload(
  v.union([
    v.looseObject({ inner_id: idOutput(), email: optionalText(), phone: optionalText() }),
    v.pipe(
      v.array(v.unknown()),
      v.length(0),
      v.transform(() => null),
    ),
  ]),
);

/** A1/A6 result: `{ status: true, result: true, tracker: ' gid_…' }`. */
export type InvoiceAccepted = v.InferOutput<typeof invoiceAcceptedSchema>;
/** A2 result: the pay link and the payment's ids. */
export type TopUpInvoiceResult = v.InferOutput<typeof topUpInvoiceResultSchema>;
/** A3 result: `{ status: true, result: '<shop id>', tracker }`. */
export type CreateShopResult = v.InferOutput<typeof createShopResultSchema>;
/** A4 result: `{ '643': '8726.47000000', … }`. */
export type BalanceResult = v.InferOutput<typeof balanceResultSchema>;
/** A5 result: the new user's id and links. */
export type CreateUserResult = v.InferOutput<typeof createUserResultSchema>;
/** A7/A8 result. */
export type LastPaymentsResult = v.InferOutput<typeof lastPaymentsResultSchema>;
/** A9 result. */
export type FindPaymentInResult = v.InferOutput<typeof findPaymentInResultSchema>;
/** A10 result. */
export type FindPaymentOutResult = v.InferOutput<typeof findPaymentOutResultSchema>;
/** A11 result, `null` when no user matches. */
export type UserInfoResult = v.InferOutput<typeof userInfoResultSchema>;

import { amountInput } from '@pay/core';
import * as v from 'valibot';
import { atLeastOneOf, flag, httpUrl, text, wholeNumber } from './payin-payout-fields.ts';

// Parameters of the developer-key API (family A), strict: an unknown or misspelt field is an
// error before anything is sent. Every output value is the exact text that is signed and sent;
// the SDK adds `user_id`, `timestamp` and `hash`.

const id = () => wholeNumber({ min: 1 });
/** ISO 4217 numeric currency code, e.g. `643` (RUB). */
const currencyId = () => wholeNumber({ min: 1, max: 999 });
/** A payment's account number, `000000-111111`. */
const accountNumber = () =>
  v.pipe(v.string(), v.regex(/^\d+-\d+$/, 'must look like 000000-111111'));

/** `service-of-services/create-invoice` (A1, the seed): an invoice paid automatically. */
export const createInvoiceParamsSchema = v.strictObject({
  /** The service id Payin-payout management issued. */
  service_id: id(),
  /** The Payin-payout user whose balance is debited. */
  payer_id: id(),
  /** RUB, sent as the canonical decimal (`'1000'`, `'10.1'`). */
  amount: amountInput(),
  /** Your invoice id, unique per shop; echoed in the result callback. */
  external_id: text(),
  description: text(),
});

/** `service-of-services/create-reward-invoice` (A6): pays `receiver_id` from the service's user. */
export const createRewardInvoiceParamsSchema = v.strictObject({
  service_id: id(),
  receiver_id: id(),
  amount: amountInput(),
  /** ISO 4217 numeric; Payin-payout's default is `643`. */
  currency_id: v.optional(currencyId()),
  external_id: text(),
  // The doc's table says `descr`, its PHP example sends `description`: both are accepted.
  descr: v.optional(text()),
  description: v.optional(text()),
});

/** `payment-in/create-invoice` (A2, 2020 parameters): a top-up invoice with a pay link. */
export const topUpInvoiceParamsSchema = v.strictObject({
  /** The user whose balance is topped up. */
  payer_id: id(),
  /** Amount in `currency_id`, sent as the canonical decimal (`'10.10'` → `'10.1'`). */
  summ: amountInput(),
  currency_id: currencyId(),
  descr: text(),
  /** Payment method code: the payer skips the method choice. */
  id_pref: v.optional(v.union([text(), wholeNumber()])),
  success_url: v.optional(httpUrl()),
  fail_url: v.optional(httpUrl()),
  /** Needed for the top-up callback to be sent. Sent as `1`/`0`. */
  is_sos_topup: v.optional(flag()),
});

/** `shop/api-create` (A3). */
export const createShopParamsSchema = v.strictObject({
  title: text(),
  /** Legal address. */
  address: text(),
});

/** `user/api-get-balance` (A4). */
export const getBalanceParamsSchema = v.strictObject({ balance_user_id: id() });

/** `user/api-create` (A5): registers a Payin-payout user. */
export const createUserParamsSchema = v.strictObject({
  /** Legal entity: `1`, person: `0`. */
  ul: flag(),
  email: text(),
  /** International format, e.g. `+79111111111`. Sent as given. */
  phone: text(),
  username: text(),
  password: text(),
  /** Resident of the Russian Federation: `1`, else `0`. */
  resident: flag(),
  source_registration: v.optional(text()),
});

const byContact = {
  email: v.optional(text()),
  phone: v.optional(text()),
};

/** `payment-in|payment-out/get-last-payments-for-user` (A7, A8). */
export const lastPaymentsParamsSchema = v.pipe(
  v.strictObject({ ...byContact, limit: wholeNumber({ min: 1, max: 1000 }) }),
  atLeastOneOf(['email', 'phone']),
);

/** `payment-in/find-payment` (A9): at least one criterion, or nothing can be found. */
export const findPaymentInParamsSchema = v.pipe(
  v.strictObject({ ...byContact, account_number: v.optional(accountNumber()) }),
  atLeastOneOf(['email', 'phone', 'account_number']),
);

/** `payment-out/find-payment` (A10). */
export const findPaymentOutParamsSchema = v.strictObject({ account_number: accountNumber() });

/** `user/get_user_info_via_dev_key` (A11). */
export const getUserInfoParamsSchema = v.pipe(
  v.strictObject(byContact),
  atLeastOneOf(['email', 'phone']),
);

/** What `serviceOfServices.createInvoice()` takes. */
export type CreateInvoiceParams = v.InferInput<typeof createInvoiceParamsSchema>;
/** What `serviceOfServices.createRewardInvoice()` takes. */
export type CreateRewardInvoiceParams = v.InferInput<typeof createRewardInvoiceParamsSchema>;
/** What `paymentIn.createInvoice()` takes. */
export type TopUpInvoiceParams = v.InferInput<typeof topUpInvoiceParamsSchema>;
/** What `shop.create()` takes. */
export type CreateShopParams = v.InferInput<typeof createShopParamsSchema>;
/** What `user.getBalance()` takes. */
export type GetBalanceParams = v.InferInput<typeof getBalanceParamsSchema>;
/** What `user.create()` takes. */
export type CreateUserParams = v.InferInput<typeof createUserParamsSchema>;
/** What `paymentIn.getLastPaymentsForUser()` and `paymentOut.getLastPaymentsForUser()` take. */
export type LastPaymentsParams = v.InferInput<typeof lastPaymentsParamsSchema>;
/** What `paymentIn.findPayment()` takes. */
export type FindPaymentInParams = v.InferInput<typeof findPaymentInParamsSchema>;
/** What `paymentOut.findPayment()` takes. */
export type FindPaymentOutParams = v.InferInput<typeof findPaymentOutParamsSchema>;
/** What `user.getInfo()` takes. */
export type GetUserInfoParams = v.InferInput<typeof getUserInfoParamsSchema>;

import type { DefineEndpoint, RequestOptions } from '@pay/core';
import * as v from 'valibot';
import { type CrystalPayEndpointExtras, defineTwoStepGroup } from './crystalpay-request.ts';
import {
  httpUrl,
  optionalAmount,
  optionalEnum,
  optionalText,
  SUBTRACT_FROM,
  signedAmount,
  subtractFromSchema,
  text,
} from './crystalpay-schemas.ts';

/** Payoff states (from clients; `payed` is CrystalPay's spelling of paid out). */
export const PAYOFF_STATES = ['created', 'processing', 'failed', 'payed', 'canceled'] as const;

/** Parameters of `payoff/create/`. */
const payoffCreateParamsSchema = v.strictObject({
  /** Amount to pay out; signed and sent as this exact decimal string. */
  amount: signedAmount(),
  /** Payoff method, e.g. `BITCOIN`. */
  method: text(),
  /** The receiving wallet or account. */
  wallet: text(),
  /** Take the commission from the `amount` or from your `balance`. */
  subtract_from: subtractFromSchema,
  /** Currency `amount` is given in. CrystalPay's default: the method's currency. */
  amount_currency: v.optional(text()),
  /** A memo or tag some networks need besides the wallet. */
  wallet_extra: v.optional(text()),
  /** Any data of yours; echoed in `payoff/info/` and callbacks. */
  extra: v.optional(v.string()),
  callback_url: v.optional(httpUrl()),
});
/** What `payoff.create()` takes. */
export type PayoffCreateParams = v.InferInput<typeof payoffCreateParamsSchema>;

/** Parameters of `payoff/submit/`, `payoff/cancel/` and `payoff/info/`: the payoff's id. */
const payoffIdParamsSchema = v.strictObject({ id: text() });
/** What `payoff.submit()` takes: the id `payoff.create()` returned. */
export type PayoffSubmitParams = v.InferInput<typeof payoffIdParamsSchema>;
/** What `payoff.cancel()` takes: the id of a payoff not yet submitted. */
export type PayoffCancelParams = v.InferInput<typeof payoffIdParamsSchema>;
/** What `payoff.info()` takes. */
export type PayoffInfoParams = v.InferInput<typeof payoffIdParamsSchema>;

/** Payoff fields besides `id`; `payoff/create/` answers before there is a `state`. */
const payoffFields = {
  state: optionalEnum(PAYOFF_STATES),
  subtract_from: optionalEnum(SUBTRACT_FROM),
  method: optionalText(),
  amount_currency: optionalText(),
  amount: optionalAmount(),
  rub_amount: optionalAmount(),
  receive_amount: optionalAmount(),
  deduction_amount: optionalAmount(),
  commission_amount: optionalAmount(),
  wallet: optionalText(),
  message: optionalText(),
  callback_url: optionalText(),
  extra: optionalText(),
  created_at: optionalText(),
  final_at: optionalText(),
};

/** A payoff, as `payoff/*`, the payoff history and payoff callbacks carry it. */
export const payoffSchema = v.looseObject({ id: v.string(), ...payoffFields });
/**
 * A payoff, as every `payoff.*()` method, `report.payoff.history()` and a payoff callback return
 * it: amounts as decimal strings, `null` for unset values, unknown fields kept.
 */
export type Payoff = v.InferOutput<typeof payoffSchema>;
/** `state` of a payoff: one of {@link PAYOFF_STATES}, or a state CrystalPay adds later. */
export type PayoffState = NonNullable<Payoff['state']>;

/**
 * The payoff methods. A payoff is two steps: `create` computes the amounts and reserves them,
 * `submit` sends the money (or `cancel` drops it). Each money-moving call is signed with the salt
 * and never retried: after a `PayNetworkError`, look the payoff up before sending again. Each
 * method rejects with a `PayCallError` (see `@pay/core`).
 */
export interface CrystalPayPayoffApi {
  /**
   * `POST /v3/payoff/create/`: prepares a payoff, signed `sha1(amount:method:wallet:salt)`.
   * Nothing is paid until `submit`; a lost answer may leave a payoff: check the payoff history.
   */
  create(params: PayoffCreateParams, options?: RequestOptions): Promise<Payoff>;
  /** `POST /v3/payoff/submit/`: sends a created payoff, signed `sha1(id:salt)`. Moves money. */
  submit(params: PayoffSubmitParams, options?: RequestOptions): Promise<Payoff>;
  /** `POST /v3/payoff/cancel/`: cancels a payoff that was not submitted, signed `sha1(id:salt)`. */
  cancel(params: PayoffCancelParams, options?: RequestOptions): Promise<Payoff>;
  /**
   * `POST /v3/payoff/info/`: a payoff's state and amounts. A read: retried. An unknown id is a
   * `PayApiError` (`Payoff not found`).
   */
  info(params: PayoffInfoParams, options?: RequestOptions): Promise<Payoff>;
}

/** Builds the `payoff` group of a client. */
export function createPayoffApi(
  define: DefineEndpoint<CrystalPayEndpointExtras>,
): CrystalPayPayoffApi {
  return defineTwoStepGroup(define, 'payoff', {
    create: payoffCreateParamsSchema,
    id: payoffIdParamsSchema,
    result: payoffSchema,
  });
}

import type { RequestOptions } from '@pay/core';
import * as v from 'valibot';
import { type CrystalPayContext, endpoint } from './crystalpay-endpoint.ts';
import {
  httpUrl,
  optionalAmount,
  optionalEnum,
  optionalText,
  result,
  SUBTRACT_FROM,
  signedAmount,
  subtractFromSchema,
  text,
} from './crystalpay-schemas.ts';

/** Payoff states (from clients; `payed` is CrystalPay's spelling of paid out). */
export const PAYOFF_STATES = ['created', 'processing', 'failed', 'payed', 'canceled'] as const;

/** Parameters of `payoff/create/`. */
export const payoffCreateParamsSchema = v.strictObject({
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

/** Parameters of `payoff/submit/`, `payoff/cancel/` and `payoff/info/`. */
export const payoffIdParamsSchema = v.strictObject({ id: text() });
/** What `payoff.submit()`, `payoff.cancel()` and `payoff.info()` take. */
export type PayoffIdParams = v.InferInput<typeof payoffIdParamsSchema>;

/** Payoff fields besides `id`; `payoff/create/` answers before there is a `state`. */
export const payoffFields = {
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

const payoffEntries = { id: v.string(), ...payoffFields };
/** A payoff, as `payoff/info/`, the payoff history and payoff callbacks carry it. */
export const payoffSchema = v.looseObject(payoffEntries);
/** A payoff: amounts as decimal strings, `null` for unset values. */
export type PayoffInfo = v.InferOutput<typeof payoffSchema>;
/** `state` of a payoff. */
export type PayoffState = NonNullable<PayoffInfo['state']>;

/**
 * The payoff methods. A payoff is two steps: `create` computes the amounts and reserves them,
 * `submit` sends the money (or `cancel` drops it). Each money-moving call is signed with the salt.
 */
export interface CrystalPayPayoffApi {
  /**
   * `POST /v3/payoff/create/`: prepares a payoff, signed `sha1(amount:method:wallet:salt)`.
   * Nothing is sent until `submit`. Never retried automatically.
   * @throws PayValidationError bad params, before any request
   * @throws PayApiError CrystalPay said no, e.g. a wrong signature or too small an amount
   * @throws PayNetworkError no response: the payoff may exist, check the payoff history
   * @throws PayResponseError a response that is not the documented JSON
   */
  create(params: PayoffCreateParams, options?: RequestOptions): Promise<PayoffInfo>;
  /**
   * `POST /v3/payoff/submit/`: sends a created payoff, signed `sha1(id:salt)`. Moves money:
   * never retried automatically.
   * @throws PayValidationError bad params, before any request
   * @throws PayApiError CrystalPay said no, e.g. `Payoff not found` or a wrong signature
   * @throws PayNetworkError no response: check `payoff.info` before submitting again
   * @throws PayResponseError a response that is not the documented JSON
   */
  submit(params: PayoffIdParams, options?: RequestOptions): Promise<PayoffInfo>;
  /**
   * `POST /v3/payoff/cancel/`: cancels a payoff that was not submitted, signed `sha1(id:salt)`.
   * Never retried automatically.
   * @throws PayValidationError bad params, before any request
   * @throws PayApiError CrystalPay said no, e.g. a payoff already submitted
   * @throws PayNetworkError no response: check `payoff.info`
   * @throws PayResponseError a response that is not the documented JSON
   */
  cancel(params: PayoffIdParams, options?: RequestOptions): Promise<PayoffInfo>;
  /**
   * `POST /v3/payoff/info/`: a payoff's state and amounts. A read: retried on 429, 5xx and
   * network failures.
   * @throws PayValidationError bad params, before any request
   * @throws PayApiError CrystalPay said no, e.g. `Payoff not found`
   * @throws PayNetworkError no response after the retries
   * @throws PayResponseError a response that is not the documented JSON
   */
  info(params: PayoffIdParams, options?: RequestOptions): Promise<PayoffInfo>;
}

/** Builds the `payoff` group of a client. */
export function createPayoffApi(context: CrystalPayContext): CrystalPayPayoffApi {
  const payoffResult = result(payoffEntries);
  return {
    create: endpoint(context, {
      path: 'payoff/create/',
      params: payoffCreateParamsSchema,
      result: payoffResult,
      read: false,
      signed: true,
    }),
    submit: endpoint(context, {
      path: 'payoff/submit/',
      params: payoffIdParamsSchema,
      result: payoffResult,
      read: false,
      signed: true,
    }),
    cancel: endpoint(context, {
      path: 'payoff/cancel/',
      params: payoffIdParamsSchema,
      result: payoffResult,
      read: false,
      signed: true,
    }),
    info: endpoint(context, {
      path: 'payoff/info/',
      params: payoffIdParamsSchema,
      result: payoffResult,
      read: true,
    }),
  };
}

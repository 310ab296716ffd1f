import { amountOutput, type RequestOptions } from '@pay/core';
import * as v from 'valibot';
import type { DefinePayinPayoutEndpoint } from './payin-payout-request.ts';
import {
  atLeastOneOf,
  byContact,
  flag,
  idOutput,
  optionalText,
  payload,
  positiveId,
  text,
} from './payin-payout-schemas.ts';

/** `user/api-get-balance` (A4). */
const getBalanceParams = v.strictObject({ balance_user_id: positiveId() });

/**
 * A4: balances keyed by ISO 4217 numeric code, as decimal strings with 8 places
 * (`{ "643": "8726.47000000" }`; the doc's field table still says "number").
 */
const getBalanceResult = payload(v.record(v.string(), amountOutput()));

/** `user/api-create` (A5): registers a Payin-payout user. */
const createParams = v.strictObject({
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

const userFields = {
  id: idOutput(),
  tips_url: optionalText(),
  card_url: optionalText(),
  invite_url: optionalText(),
};

/** A5: the 2019 doc returned the bare id, later ones an object; both read as the object. */
const createResult = payload(
  v.union([
    v.looseObject(userFields),
    v.pipe(
      idOutput(),
      v.transform((id) => ({ id, tips_url: null, card_url: null, invite_url: null })),
    ),
  ]),
);

/** `user/get_user_info_via_dev_key` (A11). */
const getInfoParams = v.pipe(v.strictObject(byContact), atLeastOneOf(['email', 'phone']));

/** A11: the user, or `null` where Payin-payout answers `[]`. */
const getInfoResult = payload(
  v.union([
    v.looseObject({ inner_id: idOutput(), email: optionalText(), phone: optionalText() }),
    v.pipe(
      v.array(v.unknown()),
      v.length(0),
      v.transform(() => null),
    ),
  ]),
);

/** What `user.getBalance()` takes. */
export type UserGetBalanceParams = v.InferInput<typeof getBalanceParams>;
/** What `user.getBalance()` resolves to: `{ '643': '8726.47000000', … }`. */
export type UserGetBalanceResult = v.InferOutput<typeof getBalanceResult>;
/** What `user.create()` takes. */
export type UserCreateParams = v.InferInput<typeof createParams>;
/** What `user.create()` resolves to: the new user's id and links. */
export type UserCreateResult = v.InferOutput<typeof createResult>;
/** What `user.getInfo()` takes. */
export type UserGetInfoParams = v.InferInput<typeof getInfoParams>;
/** What `user.getInfo()` resolves to: the user, or `null` when none matches. */
export type UserGetInfoResult = v.InferOutput<typeof getInfoResult>;

/**
 * `payinPayout.user`: Payin-payout users. Its methods reject with a `PayCallError` (see
 * `@pay/core`); each one's JSDoc adds only what is specific.
 */
export interface PayinPayoutUserApi {
  /**
   * `user/api-get-balance`: a user's balances by ISO 4217 numeric code, as decimal strings.
   * A read: retried.
   */
  getBalance(params: UserGetBalanceParams, options?: RequestOptions): Promise<UserGetBalanceResult>;
  /**
   * `user/api-create`: registers a user. Never retried automatically.
   * @throws PayApiError `providerCode: 'EXIST_IN_SYSTEM'` (registered already)
   */
  create(params: UserCreateParams, options?: RequestOptions): Promise<UserCreateResult>;
  /**
   * `user/get_user_info_via_dev_key`: a user by e-mail or phone; `null` when none matches.
   * A read: retried.
   */
  getInfo(params: UserGetInfoParams, options?: RequestOptions): Promise<UserGetInfoResult>;
}

/** Builds `user`. */
export function createUserApi(define: DefinePayinPayoutEndpoint): PayinPayoutUserApi {
  return {
    getBalance: define({
      operation: 'user/api-get-balance',
      path: 'user/api-get-balance',
      params: getBalanceParams,
      result: getBalanceResult,
      idempotent: true,
      order: ['user_id', 'balance_user_id', 'timestamp'],
    }),
    create: define({
      operation: 'user/api-create',
      path: 'user/api-create',
      params: createParams,
      result: createResult,
      idempotent: false,
      order: [
        'ul',
        'email',
        'phone',
        'username',
        'password',
        'resident',
        'user_id',
        'timestamp',
        'source_registration',
      ],
    }),
    getInfo: define({
      operation: 'user/get_user_info_via_dev_key',
      path: 'user/get_user_info_via_dev_key',
      params: getInfoParams,
      result: getInfoResult,
      idempotent: true,
      order: ['user_id', 'timestamp', 'email', 'phone'],
    }),
  };
}

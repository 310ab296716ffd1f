import type { RequestOptions } from '@pay/core';
import * as v from 'valibot';
import { type CrystalPayContext, endpoint } from './crystalpay-endpoint.ts';
import {
  operationId,
  optionalAmount,
  optionalEnum,
  optionalText,
  result,
  signedAmount,
  text,
} from './crystalpay-schemas.ts';

/** Transfer states (from clients: a finished transfer is `success`). */
export const TRANSFER_STATES = ['created', 'processing', 'failed', 'success', 'canceled'] as const;
/** Transfer types (from clients): to another CrystalPay cash register, or through the system. */
export const TRANSFER_TYPES = ['internal', 'system'] as const;

/** Parameters of `transfer/create/`. */
export const transferCreateParamsSchema = v.strictObject({
  /** Balance to transfer from, e.g. `USDTTRC`. */
  method: text(),
  /** Signed and sent as this exact decimal string. */
  amount: signedAmount(),
  /** The receiving cash register's login. */
  receiver: text(),
  description: v.optional(v.string()),
});
/** What `transfer.create()` takes. */
export type TransferCreateParams = v.InferInput<typeof transferCreateParamsSchema>;

/** Parameters of `transfer/submit/`, `transfer/cancel/` and `transfer/info/`. */
export const transferIdParamsSchema = v.strictObject({ id: operationId() });
/** What `transfer.submit()`, `transfer.cancel()` and `transfer.info()` take. */
export type TransferIdParams = v.InferInput<typeof transferIdParamsSchema>;

const transferEntries = {
  id: v.union([v.string(), v.number()]),
  state: optionalEnum(TRANSFER_STATES),
  type: optionalEnum(TRANSFER_TYPES),
  method: optionalText(),
  amount_currency: optionalText(),
  amount: optionalAmount(),
  sender: optionalText(),
  receiver: optionalText(),
  description: optionalText(),
  created_at: optionalText(),
  final_at: optionalText(),
};
/** A transfer, as `transfer/*` and the transfer history return it. */
export const transferSchema = v.looseObject(transferEntries);
/** A transfer to another cash register: amounts as decimal strings, `null` for unset values. */
export type TransferInfo = v.InferOutput<typeof transferSchema>;

/** The transfer methods (to another cash register): create → submit or cancel, and info. */
export interface CrystalPayTransferApi {
  /**
   * `POST /v3/transfer/create/`: prepares a transfer, signed
   * `sha1(amount:method:receiver:salt)` (unconfirmed). Never retried automatically.
   * @throws PayValidationError bad params, before any request
   * @throws PayApiError CrystalPay said no, e.g. an unknown receiver or a wrong signature
   * @throws PayNetworkError no response: the transfer may exist, check the transfer history
   * @throws PayResponseError a response that is not the documented JSON
   */
  create(params: TransferCreateParams, options?: RequestOptions): Promise<TransferInfo>;
  /**
   * `POST /v3/transfer/submit/`: carries out a created transfer, signed `sha1(id:salt)`
   * (unconfirmed). Moves money: never retried automatically.
   * @throws PayValidationError bad params, before any request
   * @throws PayApiError CrystalPay said no, e.g. an unknown transfer
   * @throws PayNetworkError no response: check `transfer.info` before submitting again
   * @throws PayResponseError a response that is not the documented JSON
   */
  submit(params: TransferIdParams, options?: RequestOptions): Promise<TransferInfo>;
  /**
   * `POST /v3/transfer/cancel/`: drops a created transfer, signed `sha1(id:salt)` (unconfirmed).
   * Never retried automatically.
   * @throws PayValidationError bad params, before any request
   * @throws PayApiError CrystalPay said no, e.g. a transfer already done
   * @throws PayNetworkError no response: check `transfer.info`
   * @throws PayResponseError a response that is not the documented JSON
   */
  cancel(params: TransferIdParams, options?: RequestOptions): Promise<TransferInfo>;
  /**
   * `POST /v3/transfer/info/`: a transfer's state and amounts. A read: retried on 429, 5xx and
   * network failures.
   * @throws PayValidationError bad params, before any request
   * @throws PayApiError CrystalPay said no, e.g. an unknown transfer
   * @throws PayNetworkError no response after the retries
   * @throws PayResponseError a response that is not the documented JSON
   */
  info(params: TransferIdParams, options?: RequestOptions): Promise<TransferInfo>;
}

/** Builds the `transfer` group of a client. */
export function createTransferApi(context: CrystalPayContext): CrystalPayTransferApi {
  const transferResult = result(transferEntries);
  const money = { result: transferResult, read: false, signed: true } as const;
  return {
    create: endpoint(context, {
      path: 'transfer/create/',
      params: transferCreateParamsSchema,
      ...money,
    }),
    submit: endpoint(context, {
      path: 'transfer/submit/',
      params: transferIdParamsSchema,
      ...money,
    }),
    cancel: endpoint(context, {
      path: 'transfer/cancel/',
      params: transferIdParamsSchema,
      ...money,
    }),
    info: endpoint(context, {
      path: 'transfer/info/',
      params: transferIdParamsSchema,
      result: transferResult,
      read: true,
    }),
  };
}

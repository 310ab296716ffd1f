import type { DefineEndpoint, RequestOptions } from '@pay/core';
import * as v from 'valibot';
import { type CrystalPayEndpointExtras, defineTwoStepGroup } from './crystalpay-request.ts';
import {
  operationId,
  optionalAmount,
  optionalEnum,
  optionalText,
  signedAmount,
  text,
} from './crystalpay-schemas.ts';

/** Transfer states (from clients: a finished transfer is `success`). */
export const TRANSFER_STATES = ['created', 'processing', 'failed', 'success', 'canceled'] as const;
/** Transfer types (from clients): to another CrystalPay cash register, or through the system. */
export const TRANSFER_TYPES = ['internal', 'system'] as const;

/** Parameters of `transfer/create/`. */
const transferCreateParamsSchema = v.strictObject({
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

/** Parameters of `transfer/submit/`, `transfer/cancel/` and `transfer/info/`: the transfer's id. */
const transferIdParamsSchema = v.strictObject({ id: operationId() });
/** What `transfer.submit()` takes: the id `transfer.create()` returned. */
export type TransferSubmitParams = v.InferInput<typeof transferIdParamsSchema>;
/** What `transfer.cancel()` takes: the id of a transfer not yet submitted. */
export type TransferCancelParams = v.InferInput<typeof transferIdParamsSchema>;
/** What `transfer.info()` takes. */
export type TransferInfoParams = v.InferInput<typeof transferIdParamsSchema>;

/** A transfer, as `transfer/*` and the transfer history return it. */
export const transferSchema = v.looseObject({
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
});
/**
 * A transfer to another cash register, as every `transfer.*()` method and
 * `report.transfer.history()` return it: amounts as decimal strings, `null` for unset values.
 */
export type Transfer = v.InferOutput<typeof transferSchema>;
/** `state` of a transfer: one of {@link TRANSFER_STATES}, or a state CrystalPay adds later. */
export type TransferState = NonNullable<Transfer['state']>;

/**
 * The transfer methods (to another cash register): create → submit or cancel, and info. The
 * money-moving calls are signed (formulas unconfirmed, see `signedFields`) and never retried:
 * after a `PayNetworkError`, look the transfer up before sending again. Each method rejects with
 * a `PayCallError` (see `@pay/core`).
 */
export interface CrystalPayTransferApi {
  /**
   * `POST /v3/transfer/create/`: prepares a transfer, signed `sha1(amount:method:receiver:salt)`
   * (a guess).
   */
  create(params: TransferCreateParams, options?: RequestOptions): Promise<Transfer>;
  /** `POST /v3/transfer/submit/`: carries out a created transfer, signed `sha1(id:salt)` (a guess). */
  submit(params: TransferSubmitParams, options?: RequestOptions): Promise<Transfer>;
  /** `POST /v3/transfer/cancel/`: drops a created transfer, signed `sha1(id:salt)` (a guess). */
  cancel(params: TransferCancelParams, options?: RequestOptions): Promise<Transfer>;
  /** `POST /v3/transfer/info/`: a transfer's state and amounts. A read: retried. */
  info(params: TransferInfoParams, options?: RequestOptions): Promise<Transfer>;
}

/** Builds the `transfer` group of a client. */
export function createTransferApi(
  define: DefineEndpoint<CrystalPayEndpointExtras>,
): CrystalPayTransferApi {
  return defineTwoStepGroup(define, 'transfer', {
    create: transferCreateParamsSchema,
    id: transferIdParamsSchema,
    result: transferSchema,
  });
}

import { amountOutput, type DefineEndpoint, type RequestOptions } from '@pay/core';
import * as v from 'valibot';
import type { CryptoCloudEndpoint } from './cryptocloud-request.ts';
import { dottedDate, successResult } from './cryptocloud-schemas.ts';

/** Parameters of `invoice/merchant/statistics`. */
const statisticsParamsSchema = v.strictObject({
  /** First day, `dd.mm.yyyy`. */
  start: dottedDate(),
  /** Last day, `dd.mm.yyyy`. */
  end: dottedDate(),
});

/** What `statistics()` takes. */
export type StatisticsParams = v.InferInput<typeof statisticsParamsSchema>;

const perStatus = <TSchema extends v.GenericSchema>(value: () => TSchema) =>
  v.looseObject({
    all: v.optional(v.nullable(value())),
    created: v.optional(v.nullable(value())),
    paid: v.optional(v.nullable(value())),
    overpaid: v.optional(v.nullable(value())),
    partial: v.optional(v.nullable(value())),
    canceled: v.optional(v.nullable(value())),
  });

/** The `invoice/merchant/statistics` response, read down to its counts and USD amounts. */
const statisticsResultSchema = successResult(
  v.looseObject({
    /** Invoices per status. */
    count: perStatus(() => v.number()),
    /** USD amounts per status, as decimal strings. */
    amount: perStatus(amountOutput),
  }),
);

/** What `statistics()` returns. */
export type StatisticsResult = v.InferOutput<typeof statisticsResultSchema>;

/** `client.statistics`: a root method; it rejects with a `PayCallError` (see `@pay/core`). */
export type CryptoCloudStatisticsApi = (
  params: StatisticsParams,
  options?: RequestOptions,
) => Promise<StatisticsResult>;

/**
 * Builds `client.statistics`: `POST /v2/invoice/merchant/statistics`, under `invoice/` (a known
 * client calls `/merchant/statistics`, which does not exist). A read: retried.
 */
export function createStatisticsApi(
  endpoint: DefineEndpoint<CryptoCloudEndpoint>,
): CryptoCloudStatisticsApi {
  return endpoint({
    operation: 'invoice/merchant/statistics',
    path: 'v2/invoice/merchant/statistics',
    params: statisticsParamsSchema,
    result: statisticsResultSchema,
    idempotent: true,
  });
}

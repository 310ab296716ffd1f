import * as v from 'valibot';
import type { ReadMethod } from './anymoney-merchant.ts';
import { resultFields } from './anymoney-results.ts';
import { noParams, type Rpc } from './anymoney-rpc.ts';

const { amount, flag, optional, scalar } = resultFields;

/** `info.currencies`: currency → limits and precision. */
const currenciesSchema = v.record(
  v.string(),
  v.looseObject({
    admin_max: amount(),
    admin_min: amount(),
    is_crypto: flag(),
    /** The smallest step, e.g. `"0.01"`. */
    precision: scalar(),
  }),
);

/** One exchange direction of `info.exchanges`. */
const exchangeSchema = v.looseObject({
  fee: amount(),
  i_rate: optional(v.array(v.union([v.string(), v.number()]))),
  in_curr: optional(v.string()),
  in_max: amount(),
  in_min: amount(),
  out_curr: optional(v.string()),
  out_max: amount(),
  out_min: amount(),
  rate: optional(v.array(v.union([v.string(), v.number()]))),
  ratesource: optional(v.string()),
});

// The docs describe the directions' fields but not their container: a list or a keyed object
// are both accepted.
const exchangesSchema = v.union([v.array(exchangeSchema), v.record(v.string(), exchangeSchema)]);

/** `info.currencies` result. */
export type InfoCurrencies = v.InferOutput<typeof currenciesSchema>;
/** `info.exchanges` result: a list of directions, or directions by key. */
export type InfoExchanges = v.InferOutput<typeof exchangesSchema>;

/** The info model: reference data. Both methods take no params and may be retried. */
export interface InfoMethods {
  /** `info.currencies`: every active currency with its limits and precision. */
  currencies: ReadMethod<Record<string, never>, InfoCurrencies>;
  /** `info.exchanges`: the available conversion directions, rates and limits. */
  exchanges: ReadMethod<Record<string, never>, InfoExchanges>;
}

/** Builds `info.*` on a client's RPC sender. */
export function createInfoMethods(rpc: Rpc): InfoMethods {
  const read = { idempotent: true };
  return {
    currencies: rpc.method('info.currencies', noParams, currenciesSchema, read),
    exchanges: rpc.method('info.exchanges', noParams, exchangesSchema, read),
  };
}

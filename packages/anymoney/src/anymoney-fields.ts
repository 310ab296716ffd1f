import {
  amountInput,
  checkTimedeltaRange,
  formatTimedelta,
  httpUrlInput,
  PayValidationError,
  parseTimedelta,
} from '@pay/core';
import * as v from 'valibot';

// Input field schemas. AnyMoney takes every param as a string or a boolean (JSON-RPC limits in
// the "auth" docs), so each schema's output is the exact string that is signed and sent.

/** A text param that must not be empty. */
export const text = () => v.pipe(v.string(), v.nonEmpty('must not be empty'));

/** A currency code such as `UAH` or `BTC`. */
export const currency = () =>
  v.pipe(v.string(), v.regex(/^[A-Za-z0-9_]{2,16}$/, 'must be a currency code like UAH or BTC'));

/** An identifier (`externalid`, `tgt`, `addr_id`): text, or a whole number sent as its digits. */
export const identifier = () =>
  v.union(
    [
      text(),
      v.pipe(
        v.number(),
        v.safeInteger('must be a whole number or a string'),
        v.minValue(0, 'must not be negative'),
        v.transform(String),
      ),
    ],
    'must be a non-empty string or a whole number',
  );

/** A non-negative whole number (`first`, timestamps), sent as its digits. */
export const digits = () =>
  v.union(
    [
      v.pipe(v.string(), v.regex(/^\d+$/, 'must be a whole number like "20"')),
      v.pipe(v.number(), v.safeInteger(), v.minValue(0), v.transform(String)),
    ],
    'must be a whole number (string or number) of 0 or more',
  );

/** `count` of the list methods: 1..200 (the docs' limit), sent as its digits. */
export const pageSize = () =>
  v.pipe(
    digits(),
    v.check((value) => Number(value) >= 1 && Number(value) <= 200, 'must be from 1 to 200'),
  );

/** An absolute http(s) URL, sent exactly as given (its case is signed lower-cased, as sent). */
export const httpUrl = httpUrlInput;

/** An e-mail address, sent as given. */
export const email = () => v.pipe(v.string(), v.email('must be an e-mail address'));

/** `lifetime` bounds from the invoice docs: "3600s".."7d". */
export const LIFETIME_RANGE = { min: 3_600_000, max: 604_800_000 } as const;

/**
 * `lifetime`: a timedelta string (`"1d12h"`, `"3600"`), checked with @pay/core's parser and
 * sent as given, or a number of milliseconds, written in timedelta form (`604800000` → `1w`).
 * Either way 1 hour to 7 days inclusive.
 */
export const lifetime = () =>
  v.pipe(
    v.union([v.string(), v.number()], 'must be a timedelta string like "1d12h" or milliseconds'),
    v.rawTransform(({ dataset, addIssue, NEVER }) => {
      try {
        const value = dataset.value;
        const milliseconds = typeof value === 'string' ? parseTimedelta(value) : value;
        checkTimedeltaRange(milliseconds, LIFETIME_RANGE);
        return typeof value === 'string' ? value : formatTimedelta(value);
      } catch (error) {
        if (!PayValidationError.isInstance(error)) throw error;
        addIssue({ message: error.issues[0]?.message ?? error.message });
        return NEVER;
      }
    }),
  );

/** The decimal separator amounts are written with. */
export type DecimalSeparator = '.' | ',';

/** Schema builders whose output depends on the client's `decimalSeparator` setting. */
export interface DecimalFields {
  /** An amount above zero, written canonically (`"1000.25"`, or `"1000,25"` with `','`). */
  amount(): v.GenericSchema<string | number, string>;
  /** `merchant_payfee`: a share of the fee from 0 to 1 with at most two decimals. */
  payfee(): v.GenericSchema<string | number, string>;
}

/** The amount schemas for one separator. */
export function decimalFields(separator: DecimalSeparator): DecimalFields {
  return {
    amount: () => amountInput({ separator }),
    payfee: () =>
      v.pipe(
        amountInput({ separator, allowZero: true, maxDecimals: 2 }),
        v.check(
          (value) => /^0(?:[.,]\d+)?$/.test(value) || value === '1',
          'must be from 0 to 1 (a share: 0.35 = 35 %)',
        ),
      ),
  };
}

/** Params of the `*.get` methods and `status`: your order id. */
export const externalIdSchema = v.strictObject({ externalid: identifier() });

/** Params of the `*.get` methods and `status`. */
export type ExternalIdParams = v.InferInput<typeof externalIdSchema>;

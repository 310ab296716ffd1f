import { amountInput, amountOutput, httpUrlInput, openEnum } from '@pay/core';
import * as v from 'valibot';

// Building blocks shared by every group. Inputs are strict (an unknown or misspelt field is an
// error before anything is sent); results are lenient (unknown fields pass through, documented
// fields the provider leaves out or sends as `null` become `null`).

/** A text field that must not be empty when given. */
export const text = () => v.pipe(v.string(), v.nonEmpty('must not be empty'));

/** An absolute http(s) URL. */
export const httpUrl = httpUrlInput;

/** A whole number from `min` up (pages, page sizes, periods, pair ids). */
export const wholeNumber = (min: number) =>
  v.pipe(v.number(), v.safeInteger('must be a whole number'), v.minValue(min));

/**
 * An amount that is signed: `string | number` in, the canonical decimal string out. It is sent
 * as that JSON string, so the bytes CrystalPay receives are the bytes that were hashed.
 */
export const signedAmount = () => amountInput();

/**
 * An id of a payoff, swap or transfer: clients disagree whether CrystalPay's ids are strings or
 * numbers (transfers), so both are accepted and sent as given; the signature uses its digits.
 */
export const operationId = () =>
  v.union(
    [text(), v.pipe(v.number(), v.safeInteger(), v.minValue(0))],
    'must be a non-empty string or a whole number',
  );

/** A string the provider may send as `null` (unset) or leave out. */
export const optionalText = () => v.optional(v.nullable(v.string()), null);
/** An amount (kept as its decimal string) the provider may send as `null` or leave out. */
export const optionalAmount = () => v.optional(v.nullable(amountOutput()), null);
/** A boolean the provider may send as `null` or leave out. */
export const optionalBoolean = () => v.optional(v.nullable(v.boolean()), null);
/** An id or a count the provider sends as a string or a number (kept as sent), or leaves out. */
export const optionalScalar = () => v.optional(v.nullable(v.union([v.string(), v.number()])), null);
/** A nested object the provider may send as `null` or leave out. */
export const optionalObject = <TEntries extends v.ObjectEntries>(entries: TEntries) =>
  v.optional(v.nullable(v.looseObject(entries)), null);

/**
 * An optional enum field: core's `openEnum` (documented values typed, anything else passes through
 * as `Undocumented`), `null` when unset.
 */
export const optionalEnum = <const TValue extends string>(documented: readonly TValue[]) =>
  v.optional(v.nullable(openEnum(documented)), null);

/**
 * A map keyed by method or pair id. CrystalPay (PHP) sends an empty map as `[]`, so an empty
 * array becomes `{}`.
 */
export const keyedItems = <TItem extends v.GenericSchema>(item: TItem) =>
  v.optional(
    v.union([
      v.record(v.string(), item),
      v.pipe(
        v.tuple([]),
        v.transform((): Record<string, v.InferOutput<TItem>> => ({})),
      ),
    ]),
    (): Record<string, v.InferOutput<TItem>> => ({}),
  );

/**
 * A list of records. Histories are documented as arrays; an object keyed by id (how CrystalPay
 * sends its other maps) is taken as the list of its values rather than refused.
 */
export const listItems = <TItem extends v.GenericSchema>(item: TItem) =>
  v.optional(
    v.union([
      v.array(item),
      v.pipe(
        v.record(v.string(), item),
        v.transform((items): v.InferOutput<TItem>[] => Object.values(items)),
      ),
    ]),
    (): v.InferOutput<TItem>[] => [],
  );

/** No parameters besides the credentials: nothing or `{}` is accepted. */
export const noParams = () => v.optional(v.strictObject({}), {});

/** Invoice type: `purchase` (a payment for goods) or `topup` (a balance top-up). */
export const INVOICE_TYPES = ['purchase', 'topup'] as const;
/** Where the commission is taken from: the `amount` (default) or the merchant `balance`. */
export const SUBTRACT_FROM = ['amount', 'balance'] as const;

/** Input schema for `type`. */
export const invoiceTypeSchema = v.picklist(INVOICE_TYPES);
/** Input schema for `subtract_from`. */
export const subtractFromSchema = v.picklist(SUBTRACT_FROM);

/** `type` of an invoice. */
export type InvoiceType = (typeof INVOICE_TYPES)[number];
/** `subtract_from` of an invoice or payoff. */
export type SubtractFrom = (typeof SUBTRACT_FROM)[number];

import { amountOutput, type OpenEnum, openEnum } from '@pay/core';
import * as v from 'valibot';

// Schema helpers shared by the groups. Inputs are strict: an unknown or misspelt field is an
// error before anything is sent, and every value leaves as the exact text that goes into the
// form (Bitsby's form fields are text). Results are lenient: unknown fields pass through,
// documented fields may be missing or null (Bitsby's docs differ between versions), and a
// missing field stays missing. Money stays a decimal string; a JSON number becomes one.

/** A UUID such as Bitsby's project and invoice ids. */
export const uuid = () => v.pipe(v.string(), v.uuid('must be a UUID'));
/** A non-empty text field. */
export const text = () => v.pipe(v.string(), v.nonEmpty('must not be empty'));
const count = (min: number) =>
  v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(min));
/** `Y-m-d`, as the list and statistics filters take dates. */
export const date = () =>
  v.pipe(
    v.string(),
    v.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD'),
    // Runs even when the pattern failed (valibot reports every issue), so it must not throw.
    v.check((value) => {
      const time = Date.parse(`${value}T00:00:00Z`);
      return !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
    }, 'must be a real calendar date'),
  );
/** `offset` / `limit` of the list calls; Bitsby's defaults are 0 and 10. */
export const paging = { offset: v.optional(count(0)), limit: v.optional(count(1)) };

/** Text Bitsby may leave out or send as `null`. */
export const optionalText = () => v.optional(v.nullable(v.string()));
/** A decimal string (or a JSON number, made a string) Bitsby may leave out or send as `null`. */
export const optionalAmount = () => v.optional(v.nullable(amountOutput()));
/** Ids whose type the docs do not state (wallets, payments, tariffs): string or number. */
export const optionalId = () => v.optional(v.nullable(v.union([v.string(), v.number()])));

/** A wallet a payment went to (in payments and webhooks). */
export const walletSchema = v.looseObject({
  id: optionalId(),
  /** e.g. `usdt-tron`. */
  name: optionalText(),
  /** e.g. `tron`, `ethereum`, `bnbSmartChain`, `bitcoin`. */
  blockchain: optionalText(),
  /** e.g. `usdt`, `eth`, `btc`. */
  cryptocurrency: optionalText(),
  address: optionalText(),
});

/** Invoice statuses Bitsby documents (`invoices/list`'s `status` filter and its list items). */
export const INVOICE_STATUSES = ['unpaid', 'canceled', 'paid', 'expired'] as const;

/**
 * An invoice's status: one of {@link INVOICE_STATUSES}, or (typed `Undocumented`) a status
 * Bitsby adds later, passed through unchanged.
 */
export type InvoiceStatus = OpenEnum<(typeof INVOICE_STATUSES)[number]>;

/** A status as Bitsby sends it: documented values typed, anything else passed through. */
export const invoiceStatus = () => openEnum(INVOICE_STATUSES);

/**
 * One invoice as `invoices/list` shows it (also inside payments and webhook confirmations). The
 * ids, the amount, the currency and the status are in every list item the docs show: required.
 */
export const invoiceSchema = v.looseObject({
  id: v.string(),
  uid: v.string(),
  projectId: v.string(),
  createDatetime: optionalText(),
  timeToPayDatetime: optionalText(),
  commissionFiatUSD: optionalAmount(),
  amountFiatUSD: optionalAmount(),
  amountFiat: amountOutput(),
  currencyFiat: v.string(),
  description: optionalText(),
  /** Usually the text you sent; its type in list answers is not documented. */
  serviceData: v.optional(v.unknown()),
  /** How often the payment page was opened; cancelling needs 0. */
  views: v.optional(v.nullable(v.union([v.number(), v.string()]))),
  /** `unpaid`, `canceled`, `paid` or `expired` (an undocumented status passes through). */
  status: invoiceStatus(),
});

/** An invoice as `invoices.list()` and `invoices.get()` return it. */
export type Invoice = v.InferOutput<typeof invoiceSchema>;

/** Calls that take no parameters accept nothing or `{}`. */
export const noParams = v.optional(v.strictObject({}), {});

import { amountInput, toDecimalString } from '@pay/core';
import * as v from 'valibot';

// Inputs are strict: an unknown or misspelt field is an error before anything is sent. Every
// value leaves as the exact string that goes into the form (Bitsby's form fields are text).
// Results are in bitsby-result-schemas.ts.

/** A UUID such as Bitsby's project and invoice ids. */
export const uuid = () => v.pipe(v.string(), v.uuid('must be a UUID'));
const text = () => v.pipe(v.string(), v.nonEmpty('must not be empty'));
const count = (min: number) =>
  v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(min));
/** `Y-m-d`, as the list and statistics filters take dates. */
const date = () =>
  v.pipe(
    v.string(),
    v.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD'),
    // Runs even when the pattern failed (valibot reports every issue), so it must not throw.
    v.check((value) => {
      const time = Date.parse(`${value}T00:00:00Z`);
      return !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
    }, 'must be a real calendar date'),
  );
const paging = { offset: v.optional(count(0)), limit: v.optional(count(1)) };

/** The fiat currencies an invoice may be priced in. */
export const currencyFiatSchema = v.picklist(['USD', 'EUR', 'RUB'], 'must be USD, EUR or RUB');
/** Invoice statuses Bitsby documents. */
export const invoiceStatusSchema = v.picklist(['unpaid', 'canceled', 'paid', 'expired']);

const TIME_TO_PAY_HOURS = ['0.5', '1', '3', '6', '12'];

/** Hours to pay: one of 0.5, 1, 3, 6, 12, as a number or a string; sent as a decimal string. */
const timeToPay = () =>
  v.pipe(
    v.union([v.string(), v.number()], 'must be one of 0.5, 1, 3, 6, 12 (hours)'),
    v.rawTransform(({ dataset, addIssue, NEVER }) => {
      let hours: string | undefined;
      try {
        hours = toDecimalString(dataset.value, { field: 'timeToPay' });
      } catch {
        hours = undefined;
      }
      if (hours !== undefined && TIME_TO_PAY_HOURS.includes(hours)) return hours;
      addIssue({ message: 'must be one of 0.5, 1, 3, 6, 12 (hours)' });
      return NEVER;
    }),
  );

/** Your data for the webhook: a string as is, or an object sent as its JSON text. */
const serviceData = () =>
  v.pipe(
    v.union(
      [v.string(), v.record(v.string(), v.unknown())],
      'must be a string or a JSON-serialisable object',
    ),
    v.rawTransform(({ dataset, addIssue, NEVER }) => {
      if (typeof dataset.value === 'string') return dataset.value;
      try {
        return JSON.stringify(dataset.value);
      } catch {
        addIssue({ message: 'must be a JSON-serialisable object' });
        return NEVER;
      }
    }),
  );

/** Parameters of `invoices/create` (the seed doc). */
export const invoiceCreateParamsSchema = v.strictObject({
  /** The project (UUID). Default: the client's `projectId` setting. */
  projectId: v.optional(uuid()),
  /** Price in `currencyFiat`, string or number; sent as exactly this decimal. */
  amountFiat: amountInput(),
  currencyFiat: currencyFiatSchema,
  /** Shown to the buyer on the payment page. */
  description: v.optional(v.string()),
  /** Hidden from the buyer, echoed in the webhook. A string, or an object sent as JSON. */
  serviceData: v.optional(serviceData()),
  /** Hours the buyer has to pay: 0.5, 1, 3, 6 or 12. */
  timeToPay: timeToPay(),
});

/** Filters of `invoices/list`, all optional. */
export const invoiceListParamsSchema = v.optional(
  v.strictObject({
    invoiceId: v.optional(uuid()),
    /** The short buyer-facing id, e.g. `MXNj4m8HhcM4`. */
    invoiceUid: v.optional(text()),
    projectId: v.optional(uuid()),
    startDate: v.optional(date()),
    endDate: v.optional(date()),
    status: v.optional(invoiceStatusSchema),
    /** Default on Bitsby's side: offset 0, limit 10. */
    ...paging,
  }),
  {},
);

/** `invoices.get`: exactly one of `invoiceId` or `invoiceUid`. */
export const invoiceGetParamsSchema = v.pipe(
  v.strictObject({ invoiceId: v.optional(uuid()), invoiceUid: v.optional(text()) }),
  v.check(
    (params) => (params.invoiceId === undefined) !== (params.invoiceUid === undefined),
    'pass exactly one of `invoiceId` or `invoiceUid`',
  ),
);

/** Parameters of `invoices/cancel`. */
export const invoiceCancelParamsSchema = v.strictObject({ invoiceId: uuid() });

/** Parameters of `invoices/bindPayment`: attach a payment (e.g. an off-amount one) to an invoice. */
export const invoiceBindPaymentParamsSchema = v.strictObject({
  invoiceId: uuid(),
  paymentId: text(),
});

/** Filters of `payments/list`, all optional. */
export const paymentListParamsSchema = v.optional(
  v.strictObject({
    walletId: v.optional(text()),
    invoiceId: v.optional(uuid()),
    startDate: v.optional(date()),
    endDate: v.optional(date()),
    ...paging,
  }),
  {},
);

/** `billing/history` paging, optional. */
export const billingHistoryParamsSchema = v.optional(v.strictObject(paging), {});

/** Calls that take no parameters accept nothing or `{}`. */
export const noParamsSchema = v.optional(v.strictObject({}), {});

/** `statistics/invoices` period, optional. */
export const statisticsInvoicesParamsSchema = v.optional(
  v.strictObject({ startDate: v.optional(date()), endDate: v.optional(date()) }),
  {},
);

/** What `invoices.create()` takes. */
export type InvoiceCreateParams = v.InferInput<typeof invoiceCreateParamsSchema>;
/** What `invoices.list()` takes. */
export type InvoiceListParams = v.InferInput<typeof invoiceListParamsSchema>;
/** What `invoices.get()` takes. */
export type InvoiceGetParams = v.InferInput<typeof invoiceGetParamsSchema>;
/** What `invoices.cancel()` takes. */
export type InvoiceCancelParams = v.InferInput<typeof invoiceCancelParamsSchema>;
/** What `invoices.bindPayment()` takes. */
export type InvoiceBindPaymentParams = v.InferInput<typeof invoiceBindPaymentParamsSchema>;
/** What `payments.list()` takes. */
export type PaymentListParams = v.InferInput<typeof paymentListParamsSchema>;
/** What `billing.history()` takes. */
export type BillingHistoryParams = v.InferInput<typeof billingHistoryParamsSchema>;
/** What the calls without parameters take: nothing, or `{}`. */
export type NoParams = v.InferInput<typeof noParamsSchema>;
/** What `statistics.invoices()` takes. */
export type StatisticsInvoicesParams = v.InferInput<typeof statisticsInvoicesParamsSchema>;

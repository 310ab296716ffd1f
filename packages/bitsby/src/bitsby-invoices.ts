import {
  amountInput,
  type DefineEndpoint,
  PayValidationError,
  type RequestOptions,
  toDecimalString,
} from '@pay/core';
import * as v from 'valibot';
import { type BitsbyEndpointExtra, type Fields, PROVIDER, toFields } from './bitsby-request.ts';
import {
  date,
  INVOICE_STATUSES,
  type Invoice,
  invoiceSchema,
  optionalAmount,
  optionalText,
  paging,
  text,
  uuid,
  walletSchema,
} from './bitsby-schemas.ts';

/** The fiat currencies an invoice may be priced in. */
const currencyFiatSchema = v.picklist(['USD', 'EUR', 'RUB'], 'must be USD, EUR or RUB');
/** The list filter takes only the statuses Bitsby documents. */
const invoiceStatusSchema = v.picklist(INVOICE_STATUSES);

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

const invoicesCreateParamsSchema = v.strictObject({
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

const invoicesListParamsSchema = v.optional(
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

const invoicesGetParamsSchema = v.pipe(
  v.strictObject({ invoiceId: v.optional(uuid()), invoiceUid: v.optional(text()) }),
  v.check(
    (params) => (params.invoiceId === undefined) !== (params.invoiceUid === undefined),
    'pass exactly one of `invoiceId` or `invoiceUid`',
  ),
);

const invoicesCancelParamsSchema = v.strictObject({ invoiceId: uuid() });

const invoicesBindPaymentParamsSchema = v.strictObject({
  invoiceId: uuid(),
  paymentId: text(),
});

const invoicesCreateResultSchema = v.looseObject({
  id: v.string(),
  /** The short buyer-facing id. */
  uid: v.string(),
  /** UTC, `YYYY-MM-DD HH:MM:SS`. */
  createDatetime: optionalText(),
  /** UTC: the buyer must pay before this. */
  timeToPayDatetime: optionalText(),
  commissionFiatUSD: optionalAmount(),
  /** The amount in USD at the rate when the invoice was created. */
  amountFiatUSD: optionalAmount(),
  /** The payment page: send the buyer here. */
  url: v.string(),
  /** An older doc version returns the wallets to pay to instead of the commission fields. */
  wallets: v.optional(
    v.nullable(v.array(v.looseObject({ ...walletSchema.entries, amountCrypto: optionalAmount() }))),
  ),
});

/** `invoices/cancel` and `invoices/bindPayment` answer with a sentence, e.g. `Invoice canceled`. */
const messageResultSchema = v.string();

/** What `invoices.create()` takes. */
export type InvoicesCreateParams = v.InferInput<typeof invoicesCreateParamsSchema>;
/** What `invoices.list()` takes: filters, all optional. */
export type InvoicesListParams = v.InferInput<typeof invoicesListParamsSchema>;
/** What `invoices.get()` takes: exactly one of `invoiceId` or `invoiceUid`. */
export type InvoicesGetParams = v.InferInput<typeof invoicesGetParamsSchema>;
/** What `invoices.cancel()` takes. */
export type InvoicesCancelParams = v.InferInput<typeof invoicesCancelParamsSchema>;
/** What `invoices.bindPayment()` takes: the invoice and the payment (e.g. an off-amount one). */
export type InvoicesBindPaymentParams = v.InferInput<typeof invoicesBindPaymentParamsSchema>;
/** What `invoices.create()` returns: the documented `data`, amounts as decimal strings. */
export type InvoicesCreateResult = v.InferOutput<typeof invoicesCreateResultSchema>;

/**
 * `client.invoices`: Bitsby's `invoices/*` calls. Every method rejects with a `PayCallError`
 * (see `@pay/core`); what is specific to a method is said on it.
 */
export interface BitsbyInvoicesApi {
  /**
   * `POST /invoices/create`: creates an invoice and returns its ids and payment page `url`.
   * Never retried, not even after "Requests too frequent" (a `PayApiError` whose `retryable` is
   * true: nothing was created). A `PayValidationError` too when neither the call nor the
   * settings name a `projectId`.
   */
  create(params: InvoicesCreateParams, options?: RequestOptions): Promise<InvoicesCreateResult>;
  /**
   * `POST /invoices/list`: invoices matching the filters (all optional; Bitsby pages by 10).
   * A read: retried.
   */
  list(params?: InvoicesListParams, options?: RequestOptions): Promise<Invoice[]>;
  /**
   * One invoice by `invoiceId` or `invoiceUid`, through `invoices/list` (Bitsby has no "get").
   * Resolves to `null` when Bitsby lists no invoice with that id. A read: retried.
   */
  get(params: InvoicesGetParams, options?: RequestOptions): Promise<Invoice | null>;
  /**
   * `POST /invoices/cancel`: resolves to Bitsby's message (`Invoice canceled`). Bitsby cancels
   * only unpaid invoices whose payment page has 0 views. Never retried.
   */
  cancel(params: InvoicesCancelParams, options?: RequestOptions): Promise<string>;
  /**
   * `POST /invoices/bindPayment`: attaches a payment (e.g. one for the wrong amount) to an
   * invoice; resolves to Bitsby's message (`Invoice binded to payment`). Never retried.
   */
  bindPayment(params: InvoicesBindPaymentParams, options?: RequestOptions): Promise<string>;
}

/** Builds `client.invoices`; `projectId` is the client's default project, if set. */
export function createBitsbyInvoices(
  define: DefineEndpoint<BitsbyEndpointExtra>,
  settings: { projectId: string | undefined },
): BitsbyInvoicesApi {
  return {
    create: define({
      operation: 'invoices/create',
      path: 'invoices/create',
      params: invoicesCreateParamsSchema,
      result: invoicesCreateResultSchema,
      idempotent: false,
      toFields: (input: v.InferOutput<typeof invoicesCreateParamsSchema>): Fields => {
        const projectId = input.projectId ?? settings.projectId;
        if (projectId === undefined) {
          // Not a schema rule: whether it is required depends on the client's settings.
          throw new PayValidationError(
            [
              {
                path: 'projectId',
                message: 'is required: pass it or set `projectId` in the settings',
              },
            ],
            { provider: PROVIDER, operation: 'invoices/create' },
          );
        }
        // The docs' `curl -F` order, the project first (a spread keeps the first key's place).
        return toFields({ projectId, ...input });
      },
    }),
    list: define({
      operation: 'invoices/list',
      path: 'invoices/list',
      params: invoicesListParamsSchema,
      result: v.array(invoiceSchema),
      idempotent: true,
    }),
    get: define({
      operation: 'invoices/list',
      path: 'invoices/list',
      params: invoicesGetParamsSchema,
      result: v.array(invoiceSchema),
      idempotent: true,
      // Matched by id rather than taking the first item: should Bitsby ever ignore the filter,
      // this still never returns somebody else's invoice.
      select: (invoices, input) =>
        invoices.find((invoice) =>
          input.invoiceId !== undefined
            ? invoice.id === input.invoiceId
            : invoice.uid === input.invoiceUid,
        ) ?? null,
    }),
    cancel: define({
      operation: 'invoices/cancel',
      path: 'invoices/cancel',
      params: invoicesCancelParamsSchema,
      result: messageResultSchema,
      idempotent: false,
    }),
    bindPayment: define({
      operation: 'invoices/bindPayment',
      path: 'invoices/bindPayment',
      params: invoicesBindPaymentParamsSchema,
      result: messageResultSchema,
      idempotent: false,
    }),
  };
}

import { PayValidationError, type RequestOptions } from '@pay/core';
import { type BitsbyCall, defineMethod, PROVIDER, parseParams, toFields } from './bitsby-call.ts';
import {
  type Invoice,
  type InvoiceCreateResult,
  invoiceCreateResultSchema,
  invoiceListResultSchema,
  messageResultSchema,
} from './bitsby-result-schemas.ts';
import {
  type InvoiceBindPaymentParams,
  type InvoiceCancelParams,
  type InvoiceCreateParams,
  type InvoiceGetParams,
  type InvoiceListParams,
  invoiceBindPaymentParamsSchema,
  invoiceCancelParamsSchema,
  invoiceCreateParamsSchema,
  invoiceGetParamsSchema,
  invoiceListParamsSchema,
} from './bitsby-schemas.ts';

/** `client.invoices`: Bitsby's `invoices/*` calls. */
export interface BitsbyInvoices {
  /**
   * `POST /invoices/create`: creates an invoice and returns its ids and payment page `url`.
   * Sent exactly once: never retried, not even after "Requests too frequent".
   * @throws PayValidationError bad params, or no `projectId` here nor in the settings; nothing sent
   * @throws PayApiError Bitsby said no (`result: "error"`); `retryable` is true for "Requests too
   *   frequent", when nothing was created
   * @throws PayNetworkError no response (timeout, reset, abort): the invoice may exist, check
   *   `invoices.list` before creating again
   * @throws PayResponseError a response that is not the documented JSON
   */
  create(params: InvoiceCreateParams, options?: RequestOptions): Promise<InvoiceCreateResult>;
  /**
   * `POST /invoices/list`: invoices matching the filters (all optional; Bitsby pages by 10).
   * A read: retried after "Requests too frequent", 429, 5xx or a network failure.
   * @throws PayValidationError bad filters, before any request
   * @throws PayApiError Bitsby said no (after the retries)
   * @throws PayNetworkError no response (after the retries), or aborted
   * @throws PayResponseError a response that is not the documented JSON
   */
  list(params?: InvoiceListParams, options?: RequestOptions): Promise<Invoice[]>;
  /**
   * One invoice by `invoiceId` or `invoiceUid`, through `invoices/list` (Bitsby has no "get").
   * Resolves to `null` when Bitsby lists no invoice with that id. Retried like `list`.
   * @throws PayValidationError not exactly one of `invoiceId` / `invoiceUid`, before any request
   * @throws PayApiError Bitsby said no (after the retries)
   * @throws PayNetworkError no response (after the retries), or aborted
   * @throws PayResponseError a response that is not the documented JSON
   */
  get(params: InvoiceGetParams, options?: RequestOptions): Promise<Invoice | null>;
  /**
   * `POST /invoices/cancel`: resolves to Bitsby's message (`Invoice canceled`). Bitsby cancels
   * only unpaid invoices whose payment page has 0 views. Never retried.
   * @throws PayValidationError `invoiceId` is not a UUID, before any request
   * @throws PayApiError Bitsby refused, e.g. the buyer already opened the payment page
   * @throws PayNetworkError no response (the outcome is unknown), or aborted
   * @throws PayResponseError a response that is not the documented JSON
   */
  cancel(params: InvoiceCancelParams, options?: RequestOptions): Promise<string>;
  /**
   * `POST /invoices/bindPayment`: attaches a payment (e.g. one for the wrong amount) to an
   * invoice; resolves to Bitsby's message (`Invoice binded to payment`). Never retried.
   * @throws PayValidationError bad ids, before any request
   * @throws PayApiError Bitsby refused
   * @throws PayNetworkError no response (the outcome is unknown), or aborted
   * @throws PayResponseError a response that is not the documented JSON
   */
  bindPayment(params: InvoiceBindPaymentParams, options?: RequestOptions): Promise<string>;
}

/** Builds `client.invoices`. `projectId` is the client's default project, if set. */
export function createBitsbyInvoices(
  call: BitsbyCall,
  settings: { projectId: string | undefined },
): BitsbyInvoices {
  const invoices: BitsbyInvoices = {
    // async: bad input must reject the returned promise, never throw synchronously.
    async create(params, options) {
      const input = parseParams(invoiceCreateParamsSchema, params, 'invoices/create');
      const projectId = input.projectId ?? settings.projectId;
      if (projectId === undefined) {
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
      // The seed's `curl -F` order.
      const fields = toFields({
        projectId,
        amountFiat: input.amountFiat,
        currencyFiat: input.currencyFiat,
        description: input.description,
        serviceData: input.serviceData,
        timeToPay: input.timeToPay,
      });
      return call('invoices/create', fields, invoiceCreateResultSchema, {
        idempotent: false,
        signal: options?.signal,
      });
    },

    list: defineMethod(call, 'invoices/list', {
      params: invoiceListParamsSchema,
      result: invoiceListResultSchema,
      idempotent: true,
    }),

    async get(params, options) {
      const input = parseParams(invoiceGetParamsSchema, params, 'invoices/list');
      const found = await invoices.list(input, options);
      // Matched by id rather than taking the first item: should Bitsby ever ignore the filter,
      // this still never returns somebody else's invoice.
      return (
        found.find((invoice) =>
          input.invoiceId !== undefined
            ? invoice.id === input.invoiceId
            : invoice.uid === input.invoiceUid,
        ) ?? null
      );
    },

    cancel: defineMethod(call, 'invoices/cancel', {
      params: invoiceCancelParamsSchema,
      result: messageResultSchema,
      idempotent: false,
    }),

    bindPayment: defineMethod(call, 'invoices/bindPayment', {
      params: invoiceBindPaymentParamsSchema,
      result: messageResultSchema,
      idempotent: false,
    }),
  };
  return invoices;
}

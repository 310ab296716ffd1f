import { jsonNumber, type RequestOptions } from '@pay/core';
import type { CryptoCloudContext } from './cryptocloud-call.ts';
import { validate } from './cryptocloud-call.ts';
import {
  type InvoiceCancelParams,
  type InvoiceCancelResult,
  type InvoiceCreateParams,
  type InvoiceCreateResult,
  type InvoiceInfoParams,
  type InvoiceInfoResult,
  type InvoiceListParams,
  type InvoiceListResult,
  invoiceCancelParamsSchema,
  invoiceCancelResultSchema,
  invoiceCreateParamsSchema,
  invoiceCreateResultSchema,
  invoiceInfoParamsSchema,
  invoiceInfoResultSchema,
  invoiceListParamsSchema,
  invoiceListResultSchema,
} from './cryptocloud-invoice-schemas.ts';

/** `client.invoice`: the v2 invoice lifecycle. */
export interface CryptoCloudInvoiceMethods {
  /**
   * `POST /v2/invoice/create`: creates an invoice; `link` in the result is the payment page.
   * `shop_id` defaults to the client's `shopId`; `locale` goes into the query string.
   * Never retried automatically.
   * @throws PayValidationError bad params, before any request
   * @throws PayApiError CryptoCloud said no (`status: "error"`; `details` maps each field to its message)
   * @throws PayNetworkError no response (timeout, reset, abort): check before creating again
   * @throws PayResponseError a response that is not the documented JSON
   */
  create(params: InvoiceCreateParams, options?: RequestOptions): Promise<InvoiceCreateResult>;
  /**
   * `POST /v2/invoice/merchant/canceled`: cancels an invoice still in status `created`.
   * Never retried automatically.
   * @throws PayValidationError bad params, before any request
   * @throws PayApiError CryptoCloud said no (e.g. `validate_error` for an invoice already paid)
   * @throws PayNetworkError no response (timeout, reset, abort)
   * @throws PayResponseError a response that is not the documented JSON
   */
  cancel(params: InvoiceCancelParams, options?: RequestOptions): Promise<InvoiceCancelResult>;
  /**
   * `POST /v2/invoice/merchant/list`: invoices created between two days, a page at a time.
   * A read: retried on 429, 5xx and network failures.
   * @throws PayValidationError bad params (dates must be `dd.mm.yyyy`), before any request
   * @throws PayApiError CryptoCloud said no
   * @throws PayNetworkError no response after the retries
   * @throws PayResponseError a response that is not the documented JSON
   */
  list(params: InvoiceListParams, options?: RequestOptions): Promise<InvoiceListResult>;
  /**
   * `POST /v2/invoice/merchant/info`: up to 100 invoices by id (`INV-XXXXXXXX` or
   * `XXXXXXXX`); v2 has no single-invoice GET. A read: retried on 429, 5xx and network failures.
   * @throws PayValidationError bad params, before any request
   * @throws PayApiError CryptoCloud said no
   * @throws PayNetworkError no response after the retries
   * @throws PayResponseError a response that is not the documented JSON
   */
  info(params: InvoiceInfoParams, options?: RequestOptions): Promise<InvoiceInfoResult>;
}

/** Builds `client.invoice`. */
export function createInvoiceMethods(context: CryptoCloudContext): CryptoCloudInvoiceMethods {
  return {
    // async: bad input must reject the returned promise, never throw synchronously.
    async create(params, options) {
      const operation = 'invoice/create';
      const { locale, ...input } = validate(invoiceCreateParamsSchema, params, operation);
      return context.call({
        operation,
        path: 'v2/invoice/create',
        // The docs accept `amount` as a number or a string; it goes as a JSON number with
        // exactly the digits given, never through a float.
        body: { shop_id: context.shopId, ...input, amount: jsonNumber(input.amount) },
        searchParams: locale === undefined ? undefined : { locale },
        schema: invoiceCreateResultSchema,
        options,
      });
    },

    async cancel(params, options) {
      const operation = 'invoice/merchant/canceled';
      return context.call({
        operation,
        path: 'v2/invoice/merchant/canceled',
        body: validate(invoiceCancelParamsSchema, params, operation),
        schema: invoiceCancelResultSchema,
        options,
      });
    },

    async list(params, options) {
      const operation = 'invoice/merchant/list';
      // One old doc page shows the list under `merchant/info`; the current page and most
      // clients use `merchant/list`.
      return context.call({
        operation,
        path: 'v2/invoice/merchant/list',
        body: validate(invoiceListParamsSchema, params, operation),
        schema: invoiceListResultSchema,
        idempotent: true,
        options,
      });
    },

    async info(params, options) {
      const operation = 'invoice/merchant/info';
      return context.call({
        operation,
        path: 'v2/invoice/merchant/info',
        body: validate(invoiceInfoParamsSchema, params, operation),
        schema: invoiceInfoResultSchema,
        idempotent: true,
        options,
      });
    },
  };
}

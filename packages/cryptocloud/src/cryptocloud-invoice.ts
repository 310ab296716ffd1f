import type { DefineEndpoint, RequestOptions } from '@pay/core';
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
import type { CryptoCloudEndpoint } from './cryptocloud-request.ts';

/**
 * `client.invoice`: the v2 invoice lifecycle. Every method rejects with a `PayCallError` (see
 * `@pay/core`) when it fails; what is specific to a method is said on it.
 */
export interface CryptoCloudInvoiceApi {
  /**
   * `POST /v2/invoice/create`: creates an invoice; `link` in the result is the payment page.
   * `shop_id` defaults to the client's `shopId`; `locale` goes into the query string. Errors
   * carry `details`, each field with its message. Never retried.
   */
  create(params: InvoiceCreateParams, options?: RequestOptions): Promise<InvoiceCreateResult>;
  /**
   * `POST /v2/invoice/merchant/canceled`: cancels an invoice still in status `created`
   * (`validate_error` for one already paid). Never retried.
   */
  cancel(params: InvoiceCancelParams, options?: RequestOptions): Promise<InvoiceCancelResult>;
  /**
   * `POST /v2/invoice/merchant/list`: invoices created between two days (`dd.mm.yyyy`), a page
   * at a time. A read: retried.
   */
  list(params: InvoiceListParams, options?: RequestOptions): Promise<InvoiceListResult>;
  /**
   * `POST /v2/invoice/merchant/info`: up to 100 invoices by id (`INV-XXXXXXXX` or `XXXXXXXX`);
   * v2 has no single-invoice GET. A read: retried.
   */
  info(params: InvoiceInfoParams, options?: RequestOptions): Promise<InvoiceInfoResult>;
}

/** Builds `client.invoice`. */
export function createInvoiceApi(
  endpoint: DefineEndpoint<CryptoCloudEndpoint>,
): CryptoCloudInvoiceApi {
  return {
    create: endpoint({
      operation: 'invoice/create',
      path: 'v2/invoice/create',
      params: invoiceCreateParamsSchema,
      result: invoiceCreateResultSchema,
      idempotent: false,
      shopId: true,
      query: ['locale'],
      // The docs accept `amount` as a number or a string.
      numbers: ['amount'],
    }),
    cancel: endpoint({
      operation: 'invoice/merchant/canceled',
      path: 'v2/invoice/merchant/canceled',
      params: invoiceCancelParamsSchema,
      result: invoiceCancelResultSchema,
      idempotent: false,
    }),
    // One old doc page shows the list under `merchant/info`; the current page and most
    // clients use `merchant/list`.
    list: endpoint({
      operation: 'invoice/merchant/list',
      path: 'v2/invoice/merchant/list',
      params: invoiceListParamsSchema,
      result: invoiceListResultSchema,
      idempotent: true,
    }),
    info: endpoint({
      operation: 'invoice/merchant/info',
      path: 'v2/invoice/merchant/info',
      params: invoiceInfoParamsSchema,
      result: invoiceInfoResultSchema,
      idempotent: true,
    }),
  };
}

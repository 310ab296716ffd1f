import {
  type CommonSettings,
  createTransport,
  jsonNumber,
  parseInput,
  type RequestOptions,
  requireCredential,
  resolveCommonSettings,
} from '@pay/core';
import type * as v from 'valibot';
import { readCrystalPayError } from './crystalpay-errors.ts';
import {
  type InvoiceCreateParams,
  type InvoiceCreateResult,
  invoiceCreateParamsSchema,
  invoiceCreateResultSchema,
} from './crystalpay-schemas.ts';
import { VERSION } from './version.ts';

/** CrystalPay's production API. */
export const CRYSTALPAY_BASE_URL = 'https://api.crystalpay.io';

const PROVIDER = 'CrystalPay';

/** Settings of {@link createCrystalPay}. */
export interface CrystalPaySettings extends CommonSettings {
  /** The cash register's login (`auth_login`). Required. */
  login: string;
  /** The cash register's secret key (`auth_secret`), sent in every request body. Required. */
  secret: string;
  /**
   * The cash register's salt ("secret 2"): signs money-moving requests and verifies callbacks.
   * Required. Anyone holding it can forge callbacks: keep it out of logs and front-ends.
   */
  salt: string;
  /** Default: `https://api.crystalpay.io`. Paths `/v3/<group>/<method>/` are appended. */
  baseUrl?: string | undefined;
}

/** A CrystalPay v3 client; methods mirror the API paths (`invoice/create/` → `invoice.create`). */
export interface CrystalPayClient {
  invoice: {
    /**
     * `POST /v3/invoice/create/`: creates an invoice and returns its id and pay URL.
     * Never retried automatically.
     * @throws PayValidationError bad params, before any request
     * @throws PayApiError CrystalPay said no (`error: true`, HTTP 200), or a non-2xx status
     * @throws PayNetworkError no response (timeout, reset, abort): check before creating again
     * @throws PayResponseError a response that is not the documented JSON
     */
    create(params: InvoiceCreateParams, options?: RequestOptions): Promise<InvoiceCreateResult>;
  };
}

/** Creates a CrystalPay v3 client. Throws `PayConfigError` for missing or invalid settings. */
export function createCrystalPay(settings: CrystalPaySettings): CrystalPayClient {
  requireCredential(settings?.login, 'login', PROVIDER);
  requireCredential(settings.secret, 'secret', PROVIDER);
  requireCredential(settings.salt, 'salt', PROVIDER);
  const common = resolveCommonSettings(settings, PROVIDER, CRYSTALPAY_BASE_URL);
  const transport = createTransport({
    ...common,
    provider: PROVIDER,
    userAgent: `pay-crystalpay/${VERSION}`,
    secrets: [settings.secret, settings.salt],
    readError: readCrystalPayError,
  });

  /** Every call: `POST /v3/<path>` with the credentials added to the JSON body. */
  function call<TSchema extends v.GenericSchema>(
    path: string,
    body: Record<string, unknown>,
    schema: TSchema,
    options: RequestOptions & { idempotent?: boolean } = {},
  ): Promise<v.InferOutput<TSchema>> {
    return transport.request({
      operation: path.replace(/\/$/, ''),
      path: `v3/${path}`,
      body: { json: { auth_login: settings.login, auth_secret: settings.secret, ...body } },
      schema,
      signal: options.signal,
      idempotent: options.idempotent,
    });
  }

  return {
    invoice: {
      // async: bad input must reject the returned promise, never throw synchronously.
      async create(params, options) {
        const input = parseInput(invoiceCreateParamsSchema, params, {
          provider: PROVIDER,
          operation: 'invoice/create',
        });
        // The docs type `amount` as a number: sent as a JSON number with the exact digits given.
        return call(
          'invoice/create/',
          { ...input, amount: jsonNumber(input.amount) },
          invoiceCreateResultSchema,
          options,
        );
      },
    },
  };
}

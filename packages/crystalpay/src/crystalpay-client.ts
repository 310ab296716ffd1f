import { type CommonSettings, createClientSetup } from '@pay/core';
import { type CrystalPayBalanceApi, createBalanceApi } from './crystalpay-balance.ts';
import { readCrystalPayError } from './crystalpay-errors.ts';
import { type CrystalPayInvoiceApi, createInvoiceApi } from './crystalpay-invoice.ts';
import { type CrystalPayMeApi, createMeApi } from './crystalpay-me.ts';
import { type CrystalPayMethodApi, createMethodApi } from './crystalpay-method.ts';
import { type CrystalPayPayoffApi, createPayoffApi } from './crystalpay-payoff.ts';
import { type CrystalPayReportApi, createReportApi } from './crystalpay-report.ts';
import { createCrystalPayEndpoint, PROVIDER } from './crystalpay-request.ts';
import { type CrystalPaySignedFields, createBodySigner } from './crystalpay-signing.ts';
import { type CrystalPaySwapApi, createSwapApi } from './crystalpay-swap.ts';
import { type CrystalPayTickerApi, createTickerApi } from './crystalpay-ticker.ts';
import { type CrystalPayTransferApi, createTransferApi } from './crystalpay-transfer.ts';
import { type CrystalPayWebhooksApi, createWebhooksApi } from './crystalpay-webhooks.ts';
import { VERSION } from './version.ts';

/** CrystalPay's production API. */
export const CRYSTALPAY_BASE_URL = 'https://api.crystalpay.io';

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
  /**
   * Replaces the body fields a money-moving call signs, e.g.
   * `{ 'swap/create': ['amount', 'pair_id'] }`. The swap and transfer lists are unconfirmed
   * guesses, so this lets you follow CrystalPay without a new release.
   * Default: {@link CRYSTALPAY_SIGNED_FIELDS}.
   */
  signedFields?: CrystalPaySignedFields | undefined;
}

/**
 * A CrystalPay v3 client; methods mirror the API paths (`invoice/create/` → `invoice.create`,
 * `report/invoice/history/` → `report.invoice.history`). Every API method takes its parameters
 * and an optional `{ signal }`, resolves to the response without the envelope and rejects with
 * a `PayCallError` (see `@pay/core`).
 */
export interface CrystalPayClient {
  /** Invoices (P1): `invoice/create/`, `invoice/info/`. */
  invoice: CrystalPayInvoiceApi;
  /** The cash register: `me/info/`. */
  me: CrystalPayMeApi;
  /** Balances: `balance/list/`, `balance/get/`. */
  balance: CrystalPayBalanceApi;
  /** Payment methods: `method/list/`, `method/get/`, `method/edit/`. */
  method: CrystalPayMethodApi;
  /** Exchange rates: `ticker/list/`, `ticker/get/`. */
  ticker: CrystalPayTickerApi;
  /** Histories and summaries: `report/…/history/`, `report/…/summary/`. */
  report: CrystalPayReportApi;
  /** Payoffs (signed): `payoff/create|submit|cancel|info/`. */
  payoff: CrystalPayPayoffApi;
  /** Swaps between your balances (signed): `swap/pair/list|get/`, `swap/create|submit|cancel|info/`. */
  swap: CrystalPaySwapApi;
  /** Transfers to other cash registers (signed): `transfer/create|submit|cancel|info/`. */
  transfer: CrystalPayTransferApi;
  /** Callbacks: `verify` (signature `sha1(id:salt)`, confirmed through the API), `sign`, `acknowledge`. */
  webhooks: CrystalPayWebhooksApi;
}

/**
 * Creates a CrystalPay v3 client. No request is made until a method is called.
 * @throws PayConfigError a missing credential or an invalid setting (never echoing its value)
 */
export function createCrystalPay(settings: CrystalPaySettings): CrystalPayClient {
  // `now` is accepted like every provider's, but CrystalPay signs no timestamps. The credentials
  // travel in the JSON body, never in a header: no `headerSettings`.
  const { transport } = createClientSetup(settings, {
    provider: PROVIDER,
    id: 'crystalpay',
    version: VERSION,
    defaultBaseUrl: CRYSTALPAY_BASE_URL,
    required: ['login', 'secret', 'salt'],
    secrets: ['secret', 'salt'],
    readError: readCrystalPayError,
  });
  const define = createCrystalPayEndpoint({
    transport,
    login: settings.login,
    secret: settings.secret,
    sign: createBodySigner(settings.salt, settings.signedFields, PROVIDER),
  });
  const invoice = createInvoiceApi(define);
  const payoff = createPayoffApi(define);
  return {
    invoice,
    me: createMeApi(define),
    balance: createBalanceApi(define),
    method: createMethodApi(define),
    ticker: createTickerApi(define),
    report: createReportApi(define),
    payoff,
    swap: createSwapApi(define),
    transfer: createTransferApi(define),
    webhooks: createWebhooksApi(settings.salt, { invoice, payoff }),
  };
}

import { type CommonSettings, createClientSetup, isHttpUrl, PayConfigError } from '@pay/core';
import { type AnyMoneyAddressApi, createAddressApi } from './anymoney-address.ts';
import { type AnyMoneyBalanceApi, createBalanceApi } from './anymoney-balance.ts';
import { type AnyMoneyCodeApi, createCodeApi } from './anymoney-code.ts';
import { type AnyMoneyConvertApi, createConvertApi } from './anymoney-convert.ts';
import { readAnyMoneyError } from './anymoney-errors.ts';
import { type AnyMoneyHistoryApi, createHistoryApi } from './anymoney-history.ts';
import { type AnyMoneyInfoApi, createInfoApi } from './anymoney-info.ts';
import { type AnyMoneyInvoiceApi, createInvoiceApi } from './anymoney-invoice.ts';
import { type AnyMoneyPayoutApi, createPayoutApi } from './anymoney-payout.ts';
import { type AnyMoneyPaywayApi, createPaywayApi } from './anymoney-payway.ts';
import { type AnyMoneyPwcurrencyApi, createPwcurrencyApi } from './anymoney-pwcurrency.ts';
import { type AnyMoneyCallApi, createCallApi } from './anymoney-raw-call.ts';
import { createAnyMoneyEndpoint, PROVIDER } from './anymoney-request.ts';
import { type DecimalSeparator, decimalFields } from './anymoney-schemas.ts';
import { ANYMONEY_SCI_BASE_URL, type AnyMoneySciApi, createSciApi } from './anymoney-sci.ts';
import { type AnyMoneyStatusApi, createStatusApi } from './anymoney-status.ts';
import { type AnyMoneyTransferApi, createTransferApi } from './anymoney-transfer.ts';
import { type AnyMoneyWebhooksApi, createWebhooksApi } from './anymoney-webhooks.ts';
import { VERSION } from './version.ts';

/** AnyMoney's merchant API (JSON-RPC 2.0, one URL for every method). Default of `baseUrl`. */
export const ANYMONEY_BASE_URL = 'https://api.any.money';

/** Settings of {@link createAnyMoney}. */
export interface AnyMoneySettings extends CommonSettings {
  /** The merchant's `lid` (a numeric string), sent as `x-merchant`. Required. */
  merchantId: string;
  /** The API key: signs every request (`x-signature`) and, as a candidate, callbacks. Required. */
  apiKey: string;
  /** The SCI ("invoice") key, which may differ from the API key: signs SCI forms. Default: none. */
  sciKey?: string | undefined;
  /** Default: `https://api.any.money`. Every call is a POST to `{baseUrl}/`. */
  baseUrl?: string | undefined;
  /** The hosted payment page. Default: `https://sci.any.money` (the form posts to `/invoice`). */
  sciBaseUrl?: string | undefined;
  /**
   * Decimal separator amounts (`amount`, `in_amount`, `out_amount`, `merchant_payfee`) are sent
   * with. Default `'.'`, as every known integration sends; the seed doc shows `"1000,25"` but
   * whether AnyMoney accepts commas is unconfirmed. With `','` inputs may use either separator.
   */
  decimalSeparator?: DecimalSeparator | undefined;
}

/**
 * An AnyMoney client: methods mirror the JSON-RPC method names (`invoice.create`, …;
 * `total_balance` → `totalBalance`). `status`, `balance`, `totalBalance` and `call` sit on the
 * client itself, as AnyMoney's methods of those names have no group.
 */
export interface AnyMoneyClient extends AnyMoneyStatusApi, AnyMoneyBalanceApi, AnyMoneyCallApi {
  invoice: AnyMoneyInvoiceApi;
  payway: AnyMoneyPaywayApi;
  pwcurrency: AnyMoneyPwcurrencyApi;
  payout: AnyMoneyPayoutApi;
  info: AnyMoneyInfoApi;
  history: AnyMoneyHistoryApi;
  convert: AnyMoneyConvertApi;
  transfer: AnyMoneyTransferApi;
  address: AnyMoneyAddressApi;
  code: AnyMoneyCodeApi;
  sci: AnyMoneySciApi;
  webhooks: AnyMoneyWebhooksApi;
}

/** Creates an AnyMoney client. Throws `PayConfigError` for missing or invalid settings. */
export function createAnyMoney(settings: AnyMoneySettings): AnyMoneyClient {
  const { common, transport } = createClientSetup(settings, {
    provider: PROVIDER,
    id: 'anymoney',
    version: VERSION,
    defaultBaseUrl: ANYMONEY_BASE_URL,
    required: ['merchantId', 'apiKey'],
    secrets: ['apiKey', 'sciKey'],
    headerSettings: ['merchantId'],
    readError: readAnyMoneyError,
  });
  const context = { provider: PROVIDER };
  const separator = settings.decimalSeparator ?? '.';
  if (separator !== '.' && separator !== ',') {
    throw new PayConfigError('decimalSeparator', "must be '.' or ','", context);
  }
  const sciBaseUrl = settings.sciBaseUrl ?? ANYMONEY_SCI_BASE_URL;
  if (!isHttpUrl(sciBaseUrl)) {
    throw new PayConfigError('sciBaseUrl', 'must be an absolute http(s) URL', context);
  }
  const decimals = decimalFields(separator);
  const { merchantId, apiKey, sciKey } = settings;
  const define = createAnyMoneyEndpoint({ transport, merchantId, apiKey, now: common.now });
  const { status } = createStatusApi(define);
  return {
    status,
    ...createBalanceApi(define),
    ...createCallApi(define),
    invoice: createInvoiceApi(define, decimals),
    payway: createPaywayApi(define),
    pwcurrency: createPwcurrencyApi(define),
    payout: createPayoutApi(define, decimals),
    info: createInfoApi(define),
    history: createHistoryApi(define),
    convert: createConvertApi(define, decimals),
    transfer: createTransferApi(define, decimals),
    address: createAddressApi(define),
    code: createCodeApi(define, decimals),
    sci: createSciApi({ merchantId, sciKey, sciBaseUrl, decimals }),
    webhooks: createWebhooksApi({ merchantId, apiKey, sciKey, now: common.now, status }),
  };
}

import {
  type CommonSettings,
  createTransport,
  PayConfigError,
  type RequestOptions,
  requireCredential,
  resolveCommonSettings,
} from '@pay/core';
import { type AddressMethods, createAddressMethods } from './anymoney-address.ts';
import { type CallMethod, createCallMethod } from './anymoney-call.ts';
import { type CodeMethods, createCodeMethods } from './anymoney-code.ts';
import { readAnyMoneyError } from './anymoney-errors.ts';
import {
  type ConvertMethods,
  createExchangeMethods,
  type TransferMethods,
} from './anymoney-exchange.ts';
import { type DecimalSeparator, decimalFields, type ExternalIdParams } from './anymoney-fields.ts';
import { createHistoryMethods, type HistoryMethods } from './anymoney-history.ts';
import { createInfoMethods, type InfoMethods } from './anymoney-info.ts';
import { createInvoiceMethods, type InvoiceMethods } from './anymoney-invoice.ts';
import { createMerchantMethods, type MerchantMethods } from './anymoney-merchant.ts';
import { createPayoutMethods, type PayoutMethods } from './anymoney-payout.ts';
import type { AnyMoneyOrder } from './anymoney-results.ts';
import { createRpc, PROVIDER } from './anymoney-rpc.ts';
import { ANYMONEY_SCI_BASE_URL, createSciMethods, type SciMethods } from './anymoney-sci.ts';
import { createWebhookMethods, type WebhookMethods } from './anymoney-webhooks.ts';
import { VERSION } from './version.ts';

/** AnyMoney's merchant API (JSON-RPC 2.0, one URL for every method). */
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

/** An AnyMoney client: methods mirror the JSON-RPC method names (`invoice.create`, …). */
export interface AnyMoneyClient extends MerchantMethods {
  invoice: InvoiceMethods;
  /**
   * `status`: any order (invoice, payout, convert, transfer, …) by your `externalid`.
   * Retried on 429/5xx.
   * @throws PayValidationError bad params, before any request
   * @throws PayApiError `EParamInvalid`, `EParamNotFound`
   * @throws PayNetworkError no response after the retries
   * @throws PayResponseError a response that is not the documented JSON-RPC envelope
   */
  status(params: ExternalIdParams, options?: RequestOptions): Promise<AnyMoneyOrder>;
  payout: PayoutMethods;
  info: InfoMethods;
  history: HistoryMethods;
  convert: ConvertMethods;
  transfer: TransferMethods;
  address: AddressMethods;
  code: CodeMethods;
  sci: SciMethods;
  webhooks: WebhookMethods;
  call: CallMethod;
}

/** Creates an AnyMoney client. Throws `PayConfigError` for missing or invalid settings. */
export function createAnyMoney(settings: AnyMoneySettings): AnyMoneyClient {
  requireCredential(settings?.merchantId, 'merchantId', PROVIDER);
  requireCredential(settings.apiKey, 'apiKey', PROVIDER);
  if (settings.sciKey !== undefined) requireCredential(settings.sciKey, 'sciKey', PROVIDER);
  const separator = settings.decimalSeparator ?? '.';
  if (separator !== '.' && separator !== ',') {
    throw new PayConfigError('decimalSeparator', "must be '.' or ','", { provider: PROVIDER });
  }
  const common = resolveCommonSettings(settings, PROVIDER, ANYMONEY_BASE_URL);
  const sciBaseUrl = resolveCommonSettings(
    { baseUrl: settings.sciBaseUrl },
    PROVIDER,
    ANYMONEY_SCI_BASE_URL,
  ).baseUrl;
  const secrets = [settings.apiKey, ...(settings.sciKey ? [settings.sciKey] : [])];
  const transport = createTransport({
    ...common,
    provider: PROVIDER,
    userAgent: `pay-anymoney/${VERSION}`,
    secrets,
    readError: readAnyMoneyError,
  });
  const decimals = decimalFields(separator);
  const { merchantId, apiKey, sciKey } = settings;
  const rpc = createRpc({ transport, merchantId, apiKey, now: common.now, decimals });
  const { invoice, status } = createInvoiceMethods(rpc);
  return {
    invoice,
    status,
    ...createMerchantMethods(rpc),
    payout: createPayoutMethods(rpc),
    info: createInfoMethods(rpc),
    history: createHistoryMethods(rpc),
    ...createExchangeMethods(rpc),
    address: createAddressMethods(rpc),
    code: createCodeMethods(rpc),
    sci: createSciMethods({ merchantId, sciKey, sciBaseUrl, decimals }),
    webhooks: createWebhookMethods({ merchantId, apiKey, sciKey, now: common.now, rpc }),
    call: createCallMethod(rpc),
  };
}

import { joinUrl, PayConfigError, parseInput } from '@pay/core';
import * as v from 'valibot';
import { PROVIDER } from './anymoney-request.ts';
import {
  currency,
  type DecimalFields,
  email,
  httpUrl,
  identifier,
  lifetime,
  text,
} from './anymoney-schemas.ts';
import { signSciFields, sortedParams } from './anymoney-signing.ts';

// The SCI (https://docs.any.money/en/sci_invoice/): a form the payer's browser posts to
// AnyMoney's hosted payment page. The SDK sends nothing here, so `sci.invoiceForm` is a plain
// function, not an endpoint: it validates, adds `merchant` and signs.

/** AnyMoney's hosted payment page (SCI). Default of the `sciBaseUrl` setting. */
export const ANYMONEY_SCI_BASE_URL = 'https://sci.any.money';

function sciInvoiceSchema(decimals: DecimalFields) {
  return v.strictObject({
    amount: decimals.amount(),
    callback_url: v.optional(httpUrl()),
    client_email: v.optional(email()),
    externalid: identifier(),
    in_curr: currency(),
    // The SCI docs insist on the strings "true" / "false"; a boolean is written that way.
    is_multipay: v.optional(
      v.pipe(
        v.union([v.boolean(), v.picklist(['true', 'false'])]),
        v.transform((value) => String(value)),
      ),
    ),
    lifetime: v.optional(lifetime()),
    merchant_payfee: v.optional(decimals.payfee()),
    out_curr: v.optional(currency()),
    payway: v.optional(text()),
    redirect_url: v.optional(httpUrl()),
  });
}

/** Params of `sci.invoiceForm`: the SCI invoice fields except `merchant` and `sign`. */
export type SciInvoiceFormParams = v.InferInput<ReturnType<typeof sciInvoiceSchema>>;

/** `sci.invoiceForm` result: an HTML form that opens AnyMoney's payment page (post `fields` to `action`). */
export interface SciInvoiceFormResult {
  /** `https://sci.any.money/invoice` (under the `sciBaseUrl` setting). */
  action: string;
  /** Always `POST`. */
  method: 'POST';
  /** Every field as a string, sorted by name, `merchant` added and `sign` last. */
  fields: Record<string, string>;
}

/**
 * The SCI (hosted payment page). Nothing is sent: the payer's browser posts the form, so its
 * method is synchronous and throws rather than rejects.
 */
export interface AnyMoneySciApi {
  /**
   * Builds the signed SCI invoice form locally (`sign` = HMAC-SHA512 of the sorted field values
   * under the SCI key, no timestamp); sends nothing. Render it as hidden inputs and let the payer
   * submit it.
   * @throws PayValidationError bad params (the rules of `invoice.create`)
   * @throws PayConfigError the client has no `sciKey`
   */
  invoiceForm(params: SciInvoiceFormParams): SciInvoiceFormResult;
}

/** What the SCI builder needs from the client. */
export interface SciSettings {
  /** Added to every form as `merchant`. */
  merchantId: string;
  /** Signs the form; without it `invoiceForm` throws `PayConfigError`. */
  sciKey: string | undefined;
  /** The hosted payment page; forms post to `{sciBaseUrl}/invoice`. */
  sciBaseUrl: string;
  /** Amount schemas for the client's `decimalSeparator`. */
  decimals: DecimalFields;
}

/** Builds `sci.*`. */
export function createSciApi(settings: SciSettings): AnyMoneySciApi {
  const schema = sciInvoiceSchema(settings.decimals);
  return {
    invoiceForm(params) {
      const input = parseInput(schema, params, { provider: PROVIDER, operation: 'sci.invoice' });
      if (!settings.sciKey) {
        throw new PayConfigError('sciKey', 'is required to sign SCI forms', {
          provider: PROVIDER,
          operation: 'sci.invoice',
        });
      }
      const fields = sortedParams({ ...input, merchant: settings.merchantId }) as Record<
        string,
        string
      >;
      return {
        action: joinUrl(settings.sciBaseUrl, 'invoice'),
        method: 'POST',
        fields: { ...fields, sign: signSciFields(settings.sciKey, fields) },
      };
    },
  };
}

import { signSciFields } from '@pay/anymoney';
import { timingSafeEqualText } from '@pay/core';
import type { Context } from 'hono';
import { escapeHtml } from '../../pay-page.ts';
import { Refusal } from './errors.ts';
import { METHODS } from './methods.ts';
import { typeOf } from './payloads.ts';
import type { AnyMoneyContext } from './types.ts';
import { checkParams } from './validation.ts';

// The SCI (https://docs.any.money/en/sci_invoice/): the payer's browser posts the signed invoice
// form to `{sciBaseUrl}/invoice`; AnyMoney creates the invoice and shows its payment page. The
// sandbox does the same with its own pay page (a 303 to it). With the SDK's `sciBaseUrl` set to
// `sandbox.baseUrls.anymoney` the form posts to `{url}/anymoney/invoice`.

/** Fields production integrations send beside the documented ones [code]: signed, then ignored. */
const IGNORED_FIELDS = ['expiry', 'return_url', 'return_url_fail'];

/** The AnyMoney-looking error page of a refused form (HTTP 400), naming the E-name. */
function refusalPage(c: Context, refusal: Refusal): Response {
  const detail = refusal.data ? JSON.stringify(refusal.data) : '';
  return c.html(
    `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>AnyMoney sandbox — form refused</title></head>
<body><h1>AnyMoney <span>sandbox</span></h1>
<p>The SCI invoice form was refused: <strong data-testid="error">${escapeHtml(refusal.errorName)}</strong></p>
<pre data-testid="error-data">${escapeHtml(detail)}</pre></body></html>
`,
    400,
  );
}

/** Accepts the SCI form POST: checks `merchant` and `sign`, creates the invoice, shows its page. */
export async function handleSciForm(c: Context, context: AnyMoneyContext): Promise<Response> {
  try {
    const body = await c.req.parseBody();
    const fields: Record<string, string> = {};
    for (const [name, value] of Object.entries(body)) {
      if (typeof value !== 'string')
        throw new Refusal('EParamFieldInvalid', { field: name, reason: 'Should be text' });
      fields[name] = value;
    }
    const { sign, merchant, ...params } = fields;
    if (merchant === undefined)
      throw new Refusal('EParamInvalid', { field: 'merchant', reason: 'Should be provided' });
    if (merchant !== context.credentials.merchantId)
      throw new Refusal('EParamMerchantInvalid', { field: 'merchant', value: merchant });
    if (sign === undefined)
      throw new Refusal('EParamInvalid', { field: 'sign', reason: 'Should be provided' });
    const expected = signSciFields(context.credentials.sciKey, { ...params, merchant });
    if (!timingSafeEqualText(sign.toLowerCase(), expected))
      throw new Refusal('EParamSignInvalid', { reason: 'Invalid signature' });
    for (const field of IGNORED_FIELDS) delete params[field];
    // In the SCI is_multipay is the string "true" / "false" [doc].
    const multipay = params.is_multipay;
    if (multipay !== undefined && multipay !== 'true' && multipay !== 'false')
      throw new Refusal('EParamFieldInvalid', { field: 'is_multipay', value: multipay });
    const rpcParams = {
      ...params,
      ...(multipay === undefined ? {} : { is_multipay: multipay === 'true' }),
    };
    // A payer posting the same form again (a reload) lands on the same invoice.
    const existing = context.store.get('anymoney', params.externalid ?? '');
    if (
      existing &&
      typeOf(existing) === 'invoice' &&
      existing.fields.sci === true &&
      existing.fields.amount === params.amount &&
      existing.currency === params.in_curr
    )
      return c.redirect(existing.payUrl, 303);
    const create = METHODS['invoice.create'] as (typeof METHODS)[string];
    create.run({ ...checkParams(create, rpcParams) }, context);
    const invoice = context.store.get('anymoney', params.externalid as string);
    if (!invoice) throw new Refusal('EParamNotFound');
    invoice.fields.sci = true;
    return c.redirect(invoice.payUrl, 303);
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    return refusalPage(c, error);
  }
}

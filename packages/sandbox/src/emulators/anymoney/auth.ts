import { type RpcParams, signRequest } from '@pay/anymoney';
import { timingSafeEqualText } from '@pay/core';
import type { Context } from 'hono';
import { Refusal } from './errors.ts';
import type { AnyMoneyContext } from './types.ts';

/** [sandbox guess] AnyMoney has a request window (`EParamRequestWindow`) but not its size. */
const DEFAULT_REQUEST_WINDOW_MS = 60_000;

/** x-merchant, the request time within the window, and x-signature over exactly what was sent. */
export function authenticate(c: Context, params: RpcParams, context: AnyMoneyContext): void {
  const { merchantId, apiKey } = context.credentials;
  const merchant = c.req.header('x-merchant');
  if (merchant === undefined)
    throw new Refusal('EParamHeadersInvalid', { field: 'x-merchant', reason: 'Not present' });
  // [sandbox guess] The docs name no error for an unknown merchant; EAuth is the generic one.
  if (merchant !== merchantId)
    throw new Refusal('EAuth', { field: 'x-merchant', reason: 'Unknown merchant' });
  const time = c.req.header('x-utc-now-ms');
  if (time === undefined)
    throw new Refusal('InvalidHeaders', { reason: 'Add x-utc-now-ms to headers' }, 400);
  if (!/^\d+$/.test(time))
    throw new Refusal('EParamHeadersInvalid', {
      field: 'x-utc-now-ms',
      reason: 'Should be Unix time in ms',
    });
  const window = Number(context.options.requestWindowMs ?? DEFAULT_REQUEST_WINDOW_MS);
  // A time in seconds (a known client's mistake) is decades off, so it fails here too.
  if (Math.abs(context.now() - Number(time)) > window)
    throw new Refusal('EParamRequestWindow', { field: 'x-utc-now-ms', value: time });
  const signature = c.req.header('x-signature');
  if (signature === undefined)
    throw new Refusal('EParamHeadersInvalid', { field: 'x-signature', reason: 'Not present' });
  if (!timingSafeEqualText(signature.toLowerCase(), signRequest(apiKey, params, time)))
    throw new Refusal('EParamSignInvalid', { reason: 'Invalid signature' });
}

import { timingSafeEqualText } from '@pay/core';
import { payinPayoutHash } from '@pay/payin-payout';
import type { Context } from 'hono';
import { Refusal } from './envelope.ts';
import { settingsOf } from './settings.ts';
import type { Form, PayinPayoutContext } from './types.ts';

/**
 * The form fields of a urlencoded or multipart body, in the order received (a repeated name
 * keeps its first place and its last value, as PHP's `$_POST` does). [sandbox guess] Any other
 * body (JSON, none) carries no fields, as PHP reads none from it.
 */
async function formOf(c: Context): Promise<Form> {
  try {
    const form: Form = new Map();
    for (const [name, value] of await c.req.formData()) {
      if (typeof value === 'string') form.set(name, value);
    }
    return form;
  } catch {
    return new Map();
  }
}

/**
 * The form of a signed request, after the checks every call gets: `user_id` is the sandbox's,
 * `timestamp` within the window, `hash` the HMAC-MD5 of the other fields by the sandbox's rule.
 */
export async function signedForm(c: Context, context: PayinPayoutContext): Promise<Form> {
  const { hashRule, windowSeconds } = settingsOf(context.options);
  const form = await formOf(c);
  // [sandbox guess] The texts for a wrong user and a wrong hash are not documented.
  if (form.get('user_id') !== context.credentials.userId) throw new Refusal('incorrect user_id');
  const timestamp = form.get('timestamp') ?? '';
  const skew = Math.abs(Math.floor(context.now() / 1000) - Number(timestamp));
  if (!/^\d+$/.test(timestamp) || skew > windowSeconds) {
    throw new Refusal('incorrect timestamp'); // [doc]
  }
  const hash = form.get('hash') ?? '';
  const signed = [...form].filter(([name]) => name !== 'hash');
  const expected = payinPayoutHash(signed, hashRule, context.credentials.developerKey);
  if (!timingSafeEqualText(hash.toLowerCase(), expected)) throw new Refusal('incorrect hash');
  return form;
}

import { timingSafeEqualText } from '@pay/core';
import { type HashRule, payinPayoutHash } from '@pay/payin-payout';
import type { Context } from 'hono';
import { Refusal } from './envelope.ts';
import { settingsOf } from './settings.ts';
import type { Form, PayinPayoutContext } from './types.ts';

/**
 * The form fields of a urlencoded or multipart body, in the order received (a repeated name
 * keeps its first place and its last value, as PHP's `$_POST` does). [sandbox guess] Any other
 * body (JSON, none) carries no fields, as PHP reads none from it.
 */
export async function formOf(c: Context): Promise<Form> {
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
 * `timestamp` within the window, `hash` the HMAC-MD5 of the other fields by the sandbox's rule
 * (by default either rule: Payin-payout's docs do not say whether the 2019 rule still passes),
 * with the rule it matched.
 */
export async function signedForm(
  c: Context,
  context: PayinPayoutContext,
): Promise<{ form: Form; rule: HashRule }> {
  const { hashRule, windowSeconds } = settingsOf(context.options);
  const form = await formOf(c);
  // [sandbox guess] The texts for a wrong user and a wrong hash are not documented.
  if (form.get('user_id') !== context.credentials.userId) throw new Refusal('incorrect user_id');
  const timestamp = form.get('timestamp') ?? '';
  const skew = Math.abs(Math.floor(context.now() / 1000) - Number(timestamp));
  if (!/^\d+$/.test(timestamp) || skew > windowSeconds) {
    throw new Refusal('incorrect timestamp'); // [doc]
  }
  const hash = (form.get('hash') ?? '').toLowerCase();
  const signed = [...form].filter(([name]) => name !== 'hash');
  const rules: HashRule[] = hashRule === 'either' ? ['sorted', 'legacy'] : [hashRule];
  const rule = rules.find((candidate) =>
    timingSafeEqualText(hash, payinPayoutHash(signed, candidate, context.credentials.developerKey)),
  );
  if (rule === undefined) throw new Refusal('incorrect hash');
  return { form, rule };
}

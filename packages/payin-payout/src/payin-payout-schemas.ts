import type { OpenEnum } from '@pay/core';
import * as v from 'valibot';

// Schema helpers both clients' groups share. Inputs come out as the exact text that is signed
// and sent (every Payin-payout body is a form); results are lenient.

/** A text field that must not be empty. */
export const text = () => v.pipe(v.string(), v.nonEmpty('must not be empty'));

/** Text of at most `max` characters, not empty. */
export const shortText = (max: number) =>
  v.pipe(
    v.string(),
    v.nonEmpty('must not be empty'),
    v.maxLength(max, `at most ${max} characters`),
  );

/** An absolute http(s) URL. */
export const httpUrl = () =>
  v.pipe(
    v.string(),
    v.check(
      (value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol),
      'must be an absolute http(s) URL',
    ),
  );

/**
 * A whole number from `min` to `max`, passed as a number or a string of digits, sent as its
 * digits. A string is sent as given (`'007'` stays `'007'`): it is what the caller chose to sign.
 */
export function wholeNumber({ min = 0, max = Number.MAX_SAFE_INTEGER } = {}) {
  const message = `must be a whole number from ${min} to ${max}`;
  return v.pipe(
    v.union([v.number(), v.string()], message),
    v.rawTransform(({ dataset, addIssue, NEVER }) => {
      const digits = String(dataset.value);
      if (!/^\d+$/.test(digits) || Number(digits) < min || Number(digits) > max) {
        addIssue({ message });
        return NEVER;
      }
      return digits;
    }),
  );
}

/** A yes/no field the provider documents as `1` or `0`: `true`/`false`, `1`/`0` or `'1'`/`'0'`. */
export const flag = () =>
  v.pipe(
    v.union([v.boolean(), v.picklist([0, 1]), v.picklist(['0', '1'])], 'must be true/false or 1/0'),
    v.transform((value) => (value === true || value === 1 || value === '1' ? '1' : '0')),
  );

/** Requires at least one of `names` in an object schema's output. */
export function atLeastOneOf<T extends Record<string, unknown>>(names: ReadonlyArray<keyof T>) {
  return v.check<T, string>(
    (input) => names.some((name) => input[name] !== undefined),
    `give at least one of ${names.map(String).join(', ')}`,
  );
}

/** A text the provider may send as `null` or leave out: `null` then. */
export const optionalText = () => v.optional(v.nullable(v.string()), null);

/** An id the provider sends as a JSON number or a string: kept as a string either way. */
export const idOutput = () =>
  v.pipe(
    v.union([v.string(), v.number()]),
    v.transform((value) => String(value)),
  );

/** A status code the provider sends as a number (or a string of digits): a number. */
export const codeOutput = () =>
  v.union([
    v.number(),
    v.pipe(
      v.string(),
      v.regex(/^-?\d+$/),
      v.transform((value) => Number(value)),
    ),
  ]);

/** A positive id of the developer-key API (`service_id`, `payer_id`, `balance_user_id`). */
export const positiveId = () => wholeNumber({ min: 1 });

/** ISO 4217 numeric currency code, e.g. `643` (RUB). */
export const currencyId = () => wholeNumber({ min: 1, max: 999 });

/** A payment's account number, `000000-111111`. */
export const accountNumber = () =>
  v.pipe(v.string(), v.regex(/^\d+-\d+$/, 'must look like 000000-111111'));

/** The user a lookup is about: by e-mail or phone. */
export const byContact = {
  email: v.optional(text()),
  phone: v.optional(text()),
};

// Payin-payout wraps most answers in `{ status, result, tracker }` (the shop API mostly without
// `tracker`, some of its answers bare), so each result schema says which shape it reads: neither
// request builder declares a protocol `envelope`. Error envelopes (`status: false`) are read by
// the clients' error readers first.

/**
 * For structured results: the validated `result` alone. The `tracker` (Payin-payout's support
 * reference, with a leading space) is dropped with the envelope.
 */
export function payload<TSchema extends v.GenericSchema>(
  result: TSchema,
): v.GenericSchema<unknown, v.InferOutput<TSchema>> {
  // The return type is spelt out: left to inference, the output of a generic pipe is `unknown`.
  return v.pipe(
    v.looseObject({ status: v.literal(true), result }),
    v.transform((body) => body.result as v.InferOutput<TSchema>),
  );
}

/**
 * For results that are a bare flag or id: the envelope itself, so `tracker` is kept (a bare
 * `true` would leave nothing to quote to support).
 */
export function envelope<TSchema extends v.GenericSchema>(result: TSchema) {
  return v.looseObject({ status: v.literal(true), result, tracker: optionalText() });
}

/**
 * The name of `code` in `table`, typed with core's `OpenEnum`: a comparison with a name the table
 * lacks does not compile. A code the docs do not list still reaches the caller: as its text
 * (`'7'`), typed `Undocumented`.
 */
export function statusName<TName extends string>(
  table: Readonly<Record<number, TName>>,
  code: number | string,
): OpenEnum<TName> {
  const key = String(code);
  const names = table as Readonly<Record<string, TName>>;
  return (Object.hasOwn(names, key) ? names[key] : key) as OpenEnum<TName>;
}

/**
 * `payment-in|payment-out/get-last-payments-for-user` (A7, A8): the same parameters, order and
 * result on both sides; the groups add their path.
 */
export const lastPaymentsEndpoint = {
  params: v.pipe(
    v.strictObject({ ...byContact, limit: wholeNumber({ min: 1, max: 1000 }) }),
    atLeastOneOf(['email', 'phone']),
  ),
  /** Newest first. */
  result: payload(
    v.array(
      v.looseObject({
        id: idOutput(),
        /** See `PAYMENT_IN_STATUSES` / `PAYMENT_OUT_STATUSES`. */
        status: codeOutput(),
        /** e.g. `2015-12-30 14:25:37.353059+06`. */
        created: optionalText(),
        last_update: optionalText(),
      }),
    ),
  ),
  idempotent: true,
  order: ['user_id', 'timestamp', 'email', 'phone', 'limit'],
};

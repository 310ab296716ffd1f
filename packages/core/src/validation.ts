import * as v from 'valibot';
import type { PayErrorOptions } from './errors/pay-error.ts';
import { PayValidationError, type ValidationIssue } from './errors/pay-validation-error.ts';

/** Turns valibot's issues into `{ path, message }` pairs with dotted paths (`payer_details.email`). */
export function toValidationIssues(issues: readonly v.BaseIssue<unknown>[]): ValidationIssue[] {
  return issues.map((issue) => ({
    path: (issue.path ?? []).map((item) => String(item.key)).join('.'),
    message: issue.message,
  }));
}

/**
 * Validates a caller's input against a strict schema before anything is sent, and returns the
 * schema's output. Throws `PayValidationError` listing every issue found.
 */
export function parseInput<TSchema extends v.GenericSchema>(
  schema: TSchema,
  input: unknown,
  context: PayErrorOptions,
): v.InferOutput<TSchema> {
  const result = v.safeParse(schema, input);
  if (!result.success) throw new PayValidationError(toValidationIssues(result.issues), context);
  return result.output;
}

/** Whether `value` is an absolute http(s) URL. */
export function isHttpUrl(value: string): boolean {
  return URL.canParse(value) && /^https?:$/.test(new URL(value).protocol);
}

/**
 * Schema for a URL a caller passes (callback, redirect): an absolute http(s) URL, kept exactly
 * as given, since some providers sign it as sent.
 */
export function httpUrlInput() {
  return v.pipe(v.string(), v.check(isHttpUrl, 'must be an absolute http(s) URL'));
}

declare const undocumented: unique symbol;

/**
 * A value a provider sent that its docs do not list (a new state, say). It is still the
 * provider's string at run time — `String(value)` or a template literal gives the text — but its
 * type overlaps no literal, so comparing a result with a value the provider does not have
 * (`state === 'paid'` where the provider says `payed`) fails to compile.
 */
export interface Undocumented {
  readonly [undocumented]: 'undocumented';
}

/** The documented values of a provider's enum, plus {@link Undocumented} for anything new. */
export type OpenEnum<TValue extends string> = TValue | Undocumented;

/**
 * Result schema for a provider enum: the documented values are typed, anything else passes
 * through unchanged (typed {@link Undocumented}) rather than failing a payment.
 */
export function openEnum<const TValue extends string>(_documented: readonly TValue[]) {
  return v.pipe(
    v.string(),
    v.transform((value) => value as OpenEnum<TValue>),
  );
}

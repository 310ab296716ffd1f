import { toDecimalString } from '@pay/core';
import { Refusal } from './envelope.ts';
import type { Form } from './types.ts';

// Field checks, in the order of each doc table; the first problem is answered.
// [sandbox guess] Every text below: Payin-payout documents no validation messages.

export function required(form: Form, name: string): string {
  const value = form.get(name);
  if (value === undefined || value === '') throw new Refusal(`${name} cannot be blank`);
  return value;
}

export function optional(form: Form, name: string): string | undefined {
  const value = form.get(name);
  return value === '' ? undefined : value;
}

/** A whole number from `min` to `max`, returned as given. */
export function integer(form: Form, name: string, { min = 1, max = Number.MAX_SAFE_INTEGER } = {}) {
  const value = required(form, name);
  if (!/^\d+$/.test(value)) throw new Refusal(`${name} must be an integer`);
  if (Number(value) < min) throw new Refusal(`${name} must be no less than ${min}`);
  if (Number(value) > max) throw new Refusal(`${name} must be no greater than ${max}`);
  return value;
}

/** A positive plain decimal (`1000`, `10.1`), returned canonical. */
export function amount(form: Form, name: string): string {
  try {
    return toDecimalString(required(form, name), { field: name });
  } catch (error) {
    if (error instanceof Refusal) throw error;
    throw new Refusal(`${name} must be a positive number`);
  }
}

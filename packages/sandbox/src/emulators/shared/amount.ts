import { toDecimalString } from '@pay/core';

/**
 * A positive amount (a number or a decimal string) as its canonical decimal string, or
 * `undefined` for anything else: zero, negatives, other text, other types.
 */
export function positiveDecimal(value: unknown): string | undefined {
  if (typeof value !== 'number' && typeof value !== 'string') return undefined;
  try {
    return toDecimalString(value);
  } catch {
    return undefined;
  }
}

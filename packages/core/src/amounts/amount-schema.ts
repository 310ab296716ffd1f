import * as v from 'valibot';
import { PayValidationError } from '../errors/pay-validation-error.ts';
import { type DecimalOptions, toDecimalString } from './decimal.ts';

/**
 * Schema for an amount a caller passes: `string | number` in, the canonical decimal string out
 * (see {@link toDecimalString} for the rules and `options`). That string is what the SDK signs
 * and sends.
 */
export function amountInput(
  options: Omit<DecimalOptions, 'field' | 'provider' | 'operation'> = {},
) {
  return v.pipe(
    v.union([v.string(), v.number()], 'must be a decimal string or a number'),
    v.rawTransform(({ dataset, addIssue, NEVER }) => {
      try {
        return toDecimalString(dataset.value, options);
      } catch (error) {
        if (!PayValidationError.isInstance(error)) throw error;
        addIssue({ message: error.issues[0]?.message ?? error.message });
        return NEVER;
      }
    }),
  );
}

/**
 * Schema for an amount a provider returns: kept as the decimal string it sent; a JSON number
 * (some providers send those) becomes its shortest string form.
 */
export function amountOutput() {
  return v.pipe(
    v.union([v.string(), v.number()]),
    v.transform((value) => String(value)),
  );
}

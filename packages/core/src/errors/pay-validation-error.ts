import { defineErrorMarker, describeCall, PayError, type PayErrorOptions } from './pay-error.ts';

/** One problem found in the input: where it is and what is wrong. */
export interface ValidationIssue {
  /** Dotted path to the field, e.g. `payer_details.email`; empty for the input as a whole. */
  path: string;
  /** What is wrong and, where possible, what is allowed. */
  message: string;
}

const marker = defineErrorMarker('PayValidationError');

/** Bad input caught locally, before any request was sent. `issues` lists every problem found. */
export class PayValidationError extends PayError {
  readonly issues: readonly ValidationIssue[];

  constructor(issues: readonly ValidationIssue[], options: PayErrorOptions = {}) {
    const listed = issues
      .map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message))
      .join('; ');
    super(`${describeCall(options)}invalid input — ${listed}`, options);
    this.name = 'PayValidationError';
    this.issues = issues;
    marker.mark(this);
  }

  static override isInstance(value: unknown): value is PayValidationError {
    return marker.is(value);
  }
}

import { defineErrorMarker, describeCall, PayError, type PayErrorOptions } from './pay-error.ts';
import type { ValidationIssue } from './pay-validation-error.ts';

export interface PayResponseErrorOptions extends PayErrorOptions {
  /** HTTP status of the unreadable response. */
  status: number;
  /** `not-json` (HTML, garbage, empty) or `unexpected-shape` (JSON, but not what the docs describe). */
  reason: 'not-json' | 'unexpected-shape';
  /** For `unexpected-shape`: where the body differs from the documented shape. */
  issues?: readonly ValidationIssue[] | undefined;
  /** The first characters of the body, secrets redacted, to tell an HTML error page at a glance. */
  bodyPreview?: string | undefined;
}

const marker = defineErrorMarker('PayResponseError');

/** A response arrived but cannot be read: not JSON, or JSON of the wrong shape. */
export class PayResponseError extends PayError {
  readonly status: number;
  readonly reason: 'not-json' | 'unexpected-shape';
  readonly issues: readonly ValidationIssue[];
  readonly bodyPreview: string | undefined;

  constructor(options: PayResponseErrorOptions) {
    const what =
      options.reason === 'not-json'
        ? `the response (HTTP ${options.status}) is not JSON`
        : `the response (HTTP ${options.status}) does not have the documented shape (${(
            options.issues ?? []
          )
            .map((issue) => `${issue.path || 'body'}: ${issue.message}`)
            .join('; ')})`;
    super(
      `${describeCall(options)}${what}; the provider may be down or its API may have changed`,
      options,
    );
    this.name = 'PayResponseError';
    this.status = options.status;
    this.reason = options.reason;
    this.issues = options.issues ?? [];
    this.bodyPreview = options.bodyPreview;
    marker.mark(this);
  }

  static override isInstance(value: unknown): value is PayResponseError {
    return marker.is(value);
  }
}

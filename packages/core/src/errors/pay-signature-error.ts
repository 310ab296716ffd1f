import { defineErrorMarker, describeCall, PayError, type PayErrorOptions } from './pay-error.ts';

/** Why a webhook was refused. */
export type SignatureFailure = 'missing' | 'mismatch' | 'expired' | 'malformed' | 'unconfirmed';

export interface PaySignatureErrorOptions extends PayErrorOptions {
  reason: SignatureFailure;
  /** What is wrong, in words. Never includes the expected signature. */
  detail: string;
}

const marker = defineErrorMarker('PaySignatureError');

/**
 * A webhook could not be trusted: signature missing, wrong or expired, a malformed or oversized
 * body, or (for providers that sign nothing) an event the API does not confirm.
 * Answer such a request with a 4xx and do not act on it.
 */
export class PaySignatureError extends PayError {
  readonly reason: SignatureFailure;

  constructor(options: PaySignatureErrorOptions) {
    super(
      `${describeCall(options)}webhook rejected (${options.reason}): ${options.detail}`,
      options,
    );
    this.name = 'PaySignatureError';
    this.reason = options.reason;
    marker.mark(this);
  }

  static override isInstance(value: unknown): value is PaySignatureError {
    return marker.is(value);
  }
}

import { defineErrorMarker, describeCall, PayError, type PayErrorOptions } from './pay-error.ts';

export interface PayNetworkErrorOptions extends PayErrorOptions {
  /** True when the request was abandoned because the `timeout` setting ran out. */
  timeout?: boolean | undefined;
  /** True when the caller's `AbortSignal` cancelled the request. */
  aborted?: boolean | undefined;
  /** What went wrong, e.g. `connection reset`. */
  reason: string;
}

const marker = defineErrorMarker('PayNetworkError');

/**
 * No usable response arrived: DNS failure, connection reset, TLS error, timeout or abort.
 * For a request that moves money the outcome is unknown: check its state before sending again.
 */
export class PayNetworkError extends PayError {
  readonly timeout: boolean;
  readonly aborted: boolean;
  readonly retryable: boolean;

  constructor(options: PayNetworkErrorOptions) {
    super(`${describeCall(options)}no response from the provider: ${options.reason}`, options);
    this.name = 'PayNetworkError';
    this.timeout = options.timeout ?? false;
    this.aborted = options.aborted ?? false;
    this.retryable = !this.aborted;
    marker.mark(this);
  }

  static override isInstance(value: unknown): value is PayNetworkError {
    return marker.is(value);
  }
}

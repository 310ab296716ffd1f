import { defineErrorMarker, describeCall, PayError, type PayErrorOptions } from './pay-error.ts';

/** What a provider said when it refused a request. */
export interface PayApiErrorOptions extends PayErrorOptions {
  /** HTTP status of the response (often 200: several providers report errors in a 2xx body). */
  status: number;
  /** The provider's error code or name, e.g. `EParamAmountTooBig`, when it sends one. */
  providerCode?: string | undefined;
  /** The provider's own message, secrets redacted. */
  providerMessage?: string | undefined;
  /** Structured error details the provider sent (e.g. CrystalPay's `errors[]`), verbatim. */
  details?: unknown;
  /** Whether sending the same request later may succeed (429, 5xx). Default: from `status`. */
  retryable?: boolean | undefined;
  /** What the caller can do about it, appended to the message. */
  hint?: string | undefined;
}

const marker = defineErrorMarker('PayApiError');

/** The provider answered and said no: a non-2xx status, or an error flag in a 2xx body. */
export class PayApiError extends PayError {
  readonly status: number;
  readonly providerCode: string | undefined;
  readonly providerMessage: string | undefined;
  readonly details: unknown;
  readonly retryable: boolean;

  constructor(options: PayApiErrorOptions) {
    const said = options.providerMessage ?? options.providerCode ?? `HTTP ${options.status}`;
    const code =
      options.providerCode && options.providerMessage ? ` [${options.providerCode}]` : '';
    const hint = options.hint ? ` — ${options.hint}` : '';
    super(
      `${describeCall(options)}the provider refused the request: ${said}${code}${hint}`,
      options,
    );
    this.name = 'PayApiError';
    this.status = options.status;
    this.providerCode = options.providerCode;
    this.providerMessage = options.providerMessage;
    this.details = options.details;
    this.retryable = options.retryable ?? (options.status === 429 || options.status >= 500);
    marker.mark(this);
  }

  static override isInstance(value: unknown): value is PayApiError {
    return marker.is(value);
  }
}

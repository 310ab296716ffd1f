/** Fields every `@pay/*` error carries. */
export interface PayErrorOptions {
  /** The provider's brand name, e.g. `CrystalPay`; absent for errors raised by core alone. */
  provider?: string | undefined;
  /** The provider operation that failed, in the provider's own words, e.g. `invoice/create`. */
  operation?: string | undefined;
  /** The underlying error. Never a request object: those hold credentials. */
  cause?: unknown;
}

const markerPrefix = 'pay.error.';

/**
 * Marks `target` as an instance of the error class `name` with a non-enumerable, registry-wide
 * symbol, so `isInstance` works across several copies of `@pay/core` (independently versioned
 * packages leave users with more than one) where `instanceof` does not.
 */
function mark(target: object, name: string): void {
  Object.defineProperty(target, Symbol.for(markerPrefix + name), { value: true });
}

function hasMark(value: unknown, name: string): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Record<symbol, unknown>)[Symbol.for(markerPrefix + name)] === true
  );
}

/**
 * Base class of every error the SDKs throw. Catch it, or test with `PayError.isInstance(error)`
 * (not `instanceof`, which fails across copies of `@pay/core`).
 *
 * No error ever holds a credential, a signature or a request body: messages and fields are
 * built from allow-listed values, and provider text passes through {@link redactSecrets}.
 */
export class PayError extends Error {
  /** The provider's brand name, e.g. `CrystalPay`. */
  readonly provider: string | undefined;
  /** The operation that failed, e.g. `invoice/create`. */
  readonly operation: string | undefined;

  constructor(message: string, options: PayErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'PayError';
    this.provider = options.provider;
    this.operation = options.operation;
    mark(this, 'PayError');
  }

  /** True for any `@pay/*` error, from any copy of `@pay/core`. */
  static isInstance(value: unknown): value is PayError {
    return hasMark(value, 'PayError');
  }

  /** A plain summary for structured logs; holds no secret. */
  toJSON(): Record<string, unknown> {
    const { stack: _stack, cause: _cause, ...fields } = this as unknown as Record<string, unknown>;
    return { name: this.name, message: this.message, ...fields };
  }
}

/** Adds the class marker for `name` and returns the checker for it; used by subclasses. */
export function defineErrorMarker(name: string): {
  mark(target: object): void;
  is(value: unknown): boolean;
} {
  return { mark: (target) => mark(target, name), is: (value) => hasMark(value, name) };
}

/**
 * Replaces every occurrence of each secret in `text` with `[redacted]`. Secrets shorter than
 * 4 characters are ignored: redacting them would mangle ordinary text and protect nothing.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let result = text;
  // Longest first: a secret that contains another must go whole, not leave a readable rest.
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    if (secret.length >= 4 && result.includes(secret)) {
      result = result.split(secret).join('[redacted]');
    }
  }
  return result;
}

/**
 * {@link redactSecrets} applied to every string inside a JSON-like value (provider error
 * details can echo what was sent). Returns a copy; the input is not changed.
 */
export function redactSecretsDeep(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === 'string') return redactSecrets(value, secrets);
  if (Array.isArray(value)) return value.map((item) => redactSecretsDeep(item, secrets));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        redactSecrets(key, secrets),
        redactSecretsDeep(item, secrets),
      ]),
    );
  }
  return value;
}

/** Prefix for messages: `CrystalPay invoice/create: ` or `` when nothing is known. */
export function describeCall(options: PayErrorOptions): string {
  if (options.provider && options.operation) return `${options.provider} ${options.operation}: `;
  if (options.provider) return `${options.provider}: `;
  return '';
}

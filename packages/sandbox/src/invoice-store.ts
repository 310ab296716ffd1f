import type { InvoiceState } from './lifecycle.ts';

/** The provider mount names: `{url}/<provider>`. */
export type ProviderId = 'crystalpay' | 'cryptocloud' | 'anymoney' | 'payin-payout' | 'bitsby';

/** One delivery attempt of a callback: what was sent and what the receiver answered. */
export interface CallbackAttempt {
  at: number;
  /** Always `POST`: every provider posts its callbacks. */
  method: 'POST';
  url: string;
  /** The request headers sent, signature headers included. */
  headers: Record<string, string>;
  /** The request body sent, exactly as signed. */
  body: string;
  /** HTTP status of the answer, or `undefined` when none came (refused, timed out). */
  status: number | undefined;
  /** Whether the answer counts as an acknowledgement for this provider. */
  acknowledged: boolean;
  /** The answer's body (its first 4096 characters), when an answer came. */
  responseBody?: string;
  error?: string;
}

/** An invoice held by the sandbox. */
export interface SandboxInvoice {
  provider: ProviderId;
  /** The id the provider's API returns (`123456789_abc…`, `INV-…`, a UUID, …). */
  id: string;
  state: InvoiceState;
  /** Amount due, as the decimal string the invoice was created with. */
  amount: string;
  /** Amount paid so far. */
  paidAmount: string;
  currency: string;
  createdAt: number;
  expiresAt: number | undefined;
  finalAt: number | undefined;
  callbackUrl: string | undefined;
  payUrl: string;
  /** The provider's own fields as created (echoed by its info/list calls). */
  fields: Record<string, unknown>;
  callbacks: CallbackAttempt[];
}

/** How many invoices a store keeps by default before it forgets the oldest. */
export const DEFAULT_MAX_INVOICES = 10_000;

/**
 * In-memory invoices of every provider; nothing survives `close()`. It holds at most
 * `maxInvoices` (default {@link DEFAULT_MAX_INVOICES}, `Infinity` for no cap): adding one more
 * forgets the oldest, so a long load run cannot grow the sandbox's memory without bound.
 */
export class InvoiceStore {
  readonly #invoices = new Map<string, SandboxInvoice>();
  readonly maxInvoices: number;

  constructor(options: { maxInvoices?: number | undefined } = {}) {
    const max = options.maxInvoices ?? DEFAULT_MAX_INVOICES;
    if (!(max === Number.POSITIVE_INFINITY || (Number.isInteger(max) && max >= 1))) {
      throw new RangeError(`maxInvoices must be a whole number from 1, or Infinity (got ${max})`);
    }
    this.maxInvoices = max;
  }

  /** Adds (or replaces) an invoice as the newest, forgetting the oldest beyond the cap. */
  add(invoice: SandboxInvoice): SandboxInvoice {
    const id = key(invoice.provider, invoice.id);
    this.#invoices.delete(id); // a replaced invoice counts as the newest
    this.#invoices.set(id, invoice);
    while (this.#invoices.size > this.maxInvoices) {
      const oldest = this.#invoices.keys().next().value as string;
      this.#invoices.delete(oldest);
    }
    return invoice;
  }

  /** How many invoices the store holds. */
  get size(): number {
    return this.#invoices.size;
  }

  get(provider: ProviderId, id: string): SandboxInvoice | undefined {
    return this.#invoices.get(key(provider, id));
  }

  /** A provider's invoices, oldest first. */
  list(provider?: ProviderId): SandboxInvoice[] {
    return [...this.#invoices.values()].filter(
      (invoice) => !provider || invoice.provider === provider,
    );
  }

  /** Finds a provider's invoice by one of its own fields (e.g. AnyMoney `externalid`). */
  findBy(provider: ProviderId, field: string, value: unknown): SandboxInvoice | undefined {
    return this.list(provider).find((invoice) => invoice.fields[field] === value);
  }

  clear(): void {
    this.#invoices.clear();
  }
}

function key(provider: ProviderId, id: string): string {
  return `${provider}\u0000${id}`;
}

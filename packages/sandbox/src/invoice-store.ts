import type { InvoiceState } from './lifecycle.ts';

/** The provider mount names: `{url}/<provider>`. */
export type ProviderId = 'crystalpay' | 'cryptocloud' | 'anymoney' | 'payin-payout' | 'bitsby';

/** One delivery attempt of a callback. */
export interface CallbackAttempt {
  at: number;
  url: string;
  /** HTTP status of the answer, or `undefined` when none came (refused, timed out). */
  status: number | undefined;
  /** Whether the answer counts as an acknowledgement for this provider. */
  acknowledged: boolean;
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

/** In-memory invoices of every provider; nothing survives `close()`. */
export class InvoiceStore {
  readonly #invoices = new Map<string, SandboxInvoice>();

  add(invoice: SandboxInvoice): SandboxInvoice {
    this.#invoices.set(key(invoice.provider, invoice.id), invoice);
    return invoice;
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

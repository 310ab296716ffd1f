import { addDecimal, compareDecimal, subtractDecimal } from '../../decimal-math.ts';
import type { InvoiceStore, SandboxInvoice } from '../../invoice-store.ts';
import { coinOf, DEFAULT_COIN } from './payloads.ts';

/** A withdrawal request the sandbox accepted. */
interface Withdrawal {
  /** `INV-XXXXXXXX`, as CryptoCloud numbers withdrawal requests. */
  id: string;
  coin: string;
  amount: string;
  toAddress: string;
  createdAt: number;
  /**
   * The newest invoice when it was made (one paid it, so there is one): a withdrawal is
   * forgotten with the invoices that funded it (`/_sandbox/reset`), so no balance goes negative.
   */
  anchor: SandboxInvoice;
}

/** A static wallet: one permanent address per coin and end user (`identify`). */
interface StaticWallet {
  uuid: string;
  coin: string;
  identify: string;
  address: string;
}

/**
 * The money side of one sandbox's CryptoCloud account: what its invoices received, less what
 * was withdrawn, per coin; and its static wallets.
 */
export class Ledger {
  readonly #store: InvoiceStore;
  readonly #withdrawals: Withdrawal[] = [];
  readonly wallets = new Map<string, StaticWallet>();

  constructor(store: InvoiceStore) {
    this.#store = store;
  }

  /** The withdrawals whose invoices the sandbox still holds, oldest first. */
  withdrawals(): Withdrawal[] {
    return this.#withdrawals.filter(
      ({ anchor }) => this.#store.get('cryptocloud', anchor.id) === anchor,
    );
  }

  /** The newest invoice, the anchor of a withdrawal made now. */
  newestInvoice(): SandboxInvoice | undefined {
    return this.#store.list('cryptocloud').at(-1);
  }

  add(withdrawal: Withdrawal): void {
    this.#withdrawals.push(withdrawal);
  }

  /** Balance per coin (rates 1:1, fees 0): received by invoices, less withdrawals. */
  balances(): Map<string, string> {
    const balances = new Map<string, string>([[DEFAULT_COIN, '0']]);
    for (const invoice of this.#store.list('cryptocloud')) {
      const coin = coinOf(invoice);
      balances.set(coin, addDecimal(balances.get(coin) ?? '0', invoice.paidAmount));
    }
    for (const { coin, amount } of this.withdrawals()) {
      const left = subtractDecimal(balances.get(coin) ?? '0', amount);
      // Never below zero, should the store have forgotten older invoices beyond its cap.
      balances.set(coin, compareDecimal(left, '0') < 0 ? '0' : left);
    }
    return balances;
  }
}

import { addDecimal, compareDecimal, subtractDecimal } from '../../decimal-math.ts';
import type { CallbackAttempt, InvoiceStore, SandboxInvoice } from '../../invoice-store.ts';

// The cash register's state besides its invoices: balances, method settings, payoffs, swaps and
// transfers. Every rate is 1:1 and every commission 0 in the sandbox.

/** One payment method of the sandbox's catalogue. */
export interface MethodInfo {
  method: string;
  name: string;
  currency: string;
  amount_accuracy: number;
}

/** The methods the sandbox knows. */
export const METHODS: readonly MethodInfo[] = [
  { method: 'BITCOIN', name: 'Bitcoin', currency: 'BTC', amount_accuracy: 8 },
  { method: 'ETHEREUM', name: 'Ethereum', currency: 'ETH', amount_accuracy: 8 },
  { method: 'LITECOIN', name: 'Litecoin', currency: 'LTC', amount_accuracy: 8 },
  { method: 'TONCOIN', name: 'Toncoin', currency: 'TON', amount_accuracy: 8 },
  { method: 'TRON', name: 'TRON', currency: 'TRX', amount_accuracy: 6 },
  { method: 'USDTTRC', name: 'USDT TRC-20', currency: 'USDT', amount_accuracy: 2 },
];

/** The tickers `ticker/list/` names; `ticker/get/` also prices fiat bases. */
export const TICKERS: readonly string[] = ['BTC', 'ETH', 'LTC', 'TON', 'TRX', 'USDT'];
/** Currencies a price can be given in (`base_currency`). */
export const BASE_CURRENCIES: readonly string[] = ['RUB', 'USD', 'EUR', ...TICKERS];

/** A swap pair: every ordered pair of distinct methods, numbered from 1. */
export interface SwapPair {
  id: number;
  source: MethodInfo;
  target: MethodInfo;
}

export const PAIRS: readonly SwapPair[] = METHODS.flatMap((source) =>
  METHODS.filter((target) => target !== source).map((target) => ({ source, target })),
).map((pair, index) => ({ id: index + 1, ...pair }));

/** The method an invoice is paid with in the sandbox: its `required_method`, else `BITCOIN`. */
function paidMethodOf(invoice: SandboxInvoice): string {
  const required = invoice.fields.required_method;
  return typeof required === 'string' ? required : 'BITCOIN';
}

/** Default starting balance of every method, so that payoffs can be tried at once. */
const DEFAULT_BALANCE = '1000';

interface MethodSettings {
  inEnabled: boolean;
  outEnabled: boolean;
  extraCommissionPercent: string;
}

export interface Payoff {
  id: string;
  state: 'created' | 'processing' | 'payed' | 'failed' | 'canceled';
  subtract_from: string;
  method: string;
  amount_currency: string;
  amount: string;
  /** What leaves the balance when it is submitted. */
  deduction: string;
  wallet: string;
  wallet_extra: string | null;
  callback_url: string | null;
  extra: string | null;
  createdAt: number;
  finalAt: number | undefined;
  callbacks: CallbackAttempt[];
}

export interface Swap {
  id: string;
  state: 'created' | 'processing' | 'success' | 'failed' | 'canceled';
  pair: SwapPair;
  amount_type: string;
  amount: string;
  createdAt: number;
  expiresAt: number;
  finalAt: number | undefined;
}

export interface Transfer {
  id: number;
  state: 'created' | 'processing' | 'success' | 'failed' | 'canceled';
  method: MethodInfo;
  amount: string;
  sender: string;
  receiver: string;
  description: string | null;
  createdAt: number;
  finalAt: number | undefined;
}

/** One sandbox's CrystalPay cash register. */
export class Ledger {
  readonly settings = new Map<string, MethodSettings>();
  readonly payoffs = new Map<string, Payoff>();
  readonly swaps = new Map<string, Swap>();
  readonly transfers = new Map<string, Transfer>();
  /** What payoffs, swaps and transfers moved, per method. */
  readonly #moved = new Map<string, string>();
  readonly #opening: Record<string, string>;
  #nextTransferId = 1000;
  /**
   * Completes a submitted payoff, swap or transfer that is due (set by the money routes), so that
   * every read (info, reports) sees it done.
   */
  settle: (record: Payoff | Swap | Transfer) => void = () => {};

  constructor(
    private readonly store: InvoiceStore,
    opening: unknown,
  ) {
    this.#opening =
      opening === undefined
        ? Object.fromEntries(METHODS.map(({ method }) => [method, DEFAULT_BALANCE]))
        : openingBalances(opening);
    for (const { method } of METHODS) {
      this.settings.set(method, { inEnabled: true, outEnabled: true, extraCommissionPercent: '0' });
    }
  }

  /**
   * A method's balance: the opening balance, plus what its invoices were paid (partly paid
   * ones included), plus and minus what payoffs, swaps and transfers moved.
   */
  balance(method: string): string {
    let amount = this.#opening[method] ?? '0';
    for (const invoice of this.store.list('crystalpay')) {
      if (invoice.paidAmount !== '0' && paidMethodOf(invoice) === method) {
        amount = addDecimal(amount, invoice.paidAmount);
      }
    }
    return addDecimal(amount, this.#moved.get(method) ?? '0');
  }

  /** Whether `method` holds at least `amount`. */
  covers(method: string, amount: string): boolean {
    return compareDecimal(this.balance(method), amount) >= 0;
  }

  move(method: string, delta: string): void {
    this.#moved.set(method, addDecimal(this.#moved.get(method) ?? '0', delta));
  }

  debit(method: string, amount: string): void {
    this.move(method, subtractDecimal('0', amount));
  }

  nextTransferId(): number {
    this.#nextTransferId += 1;
    return this.#nextTransferId;
  }
}

export function methodInfo(method: unknown): MethodInfo | undefined {
  return METHODS.find((candidate) => candidate.method === method);
}

/** `providerOptions.crystalpay.balances`: method → a non-negative decimal (string or number). */
function openingBalances(opening: unknown): Record<string, string> {
  const invalid = () =>
    new RangeError(
      "providerOptions.crystalpay.balances must map methods to non-negative amounts, e.g. { BITCOIN: '0.5' }",
    );
  if (typeof opening !== 'object' || opening === null || Array.isArray(opening)) throw invalid();
  return Object.fromEntries(
    Object.entries(opening).map(([method, amount]) => {
      const text = typeof amount === 'number' ? String(amount) : amount;
      if (typeof text !== 'string' || !/^\d+(\.\d+)?$/.test(text)) throw invalid();
      return [method, text];
    }),
  );
}

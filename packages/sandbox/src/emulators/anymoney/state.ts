import type { InvoiceStore } from '../../invoice-store.ts';
import type { AnyMoneyContext } from './types.ts';

/** A voucher made by `code.create`: its amount left the balance; it can be redeemed once. */
interface SandboxCode {
  code: string;
  externalid: string;
  amount: string;
  curr: string;
  payway: string;
  ctime: number;
  /** The `coderedeem` order's externalid once redeemed. */
  redeemedBy: string | undefined;
}

/** A static crypto address made by `address.create`. */
export interface SandboxAddress {
  id: number;
  name: string;
  in_curr: string;
  out_curr: string;
  payway: string;
  callback_url: string | undefined;
  comment: string | undefined;
  ctime: number;
}

/**
 * What the AnyMoney merchant holds besides orders (orders, invoices included, live in the
 * sandbox's invoice store, keyed by externalid): codes, addresses, receipts, and the payway and
 * payway-currency switches. One per sandbox (per store).
 */
export interface AnyMoneyState {
  codes: Map<string, SandboxCode>;
  addresses: SandboxAddress[];
  /** Receipts (`anydoc.prepare_receipt`) by the order's externalid. */
  receipts: Map<string, { link: string; order_id: number }>;
  /** Payways the merchant switched off (`payway.deactivate`). */
  inactivePayways: Set<string>;
  /** `payway:curr:in|out` the merchant switched off (`pwcurrency.pwcma_switch`). */
  inactiveCurrencies: Set<string>;
  /** The next order number (`oid`, `order_id`). */
  nextOrderNumber: number;
}

const STATES = new WeakMap<InvoiceStore, AnyMoneyState>();

/** The AnyMoney state of the sandbox that `context` belongs to. */
export function stateOf(context: Pick<AnyMoneyContext, 'store'>): AnyMoneyState {
  let state = STATES.get(context.store);
  if (!state) {
    state = {
      codes: new Map(),
      addresses: [],
      receipts: new Map(),
      inactivePayways: new Set(),
      inactiveCurrencies: new Set(),
      nextOrderNumber: 1000,
    };
    STATES.set(context.store, state);
  }
  // Codes were paid for by orders and receipts are of orders: once the store is empty (the
  // control API's reset) they go too. Addresses and switches need no order, so they stay.
  if (context.store.size === 0) {
    state.codes.clear();
    state.receipts.clear();
  }
  return state;
}

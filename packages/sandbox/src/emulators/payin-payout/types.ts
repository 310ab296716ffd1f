import type { HashRule } from '@pay/payin-payout';
import type { EmulatorContext } from '../../emulator.ts';

/**
 * The sandbox's Payin-payout credentials: the developer-key API's (family A: `userId`,
 * `developerKey`, and the `serviceId` management would issue) and the merchant shop API's
 * (family B: `agentId` and the shop's secret phrase `secret`).
 */
export type Credentials = {
  userId: string;
  developerKey: string;
  serviceId: string;
  agentId: string;
  secret: string;
};
export type PayinPayoutContext = EmulatorContext<Credentials>;

/** A form as received: names in their order (the legacy hash depends on it), text values. */
export type Form = Map<string, string>;

/** What an endpoint knows of its request besides the form. */
interface RequestInfo {
  /** The emulator's base URL as the client reached it, e.g. `http://127.0.0.1:4010/payin-payout`. */
  base: string;
  /** The hash rule the request was signed by (family A). */
  rule: HashRule;
}

/** One endpoint: its checks of the signed form, and its `result`. */
export type Endpoint = (form: Form, request: RequestInfo) => unknown;

/** One side of a money movement, as the payment lookups (A7–A10) show it. */
export interface Payment {
  /** Numeric id (`payment_in_id` of a top-up, `id` in the last-payments lists). */
  id: number;
  /** `000000-111111`: the owner's id, then a sequence number. */
  account_number: string;
  /** The user whose payment it is (whose balance it moves). */
  owner: string;
}

/**
 * The sandbox's flows: family A's auto-debit (A1), reward (A6) and top-up (A2) invoices; family
 * B's payments (`shop`: the registration form, JSON terminal and p2p invoices, token charges)
 * and 3-D Secure card confirmations of a v2 recurring token (`card-token`).
 */
type Flow = 'auto-debit' | 'reward' | 'top-up' | 'shop' | 'card-token';

/** What the sandbox keeps of a merchant shop API payment (family B). */
export interface ShopPayment {
  kind: 'form' | 'terminal' | 'p2p' | 'recurring';
  /** Whether a charge by token is 3-D Secure (a v2 token): the payer confirms it on the page. */
  threeDs?: boolean;
}

/** What the sandbox keeps of a Payin-payout invoice, besides the neutral fields. */
export interface PayinPayoutFields {
  flow: Flow;
  /** The fields as received, without `hash` / `sign`. */
  form: Record<string, string>;
  /** The money coming in: the shop's side of an auto-debit, the payer's top-up; none for a card confirmation. */
  incoming: Payment | undefined;
  /** The payer's side of an auto-debit or reward; none for a top-up. */
  outgoing: Payment | undefined;
  /** Whether a callback follows (a top-up only with `is_sos_topup=1`). */
  notify: boolean;
  /** Family A: the rule the creating request was signed by, which its callbacks are signed by. */
  hashRule?: HashRule;
  /** Family B: the payment's kind. */
  shop?: ShopPayment;
}

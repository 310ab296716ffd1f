import type { EmulatorContext } from '../../emulator.ts';

export type Credentials = { userId: string; developerKey: string; serviceId: string };
export type PayinPayoutContext = EmulatorContext<Credentials>;

/** A form as received: names in their order (the legacy hash depends on it), text values. */
export type Form = Map<string, string>;
/** One endpoint: its checks of the signed form, and its `result`. */
export type Endpoint = (form: Form) => unknown;

/** One side of a money movement, as the payment lookups (A7–A10) show it. */
export interface Payment {
  /** Numeric id (`payment_in_id` of a top-up, `id` in the last-payments lists). */
  id: number;
  /** `000000-111111`: the owner's id, then a sequence number. */
  account_number: string;
  /** The user whose payment it is (whose balance it moves). */
  owner: string;
}

/** What the sandbox keeps of a Payin-payout invoice, besides the neutral fields. */
export interface PayinPayoutFields {
  flow: 'auto-debit' | 'top-up';
  /** The fields as received, without `hash`. */
  form: Record<string, string>;
  /** The money coming in: the shop's side of an auto-debit, the payer's top-up. */
  incoming: Payment;
  /** The payer's side of an auto-debit; none for a top-up. */
  outgoing: Payment | undefined;
  /** Whether a callback follows (a top-up only with `is_sos_topup=1`). */
  notify: boolean;
}

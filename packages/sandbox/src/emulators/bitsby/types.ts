import type { EmulatorContext } from '../../emulator.ts';

export type Credentials = { apiKey: string; projectId: string };
export type BitsbyContext = EmulatorContext<Credentials>;

/** What the sandbox keeps of a Bitsby invoice, besides the neutral fields. */
export interface BitsbyFields {
  uid: string;
  projectId: string;
  amountFiat: string;
  currencyFiat: string;
  amountFiatUSD: string;
  commissionFiatUSD: string;
  description: string | null;
  serviceData: string | null;
  /** When the buyer's payment arrived (stamped when an action leaves something paid). */
  paidAt?: number;
  /** The invoice this invoice's off-amount payment was bound to (`invoices/bindPayment`). */
  boundTo?: string;
  /** The invoice whose off-amount payment was bound to this one. */
  boundPaymentOf?: string;
}

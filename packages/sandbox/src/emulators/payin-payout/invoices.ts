import type { SandboxInvoice } from '../../invoice-store.ts';
import { addNewInvoice } from '../shared/new-invoice.ts';
import type { Form, PayinPayoutContext, PayinPayoutFields, Payment } from './types.ts';

export const PROVIDER = 'payin-payout';

/** Where the sandbox's numeric payment ids start: 14 digits, like the docs' `64522147743974`. */
export const FIRST_PAYMENT_ID = 64_400_000_000_000;

export const fieldsOf = (invoice: SandboxInvoice) => invoice.fields as unknown as PayinPayoutFields;

/** Every payment of one side (incoming or outgoing), with its invoice, newest first. */
export function payments(context: PayinPayoutContext, side: 'incoming' | 'outgoing') {
  return context.store
    .list(PROVIDER)
    .flatMap((invoice) => {
      const payment = fieldsOf(invoice)[side];
      return payment ? [{ payment, invoice }] : [];
    })
    .reverse();
}

/**
 * A maker of new payments for one sandbox: each call makes a payment of user `owner` (digits),
 * with the next numeric id and account number (`006034-000007`). Never an id the store holds: a
 * top-up is known by its numeric id, an auto-debit invoice by an external_id that could be any
 * text.
 */
export function paymentMaker(context: PayinPayoutContext): (owner: string) => Payment {
  let sequence = 0;
  return (owner: string): Payment => {
    do sequence += 1;
    while (context.store.get(PROVIDER, String(FIRST_PAYMENT_ID + sequence)));
    const owned = String(Number(owner));
    const account_number = `${owned.padStart(6, '0')}-${String(sequence).padStart(6, '0')}`;
    return { id: FIRST_PAYMENT_ID + sequence, account_number, owner: owned };
  };
}

/** Stores a new invoice; Payin-payout's invoices have no lifetime, so none expires by itself. */
export function addInvoice(
  context: PayinPayoutContext,
  id: string,
  amount: string,
  currency: string,
  form: Form,
  fields: Omit<PayinPayoutFields, 'form'>,
): SandboxInvoice {
  const received = Object.fromEntries(
    [...form].filter(([name]) => name !== 'hash' && name !== 'sign'),
  );
  const payinPayoutFields: PayinPayoutFields = { ...fields, form: received };
  return addNewInvoice(context, PROVIDER, {
    id,
    amount,
    currency,
    createdAt: context.now(),
    expiresAt: undefined,
    // Payin-payout takes no URL per invoice: callbacks go to the project's, set by its management.
    callbackUrl: undefined,
    fields: { ...payinPayoutFields },
  });
}

/** ISO 4217 numeric codes of the shop API's letter codes (its Appendix 2; the rouble is `RUR`). */
const SHOP_CURRENCY_CODES: Record<string, string> = {
  RUR: '643',
  EUR: '978',
  USD: '840',
  GBP: '826',
  UAH: '980',
  KZT: '398',
  MDL: '498',
  BYN: '933',
  TRY: '949',
  AED: '784',
};

/** The ISO numeric code of the currency an invoice moves (the balance's key). */
export function currencyCodeOf(invoice: SandboxInvoice): string {
  const { form, flow } = fieldsOf(invoice);
  if (flow === 'shop') return SHOP_CURRENCY_CODES[form.currency ?? 'RUR'] ?? '643';
  return form.currency_id ?? '643';
}

import type { EmulatorContext } from '../../emulator.ts';
import type { ProviderId, SandboxInvoice } from '../../invoice-store.ts';

/** What the provider's create call decides about a new invoice. */
export type NewInvoice = Pick<
  SandboxInvoice,
  'id' | 'amount' | 'currency' | 'createdAt' | 'expiresAt' | 'callbackUrl' | 'fields'
>;

/**
 * Stores a new invoice of `provider`: open (`created`), nothing paid, no callback yet, with its
 * sandbox pay page.
 */
export function addNewInvoice(
  context: Pick<EmulatorContext<unknown>, 'store' | 'payUrl'>,
  provider: ProviderId,
  invoice: NewInvoice,
): SandboxInvoice {
  return context.store.add({
    provider,
    id: invoice.id,
    state: 'created',
    amount: invoice.amount,
    paidAmount: '0',
    currency: invoice.currency,
    createdAt: invoice.createdAt,
    expiresAt: invoice.expiresAt,
    finalAt: undefined,
    callbackUrl: invoice.callbackUrl,
    payUrl: context.payUrl(provider, invoice.id),
    fields: invoice.fields,
    callbacks: [],
  });
}

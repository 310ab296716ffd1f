import type { InvoiceStore, SandboxInvoice } from '../../invoice-store.ts';
import { addNewInvoice } from '../shared/new-invoice.ts';
import { bareId } from './payloads.ts';
import type { CryptoCloudContext } from './types.ts';

/** Invoice lifetime without `add_fields.time_to_pay`: the docs' example expires a day later. */
const DEFAULT_LIFETIME_MS = 24 * 60 * 60_000;

/** An invoice by its uuid, with or without the `INV-` prefix. */
export function findInvoice(store: InvoiceStore, uuid: string): SandboxInvoice | undefined {
  return store.get('cryptocloud', `INV-${bareId(uuid)}`);
}

/** Stores a new invoice; `fields` are the request's, plus the coin (`cryptocurrency`). */
export function createInvoice(
  context: CryptoCloudContext,
  amount: string,
  currency: string,
  fields: Record<string, unknown>,
): SandboxInvoice {
  const id = `INV-${context.randomId(8).toUpperCase()}`;
  const now = context.now();
  const { hours, minutes } = (fields.add_fields as { time_to_pay?: Record<string, unknown> })
    ?.time_to_pay ?? { hours: undefined, minutes: undefined };
  const lifetime = (Number(hours) || 0) * 3_600_000 + (Number(minutes) || 0) * 60_000;
  return addNewInvoice(context, 'cryptocloud', {
    id,
    amount,
    currency,
    createdAt: now,
    expiresAt: now + (lifetime > 0 ? lifetime : DEFAULT_LIFETIME_MS),
    // Postbacks go to the project's URL (context.webhookUrl()), never to one per invoice.
    callbackUrl: undefined,
    fields,
  });
}

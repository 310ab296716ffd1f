import { toDecimalString } from '@pay/core';
import { addDecimal, subtractDecimal } from '../../decimal-math.ts';
import { isOwnerContact, type Users } from './contacts.ts';
import { pgTime, Refusal } from './envelope.ts';
import { currencyCodeOf, fieldsOf, PROVIDER, payments } from './invoices.ts';
import { PAYMENT_IN_STATUS, PAYMENT_OUT_STATUS } from './statuses.ts';
import type { Endpoint, Form, PayinPayoutContext } from './types.ts';
import { integer, optional, required } from './validation.ts';

/** The lookups: payments (A7–A10) and balances (A4). */
export function lookupEndpoints(
  context: PayinPayoutContext,
  users: Users,
): Record<string, Endpoint> {
  return {
    // A9: one incoming payment by account number, e-mail or phone.
    'payment-in/find-payment': (form) => {
      const accountNumber = optional(form, 'account_number');
      const found = payments(context, 'incoming').filter(
        ({ payment }) =>
          (accountNumber === undefined || payment.account_number === accountNumber) &&
          isOwnerContact(form, payment.owner, users),
      );
      const noCriterion = ['email', 'phone', 'account_number'].every(
        (name) => optional(form, name) === undefined,
      );
      if (noCriterion || found.length === 0) {
        throw new Refusal('Payment with such parameters not found'); // [doc]
      }
      // The docs' table says "up to 10", but their example answers one object and they
      // document this refusal: the sandbox follows the example and the refusal.
      if (found.length > 1) throw new Refusal('Found more than one payment'); // [doc]
      const { payment, invoice } = found[0]!;
      return {
        account_number: payment.account_number,
        status: PAYMENT_IN_STATUS[invoice.state],
        done_time: pgTime(invoice.finalAt),
      };
    },

    // A10: the payer's side of an auto-debit, by account number.
    'payment-out/find-payment': (form) => {
      const accountNumber = required(form, 'account_number');
      const found = payments(context, 'outgoing').find(
        ({ payment }) => payment.account_number === accountNumber,
      );
      if (!found) throw new Refusal(`Payment with account number ${accountNumber} not found`);
      const status = PAYMENT_OUT_STATUS[found.invoice.state];
      return {
        account_number: accountNumber,
        client_status: status,
        // [sandbox guess] Undocumented: the same code as client_status.
        system_status: status,
        last_update_time: pgTime(found.invoice.finalAt),
      };
    },

    // A7, A8: the newest payments of the user with this e-mail or phone.
    'payment-in/get-last-payments-for-user': (form) =>
      lastPayments(context, users, form, 'incoming'),
    'payment-out/get-last-payments-for-user': (form) =>
      lastPayments(context, users, form, 'outgoing'),

    // A4: what paid invoices moved, by ISO numeric currency code, with 8 decimals.
    'user/api-get-balance': (form) => {
      const owner = String(Number(integer(form, 'balance_user_id')));
      const balances: Record<string, string> = { '643': '0' };
      for (const invoice of context.store.list(PROVIDER)) {
        const { incoming, outgoing } = fieldsOf(invoice);
        const code = currencyCodeOf(invoice);
        if (incoming?.owner === owner) {
          balances[code] = addDecimal(balances[code] ?? '0', invoice.paidAmount);
        }
        if (outgoing?.owner === owner) {
          balances[code] = subtractDecimal(balances[code] ?? '0', invoice.paidAmount);
        }
      }
      return Object.fromEntries(
        Object.entries(balances).map(([code, sum]) => [
          code,
          toDecimalString(sum, { scale: 8, allowZero: true, allowNegative: true }),
        ]),
      );
    },
  };
}

function lastPayments(
  context: PayinPayoutContext,
  users: Users,
  form: Form,
  side: 'incoming' | 'outgoing',
) {
  if (optional(form, 'email') === undefined && optional(form, 'phone') === undefined) {
    throw new Refusal('email or phone cannot be blank');
  }
  const limit = Number(integer(form, 'limit', { max: 1000 }));
  const table = side === 'incoming' ? PAYMENT_IN_STATUS : PAYMENT_OUT_STATUS;
  return payments(context, side)
    .filter(({ payment }) => isOwnerContact(form, payment.owner, users))
    .slice(0, limit)
    .map(({ payment, invoice }) => ({
      id: payment.id,
      status: table[invoice.state],
      created: pgTime(invoice.createdAt),
      last_update: pgTime(invoice.finalAt ?? invoice.createdAt),
    }));
}

import { isHttpUrl } from '@pay/core';
import { Refusal } from './envelope.ts';
import { addInvoice, FIRST_PAYMENT_ID, PROVIDER } from './invoices.ts';
import type { Endpoint, PayinPayoutContext, Payment } from './types.ts';
import { amount, integer, optional, required } from './validation.ts';

/**
 * ISO 4217 numeric codes a top-up takes, with their letter codes for the pay page
 * [sandbox guess: the currencies of the balance example, `999` left out].
 */
const CURRENCIES: Record<string, string> = {
  '643': 'RUB',
  '840': 'USD',
  '978': 'EUR',
  '980': 'UAH',
  '398': 'KZT',
  '826': 'GBP',
};

/** The calls that create invoices: the auto-debit one (A1), the top-up one (A2), the reward (A6). */
export function invoiceEndpoints(
  context: PayinPayoutContext,
  newPayment: (owner: string) => Payment,
): Record<string, Endpoint> {
  const userId = context.credentials.userId;
  return {
    // A1, the seed: an invoice debited from the payer's balance; the outcome comes by callback.
    'service-of-services/create-invoice': (form, request) => {
      const serviceId = integer(form, 'service_id');
      const payerId = integer(form, 'payer_id');
      const sum = amount(form, 'amount');
      const externalId = required(form, 'external_id');
      required(form, 'description');
      if (Number(serviceId) !== Number(context.credentials.serviceId)) {
        throw new Refusal('incorrect service_id'); // [sandbox guess]
      }
      // The sandbox knows an auto-debit invoice by its external_id, the merchant's only handle.
      if (context.store.get(PROVIDER, externalId)) {
        throw new Refusal(`invoice with external_id ${externalId} already exists`); // [doc]
      }
      addInvoice(context, externalId, sum, 'RUB', form, {
        flow: 'auto-debit',
        incoming: newPayment(userId),
        outgoing: newPayment(payerId),
        notify: true,
        hashRule: request.rule,
      });
      return true;
    },

    // A6: pays `receiver_id` from the user bound to the service (the API user); the outcome
    // comes by the same callback as A1's.
    'service-of-services/create-reward-invoice': (form, request) => {
      const serviceId = integer(form, 'service_id');
      const receiverId = integer(form, 'receiver_id');
      const sum = amount(form, 'amount');
      const currencyId =
        optional(form, 'currency_id') === undefined
          ? '643'
          : integer(form, 'currency_id', { max: 999 });
      const currency = CURRENCIES[currencyId];
      if (!currency) throw new Refusal('currency_id is invalid');
      const externalId = required(form, 'external_id');
      // The doc's table says `descr`, its example sends `description`: [sandbox guess] either.
      if (optional(form, 'descr') === undefined && optional(form, 'description') === undefined) {
        throw new Refusal('descr cannot be blank');
      }
      if (Number(serviceId) !== Number(context.credentials.serviceId)) {
        throw new Refusal('incorrect service_id'); // [sandbox guess]
      }
      if (context.store.get(PROVIDER, externalId)) {
        throw new Refusal(`invoice with external_id ${externalId} already exists`); // [doc]
      }
      addInvoice(context, externalId, sum, currency, form, {
        flow: 'reward',
        incoming: newPayment(receiverId),
        outgoing: newPayment(userId),
        notify: true,
        hashRule: request.rule,
      });
      return true;
    },

    // A2: a top-up invoice with a pay link; a callback only with is_sos_topup=1.
    'payment-in/create-invoice': (form, request) => {
      const payerId = integer(form, 'payer_id');
      const sum = amount(form, 'summ');
      const currency = CURRENCIES[integer(form, 'currency_id', { max: 999 })];
      if (!currency) throw new Refusal('currency_id is invalid');
      required(form, 'descr');
      for (const name of ['success_url', 'fail_url']) {
        const url = optional(form, name);
        if (url !== undefined && !isHttpUrl(url)) throw new Refusal(`${name} is invalid`);
      }
      const topUp = optional(form, 'is_sos_topup');
      if (topUp !== undefined && topUp !== '0' && topUp !== '1') {
        throw new Refusal('is_sos_topup is invalid');
      }
      // The payer's own balance is topped up: the incoming payment is theirs.
      const incoming = newPayment(payerId);
      const invoice = addInvoice(context, String(incoming.id), sum, currency, form, {
        flow: 'top-up',
        incoming,
        outgoing: undefined,
        notify: topUp === '1',
        hashRule: request.rule,
      });
      return {
        pay_link: invoice.payUrl,
        payment_in_id: incoming.id,
        payment_in_inner_id: incoming.account_number,
        payment_in_inner_id_user: incoming.id - FIRST_PAYMENT_ID,
        pretty_id: incoming.account_number,
      };
    },
  };
}

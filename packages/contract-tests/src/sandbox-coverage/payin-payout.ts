import type { SandboxCoverage } from './coverage.ts';

let sequence = 0;
/** A fresh suffix: the fixtures reuse ids the sandbox refuses twice (`external_id`, e-mail). */
const fresh = () => `${Date.now().toString(36)}-${++sequence}`;

/** The sandbox's coverage of this client's success fixtures (see coverage.ts). */
export const coverage: SandboxCoverage = {
  pending: {},
  prepare: {
    // Several fixtures create the seed's `invoice_12345`: each gets its own external_id.
    'serviceOfServices.createInvoice': async () => ({ external_id: `coverage-${fresh()}` }),
    'serviceOfServices.createRewardInvoice': async () => ({ external_id: `reward-${fresh()}` }),
    'user.create': async () => {
      const id = fresh();
      return {
        email: `${id}@example.ru`,
        phone: `+7${String(Date.now() + sequence).slice(-10)}`,
        username: id,
      };
    },
    // The fixture looks up by phone 9131112233: register that user and give it a payment.
    'paymentIn.findPayment': async ({ call }) => {
      const id = fresh();
      const user = (await call('user.create', {
        ul: 0,
        email: `${id}@example.ru`,
        phone: '9131112233',
        username: id,
        password: 'password',
        resident: 1,
      })) as { id: string };
      await call('paymentIn.createInvoice', {
        payer_id: Number(user.id),
        summ: '10',
        currency_id: 643,
        descr: 'to be found',
      });
      return {};
    },
    // The payer's side of an auto-debit the sandbox holds.
    'paymentOut.findPayment': async ({ call, sandbox }) => {
      const external_id = `coverage-${fresh()}`;
      await call('serviceOfServices.createInvoice', {
        service_id: 40,
        payer_id: 2222,
        amount: '1000',
        external_id,
        description: 'to be found',
      });
      const invoice = sandbox.invoices('payin-payout').find((it) => it.id === external_id);
      const fields = invoice?.fields as { outgoing?: { account_number: string } } | undefined;
      return { account_number: fields?.outgoing?.account_number };
    },
  },
};

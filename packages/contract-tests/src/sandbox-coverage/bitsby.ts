import type { SandboxCoverage } from './coverage.ts';

/** The sandbox's coverage of this client's success fixtures (see coverage.ts). */
export const coverage: SandboxCoverage = {
  pending: {},
  prepare: {
    // The sandbox accepts only its own project.
    'invoices.create': async ({ sandbox }) => ({
      projectId: sandbox.credentials.bitsby.projectId,
    }),
    'invoices.cancel': async ({ call }) => ({ invoiceId: (await newInvoice(call)).id }),
    // An off-amount payment (the pay page's Pay partially) matches no invoice until it is bound.
    'invoices.bindPayment': async ({ call, sandbox }) => {
      const invoice = await newInvoice(call);
      await sandbox.act('bitsby', invoice.id, 'pay-partial');
      const payments = (await call('payments.list', { limit: 100 })) as Array<{
        id: string;
        invoice: unknown;
      }>;
      const payment = payments.find((item) => item.invoice === null);
      if (!payment) throw new Error('the sandbox listed no unbound payment');
      return { invoiceId: invoice.id, paymentId: payment.id };
    },
  },
};

type Call = (operation: string, ...args: unknown[]) => Promise<unknown>;

/** A new unpaid invoice in the sandbox's project (the client's `projectId` setting). */
async function newInvoice(call: Call): Promise<{ id: string }> {
  return (await call('invoices.create', {
    amountFiat: '10.55',
    currencyFiat: 'EUR',
    timeToPay: 6,
  })) as { id: string };
}

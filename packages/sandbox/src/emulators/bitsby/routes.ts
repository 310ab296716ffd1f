import type { Hono } from 'hono';
import { positiveDecimal } from '../shared/amount.ts';
import { addNewInvoice } from '../shared/new-invoice.ts';
import { commissionOf, padDecimals } from './amounts.ts';
import { refuse, succeed } from './envelope.ts';
import { formOf, inPeriod, page } from './form.ts';
import { invoiceItem, paymentOf, WALLET } from './payloads.ts';
import type { BitsbyContext, BitsbyFields } from './types.ts';
import { createProblem, filterProblem, LIST_STATUSES, required } from './validation.ts';

/** Bitsby's calls: invoices, payments and balances; anything else is an unknown method. */
export function bitsbyRoutes(app: Hono, context: BitsbyContext): void {
  app.post('/invoices/create', async (c) => {
    const form = await formOf(c);
    const problem = createProblem(form, context.credentials.projectId);
    if (problem) return refuse(c, problem);

    const amount = positiveDecimal(form.amountFiat)!;
    const amountFiat = padDecimals(amount, 2);
    // [sandbox guess] Every currency at 1 USD: the sandbox has no exchange rates.
    const amountFiatUSD = amountFiat;
    const fields: BitsbyFields = {
      uid: context.randomId(12),
      projectId: context.credentials.projectId,
      amountFiat,
      currencyFiat: form.currencyFiat!,
      amountFiatUSD,
      commissionFiatUSD: commissionOf(amountFiatUSD),
      description: form.description ?? null,
      serviceData: form.serviceData ?? null,
    };
    const id = crypto.randomUUID();
    const now = context.now();
    const invoice = addNewInvoice(context, 'bitsby', {
      id,
      amount,
      currency: fields.currencyFiat,
      createdAt: now,
      expiresAt: now + Number(positiveDecimal(form.timeToPay)) * 3_600_000,
      // Bitsby takes no URL per invoice: webhooks go to the project's WH URL.
      callbackUrl: undefined,
      fields: { ...fields },
    });
    const item = invoiceItem(invoice);
    return succeed(c, {
      id,
      uid: fields.uid,
      createDatetime: item.createDatetime,
      timeToPayDatetime: item.timeToPayDatetime,
      commissionFiatUSD: fields.commissionFiatUSD,
      amountFiatUSD,
      url: invoice.payUrl,
    });
  });

  app.post('/invoices/list', async (c) => {
    const form = await formOf(c);
    if (form.status !== undefined && !LIST_STATUSES.includes(form.status)) {
      return refuse(c, 'Parameter status must be one of unpaid, canceled, paid, expired');
    }
    const problem = filterProblem(form);
    if (problem) return refuse(c, problem);
    const items = context.store
      .list('bitsby')
      .map(invoiceItem)
      .filter(
        (item) =>
          (!form.invoiceId || item.id === form.invoiceId) &&
          (!form.invoiceUid || item.uid === form.invoiceUid) &&
          (!form.projectId || item.projectId === form.projectId) &&
          (!form.status || item.status === form.status) &&
          inPeriod(item.createDatetime as string | null, form),
      )
      // [sandbox guess] Newest first.
      .reverse();
    return succeed(c, page(items, form));
  });

  app.post('/invoices/cancel', async (c) => {
    const form = await formOf(c);
    if (form.invoiceId === undefined) return refuse(c, required('invoiceId'));
    const invoice = context.store.get('bitsby', form.invoiceId);
    if (!invoice) return refuse(c, 'Invoice not found');
    // Only an unpaid invoice whose page nobody opened (which the sandbox cannot tell) cancels.
    if (invoice.state !== 'created') return refuse(c, 'Invoice cannot be canceled');
    invoice.state = 'canceled';
    invoice.finalAt = context.now();
    return succeed(c, 'Invoice canceled');
  });

  app.post('/payments/list', async (c) => {
    const form = await formOf(c);
    const problem = filterProblem(form);
    if (problem) return refuse(c, problem);
    const payments = context.store
      .list('bitsby')
      .filter((invoice) => invoice.state === 'paid')
      .map((invoice) => ({
        ...paymentOf(invoice),
        invoice: invoiceItem(invoice),
        wallet: WALLET,
      }))
      .filter(
        (payment) =>
          (!form.invoiceId || payment.invoice.id === form.invoiceId) &&
          (!form.walletId || WALLET.id === form.walletId) &&
          inPeriod(payment.transactionDatetime, form),
      )
      .reverse();
    return succeed(c, page(payments, form));
  });

  // The docs' example balances; nothing in the sandbox moves them.
  app.post('/billing/balances', (c) => succeed(c, { internal: '100.00', partner: '0.00' }));

  // [sandbox guess] Text and status of an unknown path (or a method other than POST).
  app.all('*', (c) => refuse(c, 'Method not found', 404));
}

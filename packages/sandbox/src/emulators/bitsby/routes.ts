import type { Hono } from 'hono';
import { positiveDecimal } from '../shared/amount.ts';
import { addNewInvoice } from '../shared/new-invoice.ts';
import { balances, history, invoiceStatistics, TARIFFS } from './account.ts';
import { commissionOf, padDecimals } from './amounts.ts';
import { refuse, succeed } from './envelope.ts';
import { formOf, inPeriod, page } from './form.ts';
import { fieldsOf, invoiceItem, paymentItem, payments, WALLET } from './payloads.ts';
import type { BitsbyContext, BitsbyFields } from './types.ts';
import { createProblem, filterProblem, LIST_STATUSES, required } from './validation.ts';

/** Bitsby's calls: invoices, payments, billing and statistics; anything else is not emulated. */
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

  app.post('/invoices/bindPayment', async (c) => {
    const form = await formOf(c);
    for (const name of ['invoiceId', 'paymentId']) {
      if (form[name] === undefined) return refuse(c, required(name));
    }
    const invoice = context.store.get('bitsby', form.invoiceId!);
    if (!invoice) return refuse(c, 'Invoice not found');
    const payment = payments(context.store).find(({ id }) => id === form.paymentId);
    if (!payment) return refuse(c, 'Payment not found');
    if (payment.invoice) return refuse(c, 'Payment is already binded to an invoice');
    // [sandbox guess] An unpaid or expired invoice takes a payment (one that came too late, or
    // for another amount); a paid or cancelled one does not.
    if (invoice.state === 'paid') return refuse(c, 'Invoice is already paid');
    if (invoice.state === 'canceled') return refuse(c, 'Invoice is canceled');
    fieldsOf(payment.from).boundTo = invoice.id;
    fieldsOf(invoice).boundPaymentOf = payment.from.id;
    invoice.state = 'paid';
    invoice.finalAt = context.now();
    // The invoice is now paid: Bitsby sends its webhook, as for any invoice that becomes paid.
    await context.sendInvoiceCallback(invoice);
    return succeed(c, 'Invoice binded to payment');
  });

  app.post('/payments/list', async (c) => {
    const form = await formOf(c);
    const problem = filterProblem(form);
    if (problem) return refuse(c, problem);
    const items = payments(context.store)
      .filter(
        (payment) =>
          (!form.invoiceId || payment.invoice?.id === form.invoiceId) &&
          (!form.walletId || WALLET.id === form.walletId) &&
          inPeriod(payment.transactionDatetime, form),
      )
      .map(paymentItem);
    return succeed(c, page(items, form));
  });

  app.post('/billing/balances', (c) => succeed(c, balances(context.store)));

  app.post('/billing/history', async (c) => {
    const form = await formOf(c);
    const problem = filterProblem(form);
    if (problem) return refuse(c, problem);
    return succeed(c, page(history(context.store), form));
  });

  // Bitsby's spelling.
  app.post('/billing/tarrifs', (c) => succeed(c, TARIFFS));

  app.post('/statistics/invoices', async (c) => {
    const form = await formOf(c);
    const problem = filterProblem(form);
    if (problem) return refuse(c, problem);
    return succeed(c, invoiceStatistics(context.store, form));
  });

  // Any other path, or a method other than POST: said plainly, never a Bitsby-looking error.
  // [sandbox guess] HTTP 404.
  app.all('*', (c) => {
    const path = c.req.path.replace(/^\/bitsby\/?/, '');
    const what = c.req.method === 'POST' ? path : `${c.req.method} ${path}`;
    return refuse(c, `not emulated by @pay/sandbox: ${what}`, 404);
  });
}

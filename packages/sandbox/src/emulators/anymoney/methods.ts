import { addDecimal } from '../../decimal-math.ts';
import type { SandboxInvoice } from '../../invoice-store.ts';
import { addNewInvoice } from '../shared/new-invoice.ts';
import { Refusal } from './errors.ts';
import { orderOf } from './payloads.ts';
import type { AnyMoneyContext, Method, Params } from './types.ts';
import {
  amountParam,
  CURRENCIES,
  checkEmail,
  checkPayfee,
  checkPayway,
  checkUrl,
  currencyParam,
  externalIdParam,
  lifetimeParam,
  wholeParam,
} from './validation.ts';

function invoiceByExternalId(params: Params, context: AnyMoneyContext): SandboxInvoice {
  const externalid = externalIdParam(params);
  const invoice = context.store.get('anymoney', externalid);
  if (!invoice) throw new Refusal('EParamNotFound', { field: 'externalid', value: externalid });
  return invoice;
}

const required = { required: true } as const;
const optional = {} as const;
const listParams = { count: optional, first: optional, in_curr: optional, out_curr: optional };

/** AnyMoney's methods, by JSON-RPC `method` name. */
export const METHODS: Record<string, Method> = {
  'invoice.create': {
    params: {
      amount: required,
      externalid: required,
      in_curr: required,
      callback_url: optional,
      client_email: optional,
      is_multipay: { boolean: true },
      lifetime: optional,
      merchant_payfee: optional,
      out_curr: optional,
      payway: optional,
      redirect_url: optional,
    },
    run(params, context) {
      const externalid = externalIdParam(params);
      const amount = amountParam(params, 'amount', 'in_curr');
      if (params.out_curr !== undefined) currencyParam(params, 'out_curr');
      checkUrl(params, 'callback_url');
      checkUrl(params, 'redirect_url');
      checkEmail(params);
      checkPayfee(params);
      checkPayway(params);
      const lifetime = lifetimeParam(params);
      // externalid is unique per merchant across every order type; the sandbox has invoices only.
      if (context.store.get('anymoney', externalid))
        throw new Refusal('EParamUnique', { field: 'externalid', value: externalid });
      const now = context.now();
      const invoice = addNewInvoice(context, 'anymoney', {
        id: externalid,
        amount,
        currency: params.in_curr as string,
        createdAt: now,
        expiresAt: now + lifetime,
        callbackUrl: params.callback_url as string | undefined,
        // AnyMoney ignores an out_curr equal to in_curr.
        fields: {
          ...params,
          out_curr: params.out_curr === params.in_curr ? undefined : params.out_curr,
          token: context.randomId(64),
        },
      });
      return orderOf(invoice);
    },
  },

  'invoice.calc': {
    params: { amount: required, in_curr: required, payway: required },
    run(params) {
      checkPayway(params);
      const amount = amountParam(params, 'amount', 'in_curr');
      return {
        account_amount: amount,
        in_amount: amount,
        orig_amount: amount,
        out_amount: amount,
        rate: null,
      };
    },
  },

  'invoice.get': {
    params: { externalid: required },
    run: (params, context) => orderOf(invoiceByExternalId(params, context)),
  },

  // Any order type by externalid; the sandbox's orders are all invoices. `webhooks.verify` of
  // the SDK confirms every callback through this method.
  status: {
    params: { externalid: required },
    run: (params, context) => orderOf(invoiceByExternalId(params, context)),
  },

  'history.invoice': {
    params: { ...listParams, payway: optional },
    run(params, context) {
      const count = wholeParam(params, 'count', 20, 1, 200);
      const first = wholeParam(params, 'first', 0, 0, Number.MAX_SAFE_INTEGER);
      for (const field of ['in_curr', 'out_curr'])
        if (params[field] !== undefined) currencyParam(params, field);
      checkPayway(params);
      const orders = context.store
        .list('anymoney')
        .reverse() // newest first
        .map(orderOf)
        .filter((order) =>
          ['in_curr', 'out_curr'].every(
            (field) => params[field] === undefined || order[field] === params[field],
          ),
        )
        .filter((order) => params.payway === undefined || order.payway_name === params.payway);
      return {
        count: String(count),
        data: orders.slice(first, first + count),
        first: String(first),
        page: Math.floor(first / count) + 1,
        page_total: Math.max(1, Math.ceil(orders.length / count)),
        total: orders.length,
      };
    },
  },

  // What paid invoices credited, per currency (fees are zero in the sandbox).
  balance: {
    params: { curr: optional },
    run(params, context) {
      if (params.curr !== undefined) currencyParam(params, 'curr');
      const codes = params.curr === undefined ? Object.keys(CURRENCIES) : [params.curr as string];
      const balances = Object.fromEntries(codes.map((code) => [code, '0']));
      for (const invoice of context.store.list('anymoney')) {
        const credited = (invoice.fields.out_curr as string | undefined) ?? invoice.currency;
        if (invoice.state === 'paid' && balances[credited] !== undefined)
          balances[credited] = addDecimal(balances[credited], invoice.amount);
      }
      return balances;
    },
  },
};

import { addNewInvoice } from '../shared/new-invoice.ts';
import { HISTORY_METHODS } from './history.ts';
import { MERCHANT_METHODS } from './merchant.ts';
import {
  checkActivePayway,
  checkUnique,
  lidOf,
  ORDER_METHODS,
  orderByExternalId,
} from './orders.ts';
import { orderOf } from './payloads.ts';
import { stateOf } from './state.ts';
import type { Method } from './types.ts';
import {
  amountParam,
  checkEmail,
  checkPayfee,
  checkPayway,
  checkUrl,
  currencyParam,
  externalIdParam,
  lifetimeParam,
} from './validation.ts';

const required = { required: true } as const;
const optional = {} as const;

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
      if (params.payway !== undefined)
        checkActivePayway(context, params.payway as string, undefined, 'in');
      checkUnique(context, externalid);
      const now = context.now();
      const state = stateOf(context);
      state.nextOrderNumber += 1;
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
          lid: lidOf(context),
          oid: state.nextOrderNumber,
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
    run: (params, context) => orderOf(orderByExternalId(params, context, 'invoice')),
  },

  // Any order type by externalid. `webhooks.verify` of the SDK confirms every callback through
  // this method.
  status: {
    params: { externalid: required },
    run: (params, context) => orderOf(orderByExternalId(params, context)),
  },

  ...HISTORY_METHODS,
  ...MERCHANT_METHODS,
  ...ORDER_METHODS,
};

/** Whether `name` is an emulated method (not an inherited property like `toString`). */
export const hasMethod = (name: string) => Object.hasOwn(METHODS, name);

import { amountOutput } from '@pay/core';
import * as v from 'valibot';

// Results are lenient: unknown fields pass through, documented fields may be missing or null
// (Bitsby's docs differ between versions), and a missing field stays missing, so a result is the
// documented `data` object as sent. Money stays a decimal string; a JSON number becomes one.

/** Text Bitsby may leave out or send as `null`. */
export const optionalText = () => v.optional(v.nullable(v.string()));
/** A decimal string (or a JSON number, made a string) Bitsby may leave out or send as `null`. */
export const optionalAmount = () => v.optional(v.nullable(amountOutput()));
/** Ids whose type the docs do not state (wallets, payments, tariffs): string or number. */
export const optionalId = () => v.optional(v.nullable(v.union([v.string(), v.number()])));

/**
 * A JSON object keyed by project, currency, month or date. Bitsby's examples look like PHP's
 * `json_encode`, which writes an empty map as `[]`: that is read as `{}`.
 */
function phpMap<TItem extends v.GenericSchema>(item: TItem) {
  return v.optional(
    v.nullable(
      v.union([
        v.pipe(
          v.tuple([]),
          v.transform(() => ({}) as Record<string, v.InferOutput<TItem>>),
        ),
        v.record(v.string(), item),
      ]),
    ),
  );
}

/** A wallet a payment went to (in payments and webhooks). */
export const walletSchema = v.looseObject({
  id: optionalId(),
  /** e.g. `usdt-tron`. */
  name: optionalText(),
  /** e.g. `tron`, `ethereum`, `bnbSmartChain`, `bitcoin`. */
  blockchain: optionalText(),
  /** e.g. `usdt`, `eth`, `btc`. */
  cryptocurrency: optionalText(),
  address: optionalText(),
});

/** The `invoices/create` result. */
export const invoiceCreateResultSchema = v.looseObject({
  id: v.string(),
  /** The short buyer-facing id. */
  uid: v.string(),
  /** UTC, `YYYY-MM-DD HH:MM:SS`. */
  createDatetime: optionalText(),
  /** UTC: the buyer must pay before this. */
  timeToPayDatetime: optionalText(),
  commissionFiatUSD: optionalAmount(),
  /** The amount in USD at the rate when the invoice was created. */
  amountFiatUSD: optionalAmount(),
  /** The payment page: send the buyer here. */
  url: v.string(),
  /** An older doc version returns the wallets to pay to instead of the commission fields. */
  wallets: v.optional(
    v.nullable(v.array(v.looseObject({ ...walletSchema.entries, amountCrypto: optionalAmount() }))),
  ),
});

/** One invoice of `invoices/list`. */
export const invoiceSchema = v.looseObject({
  id: v.string(),
  uid: optionalText(),
  projectId: optionalText(),
  createDatetime: optionalText(),
  timeToPayDatetime: optionalText(),
  commissionFiatUSD: optionalAmount(),
  amountFiatUSD: optionalAmount(),
  amountFiat: optionalAmount(),
  currencyFiat: optionalText(),
  description: optionalText(),
  /** Usually the text you sent; its type in list answers is not documented. */
  serviceData: v.optional(v.unknown()),
  /** How often the payment page was opened; cancelling needs 0. */
  views: v.optional(v.nullable(v.union([v.number(), v.string()]))),
  /** `unpaid`, `canceled`, `paid` or `expired`. */
  status: optionalText(),
});

/** The `invoices/list` result. */
export const invoiceListResultSchema = v.array(invoiceSchema);

/** `invoices/cancel` and `invoices/bindPayment` answer with a sentence, e.g. `Invoice canceled`. */
export const messageResultSchema = v.string();

/** One payment of `payments/list`. */
export const paymentSchema = v.looseObject({
  id: optionalId(),
  /** In the cryptocurrency, an 8-decimal string such as `5.02000000`. */
  amount: optionalAmount(),
  /** The transaction hash. */
  hash: optionalText(),
  transactionDatetime: optionalText(),
  invoice: v.optional(v.nullable(v.partial(invoiceSchema))),
  wallet: v.optional(v.nullable(walletSchema)),
});

/** The `payments/list` result. */
export const paymentListResultSchema = v.array(paymentSchema);

/** `billing/balances`. */
export const billingBalancesResultSchema = v.looseObject({
  internal: optionalAmount(),
  partner: optionalAmount(),
});

/** `billing/history`: the EN docs' example is not valid JSON; the RU page shows an array. */
export const billingHistoryResultSchema = v.array(
  v.looseObject({
    datetime: optionalText(),
    event: optionalText(),
    target: v.optional(v.unknown()),
    amount: optionalAmount(),
    comment: optionalText(),
  }),
);

/** `billing/tarrifs`: an array, as for the history. */
export const billingTariffsResultSchema = v.array(
  v.looseObject({
    id: optionalId(),
    name: optionalText(),
    /** The payment volume (USD, last 30 days) the tariff applies from. */
    '30dPayments': optionalAmount(),
    /** Who pays the commission: `seller` or `buyer`. */
    payer: optionalText(),
    /** Commission in percent. */
    rate: optionalAmount(),
  }),
);

/** `statistics/invoices`. */
export const statisticsInvoicesResultSchema = v.looseObject({
  invoicesTotalNum: v.optional(v.nullable(v.union([v.number(), v.string()]))),
  invoicesPaidNum: v.optional(v.nullable(v.union([v.number(), v.string()]))),
  invoicesTotalUSD: optionalAmount(),
  /** USD by project id. */
  invoicesByProjects: phpMap(amountOutput()),
  /** Sum by fiat currency. */
  invoicesByCurrencies: phpMap(amountOutput()),
  /** USD by month, e.g. `March-2024`. */
  invoicesByMonths: phpMap(amountOutput()),
  /** By `YYYY-MM-DD`: `date` in epoch milliseconds and the `value`. */
  invoicesByDate: phpMap(
    v.looseObject({ date: v.optional(v.nullable(v.number())), value: optionalAmount() }),
  ),
});

/** What `invoices.create()` returns: the documented `data`, amounts as decimal strings. */
export type InvoiceCreateResult = v.InferOutput<typeof invoiceCreateResultSchema>;
/** An invoice as `invoices.list()` and `invoices.get()` return it. */
export type Invoice = v.InferOutput<typeof invoiceSchema>;
/** A payment as `payments.list()` returns it. */
export type Payment = v.InferOutput<typeof paymentSchema>;
/** What `billing.balances()` returns. */
export type BillingBalancesResult = v.InferOutput<typeof billingBalancesResultSchema>;
/** What `billing.history()` returns. */
export type BillingHistoryResult = v.InferOutput<typeof billingHistoryResultSchema>;
/** What `billing.tariffs()` returns. */
export type BillingTariffsResult = v.InferOutput<typeof billingTariffsResultSchema>;
/** What `statistics.invoices()` returns. */
export type StatisticsInvoicesResult = v.InferOutput<typeof statisticsInvoicesResultSchema>;

import { amountInput, amountOutput } from '@pay/core';
import * as v from 'valibot';
import {
  currencySchema,
  dottedDate,
  optionalAmount,
  optionalText,
  successResult,
  text,
} from './cryptocloud-schemas.ts';

/** Parameters of `merchant/wallet/balance/all`: none (the balance is account-wide). */
export const balanceAllParamsSchema = v.optional(v.strictObject({}));

/** What `balance.all()` takes: nothing, or `{}`. */
export type BalanceAllParams = Record<string, never> | undefined;

/** One wallet of the merchant balance. */
export const balanceSchema = v.looseObject({
  currency: v.optional(v.nullable(currencySchema)),
  balance_crypto: optionalAmount(),
  balance_usd: optionalAmount(),
  available_balance: optionalAmount(),
  available_balance_usd: optionalAmount(),
});

/** The `merchant/wallet/balance/all` response, read down to its wallets. */
export const balanceAllResultSchema = successResult(v.array(balanceSchema));

/** What `balance.all()` returns: one entry per currency, amounts as decimal strings. */
export type BalanceAllResult = v.InferOutput<typeof balanceAllResultSchema>;

/** Parameters of `invoice/merchant/statistics`. */
export const statisticsParamsSchema = v.strictObject({
  /** First day, `dd.mm.yyyy`. */
  start: dottedDate(),
  /** Last day, `dd.mm.yyyy`. */
  end: dottedDate(),
});

/** What `statistics()` takes. */
export type StatisticsParams = v.InferInput<typeof statisticsParamsSchema>;

const perStatus = <TSchema extends v.GenericSchema>(value: () => TSchema) =>
  v.looseObject({
    all: v.optional(v.nullable(value())),
    created: v.optional(v.nullable(value())),
    paid: v.optional(v.nullable(value())),
    overpaid: v.optional(v.nullable(value())),
    partial: v.optional(v.nullable(value())),
    canceled: v.optional(v.nullable(value())),
  });

/** The `invoice/merchant/statistics` response, read down to its counts and USD amounts. */
export const statisticsResultSchema = successResult(
  v.looseObject({
    /** Invoices per status. */
    count: perStatus(() => v.number()),
    /** USD amounts per status, as decimal strings. */
    amount: perStatus(amountOutput),
  }),
);

/** What `statistics()` returns. */
export type StatisticsResult = v.InferOutput<typeof statisticsResultSchema>;

/** Parameters of `invoice/static/create`. */
export const staticWalletCreateParamsSchema = v.strictObject({
  /** Project id. Default: the client's `shopId`. */
  shop_id: v.optional(text()),
  /** Cryptocurrency code of the wallet, e.g. `USDT_TRC20`. */
  currency: text(),
  /** Your id of the end user the wallet belongs to. */
  identify: text(),
});

/** What `staticWallet.create()` takes. */
export type StaticWalletCreateParams = v.InferInput<typeof staticWalletCreateParamsSchema>;

/** The `invoice/static/create` response, read down to the wallet. */
export const staticWalletCreateResultSchema = successResult(
  v.looseObject({
    currency: v.optional(v.nullable(currencySchema)),
    address: v.string(),
    uuid: optionalText(),
  }),
);

/** What `staticWallet.create()` returns: the wallet `address` and its `uuid`. */
export type StaticWalletCreateResult = v.InferOutput<typeof staticWalletCreateResultSchema>;

/** Parameters of `invoice/api/out/create`. */
export const withdrawalCreateParamsSchema = v.strictObject({
  /** Cryptocurrency code, e.g. `BTC`, `USDT_TRC20`. */
  currency_code: text(),
  /** Recipient's wallet address. */
  to_address: text(),
  /** Amount in `currency_code`. Sent as exactly this decimal. */
  amount: amountInput(),
});

/** What `withdrawal.create()` takes. */
export type WithdrawalCreateParams = v.InferInput<typeof withdrawalCreateParamsSchema>;

const withdrawalSchema = v.looseObject({
  /** The withdrawal request id, `INV-XXXXXXXX`. */
  invoice_id: v.string(),
  /** Always `created` when the request is accepted. */
  status: optionalText(),
  currency: optionalText(),
  amount: optionalAmount(),
});

/**
 * The `invoice/api/out/create` response. One version of the docs puts the payload in `data`,
 * another in `result`: either is read.
 */
export const withdrawalCreateResultSchema = v.pipe(
  v.looseObject({
    status: v.literal('success'),
    result: v.optional(withdrawalSchema),
    data: v.optional(withdrawalSchema),
  }),
  v.check(
    (body) => body.result !== undefined || body.data !== undefined,
    'a withdrawal in `result` or `data`',
  ),
  v.transform((body) => (body.result ?? body.data) as v.InferOutput<typeof withdrawalSchema>),
);

/** What `withdrawal.create()` returns: the request id and its status. */
export type WithdrawalCreateResult = v.InferOutput<typeof withdrawalCreateResultSchema>;

import { createCrystalPay, type WebhooksSignParams } from '@pay/crystalpay';
import type { Context, Hono } from 'hono';
import { addDecimal } from '../../decimal-math.ts';
import { sqlDateTime } from '../shared/time.ts';
import { crystalId } from './ids.ts';
import { methodInfo, PAIRS, type Payoff, type Swap, type Transfer } from './ledger.ts';
import { pairInfo } from './reference.ts';
import {
  amountOf,
  type CrystalBody,
  missingFields,
  ok,
  refuse,
  sentText,
  validSignature,
  wholeOf,
} from './request.ts';
import { type CrystalScope, post } from './routes.ts';

// Money out and between balances: payoffs, swaps and transfers. Each is created (amounts
// computed, nothing moved), then submitted (the balance moves, state `processing`) or cancelled
// (`canceled`). A submitted one completes right after the answer: the next read, and a payoff's
// callback, show it `payed` / `success`.

/** [sandbox guess] CrystalPay's text for a balance too small is not documented. */
const INSUFFICIENT = 'Insufficient funds';
/** How long a created swap's price holds (`expired_at`): a [sandbox guess]. */
const SWAP_QUOTE_MS = 5 * 60_000;

export function payoffInfo(payoff: Payoff): Record<string, unknown> {
  return {
    id: payoff.id,
    state: payoff.state,
    subtract_from: payoff.subtract_from,
    method: payoff.method,
    amount_currency: payoff.amount_currency,
    amount: payoff.amount,
    rub_amount: payoff.amount,
    receive_amount: payoff.amount,
    deduction_amount: payoff.deduction,
    commission_amount: '0',
    wallet: payoff.wallet,
    wallet_extra: payoff.wallet_extra,
    message: null,
    callback_url: payoff.callback_url,
    extra: payoff.extra,
    created_at: sqlDateTime(payoff.createdAt),
    final_at: sqlDateTime(payoff.finalAt),
  };
}

export function swapInfo(swap: Swap): Record<string, unknown> {
  const { source, target, price } = pairInfo(swap.pair) as {
    source: { method: string; currency: string };
    target: { method: string; currency: string };
    price: string;
  };
  return {
    id: swap.id,
    state: swap.state,
    pair_id: swap.pair.id,
    amount_type: swap.amount_type,
    amount: swap.amount,
    price,
    source: { method: source.method, currency: source.currency, amount: swap.amount },
    target: { method: target.method, currency: target.currency, amount: swap.amount },
    created_at: sqlDateTime(swap.createdAt),
    expired_at: sqlDateTime(swap.expiresAt),
    final_at: sqlDateTime(swap.finalAt),
  };
}

export function transferInfo(transfer: Transfer): Record<string, unknown> {
  return {
    id: transfer.id,
    state: transfer.state,
    type: 'internal',
    method: transfer.method.method,
    amount_currency: transfer.method.currency,
    amount: transfer.amount,
    sender: transfer.sender,
    receiver: transfer.receiver,
    description: transfer.description,
    created_at: sqlDateTime(transfer.createdAt),
    final_at: sqlDateTime(transfer.finalAt),
  };
}

const optionalText = (value: unknown) => (typeof value === 'string' ? value : null);

export function moneyRoutes(app: Hono, scope: CrystalScope): void {
  const { context, ledger } = scope;
  const { salt } = context.credentials;

  /** Sends a final payoff's callback, signed by `@pay/crystalpay`'s `webhooks.sign`. */
  async function payoffCallback(payoff: Payoff): Promise<void> {
    if (!payoff.callback_url) return;
    const { body, headers } = await createCrystalPay({ ...context.credentials }).webhooks.sign(
      payoffInfo(payoff) as WebhooksSignParams,
    );
    void context.sendCallback(
      {
        url: payoff.callback_url,
        headers,
        body,
        isAcknowledged: ({ status }) => status === 200 || status === 429,
      },
      payoff.callbacks,
    );
  }

  /** Completes a submitted operation once (right after its answer, or at the next read). */
  function complete(record: Payoff | Swap | Transfer): void {
    if (record.state !== 'processing') return;
    record.finalAt = context.now();
    if ('wallet' in record) {
      record.state = 'payed';
      void payoffCallback(record);
    } else {
      record.state = 'success';
    }
  }
  ledger.settle = complete;
  const completeSoon = (record: Payoff | Swap | Transfer) =>
    setTimeout(() => complete(record), 0).unref();

  /** The record a submit/cancel/info names, completed if due, or the refusal. */
  function find<T extends Payoff | Swap | Transfer>(
    c: Context,
    body: CrystalBody,
    records: Map<string, T>,
    noun: string,
  ): T | Response {
    const id = sentText(body, 'id');
    if (id === undefined) return refuse(c, '`id` field is required');
    const record = records.get(id);
    if (!record) return refuse(c, `${noun} not found`);
    complete(record);
    return record;
  }

  /** submit/cancel: signed `sha1(id:salt)`, only while `created`. */
  function step<T extends Payoff | Swap | Transfer>(
    group: 'payoff' | 'swap' | 'transfer',
    records: Map<string, T>,
    noun: string,
    info: (record: T) => Record<string, unknown>,
    submit: (c: Context, record: T) => Response | undefined,
  ): void {
    for (const action of ['submit', 'cancel'] as const) {
      post(app, scope, `${group}/${action}`, (c, body) => {
        const missing = missingFields(body, ['id', 'signature']);
        if (missing.length > 0) return refuse(c, ...missing);
        if (!validSignature(body, `${group}/${action}`, salt))
          return refuse(c, 'Invalid signature');
        const record = find(c, body, records, noun);
        if (record instanceof Response) return record;
        // [sandbox guess] the text for a second submit or a late cancel.
        if (record.state !== 'created') return refuse(c, `${noun} is already ${record.state}`);
        if (action === 'cancel') {
          record.state = 'canceled';
          return ok(c, info(record));
        }
        const refused = submit(c, record);
        if (refused) return refused;
        record.state = 'processing';
        completeSoon(record);
        return ok(c, info(record));
      });
    }
    post(app, scope, `${group}/info`, (c, body) => {
      const record = find(c, body, records, noun);
      return record instanceof Response ? record : ok(c, info(record));
    });
  }

  // Payoffs.
  post(app, scope, 'payoff/create', (c, body) => {
    const { fields } = body;
    const missing = missingFields(body, [
      'amount',
      'method',
      'wallet',
      'subtract_from',
      'signature',
    ]);
    if (missing.length > 0) return refuse(c, ...missing);
    const amount = amountOf(body);
    const errors = [
      ...(amount ? [] : ['`amount` field is invalid']),
      ...(fields.subtract_from === 'amount' || fields.subtract_from === 'balance'
        ? []
        : ['`subtract_from` field is invalid']),
    ];
    if (errors.length > 0 || !amount) return refuse(c, ...errors);
    if (!validSignature(body, 'payoff/create', salt)) return refuse(c, 'Invalid signature');
    const method = methodInfo(fields.method);
    if (!method || !ledger.settings.get(method.method)?.outEnabled) {
      return refuse(c, 'Method not found');
    }
    if (!ledger.covers(method.method, amount)) return refuse(c, INSUFFICIENT);
    const payoff: Payoff = {
      id: crystalId(context),
      state: 'created',
      subtract_from: String(fields.subtract_from),
      method: method.method,
      amount_currency: optionalText(fields.amount_currency) ?? method.currency,
      amount,
      // Commission 0: the deduction is the amount whichever side it is taken from.
      deduction: addDecimal(amount, '0'),
      wallet: String(fields.wallet),
      wallet_extra: optionalText(fields.wallet_extra),
      callback_url: optionalText(fields.callback_url),
      extra: optionalText(fields.extra),
      createdAt: context.now(),
      finalAt: undefined,
      callbacks: [],
    };
    ledger.payoffs.set(payoff.id, payoff);
    return ok(c, payoffInfo(payoff));
  });
  step('payoff', ledger.payoffs, 'Payoff', payoffInfo, (c, payoff) => {
    if (!ledger.covers(payoff.method, payoff.deduction)) return refuse(c, INSUFFICIENT);
    ledger.debit(payoff.method, payoff.deduction);
    return undefined;
  });

  // Swaps between two of the register's balances.
  post(app, scope, 'swap/create', (c, body) => {
    const { fields } = body;
    const missing = missingFields(body, ['pair_id', 'amount', 'amount_type', 'signature']);
    if (missing.length > 0) return refuse(c, ...missing);
    const amount = amountOf(body);
    const pairId = wholeOf(body, 'pair_id', 0);
    const errors = [
      ...(pairId === undefined ? ['`pair_id` field is invalid'] : []),
      ...(amount ? [] : ['`amount` field is invalid']),
      ...(fields.amount_type === 'source' || fields.amount_type === 'target'
        ? []
        : ['`amount_type` field is invalid']),
    ];
    if (errors.length > 0 || !amount) return refuse(c, ...errors);
    if (!validSignature(body, 'swap/create', salt)) return refuse(c, 'Invalid signature');
    const pair = PAIRS.find(({ id }) => id === pairId);
    if (!pair) return refuse(c, 'Pair not found');
    if (!ledger.covers(pair.source.method, amount)) return refuse(c, INSUFFICIENT);
    const now = context.now();
    const swap: Swap = {
      id: `swap_${context.randomId(12)}`,
      state: 'created',
      pair,
      amount_type: String(fields.amount_type),
      amount,
      createdAt: now,
      expiresAt: now + SWAP_QUOTE_MS,
      finalAt: undefined,
    };
    ledger.swaps.set(swap.id, swap);
    return ok(c, swapInfo(swap));
  });
  step('swap', ledger.swaps, 'Swap', swapInfo, (c, swap) => {
    // Price 1: the source gives what the target gets, whichever side `amount` names.
    if (!ledger.covers(swap.pair.source.method, swap.amount)) return refuse(c, INSUFFICIENT);
    ledger.debit(swap.pair.source.method, swap.amount);
    ledger.move(swap.pair.target.method, swap.amount);
    return undefined;
  });

  // Transfers to another cash register (by its login).
  post(app, scope, 'transfer/create', (c, body) => {
    const { fields } = body;
    const missing = missingFields(body, ['method', 'amount', 'receiver', 'signature']);
    if (missing.length > 0) return refuse(c, ...missing);
    const amount = amountOf(body);
    if (!amount) return refuse(c, '`amount` field is invalid');
    if (!validSignature(body, 'transfer/create', salt)) return refuse(c, 'Invalid signature');
    const method = methodInfo(fields.method);
    if (!method) return refuse(c, 'Method not found');
    // [sandbox guess] every other login is a cash register; your own is not a receiver.
    if (typeof fields.receiver !== 'string' || fields.receiver === context.credentials.login) {
      return refuse(c, 'Receiver not found');
    }
    if (!ledger.covers(method.method, amount)) return refuse(c, INSUFFICIENT);
    const transfer: Transfer = {
      id: ledger.nextTransferId(),
      state: 'created',
      method,
      amount,
      sender: context.credentials.login,
      receiver: fields.receiver,
      description: optionalText(fields.description),
      createdAt: context.now(),
      finalAt: undefined,
    };
    ledger.transfers.set(String(transfer.id), transfer);
    return ok(c, transferInfo(transfer));
  });
  step('transfer', ledger.transfers, 'Transfer', transferInfo, (c, transfer) => {
    if (!ledger.covers(transfer.method.method, transfer.amount)) return refuse(c, INSUFFICIENT);
    ledger.debit(transfer.method.method, transfer.amount);
    return undefined;
  });
}

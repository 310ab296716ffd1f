import type { Hono } from 'hono';
import { sqlDateTime } from '../shared/time.ts';
import {
  BASE_CURRENCIES,
  METHODS,
  type MethodInfo,
  methodInfo,
  PAIRS,
  type SwapPair,
  TICKERS,
} from './ledger.ts';
import { ok, refuse, wholeOf } from './request.ts';
import { type CrystalScope, page, post } from './routes.ts';

// Reads of the cash register and its reference data: me, balances, methods, tickers, swap pairs.

/** A swap pair as `swap/pair/*` show it. Rates are 1:1 in the sandbox. */
export function pairInfo(pair: SwapPair): Record<string, unknown> {
  const side = ({ method, name, currency }: MethodInfo) => ({ method, name, currency });
  return { source: side(pair.source), target: side(pair.target), price: '1' };
}

export function referenceRoutes(app: Hono, scope: CrystalScope): void {
  const { context, ledger } = scope;

  const balanceOf = ({ name, currency, amount_accuracy, method }: MethodInfo) => ({
    name,
    amount: ledger.balance(method),
    currency,
    amount_accuracy,
  });

  /** The short entry of `method/list/`; `method/get/` adds the terms. */
  const methodEntry = (info: MethodInfo, compact: boolean) => {
    const settings = ledger.settings.get(info.method);
    const entry: Record<string, unknown> = {
      name: info.name,
      currency: info.currency,
      amount_accuracy: info.amount_accuracy,
      minimal_status_level: 0,
    };
    if (compact || !settings) return entry;
    return {
      ...entry,
      settings: {
        in: {
          enabled: settings.inEnabled,
          extra_commissions: { amount: '0', percent: settings.extraCommissionPercent },
        },
        out: { enabled: settings.outEnabled, extra_commissions: { amount: '0', percent: '0' } },
      },
    };
  };

  post(app, scope, 'me/info', (c) =>
    ok(c, {
      id: 1,
      name: context.credentials.login,
      status_level: 1,
      created_at: sqlDateTime(0),
    }),
  );

  post(app, scope, 'balance/list', (c, { fields }) => {
    if (fields.hide_empty !== undefined && typeof fields.hide_empty !== 'boolean') {
      return refuse(c, '`hide_empty` field is invalid');
    }
    const entries = METHODS.map((info) => [info.method, balanceOf(info)] as const).filter(
      ([, balance]) => !fields.hide_empty || balance.amount !== '0',
    );
    // CrystalPay (PHP) sends an empty map as `[]`.
    return ok(c, { items: entries.length > 0 ? Object.fromEntries(entries) : [] });
  });

  post(app, scope, 'balance/get', (c, { fields }) => {
    if (fields.method === undefined) return refuse(c, '`method` field is required');
    const info = methodInfo(fields.method);
    return info
      ? ok(c, { method: info.method, ...balanceOf(info) })
      : refuse(c, 'Method not found');
  });

  post(app, scope, 'method/list', (c, { fields }) => {
    if (fields.compact !== undefined && typeof fields.compact !== 'boolean') {
      return refuse(c, '`compact` field is invalid');
    }
    const compact = fields.compact === true;
    return ok(c, {
      items: Object.fromEntries(METHODS.map((info) => [info.method, methodEntry(info, compact)])),
    });
  });

  post(app, scope, 'method/get', (c, { fields }) => {
    if (fields.method === undefined) return refuse(c, '`method` field is required');
    const info = methodInfo(fields.method);
    const settings = info && ledger.settings.get(info.method);
    if (!info || !settings) return refuse(c, 'Method not found');
    // `method/get/` writes its numbers as strings (the docs; `method/list/` as numbers).
    const terms = (enabled: boolean) => ({
      enabled,
      limits: { min: '0', max: '1000000' },
      commissions: { amount: '0', percent: '0' },
      fee: '0',
    });
    return ok(c, {
      method: info.method,
      ...methodEntry(info, false),
      amount_accuracy: String(info.amount_accuracy),
      minimal_status_level: '0',
      in: terms(settings.inEnabled),
      out: terms(settings.outEnabled),
    });
  });

  post(app, scope, 'method/edit', (c, { fields }) => {
    if (fields.method === undefined) return refuse(c, '`method` field is required');
    const errors: string[] = [];
    if (fields.enabled !== undefined && typeof fields.enabled !== 'boolean') {
      errors.push('`enabled` field is invalid');
    }
    const percent = fields.extra_commission_percent;
    if (
      percent !== undefined &&
      !(typeof percent === 'number' && Number.isFinite(percent) && percent >= 0 && percent <= 100)
    ) {
      errors.push('`extra_commission_percent` field is invalid');
    }
    if (errors.length > 0) return refuse(c, ...errors);
    const settings = ledger.settings.get(String(fields.method));
    if (!settings) return refuse(c, 'Method not found');
    if (typeof fields.enabled === 'boolean') settings.inEnabled = fields.enabled;
    if (typeof percent === 'number') settings.extraCommissionPercent = String(percent);
    return ok(c, {});
  });

  post(app, scope, 'ticker/list', (c) => ok(c, { tickers: [...TICKERS] }));

  post(app, scope, 'ticker/get', (c, { fields }) => {
    const { tickers } = fields;
    if (tickers === undefined) return refuse(c, '`tickers` field is required');
    if (!Array.isArray(tickers) || tickers.length === 0) {
      return refuse(c, '`tickers` field is invalid');
    }
    const base = fields.base_currency ?? 'RUB';
    if (!BASE_CURRENCIES.includes(base as string)) return refuse(c, 'Currency not found');
    if (!tickers.every((ticker) => TICKERS.includes(ticker))) return refuse(c, 'Ticker not found');
    // Every price is 1 in the sandbox (rates are 1:1).
    return ok(c, {
      base_currency: base,
      currencies: Object.fromEntries(tickers.map((ticker) => [ticker, { price: '1' }])),
    });
  });

  post(app, scope, 'swap/pair/list', (c, body) => {
    const pageNumber = wholeOf(body, 'page', 1);
    const perPage = wholeOf(body, 'items', 1);
    const errors = [
      ...(pageNumber === undefined ? ['`page` field is invalid'] : []),
      ...(perPage === undefined ? ['`items` field is invalid'] : []),
    ];
    if (pageNumber === undefined || perPage === undefined) return refuse(c, ...errors);
    const { source, target } = body.fields;
    const pairs = PAIRS.filter(
      (pair) =>
        (source === undefined || pair.source.method === source) &&
        (target === undefined || pair.target.method === target),
    );
    const { items, has_next_page } = page(pairs, pageNumber, perPage);
    return ok(c, {
      // Keyed by pair id; an empty map is `[]`, as CrystalPay (PHP) sends it.
      items: items.length > 0 ? Object.fromEntries(items.map((p) => [p.id, pairInfo(p)])) : [],
      has_next_page,
    });
  });

  post(app, scope, 'swap/pair/get', (c, body) => {
    if (body.fields.pair_id === undefined) return refuse(c, '`pair_id` field is required');
    const pair = PAIRS.find(({ id }) => id === wholeOf(body, 'pair_id', 0));
    return pair ? ok(c, pairInfo(pair)) : refuse(c, 'Pair not found');
  });
}

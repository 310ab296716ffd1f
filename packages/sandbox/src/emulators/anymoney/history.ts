import { addDecimal, compareDecimal } from '../../decimal-math.ts';
import { movementsOf } from './balances.ts';
import { Refusal } from './errors.ts';
import { pageOf, timeParam } from './merchant.ts';
import { orderOf, typeOf } from './payloads.ts';
import { stateOf } from './state.ts';
import type { AnyMoneyContext, Method, Params } from './types.ts';
import { checkPayway, currencyParam, externalIdParam } from './validation.ts';

// history.*: pages of one order type (newest first), the balance statement, an address's orders.

const optional = {} as const;
const page = { count: optional, first: optional };
const currencies = { in_curr: optional, out_curr: optional };

/** The orders of type `tp`, newest first, filtered by currencies and payway. */
function ordersPage(tp: string, params: Params, context: AnyMoneyContext) {
  for (const field of ['in_curr', 'out_curr'])
    if (params[field] !== undefined) currencyParam(params, field);
  checkPayway(params);
  const orders = context.store
    .list('anymoney')
    .filter((order) => typeOf(order) === tp)
    .reverse()
    .map(orderOf)
    .filter((order) =>
      ['in_curr', 'out_curr'].every(
        (field) => params[field] === undefined || order[field] === params[field],
      ),
    )
    .filter((order) => params.payway === undefined || order.payway_name === params.payway);
  return pageOf(orders, params);
}

const ordersOf = (tp: string, withPayway: boolean): Method => ({
  params: { ...page, ...currencies, ...(withPayway ? { payway: optional } : {}) },
  run: (params, context) => ordersPage(tp, params, context),
});

/** A statement filter like `>123.4`, `<=10` or `=5` (a bare number means `=`). */
function amountFilter(params: Params, field: string): (amount: string) => boolean {
  const value = params[field] as string | undefined;
  if (value === undefined) return () => true;
  const match = /^(>=|<=|>|<|=)?(\d+(?:\.\d+)?)$/.exec(value);
  if (!match) throw new Refusal('EParamFieldInvalid', { field, value });
  const [, operator = '=', bound = '0'] = match;
  return (amount) => {
    const order = compareDecimal(amount.replace(/^-/, ''), bound);
    return { '>': order > 0, '<': order < 0, '>=': order >= 0, '<=': order <= 0, '=': order === 0 }[
      operator
    ] as boolean;
  };
}

export const HISTORY_METHODS: Record<string, Method> = {
  'history.invoice': ordersOf('invoice', true),
  'history.code': ordersOf('coderedeem', true),
  'history.payout': ordersOf('payout', true),
  'history.convert': ordersOf('convert', false),
  'history.transfer': ordersOf('transfer', false),

  // Balance movements with the balance after each; fees are zero in the sandbox.
  'history.statement': {
    params: {
      ...page,
      begin: optional,
      end: optional,
      curr: optional,
      externalid: optional,
      filter_amount: optional,
      filter_fee: optional,
      group: optional,
      ord_by: optional,
      ord_dir: { boolean: true },
    },
    run(params, context) {
      if (params.curr !== undefined) currencyParam(params, 'curr');
      if (params.externalid !== undefined) externalIdParam(params);
      const begin = timeParam(params, 'begin') ?? 0;
      const end = timeParam(params, 'end') ?? Number.MAX_SAFE_INTEGER;
      const byAmount = amountFilter(params, 'filter_amount');
      const byFee = amountFilter(params, 'filter_fee');
      const group = params.group as string | undefined;
      if (group !== undefined && !['inpay', 'outpay', 'convert', 'transfer'].includes(group))
        throw new Refusal('EParamFieldInvalid', { field: 'group', value: group });
      const orderBy = (params.ord_by as string | undefined) ?? 'ctime';
      if (orderBy !== 'ctime' && orderBy !== 'amount')
        throw new Refusal('EParamFieldInvalid', { field: 'ord_by', value: orderBy });
      const running: Record<string, string> = {};
      const entries = movementsOf(context)
        .map((movement) => {
          running[movement.curr] = addDecimal(running[movement.curr] ?? '0', movement.amount);
          return { movement, balance: running[movement.curr] as string };
        })
        .filter(({ movement }) => movement.ctime >= begin && movement.ctime <= end)
        .filter(({ movement }) => params.curr === undefined || movement.curr === params.curr)
        .filter(
          ({ movement }) =>
            params.externalid === undefined || movement.externalid === params.externalid,
        )
        .filter(({ movement }) => group === undefined || movement.group === group)
        .filter(({ movement }) => byAmount(movement.amount) && byFee('0'))
        .map(({ movement, balance }) => ({
          amount: movement.amount,
          balance,
          ctime: movement.ctime,
          curr: movement.curr,
          externalid: movement.externalid,
          fee: '0',
          model: movement.tp === 'code' ? 'code' : movement.tp,
          oid: movement.oid,
          other_curr: movement.other_curr,
          payway: movement.payway ?? null,
          tp: movement.tp,
        }));
      if (orderBy === 'amount') entries.sort((a, b) => compareDecimal(a.amount, b.amount));
      // ord_dir true is ascending; newest (or largest) first by default [sandbox guess].
      if (params.ord_dir !== true) entries.reverse();
      return pageOf(entries, params);
    },
  },

  // The orders paid to one static address. The sandbox has no way to pay to an address (no
  // chain), so an existing address's page is empty.
  'history.address': {
    params: {
      ...page,
      begin: optional,
      end: optional,
      addr_id: { required: true },
      out_curr: optional,
      status: optional,
      tp: optional,
    },
    run(params, context) {
      if (params.out_curr !== undefined) currencyParam(params, 'out_curr');
      timeParam(params, 'begin');
      timeParam(params, 'end');
      const status = params.status as string | undefined;
      if (status !== undefined && !['unfinished', 'done', 'fail'].includes(status))
        throw new Refusal('EParamFieldInvalid', { field: 'status', value: status });
      const tp = params.tp as string | undefined;
      if (tp !== undefined && !['payin', 'invoice', 'autopayin'].includes(tp))
        throw new Refusal('EParamFieldInvalid', { field: 'tp', value: tp });
      const id = params.addr_id as string;
      if (!stateOf(context).addresses.some((address) => String(address.id) === id))
        throw new Refusal('EParamNotFound', { field: 'addr_id', value: id });
      return pageOf([], params);
    },
  },
};

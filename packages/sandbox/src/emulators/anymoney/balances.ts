import { addDecimal } from '../../decimal-math.ts';
import type { SandboxInvoice } from '../../invoice-store.ts';
import type { MoneyOrderFields } from './payloads.ts';
import { typeOf } from './payloads.ts';
import { stateOf } from './state.ts';
import type { AnyMoneyContext } from './types.ts';

/** One change of a balance, as `history.statement` lists it. */
export interface Movement {
  /** Signed: negative takes from the balance. */
  amount: string;
  curr: string;
  other_curr: string;
  ctime: number;
  externalid: string;
  /** The order type (`invoice`, `payout`, …; `code` for a code's issue). */
  tp: string;
  payway: string | undefined;
  oid: number;
  /** The statement's `group`. */
  group: 'inpay' | 'outpay' | 'convert' | 'transfer';
}

const negative = (amount: string) => `-${amount}`;

/** Whether a money-out order was given back (failed or canceled): its debit is refunded. */
const refunded = (order: SandboxInvoice) => order.state === 'failed' || order.state === 'canceled';

/**
 * Every balance movement, oldest first: paid invoices credit their out_curr; payouts, converts
 * and code issues debit at creation (and are refunded when they fail or are canceled); transfers
 * debit; converts credit their out_curr and redeemed codes credit once done. Fees are zero.
 */
export function movementsOf(context: AnyMoneyContext): Movement[] {
  const movements: Movement[] = [];
  for (const order of context.store.list('anymoney')) {
    const tp = typeOf(order);
    if (tp === 'invoice') {
      if (order.state !== 'paid') continue;
      const curr = (order.fields.out_curr as string | undefined) ?? order.currency;
      movements.push({
        amount: order.amount,
        curr,
        other_curr: order.currency,
        ctime: order.finalAt ?? order.createdAt,
        externalid: order.id,
        tp,
        payway: order.fields.payway as string | undefined,
        oid: Number(order.fields.oid ?? 0),
        group: 'inpay',
      });
      continue;
    }
    const fields = order.fields as unknown as MoneyOrderFields;
    const base = {
      externalid: order.id,
      tp,
      payway: fields.payway,
      oid: fields.oid,
    };
    const finalAt = order.finalAt ?? order.createdAt;
    if (tp === 'coderedeem') {
      if (order.state === 'paid')
        movements.push({
          ...base,
          amount: fields.in_amount,
          curr: fields.in_curr,
          other_curr: fields.in_curr,
          ctime: finalAt,
          group: 'inpay',
        });
      continue;
    }
    const group = tp === 'payout' ? 'outpay' : (tp as 'convert' | 'transfer');
    movements.push({
      ...base,
      amount: negative(fields.in_amount),
      curr: fields.in_curr,
      other_curr: fields.out_curr,
      ctime: order.createdAt,
      group,
    });
    if (refunded(order))
      movements.push({
        ...base,
        amount: fields.in_amount,
        curr: fields.in_curr,
        other_curr: fields.out_curr,
        ctime: finalAt,
        group,
      });
    else if (tp === 'convert' && order.state === 'paid')
      movements.push({
        ...base,
        amount: fields.out_amount,
        curr: fields.out_curr,
        other_curr: fields.in_curr,
        ctime: finalAt,
        group,
      });
  }
  for (const code of stateOf(context).codes.values()) {
    movements.push({
      amount: negative(code.amount),
      curr: code.curr,
      other_curr: code.curr,
      ctime: code.ctime,
      externalid: code.externalid,
      tp: 'code',
      payway: code.payway,
      oid: 0,
      group: 'outpay',
    });
  }
  return movements.sort((a, b) => a.ctime - b.ctime);
}

/** The merchant's balance of `curr`: the sum of its movements. */
export function balanceOf(context: AnyMoneyContext, curr: string): string {
  return movementsOf(context)
    .filter((movement) => movement.curr === curr)
    .reduce((sum, movement) => addDecimal(sum, movement.amount), '0');
}

/** What open payouts and converts hold of `curr` (debited, not yet final). */
export function holdOf(context: AnyMoneyContext, curr: string): string {
  return context.store
    .list('anymoney')
    .filter((order) => ['payout', 'convert'].includes(typeOf(order)) && order.state === 'created')
    .map((order) => order.fields as unknown as MoneyOrderFields)
    .filter((fields) => fields.in_curr === curr)
    .reduce((sum, fields) => addDecimal(sum, fields.in_amount), '0');
}

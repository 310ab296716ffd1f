import { positiveDecimal } from '../shared/amount.ts';
import type { Form } from './form.ts';

const CURRENCIES = ['USD', 'EUR', 'RUB'];
const TIME_TO_PAY_HOURS = ['0.5', '1', '3', '6', '12'];
export const LIST_STATUSES = ['unpaid', 'canceled', 'paid', 'expired'];

export const required = (name: string) => `Parameter ${name} is required`;

/** The first problem with an `invoices/create` form, in the order of the docs' table, if any. */
export function createProblem(form: Form, projectId: string): string | undefined {
  for (const name of ['projectId', 'amountFiat', 'currencyFiat', 'timeToPay']) {
    if (form[name] === undefined) return required(name);
  }
  // Any other project, UUID or not, is not one of this key's.
  if (form.projectId!.toLowerCase() !== projectId.toLowerCase()) return 'Project not found';
  if (!positiveDecimal(form.amountFiat)) return 'Parameter amountFiat must be a positive number';
  if (!CURRENCIES.includes(form.currencyFiat!)) {
    return 'Parameter currencyFiat must be one of USD, EUR, RUB';
  }
  if (!TIME_TO_PAY_HOURS.includes(positiveDecimal(form.timeToPay) ?? '')) {
    return 'Parameter timeToPay must be one of 0.5, 1, 3, 6, 12';
  }
  return undefined;
}

/** The first problem with the optional filters of the list calls, if any. */
export function filterProblem(form: Form): string | undefined {
  for (const name of ['startDate', 'endDate']) {
    const value = form[name];
    if (value !== undefined && !isDate(value)) return `Parameter ${name} must be a date as Y-m-d`;
  }
  for (const name of ['offset', 'limit']) {
    const value = form[name];
    if (value !== undefined && !/^\d+$/.test(value)) return `Parameter ${name} must be a number`;
  }
  return undefined;
}

/** A real calendar date as `Y-m-d` (not `2024-02-30`, which `Date` would roll over). */
function isDate(value: string): boolean {
  const time = Date.parse(`${value}T00:00:00Z`);
  return (
    /^\d{4}-\d{2}-\d{2}$/.test(value) &&
    !Number.isNaN(time) &&
    new Date(time).toISOString().startsWith(value)
  );
}

import type { CreateInvoiceCall } from './adapter.ts';

/** One side of a comparison: the SDK, the raw fetch, or a peer. */
export interface Variant {
  name: string;
  call: CreateInvoiceCall;
}

/**
 * The variants in a rotating order: round 0 is A B C, round 1 is B C A, … Every variant runs in
 * every position equally often, so drift on a shared machine (another job starting, the CPU
 * clocking down) falls on all of them alike instead of on whichever ran last.
 */
export function rotation<T>(items: readonly T[], round: number): T[] {
  const shift = round % items.length;
  return [...items.slice(shift), ...items.slice(0, shift)];
}

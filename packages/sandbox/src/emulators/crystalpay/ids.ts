import type { EmulatorContext } from '../../emulator.ts';

/** A CrystalPay id, invoice or payoff: `123456789_abcdefghij`. */
export function crystalId(context: Pick<EmulatorContext<unknown>, 'randomId'>): string {
  return `${Math.floor(100_000_000 + Math.random() * 899_999_999)}_${context.randomId(10)}`;
}

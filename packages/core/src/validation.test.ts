import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { type OpenEnum, openEnum } from './validation.ts';

const STATES = ['notpayed', 'payed'] as const;

describe('openEnum', () => {
  it('passes documented and undocumented values through unchanged', () => {
    const schema = openEnum(STATES);
    expect(v.parse(schema, 'payed')).toBe('payed');
    const fresh = v.parse(schema, 'refunded');
    expect(String(fresh)).toBe('refunded');
    expect(v.safeParse(schema, 1).success).toBe(false);
  });

  it('refuses, at compile time, a comparison with a value the provider does not have', () => {
    const state = v.parse(openEnum(STATES), 'payed') as OpenEnum<(typeof STATES)[number]>;
    expect(state === 'payed').toBe(true);
    // @ts-expect-error: 'paid' is not a CrystalPay state (it spells it `payed`).
    expect(state === 'paid').toBe(false);
    const text: string = `${String(state)}`;
    expect(text).toBe('payed');
  });
});

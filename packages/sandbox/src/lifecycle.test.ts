import { describe, expect, it } from 'vitest';
import { addDecimal, compareDecimal, halveDecimal, subtractDecimal } from './decimal-math.ts';
import { isFinal, nextState } from './lifecycle.ts';

describe('invoice lifecycle', () => {
  it('moves an open invoice to the state of each action', () => {
    expect(nextState('created', 'pay')).toEqual({ ok: true, state: 'paid' });
    expect(nextState('created', 'pay-partial')).toEqual({ ok: true, state: 'partial' });
    expect(nextState('partial', 'pay')).toEqual({ ok: true, state: 'paid' });
    expect(nextState('partial', 'expire')).toEqual({ ok: true, state: 'expired' });
    expect(nextState('created', 'fail')).toEqual({ ok: true, state: 'failed' });
    expect(nextState('created', 'cancel')).toEqual({ ok: true, state: 'canceled' });
  });

  it('refuses to change a final invoice or to part-pay twice', () => {
    for (const state of ['paid', 'expired', 'failed', 'canceled'] as const) {
      expect(isFinal(state)).toBe(true);
      expect(nextState(state, 'pay')).toEqual({
        ok: false,
        reason: `the invoice is already ${state}`,
      });
    }
    expect(nextState('partial', 'pay-partial').ok).toBe(false);
    expect(isFinal('partial')).toBe(false);
  });
});

describe('decimal math', () => {
  it('halves at the amount own scale, rounding down', () => {
    expect(halveDecimal('100')).toBe('50');
    expect(halveDecimal('100.5')).toBe('50.2');
    expect(halveDecimal('0.01')).toBe('0');
    expect(halveDecimal('1500.50')).toBe('750.25');
  });

  it('adds and compares exactly, either sign', () => {
    expect(addDecimal('0.1', '0.2')).toBe('0.3');
    expect(addDecimal('100.50', '-0.5')).toBe('100');
    expect(addDecimal('-0.5', '0.25')).toBe('-0.25');
    expect(compareDecimal('10.5', '10.50')).toBe(0);
    expect(compareDecimal('-1', '0.01')).toBe(-1);
    expect(compareDecimal('2', '1.99')).toBe(1);
  });

  it('subtracts exactly', () => {
    expect(subtractDecimal('0', '0.5')).toBe('-0.5');
    expect(subtractDecimal('100.5', '50.2')).toBe('50.3');
    expect(subtractDecimal('100', '0.01')).toBe('99.99');
    expect(subtractDecimal('0.3', '0.1')).toBe('0.2');
  });
});

import { describe, expect, it } from 'vitest';
import { table } from './format.ts';

describe('table', () => {
  it('pads every column to its widest cell, counting µ and × once', () => {
    expect(
      table(
        ['package', 'CPU'],
        [
          ['@pay/x', '12.5 µs'],
          ['a|b', '1.05×'],
        ],
      ),
    ).toBe(
      [
        '| package | CPU     |',
        '| ------- | ------- |',
        '| @pay/x  | 12.5 µs |',
        '| a\\|b    | 1.05×   |',
      ].join('\n'),
    );
  });
});

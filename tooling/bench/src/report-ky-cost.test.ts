import { describe, expect, it } from 'vitest';
import { BARE_KY, RAW } from './comparisons.ts';
import type { CpuResult } from './cpu-phase.ts';
import type { GroupResult } from './network-phase.ts';
import { costSplit, kyCostSplits, kyCostTable } from './report-ky-cost.ts';
import type { ProviderFigures } from './targets.ts';

const latency = (medianMs: number) => ({ medianMs, p99Ms: medianMs * 2, samples: 100 });

function figures(withLatency: boolean): ProviderFigures {
  const group = {
    id: 'x',
    latency: withLatency
      ? { '@pay/x': latency(0.5), [BARE_KY]: latency(0.45), [RAW]: latency(0.4) }
      : {},
  } as unknown as GroupResult;
  const cpu = {
    figures: { microsPerCall: { '@pay/x': 120, [BARE_KY]: 55, [RAW]: 30 } },
  } as unknown as CpuResult;
  return {
    info: { id: 'x', packageName: '@pay/x', sizeBudget: '1 kB' },
    group,
    cpu,
  } as unknown as ProviderFigures;
}

describe('the ky cost split', () => {
  it('is ky − raw fetch for ky, SDK − ky for the SDK beyond it', () => {
    expect(costSplit(30, 55, 120)).toEqual({ raw: 30, ky: 55, sdk: 120, kyOwn: 25, beyondKy: 65 });
  });

  it('takes CPU from the stub-fetch figures and latency (in µs) from the medians', () => {
    const { cpu, latency: split } = kyCostSplits(figures(true));
    expect(cpu).toEqual({ raw: 30, ky: 55, sdk: 120, kyOwn: 25, beyondKy: 65 });
    expect(split?.kyOwn).toBeCloseTo(50);
    expect(split?.beyondKy).toBeCloseTo(50);
  });

  it('shows a CPU row per provider, and a latency row where latency was measured', () => {
    const withLatency = kyCostTable([figures(true)]).split('\n');
    expect(withLatency).toHaveLength(4);
    expect(withLatency[2]).toMatch(
      /^\| `@pay\/x` \| CPU \(stub fetch\) +\| 30\.0 µs +\| 55\.0 µs +\| 120\.0 µs \| \+25\.0 µs +\| \+65\.0 µs +\|$/,
    );
    expect(withLatency[3]).toContain('| latency c=1 (median) | 400.0 µs');
    expect(kyCostTable([figures(false)]).split('\n')).toHaveLength(3);
  });
});

import { describe, expect, it } from 'vitest';
import type { PeerAdapter, ProviderAdapter } from './adapter.ts';
import { comparisonGroups } from './comparisons.ts';
import { rotation } from './interleave.ts';

const subject = {
  packageName: 'x',
  bundleExport: 'x',
  prepare: () => async () => undefined,
  rawRequest: { method: 'POST' as const, path: 'p', headers: {}, body: '' },
  response: { status: 200, contentType: 'application/json', body: '{}' },
};
const provider = (id: string): ProviderAdapter => ({ ...subject, id, sizeBudget: '1 kB' });
const peer = (id: string, comparesWith: string): PeerAdapter => ({
  ...subject,
  id,
  registrySpec: `${id}@1.0.0`,
  comparesWith,
  acceptsFetch: false,
});

describe('comparisonGroups', () => {
  it('puts a peer beside the provider it compares with', () => {
    const groups = comparisonGroups([provider('a'), provider('b')], [peer('b-peer', 'b')]);
    expect(
      groups.map((group) => [group.id, group.provider?.id, group.peers.map((p) => p.id)]),
    ).toEqual([
      ['a', 'a', []],
      ['b', 'b', ['b-peer']],
    ]);
  });

  it('keeps a slot for a provider that has not landed: its peers alone, provider undefined', () => {
    const groups = comparisonGroups([provider('a')], [peer('c-peer', 'c'), peer('c-other', 'c')]);
    expect(groups[1]?.id).toBe('c');
    expect(groups[1]?.provider).toBeUndefined();
    expect(groups[1]?.peers.map((p) => p.id)).toEqual(['c-peer', 'c-other']);
  });
});

describe('rotation', () => {
  it('puts every item in every position once over as many rounds', () => {
    const rounds = [0, 1, 2].map((round) => rotation(['a', 'b', 'c'], round));
    expect(rounds).toEqual([
      ['a', 'b', 'c'],
      ['b', 'c', 'a'],
      ['c', 'a', 'b'],
    ]);
  });
});

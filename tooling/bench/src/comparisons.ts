import type { PeerAdapter, ProviderAdapter } from './adapter.ts';

/**
 * The clients raced against one raw request: a `@pay/*` provider with the peers that compare
 * with it, or, while that provider has not landed, its peers alone (`provider` undefined).
 */
export interface ComparisonGroup {
  /** The provider id (`crystalpay`, `cryptocloud`). */
  id: string;
  provider?: ProviderAdapter | undefined;
  peers: PeerAdapter[];
}

/** Groups every provider with its peers, then adds a group for peers whose provider is missing. */
export function comparisonGroups(
  providers: readonly ProviderAdapter[],
  peers: readonly PeerAdapter[],
): ComparisonGroup[] {
  const groups: ComparisonGroup[] = providers.map((provider) => ({
    id: provider.id,
    provider,
    peers: peers.filter((peer) => peer.comparesWith === provider.id),
  }));
  for (const peer of peers) {
    if (providers.some((provider) => provider.id === peer.comparesWith)) continue;
    const pending = groups.find((group) => group.id === peer.comparesWith);
    if (pending) pending.peers.push(peer);
    else groups.push({ id: peer.comparesWith, peers: [peer] });
  }
  return groups;
}

/** The names the baselines have in results and the report. */
export const RAW = 'raw fetch';
/** The raw request sent through bare `ky`, the HTTP client under `@pay/core`'s transport. */
export const BARE_KY = 'bare ky';

import type { InvoiceSubject } from './adapter.ts';
import { prepareBareKy } from './bare-ky.ts';
import { BARE_KY, type ComparisonGroup, RAW } from './comparisons.ts';
import { checkIdenticalRequests } from './identity-check.ts';
import type { Variant } from './interleave.ts';
import { type LatencyFigures, measureLatency } from './latency.ts';
import { type Loopback, startLoopback } from './loopback.ts';
import type { LoopbackRoute } from './loopback-protocol.ts';
import { canForceGc, type HeapFigures, measureHeapGrowth } from './memory.ts';
import { prepareRaw } from './raw-fetch.ts';
import type { BenchSettings } from './settings.ts';
import { measureThroughput, type ThroughputFigures } from './throughput.ts';

/** Throughput of every variant at one concurrency, and how busy the server was meanwhile. */
interface ThroughputAt {
  concurrency: number;
  byVariant: Record<string, ThroughputFigures>;
  /** CPU time of the loopback server process over the phase's wall time, 0–100 (one core). */
  serverBusyPercent: number;
}

/** Everything measured against the loopback server for one comparison group. */
export interface GroupResult {
  id: string;
  /** Variant name of our SDK (`@pay/crystalpay`); undefined while the package is pending. */
  sdk?: string | undefined;
  peers: string[];
  latency: Record<string, LatencyFigures>;
  throughput: ThroughputAt[];
  /** Transport headers a peer's HTTP stack adds that raw fetch does not, by peer. */
  toleratedHeaderDifferences: Record<string, string[]>;
  /** Heap growth over many calls, SDK and raw; undefined without --expose-gc or pending SDK. */
  heap?: { sdk: HeapFigures; raw: HeapFigures } | undefined;
}

/**
 * Starts the loopback server with every subject's documented answer, checks each client sends
 * the same request as its raw counterpart, then measures latency, throughput and heap growth,
 * group by group. Stops the server whatever happens.
 */
export async function runNetworkPhase(
  groups: readonly ComparisonGroup[],
  settings: BenchSettings,
  log: (line: string) => void,
): Promise<GroupResult[]> {
  const subjects = groups.flatMap((group) => [
    ...(group.provider ? [group.provider] : []),
    ...group.peers,
  ]);
  const loopback = await startLoopback(subjects.map(routeOf));
  try {
    const results: GroupResult[] = [];
    for (const group of groups) results.push(await measureGroup(group, loopback, settings, log));
    return results;
  } finally {
    loopback.stop();
  }
}

function routeOf(subject: InvoiceSubject): LoopbackRoute {
  return {
    method: subject.rawRequest.method,
    path: `/${subject.id}/${subject.rawRequest.path}`,
    ...subject.response,
  };
}

async function measureGroup(
  group: ComparisonGroup,
  loopback: Loopback,
  settings: BenchSettings,
  log: (line: string) => void,
): Promise<GroupResult> {
  const baseUrlOf = (subject: InvoiceSubject) => `${loopback.origin}/${subject.id}`;
  // The raw side sends the provider's request; while the provider is pending, the peer's.
  const rawSubject = group.provider ?? group.peers[0];
  if (!rawSubject) throw new Error(`group ${group.id} has nothing to measure`);
  const rawTarget = { baseUrl: baseUrlOf(rawSubject) };
  const raw: Variant = { name: RAW, call: prepareRaw(rawSubject.rawRequest, rawTarget) };
  // The same raw request through bare ky: ky's own cost is the gap to raw fetch, and the SDK's
  // cost beyond its HTTP client the gap from ky to the SDK.
  const bareKy: Variant = { name: BARE_KY, call: prepareBareKy(rawSubject.rawRequest, rawTarget) };
  log(`${group.id}: checking that bare ky and raw fetch send identical requests`);
  await checkIdenticalRequests(loopback, BARE_KY, bareKy.call, raw.call, {
    headers: 'all',
    listed: Object.keys(rawSubject.rawRequest.headers),
  });
  const variants: Variant[] = [];
  let sdk: Variant | undefined;
  if (group.provider) {
    const provider = group.provider;
    sdk = { name: provider.packageName, call: provider.prepare({ baseUrl: baseUrlOf(provider) }) };
    log(`${group.id}: checking that ${sdk.name} and raw fetch send identical requests`);
    await checkIdenticalRequests(loopback, sdk.name, sdk.call, raw.call, {
      headers: 'all',
      listed: Object.keys(provider.rawRequest.headers),
    });
    variants.push(sdk);
  }
  variants.push(bareKy, raw);
  const tolerated: Record<string, string[]> = {};
  for (const peer of group.peers) {
    const call = peer.prepare({ baseUrl: baseUrlOf(peer) });
    const peerRaw = prepareRaw(peer.rawRequest, { baseUrl: baseUrlOf(peer) });
    log(`${group.id}: checking that ${peer.packageName} and raw fetch send the same request`);
    const report = await checkIdenticalRequests(loopback, peer.packageName, call, peerRaw, {
      headers: 'listed',
      listed: Object.keys(peer.rawRequest.headers),
    });
    tolerated[peer.packageName] = report.toleratedDifferences;
    variants.push({ name: peer.packageName, call });
  }

  log(
    `${group.id}: latency at concurrency 1 (${settings.latency.rounds} calls per side, interleaved)`,
  );
  const latency = await measureLatency(variants, settings.latency);
  const throughput: ThroughputAt[] = [];
  for (const concurrency of settings.throughput.concurrencies) {
    log(`${group.id}: throughput at concurrency ${concurrency}`);
    const serverBefore = await loopback.cpuMicros();
    const wallBefore = performance.now();
    const byVariant = await measureThroughput(variants, concurrency, settings.throughput);
    const wallMicros = (performance.now() - wallBefore) * 1000;
    const serverMicros = (await loopback.cpuMicros()) - serverBefore;
    throughput.push({
      concurrency,
      byVariant,
      serverBusyPercent: (100 * serverMicros) / wallMicros,
    });
  }
  let heap: GroupResult['heap'];
  if (sdk && canForceGc()) {
    log(`${group.id}: heap before and after ${settings.heap.calls} calls`);
    heap = {
      sdk: await measureHeapGrowth(sdk, settings.heap),
      raw: await measureHeapGrowth(raw, settings.heap),
    };
  }
  return {
    id: group.id,
    sdk: sdk?.name,
    peers: group.peers.map((peer) => peer.packageName),
    latency,
    throughput,
    toleratedHeaderDifferences: tolerated,
    heap,
  };
}

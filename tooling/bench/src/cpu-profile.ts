import { Session } from 'node:inspector/promises';
import type { CreateInvoiceCall } from './adapter.ts';

/** Self time of one owner (a package, Node's internals, GC) per call. */
interface OwnerCost {
  owner: string;
  /** Share of all sampled time, 0–100. */
  percent: number;
  /** Sampled wall time per call in µs (the profiler slows everything down a little). */
  microsPerCall: number;
}

/** A hot function. */
interface HotFunction {
  name: string;
  owner: string;
  location: string;
  percent: number;
}

/** Where a client's time goes, from V8's sampling profiler. */
export interface CpuProfileSummary {
  calls: number;
  byOwner: OwnerCost[];
  hottest: HotFunction[];
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/**
 * Profiles `calls` sequential calls (with a stub fetch, so there is no waiting) and attributes
 * self time to the package each function lives in. Time in V8 built-ins (JSON.parse, RegExp, …)
 * goes to the nearest caller with a source file, so `JSON.parse` called by the SDK counts as the SDK.
 */
export async function profileCalls(
  call: CreateInvoiceCall,
  calls: number,
): Promise<CpuProfileSummary> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 50 });
    await session.post('Profiler.start');
    for (let index = 0; index < calls; index += 1) await call();
    const { profile } = await session.post('Profiler.stop');
    return summarise(profile as unknown as RawProfile, calls);
  } finally {
    session.disconnect();
  }
}

interface RawProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function summarise(profile: RawProfile, calls: number): CpuProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) parentOf.set(child, node.id);
  }
  const selfTime = new Map<number, number>();
  profile.samples.forEach((id, index) => {
    selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0));
  });
  const ownerTime = new Map<string, number>();
  const functionTime = new Map<
    string,
    { name: string; owner: string; location: string; time: number }
  >();
  let total = 0;
  for (const [id, time] of selfTime) {
    const node = byId.get(id);
    // Idle time, and the profiler's own start and stop calls, are not the client's.
    if (!node || node.callFrame.functionName === '(idle)') continue;
    if (node.callFrame.url.startsWith('node:inspector')) continue;
    const attributed = attributedNode(node, byId, parentOf);
    const owner = ownerOf(attributed);
    total += time;
    ownerTime.set(owner, (ownerTime.get(owner) ?? 0) + time);
    const location = attributed.callFrame.url
      ? `${shortPath(attributed.callFrame.url)}:${attributed.callFrame.lineNumber + 1}`
      : '';
    const name = node.callFrame.functionName || '(anonymous)';
    const key = `${name} ${location}`;
    const entry = functionTime.get(key) ?? { name, owner, location, time: 0 };
    entry.time += time;
    functionTime.set(key, entry);
  }
  const percent = (time: number) => (total === 0 ? 0 : (100 * time) / total);
  return {
    calls,
    byOwner: [...ownerTime]
      .map(([owner, time]) => ({ owner, percent: percent(time), microsPerCall: time / calls }))
      .sort((a, b) => b.percent - a.percent),
    hottest: [...functionTime.values()]
      .sort((a, b) => b.time - a.time)
      .slice(0, 10)
      .map(({ time, ...rest }) => ({ ...rest, percent: percent(time) })),
  };
}

/** A built-in without a source file stands for its nearest caller that has one. */
function attributedNode(
  node: ProfileNode,
  byId: Map<number, ProfileNode>,
  parentOf: Map<number, number>,
): ProfileNode {
  if (node.callFrame.url || node.callFrame.functionName.startsWith('(')) return node;
  let current: ProfileNode | undefined = node;
  while (current && !current.callFrame.url) {
    const parent = parentOf.get(current.id);
    current = parent === undefined ? undefined : byId.get(parent);
  }
  return current ?? node;
}

/** The package (or runtime part) a profiled function belongs to. */
export function ownerOf(node: ProfileNode): string {
  const { url, functionName } = node.callFrame;
  if (functionName === '(garbage collector)') return 'GC';
  if (!url) return 'V8 (program, built-ins)';
  // Signing (HMAC, hashes) runs in node:crypto: the SDK's work, not fetch's, so kept apart.
  if (url === 'node:crypto' || url.startsWith('node:internal/crypto/')) {
    return 'Node crypto (signing, hashing)';
  }
  if (url.startsWith('node:')) return 'Node internals (fetch Request/Response, streams)';
  const inModules = url.match(/.*\/node_modules\/((?:@[^/]+\/)?[^/]+)\//);
  if (inModules?.[1]) return inModules[1];
  const inPackages = url.match(/\/packages\/([^/]+)\//);
  if (inPackages?.[1]) return `@pay/${inPackages[1]}`;
  if (url.includes('/tooling/bench/')) return 'benchmark loop and stub fetch';
  return 'other';
}

function shortPath(url: string): string {
  return url
    .replace(/^file:\/\/.*\/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?/, '')
    .replace(/^file:\/\/.*\/(packages|tooling)\//, '$1/');
}

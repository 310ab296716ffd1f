import type { ProviderAdapter } from './adapter.ts';
import { prepareBareKy } from './bare-ky.ts';
import { BARE_KY, RAW } from './comparisons.ts';
import { type CpuFigures, measureCpuPerCall } from './cpu-overhead.ts';
import { type CpuProfileSummary, profileCalls } from './cpu-profile.ts';
import { prepareRaw } from './raw-fetch.ts';
import type { BenchSettings } from './settings.ts';
import { createStubFetch } from './stub-fetch.ts';

/** The SDK's own CPU cost per call, in isolation from the network. */
export interface CpuResult {
  id: string;
  figures: CpuFigures;
  /** SDK minus raw, µs per call: what the SDK adds. */
  addedMicros: number;
  /** Bare ky minus raw, µs per call: ky's own cost. */
  kyOwnMicros: number;
  /** SDK minus bare ky, µs per call: what the SDK adds beyond its HTTP client. */
  beyondKyMicros: number;
  /** Where the SDK's time goes, by package. */
  profile: CpuProfileSummary;
}

// Port 9 (discard): nothing is sent, the stub answers; if a stub were bypassed, nothing listens.
const STUB_BASE_URL = 'http://127.0.0.1:9';

/**
 * Runs the SDK, the raw request through bare ky and the raw call on the same stub fetch, then
 * profiles the SDK alone.
 */
export async function runCpuPhase(
  provider: ProviderAdapter,
  settings: BenchSettings,
): Promise<CpuResult> {
  const target = {
    baseUrl: `${STUB_BASE_URL}/${provider.id}`,
    fetch: createStubFetch(provider.response),
  };
  const sdk = { name: provider.packageName, call: provider.prepare(target) };
  const bareKy = { name: BARE_KY, call: prepareBareKy(provider.rawRequest, target) };
  const raw = { name: RAW, call: prepareRaw(provider.rawRequest, target) };
  const figures = await measureCpuPerCall([sdk, bareKy, raw], settings.cpu);
  const sdkMicros = figures.microsPerCall[sdk.name] ?? Number.NaN;
  const kyMicros = figures.microsPerCall[bareKy.name] ?? Number.NaN;
  const rawMicros = figures.microsPerCall[raw.name] ?? Number.NaN;
  return {
    id: provider.id,
    figures,
    addedMicros: sdkMicros - rawMicros,
    kyOwnMicros: kyMicros - rawMicros,
    beyondKyMicros: sdkMicros - kyMicros,
    profile: await profileCalls(sdk.call, settings.profileCalls),
  };
}

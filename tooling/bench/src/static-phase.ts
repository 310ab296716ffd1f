import type { PeerAdapter, ProviderAdapter } from './adapter.ts';
import { type BundleFigures, measureBundle } from './bundle-size.ts';
import { type ImportFigures, measureImportTimes } from './import-time.ts';
import {
  type FootprintFigures,
  registryFootprint,
  workspaceFootprint,
} from './install-footprint.ts';
import type { BenchSettings } from './settings.ts';

/** Start-up, bundle and install figures of one package. */
export interface PackageResult {
  packageName: string;
  importTime: ImportFigures;
  bundle: BundleFigures;
  /** The install footprint, or why it could not be measured (e.g. no registry). */
  footprint: FootprintFigures | { error: string };
}

/** Figures that do not involve calls: per package, and one app importing every provider. */
export interface StaticResult {
  packages: Record<string, PackageResult>;
  allProviders: BundleFigures;
}

/**
 * Cold import times (child processes, interleaved), bundles (esbuild) and install footprints
 * (npm into empty projects; the installs run in parallel, after every timing phase is over).
 */
export async function runStaticPhase(
  providers: readonly ProviderAdapter[],
  peers: readonly PeerAdapter[],
  settings: BenchSettings,
  log: (line: string) => void,
): Promise<StaticResult> {
  const subjects = [...providers, ...peers];
  log(`cold import times (${settings.importRuns} runs each, interleaved with an empty node)`);
  const importTimes = measureImportTimes(
    subjects.map((subject) => subject.packageName),
    settings.importRuns,
  );
  log('bundles (esbuild, min+gzip)');
  const bundles = new Map<string, BundleFigures>();
  for (const subject of subjects) {
    bundles.set(
      subject.packageName,
      await measureBundle([{ packageName: subject.packageName, exportName: subject.bundleExport }]),
    );
  }
  const allProviders = await measureBundle(
    providers.map((provider) => ({
      packageName: provider.packageName,
      exportName: provider.bundleExport,
    })),
  );
  log('install footprints (pnpm pack + npm install into empty projects)');
  const installs: Array<[string, () => Promise<FootprintFigures>]> = [
    ...providers.map((provider): [string, () => Promise<FootprintFigures>] => [
      provider.packageName,
      () => workspaceFootprint(provider.packageName),
    ]),
    ...peers.map((peer): [string, () => Promise<FootprintFigures>] => [
      peer.packageName,
      () => registryFootprint(peer.registrySpec),
    ]),
  ];
  const footprints = new Map(
    await Promise.all(
      installs.map(async ([packageName, install]) => {
        const footprint = await install().catch((error: unknown) => ({
          error: error instanceof Error ? error.message : String(error),
        }));
        return [packageName, footprint] as const;
      }),
    ),
  );
  const packages: Record<string, PackageResult> = {};
  for (const subject of subjects) {
    const importTime = importTimes[subject.packageName];
    const bundle = bundles.get(subject.packageName);
    const footprint = footprints.get(subject.packageName);
    if (!importTime || !bundle || !footprint) {
      throw new Error(`missing figures for ${subject.packageName}`);
    }
    packages[subject.packageName] = {
      packageName: subject.packageName,
      importTime,
      bundle,
      footprint,
    };
  }
  return { packages, allProviders };
}

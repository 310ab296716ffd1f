import type { BundleFigures } from './bundle-size.ts';
import { BARE_KY, RAW } from './comparisons.ts';
import { count, kB, MB, micros, ms, table } from './format.ts';
import type { BenchResults } from './results.ts';
import type { ProviderFigures } from './targets.ts';

/** The absolute figures behind the summary, one table per measurement. */
export function renderDetails(results: BenchResults, figures: readonly ProviderFigures[]): string {
  return [
    '## Details (absolute figures)',
    '',
    '### Latency at concurrency 1',
    '',
    table(
      ['provider', 'client', 'median', 'p99', 'calls'],
      results.groups.flatMap((group) =>
        Object.entries(group.latency).map(([client, latency]) => [
          group.id,
          client,
          ms(latency.medianMs),
          ms(latency.p99Ms),
          count(latency.samples),
        ]),
      ),
    ),
    '',
    '### Throughput',
    '',
    'Client CPU per call is this process\'s CPU time over the window divided by its calls: the client-side work under load. "Server busy" is the loopback server\'s CPU time over the phase (100% = one core): well below 100% means the server was not the limit.',
    '',
    table(
      ['provider', 'concurrency', 'client', 'calls/s', 'client CPU per call', 'server busy'],
      results.groups.flatMap((group) =>
        group.throughput.flatMap((at) =>
          Object.entries(at.byVariant).map(([client, figures]) => [
            group.id,
            String(at.concurrency),
            client,
            count(figures.callsPerSecond),
            micros(figures.clientCpuMicrosPerCall),
            `${at.serverBusyPercent.toFixed(0)}%`,
          ]),
        ),
      ),
    ),
    '',
    '### CPU per call with a stub fetch',
    '',
    table(
      [
        'package',
        'SDK',
        'bare ky',
        'raw fetch',
        'added by the SDK',
        'added by ky',
        'SDK beyond ky',
      ],
      figures.map(({ info, cpu }) => [
        info.packageName,
        micros(cpu.figures.microsPerCall[info.packageName] ?? Number.NaN),
        micros(cpu.figures.microsPerCall[BARE_KY] ?? Number.NaN),
        micros(cpu.figures.microsPerCall[RAW] ?? Number.NaN),
        micros(cpu.addedMicros),
        micros(cpu.kyOwnMicros),
        micros(cpu.beyondKyMicros),
      ]),
    ),
    '',
    ...figures.flatMap(profileSection),
    '### Heap',
    '',
    table(
      ['package', 'client', 'before', 'after', 'growth', 'calls'],
      figures.flatMap(({ info, group }) =>
        group.heap
          ? [['SDK', group.heap.sdk] as const, ['raw fetch', group.heap.raw] as const].map(
              ([client, heap]) => [
                info.packageName,
                client,
                MB(heap.beforeBytes),
                MB(heap.afterBytes),
                MB(heap.growthBytes, true),
                count(heap.calls),
              ],
            )
          : [],
      ),
    ),
    '',
    '### Cold import',
    '',
    table(
      ['package', 'import', '`node -e ""`', 'added', 'added once fetch is loaded'],
      Object.values(results.static.packages).map((packageResult) => {
        const figures = packageResult.importTime;
        return [
          packageResult.packageName,
          ms(figures.importMs),
          ms(figures.baselineMs),
          ms(figures.addedMs),
          ms(figures.addedAfterFetchMs),
        ];
      }),
    ),
    '',
    '### Bundles: where the bytes go',
    '',
    '"Minified" is each package\'s exact share of the minified bundle (esbuild metafile); "gzip marginal" is how much the gzipped bundle shrinks when that package alone is replaced by an empty module.',
    '',
    ...Object.values(results.static.packages).flatMap((packageResult) =>
      bundleSection(`\`import { … } from '${packageResult.packageName}'\``, packageResult.bundle),
    ),
    ...bundleSection(
      `all providers together (${results.providers.map((provider) => `\`${provider.packageName}\``).join(', ')}; shared packages counted once)`,
      results.static.allProviders,
    ),
    '### Install footprint',
    '',
    table(
      ['package', 'packages', 'bytes', 'on disk', 'installed'],
      Object.values(results.static.packages).map((packageResult) => {
        const footprint = packageResult.footprint;
        if ('error' in footprint)
          return [packageResult.packageName, 'failed', '', '', footprint.error];
        return [
          packageResult.packageName,
          String(footprint.packages),
          MB(footprint.bytes),
          MB(footprint.diskBytes),
          footprint.names.length <= 12
            ? footprint.names.join(', ')
            : `${footprint.names.slice(0, 12).join(', ')}, … (${footprint.names.length - 12} more)`,
        ];
      }),
    ),
  ].join('\n');
}

function profileSection({ info, cpu }: ProviderFigures): string[] {
  const { profile } = cpu;
  return [
    `#### Where \`${info.packageName}\`'s CPU time goes (V8 sampling profile of ${count(profile.calls)} calls on the stub fetch)`,
    '',
    'Self time by owner; time in V8 built-ins (JSON.parse, RegExp) counts for the caller. "Node internals" is the work of Node\'s fetch classes (Request, Headers, AbortSignal, streams) in these calls, the part a raw call also causes included (about the raw call\'s whole CPU time above); "Node crypto" is the SDK\'s signing (HMAC, hashes) in `node:crypto`.',
    '',
    table(
      ['owner', 'share', 'per call (sampled)'],
      profile.byOwner.map((owner) => [
        owner.owner,
        `${owner.percent.toFixed(1)}%`,
        micros(owner.microsPerCall),
      ]),
    ),
    '',
    table(
      ['hottest functions', 'owner', 'where', 'share'],
      profile.hottest.map((hot) => [
        hot.name,
        hot.owner,
        hot.location,
        `${hot.percent.toFixed(1)}%`,
      ]),
    ),
    '',
  ];
}

function bundleSection(title: string, bundle: BundleFigures): string[] {
  // Eight rows and a "more" row; a ninth package is shown itself rather than summed alone.
  const cut = bundle.byPackage.length <= 9 ? bundle.byPackage.length : 8;
  const shown = bundle.byPackage.slice(0, cut);
  const rest = bundle.byPackage.slice(cut);
  const rows = shown.map((share) => [
    share.packageName,
    kB(share.minifiedBytes),
    `${((100 * share.minifiedBytes) / bundle.minifiedBytes).toFixed(0)}%`,
    share.gzipMarginalBytes === undefined ? '' : kB(share.gzipMarginalBytes),
  ]);
  if (rest.length > 0) {
    const restBytes = rest.reduce((sum, share) => sum + share.minifiedBytes, 0);
    rows.push([
      `${rest.length} more packages`,
      kB(restBytes),
      `${((100 * restBytes) / bundle.minifiedBytes).toFixed(0)}%`,
      '',
    ]);
  }
  return [
    `**${title}**: ${kB(bundle.minifiedBytes)} minified, **${kB(bundle.gzipBytes)} min+gzip**.`,
    '',
    table(['package', 'minified', 'share', 'gzip marginal'], rows),
    '',
  ];
}

import { BARE_KY, RAW } from './comparisons.ts';
import { micros, signedMicros, table } from './format.ts';
import type { ProviderFigures } from './targets.ts';

/** One measure of the three clients of the same request, with the two differences. */
export interface CostSplit {
  raw: number;
  ky: number;
  sdk: number;
  /** Bare ky minus raw fetch: ky's own cost. */
  kyOwn: number;
  /** SDK minus bare ky: what the SDK adds beyond ky. */
  beyondKy: number;
}

/** Splits raw → bare ky → SDK; NaN where a side was not measured. */
export function costSplit(raw: number, ky: number, sdk: number): CostSplit {
  return { raw, ky, sdk, kyOwn: ky - raw, beyondKy: sdk - ky };
}

/**
 * Per provider, µs: CPU per call on the stub fetch, and the median latency at concurrency 1
 * against the loopback server where it was measured.
 */
export function kyCostSplits(figures: ProviderFigures): {
  cpu: CostSplit;
  latency?: CostSplit | undefined;
} {
  const { info, cpu, group } = figures;
  const perCall = cpu.figures.microsPerCall;
  const cpuSplit = costSplit(
    perCall[RAW] ?? Number.NaN,
    perCall[BARE_KY] ?? Number.NaN,
    perCall[info.packageName] ?? Number.NaN,
  );
  const [raw, ky, sdk] = [RAW, BARE_KY, info.packageName].map(
    (variant) => group.latency[variant]?.medianMs,
  );
  const latency =
    raw === undefined || ky === undefined || sdk === undefined
      ? undefined
      : costSplit(raw * 1000, ky * 1000, sdk * 1000);
  return { cpu: cpuSplit, latency };
}

/** The section's table: two rows per provider (CPU per call, latency), µs throughout. */
export function kyCostTable(figures: readonly ProviderFigures[]): string {
  const row = (packageName: string, measure: string, split: CostSplit) => [
    `\`${packageName}\``,
    measure,
    micros(split.raw),
    micros(split.ky),
    micros(split.sdk),
    signedMicros(split.kyOwn),
    signedMicros(split.beyondKy),
  ];
  return table(
    [
      'package',
      'per call',
      'raw fetch',
      'bare ky',
      'SDK',
      "ky's own cost (ky − fetch)",
      "SDK's cost beyond ky (SDK − ky)",
    ],
    figures.flatMap((providerFigures) => {
      const name = providerFigures.info.packageName;
      const { cpu, latency } = kyCostSplits(providerFigures);
      return [
        row(name, 'CPU (stub fetch)', cpu),
        ...(latency ? [row(name, 'latency c=1 (median)', latency)] : []),
      ];
    }),
  );
}

/** `## ky's own cost, and the SDK's beyond it`: the section between the summary and the targets. */
export function kyCostSection(figures: readonly ProviderFigures[]): string[] {
  return [
    "## ky's own cost, and the SDK's beyond it",
    '',
    "The same raw request three ways: a hand-written `fetch`, bare `ky` (`@pay/core`'s HTTP client, one plain `ky(url, { method, headers, body, retry: 0, timeout })` call), and the SDK's create-invoice call. Bare ky − raw fetch is what ky itself costs; SDK − bare ky is what the SDK adds beyond ky (signing, validation, error mapping, its transport around ky). CPU is per call on the stub fetch; latency is the median at concurrency 1 against the loopback server, interleaved with the others. ky stays (ADR 0006, rejected proposal); these columns keep its cost visible.",
    '',
    kyCostTable(figures),
    '',
  ];
}

/** The value below which `fraction` of the samples lie (nearest rank; 0.5 is the median). */
export function percentile(samples: readonly number[], fraction: number): number {
  if (samples.length === 0) throw new Error('percentile of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil(fraction * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

/** The median (the upper middle value for an even count, as nearest rank gives). */
export function median(samples: readonly number[]): number {
  return percentile(samples, 0.5);
}

/** Nearest-rank percentile of ascending numbers (the median of an even count is the lower middle value); null for none. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (!sorted.length) return null;
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}

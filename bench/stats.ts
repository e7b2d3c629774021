/**
 * The statistics every benchmark reports, written once. The machines the benchmarks run on are shared
 * and noisy, so each figure is a median or a percentile of many samples, and each budget is a ratio to
 * a floor measured in the same run, never an absolute time.
 */

const sorted = (xs: readonly number[]) => [...xs].sort((a, b) => a - b);

/** The middle sample; for an even count, the mean of the two middle ones. NaN when there is none. */
export function median(xs: readonly number[]): number {
  const s = sorted(xs);
  if (!s.length) return Number.NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/**
 * Nearest-rank percentile, `p` in [0, 1]: the smallest sample with at least that share of the samples at
 * or below it, so p99 of 100 samples is the 99th and never a value that was not measured. NaN when empty.
 */
export function percentile(xs: readonly number[], p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`percentile: p must be within [0, 1], got ${p}`);
  const s = sorted(xs);
  return s[Math.max(0, Math.ceil(p * s.length) - 1)] ?? Number.NaN;
}

/** How many times the floor a figure is: what each budget is written in (≤ 1.3x, ≤ 1.5x, …). */
export function ratio(value: number, floor: number): number {
  return value / floor;
}

/** A ratio as the tables print it, e.g. `1.08x`. */
export const times = (value: number, floor: number, digits = 2): string => `${ratio(value, floor).toFixed(digits)}x`;

/** Summary statistics for repeated measurements: the median and a spread that suits the number of samples. */

/** A median with its spread. Spread is p10–p90 from 10 samples on, min–max below that (too few for percentiles). */
export interface Stats {
  median: number;
  low: number;
  high: number;
  spread: "p10–p90" | "min–max";
  min: number;
  max: number;
  n: number;
}

/** Linear-interpolated percentile of already sorted values (p in 0..100). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = (p / 100) * (sorted.length - 1);
  const below = Math.floor(rank);
  const above = Math.ceil(rank);
  const a = sorted[below] ?? Number.NaN;
  const b = sorted[above] ?? Number.NaN;
  return a + (b - a) * (rank - below);
}

/** Median and spread of `values`; throws on an empty list so a suite cannot report a figure it never measured. */
export function summarize(values: readonly number[]): Stats {
  if (values.length === 0) throw new Error("no samples to summarize");
  const sorted = [...values].sort((x, y) => x - y);
  const wide = sorted.length >= 10;
  const min = sorted[0] ?? Number.NaN;
  const max = sorted[sorted.length - 1] ?? Number.NaN;
  return {
    median: percentile(sorted, 50),
    low: wide ? percentile(sorted, 10) : min,
    high: wide ? percentile(sorted, 90) : max,
    spread: wide ? "p10–p90" : "min–max",
    min,
    max,
    n: sorted.length,
  };
}

/** The element-wise `a[i] - b[i]` or `a[i] / b[i]` of two equally long series measured in pairs. */
export function paired(a: readonly number[], b: readonly number[], combine: (x: number, y: number) => number): number[] {
  if (a.length !== b.length) throw new Error(`paired series differ in length (${a.length} and ${b.length})`);
  return a.map((x, i) => combine(x, b[i] ?? Number.NaN));
}

/**
 * Tokens per second over the span from the first to the last arrival (the first token starts the clock). `count` is
 * the number of tokens the arrivals carried, when a message may carry more than one.
 */
export function ratePerSecond(times: readonly number[], count = times.length): number {
  const first = times[0];
  const last = times[times.length - 1];
  if (first === undefined || last === undefined || count < 2 || last <= first) return Number.NaN;
  return ((count - 1) / (last - first)) * 1000;
}

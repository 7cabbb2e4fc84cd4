/**
 * Small statistics for benchmark figures: medians of repeated runs, latency percentiles.
 * Pure functions; the harness decides how many runs to take.
 */

/** The p-th percentile (0–100) by nearest rank over a copy of `values`; NaN when empty. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  // Nearest-rank: the smallest value with at least p% of the samples at or below it.
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** The median (the mean of the two middle values for an even count); NaN when empty. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Latency summary of a set of samples, in the samples' unit. */
export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  max: number;
}

/** Summarizes latency samples as count, p50, p95 and max. */
export function summarizeLatencies(samples: readonly number[]): LatencySummary {
  return {
    count: samples.length,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    max: samples.length === 0 ? Number.NaN : Math.max(...samples),
  };
}

/** Milliseconds elapsed since a `process.hrtime.bigint()` reading. */
export function elapsedMs(startedAt: bigint): number {
  return Number(process.hrtime.bigint() - startedAt) / 1e6;
}

/** Runs `task` `runs` times in sequence and returns each run's duration in ms. */
export async function timeRuns(runs: number, task: (run: number) => Promise<unknown> | unknown): Promise<number[]> {
  const durations: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const startedAt = process.hrtime.bigint();
    await task(run);
    durations.push(elapsedMs(startedAt));
  }
  return durations;
}

/** Formats a number for a table: fixed decimals, "—" for NaN or undefined. */
export function formatNumber(value: number | undefined, decimals = 1): string {
  if (value === undefined || !Number.isFinite(value)) return '—';
  return value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** A duration for a table: two decimals below 10 ms, whole milliseconds above. */
export function formatMs(value: number): string {
  return `${formatNumber(value, value < 10 ? 2 : 0)} ms`;
}

/** A memory or disk size in MiB for a table; "—" when unknown. */
export function formatMegabytes(bytes: number | null): string {
  return bytes === null ? '—' : `${formatNumber(bytes / 2 ** 20, 0)} MB`;
}

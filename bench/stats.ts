/**
 * Medians and ranges of timings, for the benchmark and its VS Code suite (no checker imported here:
 * the VS Code runner and suite load this without the core).
 */

export interface Stats {
  /** Milliseconds. */
  median: number;
  min: number;
  max: number;
  runs: number;
}

export function summarize(times: readonly number[]): Stats {
  const sorted = [...times].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], runs: sorted.length };
}

export function median(times: readonly number[]): number {
  return summarize(times).median;
}

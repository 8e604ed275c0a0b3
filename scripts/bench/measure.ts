/** Small measuring tools the bench phases share: latency samples, percentiles and the process's peak RSS. */

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentiles of the samples (milliseconds), from one sorted copy. */
export function summarizeSamples(samples: readonly number[]): Percentiles {
  if (samples.length === 0) throw new Error("no samples to summarize");
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number): number =>
    sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted.at(-1) ?? 0 };
}

/** Milliseconds one call takes. */
export function timeCall(call: () => unknown): number {
  const started = performance.now();
  call();
  return performance.now() - started;
}

/** The most memory the process has held so far (the OS's maxrss), in MB. */
export function readPeakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

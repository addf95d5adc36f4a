/**
 * Measuring helpers for the benchmark: latency percentiles, heap after GC, event-loop stalls.
 */
import { monitorEventLoopDelay } from "node:perf_hooks";

export interface Latency {
  count: number;
  /** Milliseconds. */
  p50: number;
  p99: number;
  max: number;
}

/**
 * Percentiles of a list of durations (ms), nearest-rank.
 *
 * @example
 * summarise([1, 2, 3, 4]).p50 // 2
 */
export function summarise(durations: readonly number[]): Latency {
  const sorted = [...durations].sort((a, b) => a - b);
  const rank = (p: number): number =>
    sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
  return { count: sorted.length, p50: rank(50), p99: rank(99), max: sorted[sorted.length - 1] ?? Number.NaN };
}

/**
 * Times `run` once per input (after a warm-up pass over the first inputs), in milliseconds; with a
 * budget, stops once `budget.ms` have passed and at least `budget.atLeast` inputs were timed.
 *
 * @example
 * const latency = timeEach(queries, (q) => index.search(q));
 */
export function timeEach<T>(
  inputs: readonly T[],
  run: (input: T) => unknown,
  warmup = 200,
  budget: { ms: number; atLeast: number } = { ms: Number.POSITIVE_INFINITY, atLeast: 0 },
): Latency {
  // Start clean (no garbage from the previous set), then warm up: let the JIT compile the hot
  // paths so the figures are steady-state, as in a server.
  globalThis.gc?.();
  for (const input of inputs.slice(0, warmup)) run(input);
  const durations: number[] = [];
  let sink = 0;
  const deadline = performance.now() + budget.ms;
  for (const input of inputs) {
    // Slow baselines stop at their time budget once enough queries are measured (the count is reported).
    if (durations.length >= budget.atLeast && performance.now() > deadline) break;
    const started = performance.now();
    const result = run(input);
    durations.push(performance.now() - started);
    // Keep the result alive so the call cannot be optimised away.
    if (result !== undefined) sink++;
  }
  if (sink < 0) console.log(sink);
  return summarise(durations);
}

/** Runs `fn` and returns its result with the wall time in ms. */
export async function timed<T>(fn: () => T | Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - started };
}

/**
 * Heap in use after full garbage collections (needs `node --expose-gc`), in bytes.
 *
 * @throws Error when gc is not exposed: a heap figure without GC would be noise.
 */
export function heapAfterGc(): number {
  if (!globalThis.gc) throw new Error("Parley: run the benchmark with node --expose-gc (npm run bench does)");
  for (let i = 0; i < 4; i++) globalThis.gc();
  return process.memoryUsage().heapUsed;
}

/**
 * Watches the event loop while `fn` runs: the longest stall seen, by two probes (perf_hooks'
 * delay histogram and a 5 ms timer's drift), in ms.
 *
 * @example
 * const { value, maxStallMs } = await watchEventLoop(() => store.reload());
 */
export async function watchEventLoop<T>(
  fn: () => Promise<T>,
): Promise<{ value: T; ms: number; maxStallMs: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  const TICK = 5;
  let last = performance.now();
  let maxDrift = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    maxDrift = Math.max(maxDrift, now - last - TICK);
    last = now;
  }, TICK);
  const started = performance.now();
  try {
    const value = await fn();
    const ms = performance.now() - started;
    // Let the probe see the end of the work too.
    await new Promise((resolve) => setTimeout(resolve, TICK * 3));
    return { value, ms, maxStallMs: Math.max(maxDrift, histogram.max / 1e6 - 5) };
  } finally {
    clearInterval(timer);
    histogram.disable();
  }
}

/**
 * Debug aid for soak tests: with `PARLEY_DEBUG_HEAP=1`, SIGUSR2 collects garbage (when node runs
 * with `--expose-gc`, e.g. `NODE_OPTIONS=--expose-gc`) and logs one `heap` line with the figures.
 * Off by default; it never changes what the bot answers. The pid to signal is logged at start
 * (`heap-report` line), in case a wrapper process (e.g. the `tsx` command) does not pass SIGUSR2 on.
 */
import type { Logger } from "../log/logger.js";

/**
 * Installs the SIGUSR2 handler when the environment asks for it; returns a function removing it.
 *
 * @example
 * const stopHeapReport = reportHeapOnSignal(process.env, log);
 * // {"event":"heap-report","pid":4242,...}; then kill -USR2 4242  →  {"event":"heap","heapUsed":24117248,"afterGc":true,...}
 */
export function reportHeapOnSignal(env: NodeJS.ProcessEnv, log: Logger): () => void {
  if (env.PARLEY_DEBUG_HEAP !== "1") return () => {};
  const report = (): void => {
    const gc = (globalThis as { gc?: () => void }).gc;
    // Two passes: the first may only finish what an incremental collection had started.
    gc?.();
    gc?.();
    const { heapUsed, heapTotal, rss, external } = process.memoryUsage();
    log.info("heap", { heapUsed, heapTotal, rss, external, afterGc: gc !== undefined });
  };
  process.on("SIGUSR2", report);
  log.info("heap-report", { pid: process.pid, signal: "SIGUSR2" });
  return () => process.off("SIGUSR2", report);
}

/**
 * The targets of issue 5, each a ratio measured side by side in the same run (or Discord's own
 * deadline), checked against one size's figures.
 */
import type { SizeResult, Target } from "./results.js";

function ratio(name: string, measure: string, value: number, limit: number): Target {
  return { name, measure, value, limit, unit: "ratio", pass: Number.isFinite(value) && value <= limit };
}

function ms(name: string, measure: string, value: number, limit: number): Target {
  return { name, measure, value, limit, unit: "ms", pass: Number.isFinite(value) && value <= limit };
}

/**
 * What a naive bot holds: the sentences and a bare index. The sentences are counted as Parley's own
 * build measured them (the later measurement also holds what module-level caches kept alive).
 */
export function naiveHeap(result: SizeResult): number {
  return (
    (result.heap.parleyPhases?.sentencesBytes ?? result.heap.sentencesBytes) + result.heap.bareIndexBytes
  );
}

/**
 * Checks every target against one size's figures.
 *
 * @example
 * checkTargets(result).filter((target) => !target.pass) // the gaps
 */
export function checkTargets(result: SizeResult): Target[] {
  const p99 = (key: string): number => result.latency[key]?.p99 ?? Number.NaN;
  const targets = [
    ratio("who", "who p99 / bare name p99", p99("who") / p99("bareName"), 0.2),
    ratio("quote", "quote p99 / bare name+about p99", p99("quote") / p99("bareQuote"), 0.2),
    ratio("autocomplete", "autocomplete p99 / bare name p99", p99("complete") / p99("bareName"), 0.2),
    ratio("ask", "ask p99 / bare same-words p99", p99("ask") / p99("bareAsk"), 0.5),
    ratio("status", "status p99 / bare same-words p99", p99("status") / p99("bareStatus"), 0.2),
    ratio(
      "ready",
      "ready from snapshot / from nothing",
      result.readyFromSnapshotMs / result.readyFromNothingMs,
      0.05,
    ),
    ratio("reload", "reload one article / full build", result.reload.ms / result.readyFromNothingMs, 0.05),
    ms(
      "reload stall",
      "longest event-loop stall during reload",
      Math.max(result.reload.maxStallMs, result.reload.undoMaxStallMs),
      50,
    ),
    ratio(
      "heap",
      "heap after GC / bare MiniSearch (sentences + index)",
      result.heap.parleyBytes / naiveHeap(result),
      1.5,
    ),
  ];
  if (result.e2e)
    targets.push(ms("e2e", `end-to-end p99, ${result.e2e.inFlight} in flight`, result.e2e.latency.p99, 100));
  return targets;
}

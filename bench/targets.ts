/**
 * The targets (issue 15), each a ratio measured side by side in the same run, or a floor measured in
 * the same run plus a margin, checked against one size's figures.
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
  const targets: Target[] = [
    ratio("who", "who p99 / bare name p99", p99("who") / p99("bareName"), 0.2),
    ratio("quote", "quote p99 / bare name+about p99", p99("quote") / p99("bareQuote"), 0.05),
    ratio("autocomplete", "autocomplete p99 / bare name p99", p99("complete") / p99("bareName"), 0.05),
    ratio("ask", "ask p99 / FlexSearch same-words p99", p99("ask") / p99("flexAsk"), 2),
    {
      name: "ask recall",
      measure: "ask recall@10 vs exhaustive BM25",
      value: result.askRecallAt10 ?? Number.NaN,
      limit: 0.9,
      unit: "share",
      pass: (result.askRecallAt10 ?? 0) >= 0.9,
    },
    ratio("status", "status p99 / bare same-words p99", p99("status") / p99("bareStatus"), 0.2),
    ratio(
      "ready",
      "ready from snapshot / from nothing",
      result.readyFromSnapshotMs / result.readyFromNothingMs,
      0.05,
    ),
    ratio("reload", "reload one article / full build", result.reload.ms / result.readyFromNothingMs, 0.01),
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
  if (result.e2e) {
    const floor = result.e2e.helpFloor?.p99 ?? Number.NaN;
    targets.push(
      ms(
        "e2e",
        `end-to-end p99 - /help floor p99 (${floor.toFixed(0)} ms), ${result.e2e.inFlight} in flight`,
        result.e2e.latency.p99 - floor,
        50,
      ),
    );
  }
  return targets;
}

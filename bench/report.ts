/**
 * Renders the benchmark's figures as Markdown tables: printed by `npm run bench`, written to
 * `bench/out/results.md`, and pasted into the README's Performance section.
 */
import type { BenchResults, SizeResult, Target } from "./results.js";
import type { Latency } from "./stats.js";
import { naiveHeap } from "./targets.js";

/** `0.0123` -> `12 µs`, `12.3` -> `12.3 ms`, `12345` -> `12.3 s`. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return "n/a";
  if (ms < 1) return `${Math.round(ms * 1000)} µs`;
  if (ms < 1000) return `${ms < 10 ? ms.toFixed(2) : ms.toFixed(1)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

function formatMb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

function formatRatio(value: number): string {
  if (!Number.isFinite(value)) return "n/a";
  return value < 0.01 ? `${value.toExponential(1)}×` : `${value.toFixed(value < 1 ? 3 : 2)}×`;
}

function formatCount(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}

/** Sets measured on fewer queries than the rest (slow baselines under their time budget) say so. */
const FULL_SET = 2000;

function latencyCell(latency: Latency | undefined, baseline?: Latency): string {
  if (!latency) return "n/a";
  const count = latency.count < FULL_SET ? ` (n=${latency.count})` : "";
  const cell = `${formatMs(latency.p50)} / ${formatMs(latency.p99)}${count}`;
  return baseline ? `${cell} (${formatRatio(latency.p99 / baseline.p99)})` : cell;
}

type Row = [string, (size: SizeResult) => string];

const ROWS: Row[] = [
  ["Articles / sentences", (s) => `${formatCount(s.articles)} / ${formatCount(s.sentences)}`],
  [
    "Entities / quotes / status events found",
    (s) => `${formatCount(s.entities)} / ${formatCount(s.quotes)} / ${formatCount(s.statusEvents)}`,
  ],
  ["Load files (read, validate, hash)", (s) => formatMs(s.loadMs)],
  [
    "Analysis throughput (split + analyse)",
    (s) =>
      `${formatCount(s.analysis.articlesPerSecond)} articles/s, ${formatCount(s.analysis.sentencesPerSecond)} sentences/s`,
  ],
  ["— split / analyse", (s) => `${formatMs(s.analysis.splitMs)} / ${formatMs(s.analysis.analyzeMs)}`],
  [
    "Index build: Parley / bare MiniSearch",
    (s) => `${formatMs(s.indexBuildMs)} / ${formatMs(s.bareIndexBuildMs)}`,
  ],
  ["Assemble (combine analyses, precompute)", (s) => formatMs(s.assembleMs)],
  [
    "Snapshot size on disk, shards (write time)",
    (s) =>
      `${formatMb(s.snapshot.bytes)}, ${s.snapshot.shards ?? "?"} shards (${formatMs(s.snapshot.writeMs)})`,
  ],
  ["Ready from nothing, one core (the ratios' yardstick)", (s) => formatMs(s.readyFromNothingMs)],
  [
    "Full build on every core: time, articles/s for the whole build",
    (s) =>
      s.fullBuildAllCores
        ? `${formatMs(s.fullBuildAllCores.ms)}, ${formatCount(s.fullBuildAllCores.articlesPerSecond)} articles/s (${s.fullBuildAllCores.threads} threads)`
        : "n/a",
  ],
  [
    "Ready from snapshot (÷ from nothing)",
    (s) =>
      `${formatMs(s.readyFromSnapshotMs)} (${formatRatio(s.readyFromSnapshotMs / s.readyFromNothingMs)})${s.snapshotUsed ? "" : " snapshot NOT used"}`,
  ],
  [
    "Ready as a replica, PARLEY_SNAPSHOT (÷ from nothing)",
    (s) =>
      s.readyReplicaMs === undefined
        ? "not measured"
        : `${formatMs(s.readyReplicaMs)} (${formatRatio(s.readyReplicaMs / s.readyFromNothingMs)})`,
  ],
  [
    "Reload, 1 article changed (÷ full build); max stall",
    (s) =>
      `${formatMs(s.reload.ms)} (${formatRatio(s.reload.ms / s.readyFromNothingMs)}); ${formatMs(Math.max(s.reload.maxStallMs, s.reload.undoMaxStallMs))}`,
  ],
  [
    "Heap after GC: Parley / bare (sentences + index)",
    (s) =>
      `${formatMb(s.heap.parleyBytes)} / ${formatMb(naiveHeap(s))} (${formatRatio(s.heap.parleyBytes / naiveHeap(s))})`,
  ],
  [
    "— by phase: sentences / per-article analyses (while building; then on disk) / index / combined analysis + lookups",
    (s) =>
      s.heap.parleyPhases
        ? [
            s.heap.parleyPhases.sentencesBytes,
            s.heap.parleyPhases.perArticleAnalysesBytes,
            s.heap.parleyPhases.indexBytes,
            s.heap.parleyPhases.assembledBytes,
          ]
            .map(formatMb)
            .join(" / ")
        : "n/a",
  ],
  [
    "— bare index alone / sentences alone",
    (s) =>
      `${formatMb(s.heap.bareIndexBytes)} / ${formatMb(s.heap.parleyPhases?.sentencesBytes ?? s.heap.sentencesBytes)}`,
  ],
  ["`who` p50 / p99 (÷ bare name p99)", (s) => latencyCell(s.latency.who, s.latency.bareName)],
  [
    "`who` by role phrase (÷ bare same words p99)",
    (s) => latencyCell(s.latency.whoRoles, s.latency.bareRole),
  ],
  ["`quote` p50 / p99 (÷ bare same words p99)", (s) => latencyCell(s.latency.quote, s.latency.bareQuote)],
  ["autocomplete p50 / p99 (÷ bare name p99)", (s) => latencyCell(s.latency.complete, s.latency.bareName)],
  ["`status` p50 / p99 (÷ bare same words p99)", (s) => latencyCell(s.latency.status, s.latency.bareStatus)],
  ["`ask` p50 / p99 (÷ FlexSearch same words p99)", (s) => latencyCell(s.latency.ask, s.latency.flexAsk)],
  [
    "`ask` recall@10 vs exhaustive BM25",
    (s) => (s.askRecallAt10 === undefined ? "n/a" : s.askRecallAt10.toFixed(3)),
  ],
  [
    "FlexSearch: ask words p50 / p99 (index build)",
    (s) =>
      `${latencyCell(s.latency.flexAsk)} (${s.flexIndexBuildMs === undefined ? "n/a" : formatMs(s.flexIndexBuildMs)})`,
  ],
  ["Bare MiniSearch: name query p50 / p99", (s) => latencyCell(s.latency.bareName)],
  ["Bare MiniSearch: role phrase", (s) => latencyCell(s.latency.bareRole)],
  ["Bare MiniSearch: name + about words", (s) => latencyCell(s.latency.bareQuote)],
  ["Bare MiniSearch: status topic words", (s) => latencyCell(s.latency.bareStatus)],
  ["Bare MiniSearch: ask words", (s) => latencyCell(s.latency.bareAsk)],
  ["Floor: `Map` lookup of the name", (s) => latencyCell(s.latency.mapFloor)],
  [
    "Answered (not “not found”): who / who by role / quote / status / ask",
    (s) =>
      ["who", "whoRoles", "quote", "status", "ask"]
        .map((k) => `${Math.round((s.answered[k] ?? 0) * 100)}%`)
        .join(" / "),
  ],
  [
    "End to end via the Discord stand-in p50 / p99",
    (s) =>
      s.e2e
        ? `${latencyCell(s.e2e.latency)} (${formatCount(s.e2e.interactions)} interactions, ${s.e2e.inFlight} in flight, ${s.e2e.failures} failed)`
        : "not measured",
  ],
  [
    "— the harness floor: the same run answering `/help` only, p50 / p99",
    (s) => (s.e2e?.helpFloor ? latencyCell(s.e2e.helpFloor) : "not measured"),
  ],
];

function targetValue(target: Target | undefined): string {
  if (!target) return "n/a";
  const value =
    target.unit === "ms"
      ? formatMs(target.value)
      : target.unit === "share"
        ? target.value.toFixed(3)
        : formatRatio(target.value);
  return `${value} ${target.pass ? "PASS" : "GAP"}`;
}

/**
 * The figures table and the targets table, in Markdown.
 *
 * @example
 * console.log(renderReport(results));
 */
export function renderReport(results: BenchResults): string {
  const sizes = results.sizes;
  const header = `| Figure | ${sizes.map((s) => `${formatCount(s.articles)} articles`).join(" | ")} |`;
  const rule = `|---|${sizes.map(() => "---").join("|")}|`;
  const lines = [
    header,
    rule,
    ...ROWS.map(([label, cell]) => `| ${label} | ${sizes.map(cell).join(" | ")} |`),
  ];
  const names = [...new Set(Object.values(results.targets).flatMap((targets) => targets.map((t) => t.name)))];
  const targetLines = [
    `| Target | Limit | ${sizes.map((s) => `${formatCount(s.articles)} articles`).join(" | ")} |`,
    `|---|---|${sizes.map(() => "---").join("|")}|`,
    ...names.map((name) => {
      const first = Object.values(results.targets)
        .flat()
        .find((t) => t.name === name);
      const limit = !first
        ? ""
        : first.unit === "ms"
          ? `≤ ${formatMs(first.limit)}`
          : first.unit === "share"
            ? `≥ ${first.limit}`
            : `≤ ${first.limit}×`;
      const cells = sizes.map((s) =>
        targetValue(results.targets[String(s.articles)]?.find((t) => t.name === name)),
      );
      return `| ${first?.measure ?? name} | ${limit} | ${cells.join(" | ")} |`;
    }),
  ];
  const m = results.machine;
  const machine = `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node} (${m.platform}); ${results.date}; seed ${results.seed}; p50 / p99 over ${sizes[0]?.latency.who?.count ?? 0} queries of each kind.`;
  return [machine, "", ...lines, "", ...targetLines, ""].join("\n");
}

/**
 * One size up (issue 15): what the full benchmark cannot do in an hour at 100,000 articles. It builds
 * the way production does (`parley build --out`: the store with its worker pool, then the snapshot),
 * starts a replica from that snapshot as `PARLEY_SNAPSHOT` does, and times every command in process on
 * the replica's knowledge, the same query sets as `measure-size.ts`. No baselines, no end to end, no
 * one-core build: those are the 10,000-article run's. The corpus is generated once and reused.
 *
 * `node --max-old-space-size=20000 --expose-gc --import tsx bench/measure-large.ts 100000`
 * (figures to `bench/out/large-100000.json`; the snapshot to `bench/out/snapshot-100000/`). Add
 * `--replica-only` to start from the snapshot an earlier run wrote, without building.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { KnowledgeStore } from "../src/store/knowledge-store.js";
import { readManifest, snapshotSize } from "../src/store/snapshot-shards.js";
import { SnapshotStore } from "../src/store/snapshot-store.js";
import { writeCorpus } from "./generate.js";
import { createQueries } from "./queries.js";
import { heapAfterGc, type Latency, timed } from "./stats.js";
import { timeCommands } from "./time-commands.js";

const QUERIES_PER_KIND = 2000;

export interface LargeFigures {
  articles: number;
  sentences: number;
  machine: string;
  started: string;
  /** Wall time of the whole run, generation included. */
  runMs: number;
  generateMs: number;
  /** The store's build on every core (worker pool), as `parley build` runs it. */
  buildMs: number;
  snapshotBytes: number;
  snapshotShards: number;
  snapshotWriteMs: number;
  /** Ready as a replica (`PARLEY_SNAPSHOT`), from nothing but the snapshot. */
  replicaReadyMs: number;
  /** The replica's heap after GC, the articles included. */
  replicaHeapBytes: number;
  latency: Record<string, Latency>;
}

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? "100000");
  if (!Number.isInteger(count) || count < 1) throw new Error(`Parley bench: bad size "${process.argv[2]}"`);
  const log = (line: string) => console.error(line);
  const runStarted = performance.now();
  const started = new Date().toISOString();
  const dir = join("bench", "corpus", String(count));
  const generated = await timed(() => writeCorpus(dir, count));
  log(`[${count}] corpus ready in ${dir} (${(generated.ms / 1000).toFixed(0)} s)`);
  const out = join("bench", "out", `snapshot-${count}`);
  await mkdir(join("bench", "out"), { recursive: true });

  // As `parley build --knowledge DIR --out OUT` does, without the folder's own cache. In a function of
  // its own, so that nothing holds the built store once it is closed: the replica below starts in a
  // heap without it, as a replica process does (at 100,000 articles the two would not fit together).
  const build = async () => {
    const built = await timed(() => KnowledgeStore.open({ dir, cacheDir: false }));
    log(`[${count}] built on every core in ${(built.ms / 1000).toFixed(0)} s`);
    const written = await timed(() => built.value.saveSnapshot(out));
    if (written.value) throw written.value;
    await built.value.close();
    return { buildMs: built.ms, snapshotWriteMs: written.ms };
  };
  // `--replica-only`: start from the snapshot an earlier run wrote (its build figures are not measured).
  const replicaOnly = process.argv.includes("--replica-only");
  const { buildMs, snapshotWriteMs } = replicaOnly
    ? { buildMs: Number.NaN, snapshotWriteMs: Number.NaN }
    : await build();
  const manifest = await readManifest(out);
  const { bytes: snapshotBytes, shards } = snapshotSize(manifest);
  log(
    `[${count}] snapshot ${(snapshotBytes / 1e6).toFixed(0)} MB in ${shards} shards (${(snapshotWriteMs / 1000).toFixed(1)} s)`,
  );

  const heapBefore = heapAfterGc();
  const replica = await timed(() => SnapshotStore.open({ dir: out }));
  log(`[${count}] ready as a replica in ${(replica.ms / 1000).toFixed(1)} s`);
  const replicaHeapBytes = heapAfterGc() - heapBefore;
  const kb = replica.value.current();
  const queries = createQueries(generated.value.cast, QUERIES_PER_KIND);
  const latency = timeCommands(kb, queries);
  await replica.value.close();
  for (const [kind, figures] of Object.entries(latency))
    log(
      `[${count}] ${kind} p50 ${figures.p50.toFixed(2)} ms, p99 ${figures.p99.toFixed(2)} ms, max ${figures.max.toFixed(1)} ms`,
    );

  const figures: LargeFigures = {
    articles: count,
    sentences: manifest.sentences,
    machine: `${cpus()[0]?.model ?? "unknown CPU"}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.versions.node}`,
    started,
    runMs: performance.now() - runStarted,
    generateMs: generated.ms,
    buildMs,
    snapshotBytes,
    snapshotShards: shards,
    snapshotWriteMs,
    replicaReadyMs: replica.ms,
    replicaHeapBytes,
    latency,
  };
  const file = join("bench", "out", `large-${count}.json`);
  await writeFile(file, `${JSON.stringify(figures, null, 2)}\n`);
  log(`[${count}] figures written to ${file}; the run took ${(figures.runMs / 60_000).toFixed(0)} min`);
}

await main();

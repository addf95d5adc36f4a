/**
 * Start-up and reload through the real `KnowledgeStore`: time to ready from nothing (a one-core full
 * build), the snapshot it writes, ready from that snapshot (as the writer, with the knowledge
 * folder, and as a replica, PARLEY_SNAPSHOT), and reload after one article changes, with the
 * longest event-loop stall during it.
 */
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { listArticleFiles } from "../src/knowledge/load.js";
import { KnowledgeStore, type StoreEvent } from "../src/store/knowledge-store.js";
import { buildThreads } from "../src/store/prepare-pool.js";
import { readManifest, snapshotSize } from "../src/store/snapshot-shards.js";
import { SnapshotStore } from "../src/store/snapshot-store.js";
import type { StoreFigures } from "./results.js";
import { heapAfterGc, timed, watchEventLoop } from "./stats.js";

/** The snapshot folder the store uses by default (hidden, so the loader skips it). */
export function cacheDirOf(dir: string): string {
  return join(dir, ".parley-cache");
}

/** One realistic edit: a sentence appended to the last paragraph. */
function editArticle(markdown: string): string {
  return `${markdown.trimEnd()} The mediators said on Monday that the talks would continue.\n`;
}

/**
 * Measures the store on a corpus folder: a full build, its snapshot, starts from the snapshot, then
 * reloads after editing one article and again after undoing it.
 *
 * @example
 * const figures = await measureStore("bench/corpus/1000", console.error);
 */
export async function measureStore(dir: string, log: (line: string) => void): Promise<StoreFigures> {
  // The yardstick of the ratios: a full build on one core (the "one-core full build").
  const fromNothing = await timed(() => KnowledgeStore.open({ dir, cacheDir: false, threads: 1 }));
  log(`[store] ready from nothing, one core ${fromNothing.ms.toFixed(0)} ms`);
  // The same build on every core (the articles prepared by the worker pool).
  const allCores = await timed(() => KnowledgeStore.open({ dir, cacheDir: false }));
  log(`[store] ready from nothing, all cores ${allCores.ms.toFixed(0)} ms`);
  const articleCount = allCores.value.current().articles.length;
  await allCores.value.close();
  // The snapshot a start reads: what the store writes after a build (as a cache would be).
  await rm(cacheDirOf(dir), { recursive: true, force: true });
  const written = await timed(() => fromNothing.value.saveSnapshot(cacheDirOf(dir)));
  if (written.value) throw written.value;
  await fromNothing.value.close();
  const manifest = await readManifest(cacheDirOf(dir));
  const snapshot = { ...snapshotSize(manifest), writeMs: written.ms };
  log(
    `[store] snapshot ${(snapshot.bytes / 1e6).toFixed(1)} MB in ${snapshot.shards} shards, written in ${written.ms.toFixed(0)} ms`,
  );
  heapAfterGc();
  const replica = await timed(() => SnapshotStore.open({ dir: cacheDirOf(dir) }));
  await replica.value.close();
  log(`[store] ready as a replica ${replica.ms.toFixed(0)} ms`);
  heapAfterGc();

  let source: string | null = null;
  const onEvent = (event: StoreEvent): void => {
    if (event.type === "ready") source = event.source;
  };
  const fromSnapshot = await timed(() => KnowledgeStore.open({ dir, cacheDir: cacheDirOf(dir), onEvent }));
  const store = fromSnapshot.value;
  log(`[store] ready from snapshot ${fromSnapshot.ms.toFixed(0)} ms (source: ${source})`);

  const files = await listArticleFiles(dir);
  const target = join(dir, files[Math.floor(files.length / 2)] ?? "");
  const original = await readFile(target, "utf8");
  let reload: Awaited<ReturnType<typeof watchEventLoop>>;
  let changed = 0;
  try {
    await writeFile(target, editArticle(original));
    reload = await watchEventLoop(async () => {
      const summary = await store.reload();
      changed = summary.changed.length;
      return summary;
    });
  } finally {
    // Put the corpus back as generated, whatever happened.
    await writeFile(target, original);
  }
  const undo = await watchEventLoop(() => store.reload());
  await store.close();
  log(
    `[store] reload ${reload.ms.toFixed(0)} ms, stall ${reload.maxStallMs.toFixed(0)} ms; undo ${undo.ms.toFixed(0)} ms`,
  );

  return {
    readyFromNothingMs: fromNothing.ms,
    fullBuildAllCores: {
      ms: allCores.ms,
      threads: buildThreads(),
      articlesPerSecond: articleCount / (allCores.ms / 1000),
    },
    readyFromSnapshotMs: fromSnapshot.ms,
    readyReplicaMs: replica.ms,
    snapshot,
    snapshotUsed: source === "snapshot",
    reload: {
      ms: reload.ms,
      maxStallMs: reload.maxStallMs,
      changedArticles: changed,
      undoMs: undo.ms,
      undoMaxStallMs: undo.maxStallMs,
    },
  };
}

/**
 * `node --expose-gc --import tsx bench/measure-store.ts DIR OUT`: the store's figures in a process of
 * their own (run.ts runs it after measure-size.ts), so the stalls measured are the store's and not the
 * collection of the bench's own baselines and sentences.
 */
async function main(args: string[]): Promise<void> {
  const [dir, out] = args;
  if (!dir || !out) throw new Error("Parley bench: usage: measure-store.ts DIR OUT");
  const figures = await measureStore(dir, (line) => console.error(line));
  await writeFile(out, `${JSON.stringify(figures, null, 2)}\n`);
}

if (process.argv[1]?.endsWith("measure-store.ts")) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  });
}

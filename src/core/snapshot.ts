/**
 * Snapshots: the prepared articles and the search index saved to disk after a build, so the next
 * start skips sentence splitting, analysis and indexing for every article whose content is unchanged.
 *
 * A snapshot is keyed by a fingerprint of the code that produced it (the analysis and text sources)
 * and, per article, by the file's content hash; anything else is rebuilt.
 */
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import MiniSearch from "minisearch";
import { type IndexedSentence, SENTENCE_INDEX_OPTIONS } from "../search/sentence-index.js";
import type { ArticleUnit } from "./build.js";

const FORMAT = 1;

interface SnapshotFile {
  format: number;
  fingerprint: string;
  units: ArticleUnit[];
  /** MiniSearch's own serialisation of the index. */
  index: unknown;
}

export interface LoadedSnapshot {
  units: Map<string, ArticleUnit>;
  index: MiniSearch<IndexedSentence>;
}

let fingerprintCache: Promise<string> | undefined;

/** Hash of the sources whose output a snapshot stores: a code change invalidates old snapshots. */
export function codeFingerprint(): Promise<string> {
  fingerprintCache ??= (async () => {
    const src = join(dirname(fileURLToPath(import.meta.url)), "..");
    const hash = createHash("sha256").update(String(FORMAT));
    for (const folder of ["analysis", "text", "search", "core"]) {
      const names = (await readdir(join(src, folder)).catch(() => [] as string[]))
        .filter((n) => /\.[jt]s$/.test(n))
        .sort();
      for (const name of names) hash.update(name).update(await readFile(join(src, folder, name)));
    }
    return hash.digest("hex");
  })();
  return fingerprintCache;
}

export function snapshotPath(cacheDir: string): string {
  return join(cacheDir, "snapshot.json");
}

/**
 * Writes a snapshot atomically (temporary file, then rename), so a crash never leaves half a file.
 */
export async function writeSnapshot(
  cacheDir: string,
  units: ReadonlyMap<string, ArticleUnit>,
  index: MiniSearch<IndexedSentence>,
): Promise<number> {
  const file: SnapshotFile = {
    format: FORMAT,
    fingerprint: await codeFingerprint(),
    units: [...units.values()],
    index: index.toJSON(),
  };
  await mkdir(cacheDir, { recursive: true });
  const path = snapshotPath(cacheDir);
  const text = JSON.stringify(file);
  await writeFile(`${path}.tmp`, text);
  await rename(`${path}.tmp`, path);
  return Buffer.byteLength(text);
}

/** Reads a snapshot; null when there is none or it was made by other code (never throws). */
export async function readSnapshot(cacheDir: string): Promise<LoadedSnapshot | null> {
  let file: SnapshotFile;
  try {
    file = JSON.parse(await readFile(snapshotPath(cacheDir), "utf8")) as SnapshotFile;
  } catch {
    return null;
  }
  if (file.format !== FORMAT || file.fingerprint !== (await codeFingerprint())) return null;
  const index = MiniSearch.loadJS<IndexedSentence>(
    file.index as Parameters<typeof MiniSearch.loadJS>[0],
    SENTENCE_INDEX_OPTIONS,
  );
  return { units: new Map(file.units.map((unit) => [unit.article.id, unit])), index };
}

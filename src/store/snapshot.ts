/**
 * Snapshots: the prepared articles and the search index saved to disk after a build, so the next
 * start skips sentence splitting, analysis and indexing for every article whose content is unchanged.
 *
 * A snapshot is keyed by a fingerprint of the code that produced it (every source file under src/)
 * and, per article, by the file's content hash; anything else is rebuilt.
 */
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import MiniSearch from "minisearch";
import { type IndexedSentence, SENTENCE_INDEX_OPTIONS } from "../index/sentence-index.js";
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

/** The folder `src/` this module runs from. */
const SOURCE_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

/** Every source file under `dir`, relative paths sorted (so the hash does not depend on disk order). */
async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && /\.[cm]?[jt]s$/.test(entry.name))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join("/"))
    .sort();
}

/**
 * Hash of every source file under `srcRoot`, recursively, with its path. Any rule changed anywhere
 * in the pipeline (a quote rule in `analysis/quotes/`, a merge in `corpus/`) invalidates old
 * snapshots; hashing all of `src/` rather than a chosen list means a new folder cannot be forgotten.
 *
 * @example
 * await fingerprintOf("src") // "3f2a..." (sha256 hex)
 */
export async function fingerprintOf(srcRoot: string): Promise<string> {
  const hash = createHash("sha256").update(String(FORMAT));
  for (const path of await sourceFiles(srcRoot)) {
    hash
      .update(path)
      .update("\0")
      .update(await readFile(join(srcRoot, path)))
      .update("\0");
  }
  return hash.digest("hex");
}

let fingerprintCache: Promise<string> | undefined;

/** The fingerprint of the code now running (computed once per process). */
export function codeFingerprint(): Promise<string> {
  fingerprintCache ??= fingerprintOf(SOURCE_ROOT);
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
  fingerprint?: string,
): Promise<number> {
  const file: SnapshotFile = {
    format: FORMAT,
    fingerprint: fingerprint ?? (await codeFingerprint()),
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

/**
 * Reads a snapshot; null when there is none or it was made by other code (never throws).
 * `fingerprint` is the running code's unless given (tests pass the fingerprint of a changed copy).
 */
export async function readSnapshot(cacheDir: string, fingerprint?: string): Promise<LoadedSnapshot | null> {
  let file: SnapshotFile;
  try {
    file = JSON.parse(await readFile(snapshotPath(cacheDir), "utf8")) as SnapshotFile;
  } catch {
    return null;
  }
  if (file.format !== FORMAT || file.fingerprint !== (fingerprint ?? (await codeFingerprint()))) return null;
  const index = MiniSearch.loadJS<IndexedSentence>(
    file.index as Parameters<typeof MiniSearch.loadJS>[0],
    SENTENCE_INDEX_OPTIONS,
  );
  return { units: new Map(file.units.map((unit) => [unit.article.id, unit])), index };
}

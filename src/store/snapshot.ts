/**
 * Snapshots: the assembled knowledge base on disk (articles and sentences, the combined analysis,
 * the timeline's merged entries, the search index), plus each article's own analysis for reloads.
 * A start from a snapshot of the same articles redoes no analysis, no corpus merge and no indexing.
 *
 * A snapshot is keyed by a fingerprint of the code that produced it (every source file under src/)
 * and by the set of article content hashes (and people.yaml); the shards are written and checked
 * by snapshot-shards.ts. Sections, in the order a start reads them:
 * `articles`, `entities`, `quotes`, `status`, `reprints`, `timeline`, `index-meta`, `index`; then
 * `parts` (per-article analyses, read only when a reload needs them) and `files` (stat stamps).
 */
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type MiniSearch from "minisearch";
import type { ArticleAnalysis } from "../analysis/analyze.js";
import type { Analysis, Entity, Quote, StatusEvent } from "../analysis/types.js";
import { runInSlices } from "../core/slices.js";
import type { Article, Sentence } from "../core/types.js";
import type { TimelineEntry } from "../corpus/status-combine.js";
import type { IndexedSentence } from "../index/sentence-index.js";
import type { ParseCache } from "../knowledge/load.js";
import type { KnowledgeProblem } from "../knowledge/problems.js";
import type { ArticleText, ArticleUnit } from "./build.js";
import { decodeIndex, encodeIndex, type IndexBlock, type IndexMeta } from "./snapshot-index.js";
import {
  type Manifest,
  readManifest,
  readSection,
  ShardWriter,
  SNAPSHOT_FORMAT,
  SnapshotError,
} from "./snapshot-shards.js";

export { type Manifest, SnapshotError };

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
  const hash = createHash("sha256").update(String(SNAPSHOT_FORMAT));
  for (const path of await sourceFiles(srcRoot)) {
    hash
      .update(path)
      .update("\0")
      .update(await readFile(join(srcRoot, path)))
      .update("\0");
  }
  return hash.digest("hex");
}

/**
 * Read as this module loads, with the code it belongs to: read later (at the first snapshot), it would
 * hash whatever the files are by then, and a writer whose source was replaced while it built (a
 * deploy, an edit) would stamp its snapshot with code it is not running.
 */
const fingerprintAtLoad = fingerprintOf(SOURCE_ROOT);
// Awaited by codeFingerprint(); a failure is reported there, not as an unhandled rejection.
fingerprintAtLoad.catch(() => undefined);

/** The fingerprint of the code now running (read once per process, as it loads). */
export function codeFingerprint(): Promise<string> {
  return fingerprintAtLoad;
}

/**
 * The key of an article set: ids, paths and content hashes, and the people.yaml text.
 *
 * @example
 * snapshotKey(articles, null) // "9c1e..." (sha256 hex)
 */
export function snapshotKey(articles: readonly Article[], people: string | null): string {
  const hash = createHash("sha256");
  const sorted = [...articles].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const article of sorted) hash.update(`${article.id}\t${article.path}\t${article.hash}\n`);
  return hash
    .update("\0people\0")
    .update(people ?? "")
    .digest("hex");
}

/** What a snapshot holds: everything answers need, and what a reload needs on top. */
export interface SnapshotContent {
  units: ReadonlyMap<string, ArticleUnit>;
  index: MiniSearch<IndexedSentence>;
  /** The combined analysis (after people.yaml). */
  analysis: Analysis;
  /** The timeline's merged entries (their events are objects of `analysis.status`). */
  timeline: readonly TimelineEntry[];
  key: string;
  /** The knowledge folder's parsed files by stat stamp (so a start need not parse them again). */
  files?: ParseCache;
}

/** A timeline entry with its events as positions in `analysis.status`. */
type EncodedEntry = [string, number, number[], number, string[], string];
type FileRow = [path: string, stamp: string, articleId: string | null, problems: KnowledgeProblem[]];

/**
 * An article as stored: its sentences as places (`paragraph, index, start, end` per sentence) when
 * each is exactly its paragraph's slice with the usual id, which is always so for `splitArticle`'s
 * output (text and ids are then not stored twice); otherwise the sentences as they are.
 */
type StoredArticle = { article: Article; places: Int32Array } | { article: Article; sentences: Sentence[] };

function storeArticle({ article, sentences }: ArticleText): StoredArticle {
  const places = new Int32Array(sentences.length * 4);
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i]!;
    const exact =
      s.articleId === article.id &&
      s.id === `${article.id}#${s.paragraph}.${s.index}` &&
      article.paragraphs[s.paragraph - 1]?.slice(s.start, s.end) === s.text;
    if (!exact) return { article, sentences: [...sentences] };
    places.set([s.paragraph, s.index, s.start, s.end], i * 4);
  }
  return { article, places };
}

function restoreArticle(stored: StoredArticle): ArticleText {
  if ("sentences" in stored) return stored;
  const { article, places } = stored;
  const sentences: Sentence[] = new Array(places.length / 4);
  for (let i = 0, at = 0; at < places.length; i++, at += 4) {
    const paragraph = places[at]!;
    const index = places[at + 1]!;
    const start = places[at + 2]!;
    const end = places[at + 3]!;
    const text = article.paragraphs[paragraph - 1]?.slice(start, end);
    if (text === undefined)
      throw new SnapshotError("corrupt", `article ${article.id} has no paragraph ${paragraph}`);
    // The same fields in the same order as splitArticle makes them.
    sentences[i] = {
      id: `${article.id}#${paragraph}.${index}`,
      articleId: article.id,
      paragraph,
      index,
      text,
      start,
      end,
    };
  }
  return { article, sentences };
}

function encodeTimeline(status: readonly StatusEvent[], entries: readonly TimelineEntry[]): EncodedEntry[] {
  const eventAt = new Map(status.map((event, i) => [event, i]));
  const entryAt = new Map(entries.map((entry, i) => [entry, i]));
  const at = (event: StatusEvent): number => {
    const i = eventAt.get(event);
    if (i === undefined) throw new Error(`Parley: timeline event ${event.id} is not in the analysis`);
    return i;
  };
  return entries.map((entry) => [
    entry.id,
    at(entry.lead),
    entry.reports.map(at),
    entry.supersededBy ? (entryAt.get(entry.supersededBy) ?? -1) : -1,
    entry.participants,
    entry.published,
  ]);
}

function decodeTimeline(status: readonly StatusEvent[], encoded: readonly EncodedEntry[]): TimelineEntry[] {
  const event = (i: number): StatusEvent => {
    const found = status[i];
    if (!found) throw new SnapshotError("corrupt", `timeline names status event ${i}, which is not there`);
    return found;
  };
  const entries: TimelineEntry[] = encoded.map(([id, lead, reports, , participants, published]) => ({
    id,
    lead: event(lead),
    reports: reports.map(event),
    supersededBy: null,
    participants,
    published,
  }));
  encoded.forEach(([, , , by], i) => {
    if (by >= 0) entries[i]!.supersededBy = entries[by] ?? null;
  });
  return entries;
}

/**
 * Writes a snapshot of `content` into the folder `dir` (see snapshot-shards.ts for the layout).
 * Throws a {@link SnapshotError} (`unwritable`) saying why when it cannot.
 */
export async function writeSnapshot(
  dir: string,
  content: SnapshotContent,
  fingerprint?: string,
): Promise<{ bytes: number; manifest: Manifest }> {
  // Shards of about half a MB: a replica (and a writer's reload) decodes them while it keeps answering,
  // and each decode is a pause of the event loop (about 10 ms a MB on this machine).
  const writer = new ShardWriter(dir);
  try {
    const units = [...content.units.values()];
    const { analysis } = content;
    await writer.section("articles", units.map(storeArticle), 250);
    await writer.section("entities", analysis.entities, 25);
    await writer.section("quotes", analysis.quotes, 1_000);
    await writer.section("status", analysis.status, 1_000);
    await writer.section("reprints", Object.entries(analysis.quoteReprints ?? {}), 50_000);
    await writer.section("timeline", encodeTimeline(analysis.status, content.timeline), 2_000);
    const { meta, blocks } = encodeIndex(content.index);
    await writer.section("index-meta", [meta], 1);
    await writer.section("index", blocks, 1);
    await writer.section(
      "parts",
      units.map((unit) => unit.analysis),
      25,
    );
    const rows: FileRow[] = [...(content.files ?? new Map()).entries()].map(([path, file]) => [
      path,
      file.stamp,
      file.article?.id ?? null,
      file.problems,
    ]);
    await writer.section("files", rows, 50_000);
    const sentences = units.reduce((sum, unit) => sum + unit.sentences.length, 0);
    const manifest = await writer.commit({
      fingerprint: fingerprint ?? (await codeFingerprint()),
      key: content.key,
      articles: units.length,
      sentences,
      meta: { hasReprints: analysis.quoteReprints !== undefined },
    });
    return { bytes: writer.size, manifest };
  } catch (error) {
    await writer.discard().catch(() => undefined);
    if (error instanceof SnapshotError) throw error;
    throw new SnapshotError("unwritable", `cannot be written to ${dir}: ${String(error)}`);
  }
}

/** The assembled part of a snapshot: what answers need. */
export interface SnapshotLookups {
  articles: ArticleText[];
  analysis: Analysis;
  timeline: TimelineEntry[];
}

/**
 * An opened snapshot: its manifest checked against the running code; the sections are read on
 * demand, so a start reads only what it needs (a replica never reads `parts`).
 */
export class SnapshotReader {
  private constructor(
    readonly dir: string,
    readonly manifest: Manifest,
  ) {}

  /**
   * Opens the snapshot in `dir`; throws a {@link SnapshotError}: `missing`, `corrupt`, or `stale`
   * when made by other code (`fingerprint`: the running code's unless given).
   */
  static async open(dir: string, fingerprint?: string): Promise<SnapshotReader> {
    const manifest = await readManifest(dir);
    const expected = fingerprint ?? (await codeFingerprint());
    if (manifest.fingerprint !== expected)
      throw new SnapshotError(
        "stale",
        `${dir} was made by other code (fingerprint ${manifest.fingerprint.slice(0, 12)}, this code ${expected.slice(0, 12)}): rebuild it`,
      );
    return new SnapshotReader(dir, manifest);
  }

  private section<T>(name: string): Promise<T[]> {
    return readSection<T>(this.dir, this.manifest, name);
  }

  /** Articles, sentences, the combined analysis and the timeline entries. */
  async lookups(): Promise<SnapshotLookups> {
    const articles = (await this.section<StoredArticle>("articles")).map(restoreArticle);
    const entities = await this.section<Entity>("entities");
    const quotes = await this.section<Quote>("quotes");
    const status = await this.section<StatusEvent>("status");
    const reprints = await this.section<[string, string[]]>("reprints");
    const timeline = decodeTimeline(status, await this.section<EncodedEntry>("timeline"));
    const analysis: Analysis = { entities, quotes, status };
    if (this.manifest.meta.hasReprints) analysis.quoteReprints = Object.fromEntries(reprints);
    return { articles, analysis, timeline };
  }

  /** The search index (rebuilt in steps that leave the event loop free now and then). */
  async index(): Promise<MiniSearch<IndexedSentence>> {
    const [meta] = await this.section<IndexMeta>("index-meta");
    if (!meta) throw new SnapshotError("corrupt", `${this.dir} has no index header`);
    const blocks = await this.section<IndexBlock>("index");
    try {
      return await runInSlices(decodeIndex(meta, blocks));
    } catch (error) {
      if (error instanceof SnapshotError) throw error;
      throw new SnapshotError(
        "corrupt",
        `${this.dir} holds an index that cannot be loaded: ${String(error)}`,
      );
    }
  }

  /** Each article's own analysis, by article id (for reloads, which combine them again). */
  async parts(): Promise<Map<string, ArticleAnalysis>> {
    const parts = await this.section<ArticleAnalysis>("parts");
    return new Map(parts.map((part) => [part.articleId, part]));
  }

  /** The parse cache the snapshot was made with, its articles taken from `articles`. */
  async files(articles: ReadonlyMap<string, Article>): Promise<ParseCache> {
    const rows = await this.section<FileRow>("files");
    const cache: ParseCache = new Map();
    for (const [path, stamp, id, problems] of rows) {
      const article = id === null ? null : articles.get(id);
      // Only the article read from this very file (a second file with the same id is read again).
      if (article === null || article?.path === path) cache.set(path, { stamp, article, problems });
    }
    return cache;
  }
}

/** Everything at once (tests, `parley build`): the units with their analyses, and the index. */
export async function readSnapshot(
  dir: string,
  fingerprint?: string,
): Promise<{
  units: Map<string, ArticleUnit>;
  index: MiniSearch<IndexedSentence>;
  lookups: SnapshotLookups;
}> {
  const reader = await SnapshotReader.open(dir, fingerprint);
  const lookups = await reader.lookups();
  const parts = await reader.parts();
  const units = new Map<string, ArticleUnit>();
  for (const { article, sentences } of lookups.articles) {
    const analysis = parts.get(article.id);
    if (!analysis) throw new SnapshotError("corrupt", `${dir} has no analysis for article ${article.id}`);
    units.set(article.id, { article, sentences, analysis });
  }
  return { units, index: await reader.index(), lookups };
}

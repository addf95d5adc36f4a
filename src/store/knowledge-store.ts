/**
 * Holds the live knowledge base and replaces it, whole, when the knowledge folder changes.
 *
 * - Start: from a snapshot when the files are unchanged, else built (and a snapshot written).
 * - Reload: only articles whose content hash changed are prepared again; the search index is
 *   updated for those alone; the new knowledge base is swapped in one synchronous step, so an
 *   answer sees either the old state or the new one, never a mix.
 * - A file that fails validation keeps its last good version serving; its problem is reported.
 */
import { type FSWatcher, watch } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import type MiniSearch from "minisearch";
import type { ArticleAnalysis } from "../analysis/analyze.js";
import { type PersonEntry, parsePeopleFile } from "../analysis/entities/people-file.js";
import { runInSlices, runToEnd } from "../core/slices.js";
import type { KnowledgeBase } from "../index/knowledge-base.js";
import { createSentenceIndex, type IndexedSentence } from "../index/sentence-index.js";
import { getTimeline } from "../index/timeline.js";
import { loadKnowledge, type ParseCache } from "../knowledge/load.js";
import type { KnowledgeProblem } from "../knowledge/problems.js";
import {
  type ArticleUnit,
  type AssembledKnowledgeBase,
  assembleKnowledgeBase,
  assembleSteps,
  prepareArticle,
  restoreSteps,
} from "./build.js";
import { applyArticles, type ChangePlan, planChanges, unchanged, updateIndex } from "./changes.js";
import {
  type SnapshotContent,
  SnapshotError,
  type SnapshotLookups,
  SnapshotReader,
  snapshotKey,
  writeSnapshot,
} from "./snapshot.js";
import type { SnapshotFailure } from "./snapshot-shards.js";

export interface StoreOptions {
  /** The knowledge folder. */
  dir: string;
  /** Where snapshots go; `false` disables them. Default: `<dir>/.parley-cache`. */
  cacheDir?: string | false;
  /** Watch the folder and reload on change (default false). */
  watch?: boolean;
  /** Quiet time after the last file change before reloading (default 300 ms). */
  debounceMs?: number;
  /** Told about loads, reloads and problems (for logs). */
  onEvent?: (event: StoreEvent) => void;
  /** Threads that prepare articles (default: `PARLEY_BUILD_THREADS`, else one per core; 1: in place). */
  threads?: number;
}

export type StoreEvent =
  | { type: "ready"; articles: number; source: "snapshot" | "build"; ms: number }
  | { type: "reloaded"; articles: number; changed: number; removed: number; ms: number }
  | { type: "problem"; problem: KnowledgeProblem }
  | { type: "reload-failed"; error: unknown }
  /** A snapshot could not be used (`missing` on a first start; `stale`; `corrupt`): the reason says why. */
  | { type: "snapshot-unusable"; reason: SnapshotFailure; message: string }
  | { type: "snapshot-written"; dir: string; bytes: number; ms: number }
  /** A replica (snapshot-store.ts) now serves a newer snapshot. */
  | { type: "snapshot-switched"; version: string; articles: number; ms: number }
  | { type: "snapshot-failed"; error: unknown };

export interface ReloadSummary {
  changed: string[];
  removed: string[];
  kept: string[];
  problems: KnowledgeProblem[];
}

/** How the store starts: the state it serves, and where per-article analyses come from. */
interface StartState {
  kb: AssembledKnowledgeBase;
  index: MiniSearch<IndexedSentence>;
  /** Every unit with its analysis; null after a snapshot start until a reload needs them. */
  units: Map<string, ArticleUnit> | null;
  /** Where the per-article analyses are read from when `units` is null. */
  parts: SnapshotReader | null;
}

/** Reports why a snapshot was not used, and returns null. */
function unusable(options: StoreOptions, error: unknown): null {
  if (error instanceof SnapshotError)
    options.onEvent?.({ type: "snapshot-unusable", reason: error.reason, message: error.message });
  else options.onEvent?.({ type: "snapshot-unusable", reason: "corrupt", message: String(error) });
  return null;
}

export class KnowledgeStore {
  private kb: AssembledKnowledgeBase;
  /** Every unit with its per-article analysis, when they are kept in memory (no snapshot to read them from). */
  private units: Map<string, ArticleUnit> | null;
  /** The snapshot on disk the per-article analyses are read from when `units` is null. */
  private parts: SnapshotReader | null;
  /** Units prepared since that snapshot was written (changed articles): they override its parts. */
  private fresh = new Map<string, ArticleUnit>();
  private readonly index: MiniSearch<IndexedSentence>;
  private latestProblems: KnowledgeProblem[];
  private watcher: FSWatcher | undefined;
  private debounce: NodeJS.Timeout | undefined;
  private reloading: Promise<ReloadSummary> | undefined;
  private reloadAgain = false;
  /** Parsed files by path and stat stamp: a reload reads only files that changed. */
  private readonly parseCache: ParseCache;
  /** The optional people.yaml as last read (its text, to notice a change, and its entries). */
  private people: LoadedPeople;

  private constructor(
    private readonly options: StoreOptions,
    state: StartState,
    problems: KnowledgeProblem[],
    parseCache: ParseCache,
    people: LoadedPeople,
  ) {
    this.parseCache = parseCache;
    this.people = people;
    this.units = state.units;
    this.parts = state.parts;
    this.index = state.index;
    this.kb = state.kb;
    this.latestProblems = problems;
  }

  /**
   * Loads the folder and builds (or restores) the knowledge base.
   *
   * - The snapshot's articles are read first, with the stat stamps of the files they came from, so
   *   unchanged files are not parsed again.
   * - Same articles (content hashes) and people.yaml: the assembled state is restored as saved.
   * - Otherwise its per-article analyses are reused for unchanged articles, the rest is prepared,
   *   the corpus assembled again, and a new snapshot written.
   *
   * @example
   * const store = await KnowledgeStore.open({ dir: "knowledge" });
   * answerCommand(store.current(), "who", { name: "Barnea" });
   */
  static async open(options: StoreOptions): Promise<KnowledgeStore> {
    const started = performance.now();
    const cacheDir = options.cacheDir === undefined ? join(options.dir, ".parley-cache") : options.cacheDir;
    const parseCache: ParseCache = new Map();
    let reader: SnapshotReader | null = null;
    let lookups: SnapshotLookups | null = null;
    if (cacheDir) {
      try {
        reader = await SnapshotReader.open(cacheDir);
        lookups = await reader.lookups();
        const byId = new Map(lookups.articles.map((text) => [text.article.id, text.article]));
        for (const [path, file] of await reader.files(byId)) parseCache.set(path, file);
      } catch (error) {
        reader = unusable(options, error);
        lookups = null;
      }
    }
    const { articles, problems: fileProblems } = await loadKnowledge(options.dir, parseCache);
    const people = await readPeople(options.dir);
    const problems = [...fileProblems, ...people.problems];
    for (const problem of problems) options.onEvent?.({ type: "problem", problem });
    const key = snapshotKey(articles, people.text);

    let state: StartState | null = null;
    if (reader && lookups && reader.manifest.key === key) {
      try {
        const index = await reader.index();
        const texts = new Map(lookups.articles.map((text) => [text.article.id, text]));
        const kb = runToEnd(restoreSteps(texts, index, lookups.analysis, lookups.timeline));
        state = { kb, index, units: null, parts: reader };
      } catch (error) {
        reader = unusable(options, error);
      }
    }
    const source = state ? "snapshot" : "build";
    if (!state) {
      const reused = reader && lookups ? await reusableUnits(reader, lookups, options) : null;
      const units = reused?.units ?? new Map<string, ArticleUnit>();
      const index = reused?.index ?? createSentenceIndex();
      await applyArticles(units, index, articles, new Set(), options.threads);
      state = { kb: assembleKnowledgeBase(units, index, people.entries), index, units, parts: null };
    }
    const store = new KnowledgeStore(options, state, problems, parseCache, people);
    if (cacheDir && source === "build" && (await store.saveSnapshot(cacheDir)) === null) {
      // The per-article analyses are on disk now: a reload reads them there instead of the heap
      // holding them all the time (they are as big as everything answers read).
      try {
        store.parts = await SnapshotReader.open(cacheDir);
        store.units = null;
      } catch (error) {
        unusable(options, error);
      }
    }
    options.onEvent?.({
      type: "ready",
      articles: store.kb.articles.length,
      source,
      ms: performance.now() - started,
    });
    if (options.watch) store.startWatching();
    return store;
  }

  /**
   * Writes the current state as a snapshot into `dir`; a failure is reported (`snapshot-failed`,
   * with the reason) and returned, never thrown.
   */
  async saveSnapshot(dir: string): Promise<SnapshotError | null> {
    const started = performance.now();
    try {
      const { bytes } = await writeSnapshot(dir, await this.snapshotContent());
      this.options.onEvent?.({ type: "snapshot-written", dir, bytes, ms: performance.now() - started });
      return null;
    } catch (error) {
      const failure =
        error instanceof SnapshotError
          ? error
          : new SnapshotError("unwritable", `cannot be written: ${String(error)}`);
      this.options.onEvent?.({ type: "snapshot-failed", error: failure });
      return failure;
    }
  }

  /** What a snapshot of the current state holds (reads the per-article analyses if not yet in memory). */
  async snapshotContent(): Promise<SnapshotContent> {
    const units = await this.ensureUnits();
    const kb = this.kb;
    return {
      units,
      index: this.index,
      analysis: kb.analysis,
      timeline: getTimeline(kb.analysis).entries,
      key: snapshotKey(kb.articles, this.people.text),
      files: this.parseCache,
    };
  }

  /**
   * The units with their per-article analyses: in memory, or read from the snapshot on disk (with
   * the units prepared since it was written), or prepared again from the articles if that read
   * fails (slower but correct; they are then kept in memory).
   */
  private async ensureUnits(): Promise<Map<string, ArticleUnit>> {
    if (this.units) return this.units;
    let parts = new Map<string, ArticleAnalysis>();
    try {
      if (this.parts) parts = await this.parts.parts();
    } catch (error) {
      unusable(this.options, error);
      this.parts = null;
    }
    const units = new Map<string, ArticleUnit>();
    for (const [id, text] of this.kb.units) {
      const fresh = this.fresh.get(id);
      const analysis = parts.get(id);
      units.set(id, fresh ?? (analysis ? { ...text, analysis } : prepareArticle(text.article)));
      if (!fresh && !analysis) await yieldToEventLoop();
    }
    if (!this.parts) {
      this.units = units;
      this.fresh.clear();
    }
    return units;
  }

  /** The live knowledge base: always whole and consistent. Do not keep it across awaits. */
  current(): KnowledgeBase {
    return this.kb;
  }

  /** Problems found by the latest load or reload. */
  problems(): readonly KnowledgeProblem[] {
    return this.latestProblems;
  }

  /**
   * Reads the folder again and applies what changed. Concurrent calls share one reload (and one
   * more runs after it if files changed meanwhile).
   */
  reload(): Promise<ReloadSummary> {
    if (this.reloading) {
      this.reloadAgain = true;
      return this.reloading;
    }
    this.reloading = this.runReload().finally(() => {
      this.reloading = undefined;
      if (this.reloadAgain) {
        this.reloadAgain = false;
        void this.reload().catch((error: unknown) =>
          this.options.onEvent?.({ type: "reload-failed", error }),
        );
      }
    });
    return this.reloading;
  }

  private async runReload(): Promise<ReloadSummary> {
    const started = performance.now();
    const { articles, problems: fileProblems } = await loadKnowledge(this.options.dir, this.parseCache);
    const people = await readPeople(this.options.dir);
    const peopleChanged = people.text !== this.people.text;
    this.people = people;
    const problems = [...fileProblems, ...people.problems];
    for (const problem of problems) this.options.onEvent?.({ type: "problem", problem });
    // A broken file keeps its last good version: find the articles whose file now fails.
    const failingPaths = new Set(problems.filter((p) => p.severity === "error").map((p) => p.path));
    const kept = new Set(
      [...this.kb.units.values()]
        .filter((unit) => failingPaths.has(unit.article.path))
        .map((unit) => unit.article.id),
    );
    // Prepare on copies, then swap: the live index and units are touched in one synchronous step.
    // Nothing changed (a file touched, an editor's save of the same text): no units read, no merge.
    const next =
      unchanged(this.kb.units, articles, kept) && !peopleChanged ? null : new Map(await this.ensureUnits());
    const plan = next
      ? await planChanges(next, articles, kept, this.options.threads)
      : { changed: [], removed: [], drop: [], add: [] };
    if (next) await this.applyPlan(next, plan, peopleChanged);
    this.latestProblems = problems;
    const summary = { changed: plan.changed, removed: plan.removed, kept: [...kept], problems };
    this.options.onEvent?.({
      type: "reloaded",
      articles: this.kb.units.size,
      changed: plan.changed.length,
      removed: plan.removed.length,
      ms: performance.now() - started,
    });
    return summary;
  }

  private async applyPlan(
    next: Map<string, ArticleUnit>,
    plan: ChangePlan,
    peopleChanged: boolean,
  ): Promise<void> {
    if (plan.changed.length === 0 && plan.removed.length === 0 && !peopleChanged) return;
    // Built in time slices: the live knowledge base keeps answering meanwhile.
    const kb = await runInSlices(assembleSteps(next, this.index, this.people.entries));
    // From here to the end nothing awaits: no answer can run between the index update and the swap.
    updateIndex(this.index, plan);
    if (this.units) this.units = next;
    else {
      // Only what the snapshot on disk does not hold stays in memory.
      for (const id of plan.removed) this.fresh.delete(id);
      for (const id of plan.changed) {
        const unit = next.get(id);
        if (unit) this.fresh.set(id, unit);
      }
    }
    this.kb = kb;
  }

  private startWatching(): void {
    const delay = this.options.debounceMs ?? 300;
    this.watcher = watch(this.options.dir, { recursive: true }, (_event, name) => {
      if (name && /(^|[\\/])\./.test(String(name))) return; // our own cache folder, editor temp files
      clearTimeout(this.debounce);
      this.debounce = setTimeout(() => {
        this.reload().catch((error: unknown) => this.options.onEvent?.({ type: "reload-failed", error }));
      }, delay);
    });
    this.watcher.on("error", (error) => this.options.onEvent?.({ type: "reload-failed", error }));
  }

  /** Stops watching and waits for a reload in progress. */
  async close(): Promise<void> {
    this.watcher?.close();
    clearTimeout(this.debounce);
    await this.reloading?.catch(() => undefined);
  }
}

/** The optional `people.yaml` of the knowledge folder. */
interface LoadedPeople {
  text: string | null;
  entries: PersonEntry[];
  problems: KnowledgeProblem[];
}

const PEOPLE_FILE = "people.yaml";

/** Reads `people.yaml` if there is one; its problems are warnings (the articles stand without it). */
export async function readPeople(dir: string): Promise<LoadedPeople> {
  let text: string;
  try {
    text = await readFile(join(dir, PEOPLE_FILE), "utf8");
  } catch {
    return { text: null, entries: [], problems: [] };
  }
  const { entries, problems } = parsePeopleFile(text);
  return {
    text,
    entries,
    problems: problems.map((message) => ({
      path: PEOPLE_FILE,
      line: 1,
      message: message.replace(/^Parley: people\.yaml /, ""),
      severity: "warning" as const,
    })),
  };
}

/**
 * From a snapshot made for other articles: its units (with their analyses) and index, to bring up
 * to date; null (and reported) when they cannot be read.
 */
async function reusableUnits(
  reader: SnapshotReader,
  lookups: SnapshotLookups,
  options: StoreOptions,
): Promise<{ units: Map<string, ArticleUnit>; index: MiniSearch<IndexedSentence> } | null> {
  try {
    const parts = await reader.parts();
    const units = new Map<string, ArticleUnit>();
    for (const { article, sentences } of lookups.articles) {
      const analysis = parts.get(article.id);
      if (!analysis)
        throw new SnapshotError("corrupt", `${reader.dir} has no analysis for article ${article.id}`);
      units.set(article.id, { article, sentences, analysis });
    }
    return { units, index: await reader.index() };
  } catch (error) {
    return unusable(options, error);
  }
}

/**
 * What a reload (or a start from a snapshot made for other articles) changes: which articles were
 * added, edited or removed, prepared again off the hot path, and the index update for them.
 */
import type MiniSearch from "minisearch";
import type { Article } from "../core/types.js";
import { type IndexedSentence, indexSentences } from "../index/sentence-index.js";
import type { ArticleUnit } from "./build.js";
import { prepareArticles } from "./prepare-pool.js";

export interface ChangePlan {
  changed: string[];
  removed: string[];
  /** Sentence ids to drop from the index and units whose sentences to add. */
  drop: string[];
  add: ArticleUnit[];
}

/**
 * Works out what changed and prepares the changed articles into `next` (a copy of the live units),
 * off the event loop (worker threads) or yielding between articles, so answers keep flowing.
 */
export async function planChanges(
  next: Map<string, ArticleUnit>,
  articles: readonly Article[],
  kept: ReadonlySet<string>,
  threads?: number,
): Promise<ChangePlan> {
  const plan: ChangePlan = { changed: [], removed: [], drop: [], add: [] };
  const present = new Set(articles.map((article) => article.id));
  for (const [id, unit] of next) {
    if (!present.has(id) && !kept.has(id)) {
      plan.removed.push(id);
      plan.drop.push(...unit.sentences.map((sentence) => sentence.id));
      next.delete(id);
    }
  }
  const stale = articles.filter((article) => !current(next.get(article.id), article));
  // The bulk of a full build: on every core (prepare-pool.ts), or in place for a few articles.
  const units = await prepareArticles(stale, threads);
  for (const unit of units) {
    const old = next.get(unit.article.id);
    if (old) plan.drop.push(...old.sentences.map((sentence) => sentence.id));
    next.set(unit.article.id, unit);
    plan.changed.push(unit.article.id);
    plan.add.push(unit);
  }
  return plan;
}

/** The unit holds this very article: same content hash, read from the same file. */
function current(unit: { article: Article } | undefined, article: Article): boolean {
  return unit !== undefined && unit.article.hash === article.hash && unit.article.path === article.path;
}

/**
 * True when the articles are exactly those `units` hold (same ids, paths and content hashes), the
 * `kept` ones (whose files now fail) aside: a reload then has nothing to do, and need not read the
 * per-article analyses back from the snapshot.
 */
export function unchanged(
  units: ReadonlyMap<string, { article: Article }>,
  articles: readonly Article[],
  kept: ReadonlySet<string>,
): boolean {
  const present = new Set<string>();
  for (const article of articles) {
    if (!current(units.get(article.id), article)) return false;
    present.add(article.id);
  }
  for (const id of units.keys()) if (!present.has(id) && !kept.has(id)) return false;
  return true;
}

export function updateIndex(index: MiniSearch<IndexedSentence>, plan: ChangePlan): void {
  if (plan.drop.length > 0) index.discardAll(plan.drop);
  for (const unit of plan.add) indexSentences(index, unit.sentences);
}

/** Brings snapshot units and index up to date with the files (used at start). */
export async function applyArticles(
  units: Map<string, ArticleUnit>,
  index: MiniSearch<IndexedSentence>,
  articles: readonly Article[],
  kept: ReadonlySet<string>,
  threads?: number,
): Promise<ChangePlan> {
  const plan = await planChanges(units, articles, kept, threads);
  updateIndex(index, plan);
  return plan;
}

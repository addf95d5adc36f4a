/**
 * What a reload (or a start from a snapshot made for other articles) changes: which articles were
 * added, edited or removed, prepared again off the hot path, and the index update for them.
 */
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import type MiniSearch from "minisearch";
import type { Article } from "../core/types.js";
import { type IndexedSentence, indexSentences } from "../index/sentence-index.js";
import { type ArticleUnit, prepareArticle } from "./build.js";

export interface ChangePlan {
  changed: string[];
  removed: string[];
  /** Sentence ids to drop from the index and units whose sentences to add. */
  drop: string[];
  add: ArticleUnit[];
}

/**
 * Works out what changed and prepares the changed articles into `next` (a copy of the live units),
 * yielding to the event loop between articles so answers keep flowing during a large reload.
 */
export async function planChanges(
  next: Map<string, ArticleUnit>,
  articles: readonly Article[],
  kept: ReadonlySet<string>,
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
  for (const article of articles) {
    const old = next.get(article.id);
    if (old && old.article.hash === article.hash && old.article.path === article.path) continue;
    const unit = prepareArticle(article);
    if (old) plan.drop.push(...old.sentences.map((sentence) => sentence.id));
    next.set(article.id, unit);
    plan.changed.push(article.id);
    plan.add.push(unit);
    await yieldToEventLoop();
  }
  return plan;
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
): Promise<ChangePlan> {
  const plan = await planChanges(units, articles, kept);
  updateIndex(index, plan);
  return plan;
}

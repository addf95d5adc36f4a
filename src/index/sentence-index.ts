/**
 * Full-text search over sentences, with MiniSearch.
 *
 * Only ids are indexed (no stored fields): the sentences themselves live in the knowledge base, so
 * the text is not held twice. Stop words are dropped at index and query time, which keeps the
 * posting lists short; queries are AND first (precise, cheap) and fall back to OR.
 */
import MiniSearch, { type Options, type SearchResult } from "minisearch";
import type { Sentence } from "../core/types.js";
import { hasTerm, topPassages } from "./passage-scorer.js";
import { STOP_WORDS } from "./stop-words.js";

/** Words of a query or sentence, lower-cased, stop words and one-letter words dropped. */
export function processTerm(term: string): string | null {
  const lower = term.toLowerCase();
  return lower.length < 2 || STOP_WORDS.has(lower) ? null : lower;
}

/** Fuzzy matching only for longer words, and by at most 2 edits: short words would match everything. */
function fuzziness(term: string): number | false {
  return term.length >= 5 ? Math.min(2, Math.floor(term.length * 0.2)) : false;
}

export interface IndexedSentence {
  id: string;
  text: string;
}

/** The index's options: the same for a new index and one loaded from a snapshot. */
export const SENTENCE_INDEX_OPTIONS: Options<IndexedSentence> = {
  fields: ["text"],
  storeFields: [],
  processTerm,
  searchOptions: { processTerm },
  // Reload discards an article's sentences; vacuum in the background, in small batches.
  autoVacuum: { minDirtCount: 1000, minDirtFactor: 0.1, batchSize: 2000, batchWait: 5 },
};

export function createSentenceIndex(): MiniSearch<IndexedSentence> {
  return new MiniSearch<IndexedSentence>(SENTENCE_INDEX_OPTIONS);
}

/** Adds sentences (only id and text are kept by the index). */
export function indexSentences(index: MiniSearch<IndexedSentence>, sentences: readonly Sentence[]): void {
  index.addAll(sentences.map((sentence) => ({ id: sentence.id, text: sentence.text })));
}

export interface SentenceSearchHit {
  id: string;
  score: number;
}

/**
 * Searches sentences: all words must match (with prefix on the last word and bounded fuzziness);
 * when that finds fewer than `limit`, any word may match.
 *
 * The query plan is ours: a word in the vocabulary is matched exactly; only a word the index does
 * not hold is matched fuzzily (a typo), and only an unknown last word by prefix (a word cut short).
 * When every word is known, the top results come from passage-scorer.ts, which scores only the
 * postings that can reach the top (MiniSearch's own search scores them all); recall@10 against an
 * exhaustive BM25 ranking is measured by the bench (bench/README.md).
 *
 * @example
 * searchSentences(index, "next Sunday Doha", 5) // [{ id: "2024-10-24-doha-talks#9.1", score: 12.3 }]
 */
export function searchSentences(
  index: MiniSearch<IndexedSentence>,
  query: string,
  limit: number,
  filter?: (id: string) => boolean,
): SentenceSearchHit[] {
  const tokenize = MiniSearch.getDefault("tokenize") as (text: string) => string[];
  const terms = tokenize(query)
    .map(processTerm)
    .filter((term): term is string => term !== null);
  if (terms.length === 0) return [];
  const cleaned = terms.join(" ");
  const unknown = new Set(terms.filter((term) => !hasTerm(index, term)));
  if (unknown.size === 0) return topPassages(index, terms, limit, filter);
  const lastTerm = terms[terms.length - 1];
  const options = {
    prefix: (term: string) => term === lastTerm && term.length >= 3 && unknown.has(term),
    fuzzy: (term: string) => (unknown.has(term) ? fuzziness(term) : false),
    maxFuzzy: 2,
    filter: filter ? (result: SearchResult) => filter(String(result.id)) : undefined,
  };
  let results = index.search(cleaned, { ...options, combineWith: "AND" });
  if (results.length < limit && terms.length > 1) {
    const seen = new Set(results.map((result) => result.id));
    const more = index.search(cleaned, { ...options, combineWith: "OR" }).filter((r) => !seen.has(r.id));
    results = results.concat(more);
  }
  return results.slice(0, limit).map((result) => ({ id: String(result.id), score: result.score }));
}

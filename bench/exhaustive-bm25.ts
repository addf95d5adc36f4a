/**
 * The reference ranking for `ask`'s recall@10: exhaustive BM25+ over the same words Parley searches
 * for (the same tokenizer and stop words, exact terms only), scoring every sentence that holds any
 * of them. MiniSearch's own formula, parameters and length (a sentence's distinct tokens as written),
 * so that what it measures is the query plan's shortcuts, not a different scoring. Slow by design.
 */
import MiniSearch from "minisearch";
import type { Sentence } from "../src/core/types.js";
import { processTerm } from "../src/index/sentence-index.js";

/** MiniSearch's defaults (BM25+). */
const K = 1.2;
const B = 0.7;
const D = 0.5;

export interface ExhaustiveIndex {
  ids: string[];
  docOf: Map<string, number>;
  lengths: Uint16Array;
  averageLength: number;
  postings: Map<string, { doc: number[]; tf: number[] }>;
}

/** The words of a text as the sentence index sees them. */
export function wordsOf(text: string): string[] {
  const tokenize = MiniSearch.getDefault("tokenize") as (text: string) => string[];
  return tokenize(text)
    .map(processTerm)
    .filter((term): term is string => term !== null);
}

export function buildExhaustive(sentences: readonly Sentence[]): ExhaustiveIndex {
  const postings = new Map<string, { doc: number[]; tf: number[] }>();
  const lengths = new Uint16Array(sentences.length);
  let total = 0;
  sentences.forEach((sentence, doc) => {
    const words = wordsOf(sentence.text);
    const tokenize = MiniSearch.getDefault("tokenize") as (text: string) => string[];
    const length = new Set(tokenize(sentence.text)).size;
    lengths[doc] = Math.min(length, 65_535);
    total += length;
    const counts = new Map<string, number>();
    for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
    for (const [word, tf] of counts) {
      let list = postings.get(word);
      if (!list) {
        list = { doc: [], tf: [] };
        postings.set(word, list);
      }
      list.doc.push(doc);
      list.tf.push(tf);
    }
  });
  return {
    ids: sentences.map((sentence) => sentence.id),
    docOf: new Map(sentences.map((sentence, doc) => [sentence.id, doc])),
    lengths,
    averageLength: total / Math.max(1, sentences.length),
    postings,
  };
}

/**
 * Every sentence holding a query word, scored; returns the top `limit` ids and the score a sentence
 * needs to be in the top `limit` (ties at the cut count as relevant: synthetic text repeats itself).
 */
export function exhaustiveTop(
  index: ExhaustiveIndex,
  query: string,
  limit: number,
): { ids: string[]; cutScore: number; scoreOf: (id: string) => number } {
  const n = index.ids.length;
  const scores = new Map<number, number>();
  for (const word of new Set(wordsOf(query))) {
    const list = index.postings.get(word);
    if (!list) continue;
    const idf = Math.log(1 + (n - list.doc.length + 0.5) / (list.doc.length + 0.5));
    list.doc.forEach((doc, i) => {
      const tf = list.tf[i] ?? 0;
      const norm = 1 - B + (B * (index.lengths[doc] ?? 0)) / index.averageLength;
      const score = idf * (D + (tf * (K + 1)) / (tf + K * norm));
      scores.set(doc, (scores.get(doc) ?? 0) + score);
    });
  }
  // The top `limit` without sorting every scored sentence (a common word scores a large share).
  const top: [number, number][] = [];
  for (const entry of scores) {
    if (top.length === limit && entry[1] <= (top[limit - 1]?.[1] ?? 0)) continue;
    let at = top.length;
    while (at > 0 && (top[at - 1]?.[1] ?? 0) < entry[1]) at--;
    top.splice(at, 0, entry);
    if (top.length > limit) top.pop();
  }
  const cutScore = top.length < limit ? 0 : (top[top.length - 1]?.[1] ?? 0);
  return {
    ids: top.map(([doc]) => index.ids[doc] as string),
    cutScore,
    scoreOf: (id: string) => {
      const doc = index.docOf.get(id);
      return doc === undefined ? -1 : (scores.get(doc) ?? -1);
    },
  };
}

/**
 * recall@limit of `found` against the exhaustive ranking: the share of the reference's top results
 * that `found` holds, where any sentence scoring at least the cut counts (a tie is as good).
 */
export function recallAt(
  index: ExhaustiveIndex,
  query: string,
  found: readonly string[],
  limit: number,
): number | null {
  const reference = exhaustiveTop(index, query, limit);
  if (reference.ids.length === 0) return null;
  const good = found.filter((id) => reference.scoreOf(id) >= reference.cutScore - 1e-9).length;
  return Math.min(1, good / reference.ids.length);
}

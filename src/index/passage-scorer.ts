/**
 * Top-k BM25+ over MiniSearch's own postings, for queries whose words are all in the vocabulary.
 *
 * MiniSearch scores every posting of every query word and builds a match object for each: a
 * two-word question over common words does tens of thousands of allocations to keep ten results.
 * The index stays MiniSearch's (built, vacuumed and saved by it); only the query plan is ours:
 * - AND walks the rarest word's postings and looks each sentence up in the others' (a Map lookup);
 * - OR is MaxScore: words from rarest to most common; once the k-th best score so far beats what
 *   the remaining (common) words could add together to a sentence holding only them, the sentences
 *   holding only those words are never scored. Exact: the same top k as scoring every posting.
 * Scores are MiniSearch's: BM25+ (k 1.2, b 0.7, d 0.5) summed over the words, times the number of
 * query words the sentence holds; so rankings are MiniSearch's own.
 */
import type MiniSearch from "minisearch";

const K = 1.2;
const B = 0.7;
const D = 0.5;
/** The one indexed field ("text") has field id 0. */
const FIELD = 0;

/**
 * MiniSearch's index as it keeps it (protected and private fields; the version is pinned, and
 * tests/index/passage-scorer.test.ts compares every ranking with MiniSearch's own search).
 */
interface Internals {
  _index: { get(term: string): Map<number, Map<number, number>> | undefined; has(term: string): boolean };
  _documentIds: Map<number, string>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _documentCount: number;
}

function internalsOf<T>(index: MiniSearch<T>): Internals {
  return index as unknown as Internals;
}

/** True when MiniSearch holds the word exactly. */
export function hasTerm<T>(index: MiniSearch<T>, term: string): boolean {
  return internalsOf(index)._index.has(term);
}

/** How many sentences hold the word exactly (0: not in the vocabulary). */
export function documentFrequency<T>(index: MiniSearch<T>, term: string): number {
  return internalsOf(index)._index.get(term)?.get(FIELD)?.size ?? 0;
}

export interface ScoredPassage {
  id: string;
  score: number;
}

interface Word {
  postings: Map<number, number>;
  idf: number;
  /** The most this word can add to one sentence's score. */
  bound: number;
}

/** Keeps the best `limit` (score desc, then insertion order) in a small sorted array. */
class TopK {
  readonly items: { doc: number; score: number }[] = [];
  constructor(private readonly limit: number) {}

  /** The score a new sentence must beat to enter (0 until full). */
  get threshold(): number {
    return this.items.length < this.limit ? 0 : (this.items[this.items.length - 1]?.score ?? 0);
  }

  offer(doc: number, score: number): void {
    if (this.items.length >= this.limit && score <= this.threshold) return;
    let at = this.items.length;
    while (at > 0 && (this.items[at - 1]?.score ?? 0) < score) at--;
    this.items.splice(at, 0, { doc, score });
    if (this.items.length > this.limit) this.items.pop();
  }
}

/**
 * The best `limit` sentences holding all the words, then (if fewer) the best holding any, each
 * list by BM25+ score. Every word must be in the vocabulary (see `hasTerm`); `accept` filters ids.
 *
 * @example
 * topPassages(index, ["talks", "doha"], 10) // [{ id: "2024-10-24-doha-talks#9.1", score: 12.3 }, ...]
 */
export function topPassages<T>(
  index: MiniSearch<T>,
  terms: readonly string[],
  limit: number,
  accept?: (id: string) => boolean,
): ScoredPassage[] {
  const internals = internalsOf(index);
  const total = internals._documentCount;
  const average = internals._avgFieldLength[FIELD] ?? 1;
  const words: Word[] = [...new Set(terms)]
    .map((term) => internals._index.get(term)?.get(FIELD) ?? new Map<number, number>())
    .map((postings) => {
      const idf = Math.log(1 + (total - postings.size + 0.5) / (postings.size + 0.5));
      return { postings, idf, bound: idf * (D + K + 1) };
    })
    .sort((a, b) => a.postings.size - b.postings.size);
  const usable = (doc: number): string | null => {
    const id = internals._documentIds.get(doc);
    // A sentence discarded by a reload but not vacuumed yet has no id.
    return id !== undefined && (!accept || accept(id)) ? id : null;
  };
  const scoreOf = (doc: number, word: Word): number => {
    const tf = word.postings.get(doc);
    if (tf === undefined) return 0;
    const length = internals._fieldLength.get(doc)?.[FIELD] ?? average;
    return word.idf * (D + (tf * (K + 1)) / (tf + K * (1 - B + (B * length) / average)));
  };
  // MiniSearch multiplies a sentence's sum by how many of the query's words it holds.
  const fullScore = (doc: number): number => {
    let sum = 0;
    let held = 0;
    for (const word of words) {
      const score = scoreOf(doc, word);
      if (score > 0) {
        sum += score;
        held += 1;
      }
    }
    return sum * held;
  };

  // AND: only the rarest word's sentences can hold them all.
  const all = new TopK(limit);
  const rarest = words[0];
  if (rarest) {
    for (const doc of rarest.postings.keys()) {
      if (!words.every((word) => word.postings.has(doc)) || usable(doc) === null) continue;
      all.offer(doc, fullScore(doc));
    }
  }
  const results = all.items.map(({ doc, score }) => ({ id: usable(doc) as string, score }));
  if (results.length >= limit || words.length < 2) return results;

  // OR (MaxScore), for the places AND left; the AND sentences are already in.
  const inAll = new Set(all.items.map((item) => item.doc));
  const any = new TopK(limit - results.length);
  const seen = new Set<number>();
  let remainingBound = words.reduce((sum, word) => sum + word.bound, 0);
  let remainingWords = words.length;
  for (const word of words) {
    // Sentences holding only the words from here on cannot beat what is kept.
    if (any.items.length >= limit - results.length && any.threshold >= remainingBound * remainingWords) break;
    remainingBound -= word.bound;
    remainingWords -= 1;
    for (const doc of word.postings.keys()) {
      if (seen.has(doc)) continue;
      seen.add(doc);
      if (inAll.has(doc) || usable(doc) === null) continue;
      any.offer(doc, fullScore(doc));
    }
  }
  return results.concat(any.items.map(({ doc, score }) => ({ id: usable(doc) as string, score })));
}

/**
 * The baselines Parley is measured against, in the same run on the same sentences and queries:
 * a bare MiniSearch index (fields: text, default options: what a naive bot would write) and a plain
 * `Map` lookup (the floor: no search can be faster than one hash lookup).
 */
import { Index } from "flexsearch";
import MiniSearch from "minisearch";
import type { Sentence } from "../src/core/types.js";

/**
 * Indexes the sentences the naive way: every word, no stop words, default options.
 *
 * @example
 * const bare = buildBareIndex(sentences);
 * bareSearch(bare, "David Barnea");
 */
export function buildBareIndex(sentences: readonly Sentence[]): MiniSearch<Sentence> {
  const index = new MiniSearch<Sentence>({ fields: ["text"] });
  index.addAll(sentences);
  return index;
}

/** The naive answer: search with default options (OR of the words) and keep the top 10. */
export function bareSearch(index: MiniSearch<Sentence>, query: string): string[] {
  return index
    .search(query)
    .slice(0, 10)
    .map((result) => String(result.id));
}

/**
 * The floor: a Map from lower-cased names to a value, looked up with the query as typed.
 *
 * @example
 * const floor = buildFloor([["barnea", entity]]);
 * floor.get("barnea");
 */
export function buildFloor<T>(entries: Iterable<[string, T]>): Map<string, T> {
  return new Map(entries);
}

/**
 * FlexSearch, the fastest well-known JavaScript full-text index, as the `ask` speed baseline:
 * `new Index({ tokenize: "strict", resolution: 9 })` (whole words, its default encoder, which lower-cases
 * and normalises), queried with `{ limit: 10, suggest: true }` (all words first, then fewer, like
 * Parley's AND-then-OR). Ids are the sentences' positions.
 */
export function buildFlexIndex(sentences: readonly Sentence[]): { index: Index; ids: string[] } {
  const index = new Index({ tokenize: "strict", resolution: 9 });
  sentences.forEach((sentence, i) => {
    index.add(i, sentence.text);
  });
  return { index, ids: sentences.map((sentence) => sentence.id) };
}

export function flexSearch(flex: { index: Index; ids: string[] }, query: string): string[] {
  return (flex.index.search(query, { limit: 10, suggest: true }) as number[]).map((i) => flex.ids[i] ?? "");
}

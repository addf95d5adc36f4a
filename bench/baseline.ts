/**
 * The baselines Parley is measured against, in the same run on the same sentences and queries:
 * a bare MiniSearch index (fields: text, default options: what a naive bot would write) and a plain
 * `Map` lookup (the floor: no search can be faster than one hash lookup).
 */
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

/** How a look-up query is read: its words, their typo budget, and the order keys the directory uses. */
import { normalise } from "../analysis/text.js";
import type { Entity } from "../analysis/types.js";

export const QUERY_STOP_WORDS = new Set(["the", "of", "a", "an", "and", "s", "'s", "mr", "mrs", "ms", "dr"]);
/** Plain code-unit order: ISO dates and ids sort right, and it is far cheaper than localeCompare. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Paragraph and sentence numbers as one map key: paragraph * SENTENCE_KEY + sentence. */
export const SENTENCE_KEY = 100_000;

export const KIND_BONUS: Record<Entity["kind"], number> = { person: 0.3, organisation: 0.2, place: 0.1 };

export function wordsOf(text: string): string[] {
  return normalise(text)
    .replace(/[^\p{L}\p{N}' ]+/gu, " ")
    .split(" ")
    .filter((word) => word !== "");
}

export function queryWords(query: string): string[] {
  return wordsOf(query).filter((word) => !QUERY_STOP_WORDS.has(word));
}

/** Typos allowed for a word of this length. */
export function typoBudget(word: string): number {
  return word.length >= 7 ? 2 : word.length >= 4 ? 1 : 0;
}

/** Words of a query that count (names and roles are short; the rest of a long query is noise). */
export const MAX_QUERY_WORDS = 8;

/**
 * The same quote reported by several articles (wire copy reprinted, one statement quoted by many
 * outlets): one line in `/quote` and `/who`, with every citation. The export keeps one quote per
 * article; this only groups them.
 *
 * Two quotes are one when they have the same resolved speaker, come from different articles, and
 * their words overlap by at least 90% (of the longer one's words). Quotes whose speakers differ are
 * never grouped, whatever their text: grouping must not move words from one speaker to another.
 */
import { normalise } from "../analysis/text.js";
import type { Quote } from "../analysis/types.js";
import { pauseEvery, runToEnd, type Steps } from "../core/slices.js";

/** Share of the longer quote's words that the shorter one must hold. */
export const REPRINT_OVERLAP = 0.9;

/** Words used to find candidates cheaply: a reprint almost always keeps the opening or closing words. */
const KEY_WORDS = 4;

function wordsOf(text: string): string[] {
  return normalise(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Words of `a` found in `b` (as a multiset), over the longer one's length. */
export function wordOverlap(a: readonly string[], b: readonly string[]): number {
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 0;
  const counts = new Map<string, number>();
  for (const word of b) counts.set(word, (counts.get(word) ?? 0) + 1);
  let shared = 0;
  for (const word of a) {
    const left = counts.get(word) ?? 0;
    if (left > 0) {
      shared++;
      counts.set(word, left - 1);
    }
  }
  return shared / longest;
}

/**
 * Groups of quote ids that are one quote, each earliest first (publication date, then article id and
 * place); only groups of two or more are returned, keyed by their first (earliest) quote's id.
 *
 * @example
 * findQuoteReprints(quotes) // { "reuters-1#q3": ["afp-2#q1"] }: AFP reprinted Reuters' quote
 */
export function findQuoteReprints(quotes: readonly Quote[]): Record<string, string[]> {
  return runToEnd(findQuoteReprintsSteps(quotes));
}

/** Quotes of one speaker with the same words (a reprint word for word): compared once, as one. */
interface SameText {
  /** Its position among the texts, to name a pair of texts once. */
  index: number;
  words: string[];
  quotes: Quote[];
  /** The first quotes of two different articles (one when all are from one article). */
  reps: Quote[];
}

/** A quote of `text` from another article than `articleId`, if it has one. */
function fromOtherArticle(text: SameText, articleId: string): Quote | undefined {
  const [first, second] = text.reps;
  return first && first.articleId !== articleId ? first : second;
}

/** {@link findQuoteReprints} as steps that pause now and then (see core/slices.ts), for reloads. */
export function* findQuoteReprintsSteps(quotes: readonly Quote[]): Steps<Record<string, string[]>> {
  const pause = pauseEvery(256);
  const texts = new Map<string, SameText>();
  const buckets = new Map<string, SameText[]>();
  for (const quote of quotes) {
    if (pause()) yield;
    // A title's quote (paragraph 0) has no sentence to cite, so it cannot stand for a reprint.
    if (quote.speakerId === null || quote.paragraph === 0) continue;
    const list = wordsOf(quote.text);
    if (list.length < 3) continue;
    const key = `${quote.speakerId}\u0000${list.join(" ")}`;
    let text = texts.get(key);
    if (!text) {
      text = { index: texts.size, words: list, quotes: [], reps: [] };
      texts.set(key, text);
      for (const words of [list.slice(0, KEY_WORDS), list.slice(-KEY_WORDS)]) {
        const bucket = `${quote.speakerId}\u0000${words.join(" ")}`;
        const members = buckets.get(bucket);
        if (!members) buckets.set(bucket, [text]);
        else if (members.at(-1) !== text) members.push(text);
      }
    }
    text.quotes.push(quote);
    if (text.reps.length === 0 || (text.reps.length === 1 && text.reps[0]!.articleId !== quote.articleId))
      text.reps.push(quote);
  }
  // Union-find over quotes. Two quotes of different articles whose words overlap enough are one: the
  // same words in two articles or more are all one; two texts that overlap join every quote of one to a
  // quote of the other from another article (the same components as testing every pair of quotes).
  const parent = new Map<Quote, Quote>();
  const find = (quote: Quote): Quote => {
    let root = quote;
    while (parent.get(root) !== undefined && parent.get(root) !== root) root = parent.get(root)!;
    parent.set(quote, root);
    return root;
  };
  const union = (a: Quote, b: Quote): void => {
    const rootA = find(a);
    const rootB = find(b);
    if (rootA !== rootB) parent.set(rootB, rootA);
  };
  for (const text of texts.values()) {
    if (pause()) yield;
    const [first, second] = text.reps;
    if (first && second) for (const quote of text.quotes) union(first, quote);
  }
  const compared = new Set<string>();
  for (const members of buckets.values()) {
    if (members.length < 2) continue;
    for (let i = 0; i < members.length; i++) {
      if (pause()) yield;
      for (let j = i + 1; j < members.length; j++) {
        const a = members[i]!;
        const b = members[j]!;
        // A pair of texts may share both buckets (first and last words): compared once.
        const pair = `${a.index}|${b.index}`;
        if (compared.has(pair)) continue;
        compared.add(pair);
        if (wordOverlap(a.words, b.words) < REPRINT_OVERLAP) continue;
        for (const quote of b.quotes) {
          const other = fromOtherArticle(a, quote.articleId);
          if (other) union(other, quote);
        }
        for (const quote of a.quotes) {
          const other = fromOtherArticle(b, quote.articleId);
          if (other) union(other, quote);
        }
      }
    }
  }
  const groups = new Map<Quote, Quote[]>();
  for (const quote of parent.keys()) {
    const root = find(quote);
    const group = groups.get(root);
    if (group) group.push(quote);
    else groups.set(root, [quote]);
  }
  const earliest = (a: Quote, b: Quote): number =>
    (a.published ?? "").localeCompare(b.published ?? "") ||
    a.articleId.localeCompare(b.articleId) ||
    a.paragraph - b.paragraph ||
    a.sentence - b.sentence;
  const result: Record<string, string[]> = {};
  for (const group of groups.values()) {
    if (pause()) yield;
    // One quote per article: a second quote of the same article stays its own line.
    const perArticle = new Map<string, Quote>();
    for (const quote of group.sort(earliest))
      if (!perArticle.has(quote.articleId)) perArticle.set(quote.articleId, quote);
    const [first, ...rest] = perArticle.values();
    if (first && rest.length > 0) result[first.id] = rest.map((quote) => quote.id);
  }
  return result;
}

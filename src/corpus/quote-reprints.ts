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
  words: string[];
  quotes: Quote[];
  /** The first quotes of two different articles (one when all are from one article). */
  reps: Quote[];
  /** Its buckets: the speaker with its first words, and with its last words (see KEY_WORDS). */
  buckets: [string, string];
  /** Its words with each repeat numbered ("on", "on" -> on 1, on 2), made on first use. */
  tokens?: string[];
  tokenSet?: Set<string>;
}

/** {@link SameText.tokens}: a multiset of words as a set, so that overlaps are set intersections. */
function tokensOf(text: SameText): string[] {
  if (!text.tokens) {
    const seen = new Map<string, number>();
    text.tokens = text.words.map((word) => {
      const count = (seen.get(word) ?? 0) + 1;
      seen.set(word, count);
      return `${word}\u0000${count}`;
    });
  }
  return text.tokens;
}

/**
 * {@link wordOverlap} of two texts, from their numbered words (no map per pair: at 100,000 articles a
 * bucket still gives millions of pairs). Below the threshold by length alone, it says so at once.
 */
function textOverlap(a: SameText, b: SameText): number {
  const longest = Math.max(a.words.length, b.words.length);
  const shortest = Math.min(a.words.length, b.words.length);
  // The shared words are at most the shorter one's (the same division as below, so the same rounding).
  if (shortest / longest < REPRINT_OVERLAP) return shortest / longest;
  b.tokenSet ??= new Set(tokensOf(b));
  let shared = 0;
  for (const token of tokensOf(a)) if (b.tokenSet.has(token)) shared++;
  return shared / longest;
}

/** The bucket two texts share that comes first (they share at least one). */
function firstSharedBucket(a: SameText, b: SameText): string | undefined {
  let first: string | undefined;
  for (const bucket of a.buckets)
    if (b.buckets.includes(bucket) && (first === undefined || bucket < first)) first = bucket;
  return first;
}

/**
 * The pairs of texts of one bucket that can overlap enough to be one (a prefix filter): with the words
 * of every text in one order (rarest in the bucket first, each repeat a word of its own), two texts
 * sharing at least `c` words share one among the first `length - c + 1` words of each. Sharing
 * REPRINT_OVERLAP of the longer's words means sharing at least that share of either's, so each text's
 * first `length - floor(REPRINT_OVERLAP * length) + 1` words are enough: a reprint is never missed, and
 * texts that only share a template's opening are not compared. Each pair once, in bucket order.
 */
function similarPairs(members: readonly SameText[]): [SameText, SameText][] {
  const tokens = members.map(tokensOf);
  const frequency = new Map<string, number>();
  for (const list of tokens) for (const token of list) frequency.set(token, (frequency.get(token) ?? 0) + 1);
  const byToken = new Map<string, number[]>();
  const pairs = new Map<number, Set<number>>();
  tokens.forEach((list, at) => {
    const ordered = [...list].sort(
      (x, y) => frequency.get(x)! - frequency.get(y)! || (x < y ? -1 : x > y ? 1 : 0),
    );
    const prefix = ordered.length - Math.floor(REPRINT_OVERLAP * ordered.length) + 1;
    const partners = new Set<number>();
    for (const token of ordered.slice(0, prefix)) {
      const earlier = byToken.get(token);
      if (earlier) for (const other of earlier) partners.add(other);
      if (earlier) earlier.push(at);
      else byToken.set(token, [at]);
    }
    if (partners.size > 0) pairs.set(at, partners);
  });
  const result: [SameText, SameText][] = [];
  for (const [at, partners] of pairs)
    for (const other of [...partners].sort((x, y) => x - y)) result.push([members[other]!, members[at]!]);
  return result;
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
      const keys: [string, string] = [
        `${quote.speakerId}\u0000${list.slice(0, KEY_WORDS).join(" ")}`,
        `${quote.speakerId}\u0000${list.slice(-KEY_WORDS).join(" ")}`,
      ];
      text = { words: list, quotes: [], reps: [], buckets: keys };
      texts.set(key, text);
      for (const bucket of keys) {
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
  for (const [bucket, members] of buckets) {
    if (members.length < 2) continue;
    for (const [a, b] of similarPairs(members)) {
      if (pause()) yield;
      // A pair of texts may share two buckets (first and last words): compared in the first of them.
      if (firstSharedBucket(a, b) !== bucket) continue;
      if (textOverlap(a, b) < REPRINT_OVERLAP) continue;
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

/**
 * `/quote NAME about WORDS type TYPE` over a speaker's quotes without reading them all each time:
 * a popular speaker has thousands. Per list of quotes (a speaker's, or their unclear ones), built on
 * first use and kept while the knowledge base lives: the words of each quote's sentence, sorted for
 * prefix look-ups, and the number of distinct sentences.
 */
import { normalise } from "../analysis/text.js";
import type { Quote, QuoteType } from "../analysis/types.js";
import type { SpeakerQuote } from "../index/directory.js";
import type { KnowledgeBase } from "../index/knowledge-base.js";

/** Words too common to narrow anything; an `about` of only these matches everything. */
const ABOUT_STOP_WORDS = new Set(["the", "a", "an", "of", "and", "or", "to", "in", "on", "about", "for"]);

/** The words of `about` that narrow (lower case, accents folded, stop words dropped). */
export function aboutWords(about: string | undefined): string[] {
  return about
    ? normalise(about)
        .split(/[^\p{L}\p{N}]+/u)
        .filter((word) => word !== "" && !ABOUT_STOP_WORDS.has(word))
    : [];
}

function sentenceKey(quote: Quote): string {
  return `${quote.articleId}#${quote.paragraph}.${quote.sentence}`;
}

interface QuoteListIndex {
  /** Sentence words, sorted and distinct, and for each the positions of the quotes holding it. */
  words: string[];
  positions: number[][];
  sentences: number;
}

const indexes = new WeakMap<readonly SpeakerQuote[], QuoteListIndex>();

function indexOf(kb: KnowledgeBase, list: readonly SpeakerQuote[]): QuoteListIndex {
  let index = indexes.get(list);
  if (index) return index;
  const byWord = new Map<string, number[]>();
  const sentences = new Set<string>();
  list.forEach(({ quote }, position) => {
    const key = sentenceKey(quote);
    sentences.add(key);
    // The sentence and the quote itself (a quotation may run on past its sentence).
    const text = `${kb.sentencesById.get(key)?.text ?? ""} ${quote.text}`;
    for (const word of new Set(normalise(text).split(/[^\p{L}\p{N}]+/u))) {
      if (word === "") continue;
      const at = byWord.get(word);
      if (at) at.push(position);
      else byWord.set(word, [position]);
    }
  });
  const words = [...byWord.keys()].sort();
  index = { words, positions: words.map((word) => byWord.get(word) ?? []), sentences: sentences.size };
  indexes.set(list, index);
  return index;
}

/** Positions of quotes whose sentence has a word starting with `prefix`. */
function withPrefix(index: QuoteListIndex, prefix: string): Set<number> {
  let low = 0;
  let high = index.words.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((index.words[mid] ?? "") < prefix) low = mid + 1;
    else high = mid;
  }
  const found = new Set<number>();
  for (let at = low; at < index.words.length && (index.words[at] ?? "").startsWith(prefix); at++)
    for (const position of index.positions[at] ?? []) found.add(position);
  return found;
}

/**
 * The quotes of the list (in its order) whose sentence has, for every `about` word, a word starting
 * with it, and of the type asked; with how many distinct sentences they are in.
 *
 * @example
 * narrowQuotes(kb, directory.quotesBy(id), aboutWords("Rafah crossing"), "direct")
 */
export function narrowQuotes(
  kb: KnowledgeBase,
  list: readonly SpeakerQuote[],
  about: readonly string[],
  type: QuoteType | undefined,
): { quotes: readonly SpeakerQuote[]; sentences: number } {
  if (about.length === 0 && type === undefined)
    return { quotes: list, sentences: indexOf(kb, list).sentences };
  let kept: SpeakerQuote[];
  if (about.length === 0) kept = list.filter((entry) => entry.quote.type === type);
  else {
    const index = indexOf(kb, list);
    let positions = withPrefix(index, about[0] as string);
    for (const word of about.slice(1)) {
      if (positions.size === 0) break;
      const found = withPrefix(index, word);
      positions = new Set([...positions].filter((position) => found.has(position)));
    }
    kept = [...positions]
      .sort((a, b) => a - b)
      .map((position) => list[position] as SpeakerQuote)
      .filter((entry) => type === undefined || entry.quote.type === type);
  }
  return { quotes: kept, sentences: new Set(kept.map((entry) => sentenceKey(entry.quote))).size };
}

/**
 * Finds who said what in one article: direct quotes, partial quotes and reported speech, each with
 * its cue and speaker (see README.md in this folder for the rules and their order).
 *
 * Each sentence is read as a sequence of items, where a quotation is one item, so the attribution
 * rules never look inside a quotation: "“...,” he said, “...”" reads QUOTE he said , QUOTE.
 */

import type { ArticleEntities } from "../entities/entities.js";
import { ANONYMOUS_NOUNS, CALENDAR_WORDS, PREPOSITIONS, PRONOUNS, ROLE_NOUNS } from "../entities/lexicon.js";
import type { ArticleText, ParagraphText, SentenceTokens } from "../text.js";
import type { Quote, QuoteType } from "../types.js";
import { CONTINUATION_CUES, type CueWord, cueAt } from "./cues.js";
import { type ResolveContext, resolveSubject, type Speaker, type SubjectRecord } from "./speakers.js";

/** One item of a sentence: a token outside quotations, or a whole quotation. */
type Item = { kind: "token"; index: number } | { kind: "quote"; quote: number; from: number; to: number };

interface Cue {
  word: CueWord;
  /** Item position of the cue's first word, and just past its last. */
  at: number;
  after: number;
  /** Item range of the subject phrase. */
  subjectFrom: number;
  subjectTo: number;
  /** `said Blinken` / `according to X`: the subject comes after the cue. */
  inverted: boolean;
  speaker: Speaker;
  asWritten: string;
}

/** What a pronoun resolved to, for the entity's mentions. */
export interface PronounMention {
  entityId: string;
  paragraph: number;
  sentence: number;
  text: string;
}

export interface QuoteResult {
  quotes: Quote[];
  pronouns: PronounMention[];
  /** Entity ids each sentence refers to through a resolved pronoun or description, by sentence id. */
  resolvedInSentence: Map<string, Set<string>>;
}

const AUXILIARIES = new Set(["is", "are", "was", "were", "be", "been", "being"]);
const SKIPPABLE_BEFORE_CUE = new Set([
  "also",
  "later",
  "then",
  "has",
  "had",
  "have",
  "would",
  "will",
  "could",
  "may",
  "might",
  "again",
  "previously",
  "further",
  "once",
  "reportedly",
  "recently",
  "earlier",
  "already",
  "repeatedly",
  "publicly",
  "privately",
  "separately",
  "not",
  "did",
  "does",
  "do",
  "never",
  "had",
  "last",
  "on",
  "yesterday",
]);
const CLAUSE_WORDS = new Set([
  "where",
  "whom",
  "whose",
  "whether",
  "unless",
  "that",
  "but",
  "while",
  "whereas",
  "because",
  "although",
  "though",
  "if",
  "when",
  "as",
  "after",
  "before",
  "since",
  "so",
  "and",
  "or",
  "yet",
  "who",
  "which",
]);
const ADVERBIALS_AFTER_CUE = new Set([
  "also",
  "again",
  "later",
  "earlier",
  "today",
  "yesterday",
  "tomorrow",
  "then",
  "further",
  "repeatedly",
  "publicly",
  "privately",
  "separately",
  "reporters",
  "journalists",
]);

function tokenText(paragraph: ParagraphText, item: Item | undefined): string {
  if (!item) return "";
  if (item.kind === "quote") return "\u0000QUOTE";
  return paragraph.tokens[item.index]!.text;
}

function lowerAt(paragraph: ParagraphText, items: readonly Item[], i: number): string {
  const item = items[i];
  if (!item) return "";
  if (item.kind === "quote") return "\u0000quote";
  return paragraph.tokens[item.index]!.lower;
}

function itemStart(paragraph: ParagraphText, item: Item): number {
  return item.kind === "quote"
    ? paragraph.quotations[item.quote]!.start
    : paragraph.tokens[item.index]!.start;
}

function itemEnd(paragraph: ParagraphText, item: Item): number {
  return item.kind === "quote" ? paragraph.quotations[item.quote]!.end : paragraph.tokens[item.index]!.end;
}

function tokenIndexOf(item: Item): number {
  return item.kind === "quote" ? item.from : item.index;
}

/** The items of a sentence: tokens outside quotations, one item per quotation. */
function itemsOf(paragraph: ParagraphText, sentence: SentenceTokens): Item[] {
  const items: Item[] = [];
  let i = sentence.from;
  while (i < sentence.to) {
    const token = paragraph.tokens[i]!;
    if (token.quote < 0) {
      items.push({ kind: "token", index: i });
      i++;
      continue;
    }
    const quote = token.quote;
    const from = i;
    while (i < paragraph.tokens.length && paragraph.tokens[i]!.quote === quote) i++;
    items.push({ kind: "quote", quote, from, to: i });
  }
  return items;
}

function isPunct(paragraph: ParagraphText, item: Item | undefined): boolean {
  return item?.kind === "token" && paragraph.tokens[item.index]!.kind === "punct";
}

function isBoundary(paragraph: ParagraphText, item: Item | undefined): boolean {
  if (!item) return true;
  if (item.kind === "quote") return true;
  const token = paragraph.tokens[item.index]!;
  if (token.kind === "punct") return /^[,;:()—–-]$/.test(token.text) || token.text === ".";
  return CLAUSE_WORDS.has(token.lower) && !JOINING_WORDS.has(token.lower);
}

/** "and"/"or" join the parts of a subject ("Qatar and Egypt"); they open a clause only after a comma. */
const JOINING_WORDS = new Set(["and", "or"]);

/** Nouns for people: a sentence opening with one has a person as its subject. */
const PERSON_NOUNS = new Set(
  [...ANONYMOUS_NOUNS, ...ROLE_NOUNS].filter(
    (noun) =>
      ![
        "report",
        "reports",
        "statement",
        "statements",
        "media",
        "outlet",
        "outlets",
        "newspaper",
        "newspapers",
        "channel",
        "broadcaster",
      ].includes(noun),
  ),
);

/**
 * Items [from, to) of the subject phrase that ends just before `end` (adverbs skipped). With an
 * appositive ("David Barnea, the head of Mossad, said" / "The head of Mossad, David Barnea, said")
 * the range covers both parts; resolution picks the named one.
 */
function subjectBefore(
  paragraph: ParagraphText,
  items: readonly Item[],
  end: number,
): [number, number] | null {
  let to = end;
  while (to > 0 && SKIPPABLE_BEFORE_CUE.has(lowerAt(paragraph, items, to - 1))) to--;
  if (tokenText(paragraph, items[to - 1]) === ",") {
    let comma = to - 2;
    while (
      comma > 0 &&
      to - comma < 18 &&
      items[comma]?.kind === "token" &&
      tokenText(paragraph, items[comma]) !== ","
    ) {
      comma--;
    }
    if (tokenText(paragraph, items[comma]) === "," && comma < to - 2) {
      const inner = plainSubject(paragraph, items, to - 1);
      const outer = plainSubject(paragraph, items, comma);
      if (inner && outer && inner[0] === comma + 1) return [outer[0], to - 1];
    }
    return null;
  }
  return plainSubject(paragraph, items, to);
}

function plainSubject(
  paragraph: ParagraphText,
  items: readonly Item[],
  end: number,
): [number, number] | null {
  let to = end;
  while (to > 0 && SKIPPABLE_BEFORE_CUE.has(lowerAt(paragraph, items, to - 1))) to--;
  let from = to;
  while (from > 0 && !isBoundary(paragraph, items[from - 1]) && to - from < 14) {
    // A cue verb ends the search: "Odeh said Zamir had told him" -> "Zamir" alone, nested in "said".
    const previous = items[from - 1]!;
    if (previous.kind === "token" && cueAt(paragraph.tokens[previous.index]!.text)) break;
    if (
      JOINING_WORDS.has(lowerAt(paragraph, items, from - 1)) &&
      tokenText(paragraph, items[from - 2]) === ","
    )
      break;
    from--;
  }
  const opensClause = (i: number): boolean =>
    isBoundary(paragraph, items[i]) ||
    (JOINING_WORDS.has(lowerAt(paragraph, items, i)) && tokenText(paragraph, items[i - 1]) === ",");
  if (from === to || (from > 0 && !opensClause(from - 1))) return null;
  return [from, to];
}

/** Items of the subject after an inverted cue: `said Blinken` / `according to the office`. */
function subjectAfter(
  paragraph: ParagraphText,
  items: readonly Item[],
  start: number,
): [number, number] | null {
  let to = start;
  while (
    to < items.length &&
    items[to]!.kind === "token" &&
    !isPunct(paragraph, items[to]) &&
    to - start < 10
  ) {
    const word = lowerAt(paragraph, items, to);
    const clause = CLAUSE_WORDS.has(word) && !JOINING_WORDS.has(word);
    if (to > start && (clause || (PREPOSITIONS.has(word) && word !== "of"))) break;
    to++;
  }
  return to > start ? [start, to] : null;
}

function sliceItems(paragraph: ParagraphText, items: readonly Item[], from: number, to: number): string {
  return paragraph.text.slice(itemStart(paragraph, items[from]!), itemEnd(paragraph, items[to - 1]!));
}

/**
 * Resolves a subject phrase; an appositive ("David Barnea, the head of Mossad") is resolved part by
 * part and the named part wins, unless the parts name different entities (then: unknown).
 */
function resolveParts(
  paragraph: ParagraphText,
  items: readonly Item[],
  context: ResolveContext,
  from: number,
  to: number,
): { speaker: Speaker; asWritten: string } {
  const comma = items.findIndex((item, i) => i >= from && i < to && tokenText(paragraph, item) === ",");
  const whole = (a: number, b: number): { speaker: Speaker; asWritten: string } => ({
    speaker: resolveSubject(context, tokenIndexOf(items[a]!), tokenIndexOf(items[b - 1]!) + 1),
    asWritten: sliceItems(paragraph, items, a, b),
  });
  if (comma < 0) return whole(from, to);
  const parts = [whole(from, comma), whole(comma + 1, to)];
  // The part that names someone wins over a role phrase ("The head of ...") resolved as a description.
  const byName = parts.filter((part) => part.speaker.how === "name");
  const named = byName.length > 0 ? byName : parts.filter((part) => part.speaker.entityId !== null);
  const ids = new Set(named.map((part) => part.speaker.entityId));
  // Same entity both ways: show the name ("Jonathan Odeh"), not the role ("The German Defence Minister").
  if (named.length > 0 && ids.size === 1)
    return named.find((part) => !/^(the|a|an)\s/i.test(part.asWritten)) ?? named[0]!;
  // "A senior Israeli official, speaking on condition of anonymity, said": still anonymous.
  const described = parts.filter((part) => part.speaker.kind === "anonymous");
  if (named.length === 0 && described.length === 1) return described[0]!;
  return {
    speaker: { entityId: null, name: null, kind: "unknown", gender: null, plural: false },
    asWritten: whole(from, to).asWritten,
  };
}

/** Finds the cues of a sentence with their subjects, in order. */
function findCues(paragraph: ParagraphText, items: readonly Item[], context: ResolveContext): Cue[] {
  const cues: Cue[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item.kind !== "token") continue;
    const next = items[i + 1];
    const word = cueAt(
      paragraph.tokens[item.index]!.text,
      next?.kind === "token" ? tokenText(paragraph, next) : undefined,
    );
    if (!word) continue;
    const after = word.text.includes(" ") ? i + 2 : i + 1;
    if (AUXILIARIES.has(lowerAt(paragraph, items, i - 1))) continue; // "is expected to": passive, no speaker.
    let range: [number, number] | null;
    let inverted = false;
    if (word.text === "according to") {
      range = subjectAfter(paragraph, items, after);
      inverted = true;
    } else {
      const previous = items[i - 1];
      const afterQuote =
        previous?.kind === "quote" ||
        (tokenText(paragraph, previous) === "," && items[i - 2]?.kind === "quote");
      const invertedSubject = afterQuote ? subjectAfter(paragraph, items, after) : null;
      if (invertedSubject) {
        range = invertedSubject;
        inverted = true;
      } else {
        range = subjectBefore(paragraph, items, i);
      }
    }
    if (!range) continue;
    const [from, to] = range;
    const tokenFrom = tokenIndexOf(items[from]!);
    const _tokenTo = tokenIndexOf(items[to - 1]!) + 1;
    // Leading "and"/"but" belong to the clause, not to the subject.
    let subjectFrom = from;
    while (subjectFrom < to - 1 && CLAUSE_WORDS.has(lowerAt(paragraph, items, subjectFrom))) subjectFrom++;
    void tokenFrom;
    const { speaker, asWritten } = resolveParts(paragraph, items, context, subjectFrom, to);
    cues.push({ word, at: i, after, subjectFrom, subjectTo: to, inverted, speaker, asWritten });
    i = after - 1;
  }
  return cues;
}

/** Trims punctuation and joining words from the end of a content range. */
function trimEnd(paragraph: ParagraphText, items: readonly Item[], from: number, to: number): number {
  let end = to;
  while (end > from) {
    const word = lowerAt(paragraph, items, end - 1);
    if (isPunct(paragraph, items[end - 1]) || word === "and" || word === "but" || word === "or") end--;
    else break;
  }
  return end;
}

interface Found {
  type: QuoteType;
  cue: Cue | null;
  /** Verbatim text. */
  text: string;
  /** Item index where the content starts (for ordering). */
  at: number;
  /** Quotation index for direct/partial. */
  quote: number | null;
}

/**
 * Reads one sentence: the quotes its cues introduce, in order. Quotations no cue claims are
 * returned with a null cue (continuations or unattributed).
 */
function readSentence(paragraph: ParagraphText, items: readonly Item[], cues: readonly Cue[]): Found[] {
  const found: Found[] = [];
  const claimed = new Set<number>();
  const quoteText = (item: Item): string =>
    item.kind === "quote" ? paragraph.quotations[item.quote]!.inner : "";
  // Cues that start a clause of their own (not nested in another cue's content: "X said Y told him").
  const top = cues.filter((cue, k) => {
    if (k === 0) return true;
    const previous = cues[k - 1]!;
    const start = Math.min(cue.subjectFrom, cue.at);
    if (previous.inverted && cue.subjectFrom >= previous.subjectTo) return true;
    // A coordinating boundary (", but", "; ", ", and") before the subject, or a quotation.
    const before = items[start - 1];
    const beforeThat = items[start - 2];
    return (
      before?.kind === "quote" ||
      tokenText(paragraph, before) === ";" ||
      tokenText(paragraph, before) === "," ||
      (["but", "and", "while", "yet"].includes(tokenText(paragraph, before).toLowerCase()) &&
        (tokenText(paragraph, beforeThat) === "," || beforeThat === undefined))
    );
  });
  for (let k = 0; k < top.length; k++) {
    const cue = top[k]!;
    const nextCue = top[k + 1];
    // Content after the cue ends where the next clause's subject (and its "but") starts.
    let limit = items.length;
    if (nextCue) {
      limit = Math.min(nextCue.subjectFrom, nextCue.at);
      while (limit > 0 && CLAUSE_WORDS.has(lowerAt(paragraph, items, limit - 1))) limit--;
    }
    const contentStart = cue.inverted ? cue.subjectTo : cue.after;

    // Backward: the quotation or clause the cue closes ("“...,” he said", "..., Blinken said.").
    const subjectStart = cue.inverted ? cue.at : cue.subjectFrom;
    const before = items[subjectStart - 1];
    const quoteBefore =
      before?.kind === "quote"
        ? before
        : tokenText(paragraph, before) === "," && items[subjectStart - 2]?.kind === "quote"
          ? items[subjectStart - 2]
          : undefined;
    const endsSentence = restIsAdverbial(paragraph, items, contentStart, limit);
    if (quoteBefore && quoteBefore.kind === "quote" && !claimed.has(quoteBefore.quote)) {
      claimed.add(quoteBefore.quote);
      found.push({
        type: "direct",
        cue,
        text: quoteText(quoteBefore),
        at: subjectStart - 1,
        quote: quoteBefore.quote,
      });
    } else if (
      endsSentence &&
      tokenText(paragraph, before) === "," &&
      (k === 0 || top[k - 1]!.inverted) &&
      !(cue.word.text === "according to" && cue.at === 0)
    ) {
      // "The talks will resume, Blinken said." / "..., according to officials."
      const from = k === 0 ? 0 : top[k - 1]!.subjectTo + 1;
      const end = trimEnd(paragraph, items, from, subjectStart - 1);
      found.push(...contentOf(paragraph, items, from, end, cue, claimed, quoteText));
      continue;
    }
    if (cue.word.text === "according to" && cue.at === 0) {
      // "According to X, ..." : the content follows the subject's comma.
      let from = cue.subjectTo;
      while (from < limit && isPunct(paragraph, items[from])) from++;
      found.push(
        ...contentOf(paragraph, items, from, trimEnd(paragraph, items, from, limit), cue, claimed, quoteText),
      );
      continue;
    }
    if (endsSentence) continue;

    // Forward: skip adverbials ("during a press conference, today, in Doha with ..."), then read.
    let p = contentStart;
    if (cue.word.frame === "tell") p = skipObject(paragraph, items, p, limit);
    let adverbialEnd = skipAdverbials(paragraph, items, p, limit);
    if (tokenText(paragraph, items[adverbialEnd]) === ":" && items[adverbialEnd + 1]?.kind === "quote")
      adverbialEnd++;
    const atAdverbialEnd = items[adverbialEnd];
    if (atAdverbialEnd?.kind === "quote" && !claimed.has(atAdverbialEnd.quote)) {
      const mark = tokenText(paragraph, items[adverbialEnd - 1]);
      // `said, “...”` / `said: “...”` -> direct; a quotation run into the sentence is partial.
      const direct = mark === "," || mark === ":" || adverbialEnd === contentStart;
      claimed.add(atAdverbialEnd.quote);
      found.push({
        type: direct ? "direct" : "partial",
        cue,
        text: quoteText(atAdverbialEnd),
        at: adverbialEnd,
        quote: atAdverbialEnd.quote,
      });
      continue;
    }
    if (lowerAt(paragraph, items, adverbialEnd) === "that") p = adverbialEnd + 1;
    else if (cue.word.frame === "urge") p = contentStart;
    else if (!startsClause(paragraph, items, p)) continue;
    found.push(
      ...contentOf(paragraph, items, p, trimEnd(paragraph, items, p, limit), cue, claimed, quoteText),
    );
  }
  // Quotations no cue claimed.
  items.forEach((item, at) => {
    if (item.kind === "quote" && !claimed.has(item.quote)) {
      found.push({ type: "direct", cue: null, text: quoteText(item), at, quote: item.quote });
    }
  });
  return found.sort((a, b) => a.at - b.at);
}

/** Content [from, to): its quotations as partial quotes, or, without any, the clause as reported speech. */
function contentOf(
  paragraph: ParagraphText,
  items: readonly Item[],
  from: number,
  to: number,
  cue: Cue,
  claimed: Set<number>,
  quoteText: (item: Item) => string,
): Found[] {
  if (to <= from) return [];
  const quotes = items
    .slice(from, to)
    .flatMap((item, i) => (item.kind === "quote" ? [{ item, at: from + i }] : []));
  if (quotes.length > 0) {
    const wholeIsQuote = to - from === 1;
    return quotes
      .filter(({ item }) => item.kind === "quote" && !claimed.has(item.quote))
      .map(({ item, at }) => {
        if (item.kind === "quote") claimed.add(item.quote);
        return {
          type: wholeIsQuote ? ("direct" as const) : ("partial" as const),
          cue,
          text: quoteText(item),
          at,
          quote: item.kind === "quote" ? item.quote : null,
        };
      });
  }
  const wordCount = items.slice(from, to).filter((item) => !isPunct(paragraph, item)).length;
  if (wordCount < 2) return [];
  return [{ type: "indirect", cue, text: sliceItems(paragraph, items, from, to), at: from, quote: null }];
}

/** True when nothing but adverbials and punctuation follow (the cue closes the sentence). */
function restIsAdverbial(
  paragraph: ParagraphText,
  items: readonly Item[],
  from: number,
  to: number,
): boolean {
  const end = skipAdverbials(paragraph, items, from, to);
  for (let i = end; i < to; i++)
    if (!isPunct(paragraph, items[i]) || tokenText(paragraph, items[i]) === ",") {
      return i >= to;
    }
  return true;
}

/** Skips prepositional phrases, time words and commas right after a cue. */
function skipAdverbials(paragraph: ParagraphText, items: readonly Item[], from: number, to: number): number {
  let p = from;
  let inPhrase = false;
  while (p < to) {
    const item = items[p]!;
    if (item.kind === "quote") return p;
    const word = lowerAt(paragraph, items, p);
    if (word === "that" || word === ":" || word === ".") return p;
    if (word === ",") {
      inPhrase = false;
      p++;
      continue;
    }
    if (
      PREPOSITIONS.has(word) ||
      ADVERBIALS_AFTER_CUE.has(word) ||
      CALENDAR_WORDS.has(word) ||
      /^(so|far|now)$/.test(word)
    ) {
      inPhrase = PREPOSITIONS.has(word) || inPhrase;
      p++;
      continue;
    }
    if (inPhrase) {
      p++;
      continue;
    }
    return p;
  }
  return p;
}

/** A "tell" cue's listener: `told reporters`, `told him`, `informed the council`. */
function skipObject(paragraph: ParagraphText, items: readonly Item[], from: number, to: number): number {
  let p = from;
  while (p < to && p - from < 5) {
    const word = lowerAt(paragraph, items, p);
    if (word === "that" || word === "," || word === ":" || items[p]!.kind === "quote" || word === "to") break;
    p++;
  }
  return p;
}

/** True when a that-less clause starts here ("said Hamas must ..."), not a phrase ("said in ..."). */
function startsClause(paragraph: ParagraphText, items: readonly Item[], at: number): boolean {
  const item = items[at];
  if (item?.kind !== "token" || isPunct(paragraph, item)) return false;
  const word = lowerAt(paragraph, items, at);
  return !PREPOSITIONS.has(word) && word !== "to" && !ADVERBIALS_AFTER_CUE.has(word);
}

/** A quotation that is a sentence of its own (not a scare quote): several words or closing punctuation. */
function isSubstantial(text: string): boolean {
  return text.trim().split(/\s+/).length >= 4 || /[.?!]\s*$/.test(text.trim());
}

/**
 * Finds every quote of an article.
 *
 * @example
 * findQuotes(text, entities).quotes[0] // { speaker: "Anthony Blinken", type: "direct", cue: "said", ... }
 */
export function findQuotes(text: ArticleText, entities: ArticleEntities): QuoteResult {
  const quotes: Quote[] = [];
  const pronouns: PronounMention[] = [];
  const resolvedInSentence = new Map<string, Set<string>>();
  const history: SubjectRecord[] = [];
  let ordinal = 0;
  /** The last quote and the sentence it was in, for quote-only continuations. */
  let last: { quote: Quote; ordinal: number; open: boolean } | null = null;

  for (const paragraph of text.paragraphs) {
    for (const placed of paragraph.sentences) {
      ordinal++;
      const items = itemsOf(paragraph, placed);
      const context: ResolveContext = {
        entities,
        paragraph,
        ordinal,
        history,
        sentenceSubject: null,
      };
      const cues = findCues(paragraph, items, context);
      // Re-resolve later cues knowing the sentence's first subject ("Blinken said ..., but he ...").
      const first = cues[0];
      if (first && !first.inverted && first.speaker.kind !== "unknown") {
        const subjectEnd = tokenIndexOf(items[first.subjectTo - 1]!) + 1;
        context.sentenceSubject = { speaker: first.speaker, to: subjectEnd };
        for (const cue of cues.slice(1)) {
          if (cue.inverted) continue;
          const from = tokenIndexOf(items[cue.subjectFrom]!);
          const to = tokenIndexOf(items[cue.subjectTo - 1]!) + 1;
          cue.speaker = resolveSubject(context, from, to);
        }
      } else {
        const subject = sentenceSubject(paragraph, items, context);
        if (subject) context.sentenceSubject = subject;
      }
      for (const cue of cues) {
        // "He added" continues the last speaker: check the pronoun agrees with it.
        if (CONTINUATION_CUES.has(cue.word.text) && last && cue.speaker.entityId !== null) {
          if (
            last.quote.speakerId !== null &&
            last.quote.speakerId !== cue.speaker.entityId &&
            isPronoun(cue.asWritten)
          ) {
            cue.speaker = { entityId: null, name: null, kind: "unknown", gender: null, plural: false };
          }
        }
      }

      const found = readSentence(paragraph, items, cues);
      for (const item of found) {
        let cue = item.cue;
        let speaker: Speaker | null = cue?.speaker ?? null;
        let asWritten = cue?.asWritten ?? null;
        let cueText = cue?.word.text ?? "";
        let cueKind: Quote["cueKind"] = cue?.word.kind ?? "speech";
        const quotation = item.quote !== null ? paragraph.quotations[item.quote] : undefined;
        if (!cue) {
          // A quotation with no cue: a continuation of the last speaker, unattributed, or a scare quote.
          const quoteOnly = items.every((it) => it.kind === "quote" || isPunct(paragraph, it));
          // A quoted paragraph that continues a quotation left open at the end of the previous one.
          const opensParagraph = placed.sentence.index === 1 && item.at === 0;
          const continuesOpen = last?.open === true && opensParagraph;
          const follows = last !== null && last.ordinal === ordinal - 1 && last.quote.type === "direct";
          if ((quoteOnly && follows) || (continuesOpen && last !== null)) {
            speaker = null;
            asWritten = last!.quote.speakerAsWritten;
            cueText = last!.quote.cue;
            cueKind = last!.quote.cueKind;
            quotes.push(
              makeQuote(text, paragraph, placed, quotes.length, item, {
                speakerId: last!.quote.speakerId,
                speaker: last!.quote.speaker,
                speakerKind: last!.quote.speakerKind,
                asWritten,
                cue: cueText,
                cueKind,
              }),
            );
            last = { quote: quotes[quotes.length - 1]!, ordinal, open: quotation?.open ?? false };
            continue;
          }
          if (!isSubstantial(item.text) || !quoteOnly) continue;
          cue = null;
        }
        // Reported speech needs a speaker-like subject: "Fighting continued ..." is not speech.
        if (
          item.type === "indirect" &&
          speaker?.kind === "unknown" &&
          !isPronounOrDescription(asWritten ?? "")
        ) {
          continue;
        }
        const quote = makeQuote(text, paragraph, placed, quotes.length, item, {
          speakerId: speaker?.entityId ?? null,
          speaker: speaker?.name ?? null,
          speakerKind: speaker?.kind ?? "unknown",
          asWritten,
          cue: cueText,
          cueKind,
        });
        quotes.push(quote);
        last = { quote, ordinal, open: quotation?.open ?? false };
        if (speaker?.entityId && asWritten && isPronounOrDescription(asWritten)) {
          pronouns.push({
            entityId: speaker.entityId,
            paragraph: paragraph.number,
            sentence: placed.sentence.index,
            text: asWritten,
          });
          const set = resolvedInSentence.get(placed.sentence.id) ?? new Set<string>();
          set.add(speaker.entityId);
          resolvedInSentence.set(placed.sentence.id, set);
        }
      }
      // Remember this sentence's subjects for later pronouns.
      // Unresolved cue subjects are kept too: a later "he" must not skip over someone we could not
      // name to reach an earlier speaker.
      const subjects = cues.map((cue) => cue.speaker);
      if (subjects.length === 0 && context.sentenceSubject) subjects.push(context.sentenceSubject.speaker);
      for (const speaker of subjects) history.push({ speaker, paragraph: paragraph.number, ordinal });
      if (last && last.ordinal !== ordinal && !last.open) last = last.ordinal === ordinal - 1 ? last : null;
    }
  }
  return { quotes, pronouns, resolvedInSentence };
}

function isPronoun(text: string): boolean {
  return PRONOUNS.has(text.toLowerCase());
}

function isPronounOrDescription(text: string): boolean {
  return isPronoun(text) || /^the\s+\S+$/i.test(text);
}

/**
 * The subject of a sentence without cues: a pronoun, or a name (or "X and Y") right at its start,
 * after an opening phrase such as "In Israel," or "For his part,".
 */
function sentenceSubject(
  paragraph: ParagraphText,
  items: readonly Item[],
  context: ResolveContext,
): { speaker: Speaker; to: number } | null {
  let start = 0;
  const firstWord = lowerAt(paragraph, items, 0);
  if (PREPOSITIONS.has(firstWord) || CLAUSE_WORDS.has(firstWord)) {
    const comma = items.findIndex((item, i) => i < 12 && tokenText(paragraph, item) === ",");
    if (comma < 0) return null;
    start = comma + 1;
  }
  const first = items[start];
  if (first?.kind !== "token") return null;
  let from = first.index;
  if (PRONOUNS.has(paragraph.tokens[from]!.lower)) {
    const speaker = resolveSubject(context, from, from + 1);
    return speaker.kind === "unknown" ? null : { speaker, to: from + 1 };
  }
  const opening = from;
  if (paragraph.tokens[from]!.lower === "the") from++;
  const located = (context.entities.located[paragraph.number - 1] ?? []).filter((m) => !m.raw.inQuote);
  const mention = located.filter((m) => m.from === from).sort((a, b) => b.to - a.to)[0];
  if (!mention) {
    // "The official described ...", "Officials met ...": someone is the subject even if we cannot
    // say who; a later "he" must not reach past them.
    let end = from;
    while (end < paragraph.tokens.length && end - from < 3 && paragraph.tokens[end]!.kind === "word") {
      const word = paragraph.tokens[end]!.lower;
      end++;
      if (PERSON_NOUNS.has(word) || PERSON_NOUNS.has(word.replace(/s$/, ""))) {
        return { speaker: resolveSubject(context, opening, end), to: end };
      }
    }
    return null;
  }
  // "Netanyahu’s critics gathered ...": the subject is what the name owns, not the name; someone
  // we cannot name, so a later "he" does not go back to Netanyahu.
  if (paragraph.tokens[mention.to]?.kind === "possessive") {
    return {
      speaker: { entityId: null, name: null, kind: "unknown", gender: null, plural: false },
      to: mention.to + 1,
    };
  }
  // "Qatar and Egypt ...": a group.
  let to = mention.to;
  if (paragraph.tokens[to]?.text === "and") {
    const second = located.filter((m) => m.from === to + 1).sort((a, b) => b.to - a.to)[0];
    if (second) to = second.to;
  }
  const speaker = resolveSubject(context, from, to);
  return speaker.kind === "unknown" ? null : { speaker, to };
}

interface Attribution {
  speakerId: string | null;
  speaker: string | null;
  speakerKind: Quote["speakerKind"];
  asWritten: string | null;
  cue: string;
  cueKind: Quote["cueKind"];
}

function makeQuote(
  text: ArticleText,
  paragraph: ParagraphText,
  placed: SentenceTokens,
  n: number,
  item: Found,
  who: Attribution,
): Quote {
  return {
    id: `${text.article.id}#q${n + 1}`,
    articleId: text.article.id,
    paragraph: paragraph.number,
    sentence: placed.sentence.index,
    speakerId: who.speakerId,
    speaker: who.speakerId === null && who.speakerKind === "unknown" ? null : who.speaker,
    speakerAsWritten: who.asWritten,
    speakerKind: who.speakerKind,
    type: item.type,
    cue: who.cue,
    cueKind: who.cueKind,
    text: item.text,
  };
}

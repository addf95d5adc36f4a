/**
 * The content role of an attribution: what each cue of a sentence introduces (the quotations it
 * claims as direct or partial quotes, or the reported clause as indirect speech).
 */
import { CALENDAR_WORDS, PREPOSITIONS } from "../entities/lexicon.js";
import { posAt } from "../entities/pos.js";
import type { ParagraphText } from "../text.js";
import type { QuoteType } from "../types.js";
import { CLAUSE_WORDS, type Item, isPunct, lowerAt, sliceItems, tokenText, trimEnd } from "./items.js";
import type { Cue } from "./subject.js";

export const ADVERBIALS_AFTER_CUE = new Set([
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
export interface Found {
  type: QuoteType;
  cue: Cue | null;
  /** Verbatim text. */
  text: string;
  /** Item index where the content starts (for ordering). */
  at: number;
  /** Quotation index for direct/partial. */
  quote: number | null;
  /** `mid`: the cue stands inside the clause it reports ("X, Lee said, Y"). */
  frame?: "mid";
}

/**
 * Reads one sentence: the quotes its cues introduce, in order. Quotations no cue claims are
 * returned with a null cue (continuations or unattributed).
 */
export function readSentence(
  paragraph: ParagraphText,
  items: readonly Item[],
  cues: readonly Cue[],
): Found[] {
  const found: Found[] = [];
  const claimed = new Set<number>();
  const quoteText = (item: Item): string =>
    item.kind === "quote" ? paragraph.quotations[item.quote]!.inner : "";
  // Cues that start a clause of their own (not nested in another cue's content: "X said Y told him").
  const top = cues.filter((cue, k) => {
    if (k === 0 || cue.coordinated) return true;
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
    const endsSentence =
      restIsAdverbial(paragraph, items, contentStart, limit) ||
      (cue.inverted && restIsAppositive(paragraph, items, contentStart, limit));
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
    // "Lenox thrived, Mr. Clarke said, until it went bankrupt." / "The plant, according to Lee, will
    // close in June.": a reporting clause inside the reported one; the longer half is kept (verbatim).
    const saying = !cue.inverted && cue.word.frame === "say" && cue.word.kind === "speech";
    const according = cue.word.text === "according to" && cue.at > 0;
    const commas = tokenText(paragraph, before) === "," && tokenText(paragraph, items[contentStart]) === ",";
    if (k === 0 && (saying || according) && commas) {
      const head = trimEnd(paragraph, items, 0, subjectStart - 1);
      const tail = trimEnd(paragraph, items, contentStart + 1, limit);
      // "Asked about the plan, Lee said, ...": the question put to the speaker is no part of the answer.
      const asked = saying && ["asked", "pressed", "when"].includes(lowerAt(paragraph, items, 0));
      const [from, end] = asked || tail - (contentStart + 1) > head ? [contentStart + 1, tail] : [0, head];
      if (end - from >= 5) {
        const mid = contentOf(paragraph, items, from, end, cue, claimed, quoteText);
        found.push(...mid.map((item) => ({ ...item, frame: "mid" as const })));
      }
      continue;
    }

    // "X called the plan “reckless”": the quoted words close by are X's, the rest is the writer's.
    if (cue.word.frame === "name") {
      const named = namedQuote(paragraph, items, contentStart, limit);
      if (named !== null && !claimed.has(named.quote)) {
        claimed.add(named.quote);
        found.push({
          type: "partial",
          cue,
          text: quoteText(named),
          at: items.indexOf(named),
          quote: named.quote,
        });
      }
      continue;
    }
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
export function contentOf(
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
  // "according to an aide, who asked not to be named": a relative clause about the source, not its words.
  const relative = ["who", "whom"].includes(lowerAt(paragraph, items, from));
  if (relative && (cue.word.text === "according to" || lowerAt(paragraph, items, from - 1) === ","))
    return [];
  if (wordCount <= 6 && adverbialOnly(paragraph, items, from, to)) return [];
  return [{ type: "indirect", cue, text: sliceItems(paragraph, items, from, to), at: from, quote: null }];
}

/** Words of a time phrase ("a few days later", "late last week"). */
const TIME_WORDS = new Set(
  "later earlier ago day days week weeks weekend month months year years night morning afternoon evening".split(
    " ",
  ),
);

/**
 * True when a short stretch after a cue is only where or when it was said ("onstage Tuesday night",
 * "In a 1963 speech", "a few days later"): no verb (wink's tags) and it opens with a preposition or
 * adverb, or closes on a time word. Such a stretch reports nothing.
 */
function adverbialOnly(paragraph: ParagraphText, items: readonly Item[], from: number, to: number): boolean {
  const words = items
    .slice(from, to)
    .flatMap((item) =>
      item.kind === "token" && !isPunct(paragraph, item) ? [paragraph.tokens[item.index]!] : [],
    );
  const tags = words.map((token) => posAt(paragraph, token.start));
  if (words.length === 0 || tags.some((tag) => tag === "VERB" || tag === "AUX")) return false;
  if (["ADP", "ADV", "SCONJ"].includes(tags[0]!)) return true;
  // "his candidacy last year" names a thing: only times may be nouns here.
  const last = words.at(-1)!.lower;
  const onlyTimes = words.every(
    (token, i) =>
      !["NOUN", "PROPN"].includes(tags[i]!) || TIME_WORDS.has(token.lower) || CALENDAR_WORDS.has(token.lower),
  );
  return onlyTimes && (TIME_WORDS.has(last) || CALENDAR_WORDS.has(last));
}

/**
 * True when an inverted subject is followed only by its appositive ("..., said Ann Lee, a senior
 * official with the board."): the cue closes the sentence.
 */
function restIsAppositive(
  paragraph: ParagraphText,
  items: readonly Item[],
  from: number,
  to: number,
): boolean {
  if (tokenText(paragraph, items[from]) !== "," || from + 1 >= to) return false;
  if (!["a", "an", "the", "who"].includes(lowerAt(paragraph, items, from + 1))) return false;
  return items.slice(from + 1, to).every((item) => item.kind === "token");
}

/** True when nothing but adverbials and punctuation follow (the cue closes the sentence). */
export function restIsAdverbial(
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

/** "this", "last", "next" before a time noun: "said last week". */
const TIME_DEICTICS = new Set(["this", "last", "next"]);
const TIME_NOUNS = new Set(["week", "weekend", "month", "year", "morning", "afternoon", "evening", "night"]);

/** Skips prepositional phrases, time words and commas right after a cue. */
export function skipAdverbials(
  paragraph: ParagraphText,
  items: readonly Item[],
  from: number,
  to: number,
): number {
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
    // "said this week that ...", "said Monday night": a time phrase, not what was said ("this
    // week's address" is a subject: the possessive keeps it).
    const next = lowerAt(paragraph, items, p + 1);
    const possessive = /^['’]s$/.test(lowerAt(paragraph, items, p + 2));
    if (TIME_DEICTICS.has(word) && TIME_NOUNS.has(next) && !possessive) {
      p += 2;
      continue;
    }
    if (TIME_NOUNS.has(word) && CALENDAR_WORDS.has(lowerAt(paragraph, items, p - 1))) {
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

/** The quotation a name-type cue gives words to: within a few words, before any clause boundary. */
function namedQuote(
  paragraph: ParagraphText,
  items: readonly Item[],
  from: number,
  to: number,
): Extract<Item, { kind: "quote" }> | null {
  for (let p = from; p < to && p - from < 8; p++) {
    const item = items[p]!;
    if (item.kind === "quote") return item;
    const word = lowerAt(paragraph, items, p);
    if ([",", ";", ":", ".", "that", "to", "on"].includes(word) || CLAUSE_WORDS.has(word)) return null;
  }
  return null;
}

/** A "tell" cue's listener: `told reporters`, `told him`, `informed the council`. */
export function skipObject(
  paragraph: ParagraphText,
  items: readonly Item[],
  from: number,
  to: number,
): number {
  let p = from;
  while (p < to && p - from < 5) {
    const word = lowerAt(paragraph, items, p);
    if (word === "that" || word === "," || word === ":" || items[p]!.kind === "quote" || word === "to") break;
    p++;
  }
  return p;
}

/** True when a that-less clause starts here ("said Hamas must ..."), not a phrase ("said in ..."). */
export function startsClause(paragraph: ParagraphText, items: readonly Item[], at: number): boolean {
  const item = items[at];
  if (item?.kind !== "token" || isPunct(paragraph, item)) return false;
  const word = lowerAt(paragraph, items, at);
  return !PREPOSITIONS.has(word) && word !== "to" && !ADVERBIALS_AFTER_CUE.has(word);
}

/** A quotation that is a sentence of its own (not a scare quote): several words or closing punctuation. */
export function isSubstantial(text: string): boolean {
  return text.trim().split(/\s+/).length >= 4 || /[.?!]\s*$/.test(text.trim());
}

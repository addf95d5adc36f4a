/**
 * Runs of capitalised words ("chunks") and the parts of them that are not names. names.ts classifies
 * what is left. The not-name rules, in order:
 * 1. A dateline opening a story (`CITY —`, `CITY, N.C. —`, `CITY (Agency) -`) is dropped.
 * 2. Runs of two or more all-capitals words are dropped ("THANK YOU", "FULL TEXT"); single acronyms
 *    ("CIA") stay.
 * 3. A party tag ("R-Ky") is no name.
 * 4. A capitalised function word or verb inside a run splits it (a headline: "X Says Y On Z").
 * 5. Leading sentence words ("The", "But") go, and so does a sentence-initial word wink tags as a
 *    preposition, auxiliary, adverb, pronoun or -ing/-ed verb ("Unlike", "Does", "Maybe", "Using").
 * 6. Trailing pronouns ("Maybe I"), weekdays and months ("X Friday"), "X Day" events and a trailing
 *    party word ("Kent County Republican") go.
 */

import type { ParagraphText } from "../text.js";
import { isCapitalised, type Token } from "../tokens.js";
import {
  CAPITALISED_STOP_WORDS,
  COURTESY_TITLES,
  NAME_PARTICLES,
  ORGANISATION_HEADS,
  ROLE_NOUNS,
} from "./lexicon.js";
import {
  CALENDAR_ONLY,
  IMPERATIVE_VERBS,
  PARTY_TAG,
  PARTY_WORDS,
  TITLE_ABBREVIATIONS,
} from "./name-words.js";
import { notNameByTag, posAt } from "./pos.js";
import { isRoleWord, isTitleHead, lower } from "./roles.js";

/** A name word with a lower-case particle joined by a hyphen: "al-Ansari", "bin-Salman". */
const NAME_PREFIXED = /^(?:al|el|bin|ibn|abu|ben|de|da|van|von)-\p{Lu}/u;

/** A title as it was, written in one word: "then-Secretary of State", "ex-President". */
const PAST_TITLE = /^(?:then|ex|now|former)-\p{Lu}/u;

/** A full stop that belongs to the run: after "Mr", a title ("Sen"), or an initial ("Donald J. Trump"). */
function joiningStop(previous: Token, next: Token | undefined): boolean {
  if (!isCapitalised(next)) return false;
  const word = lower(previous);
  return COURTESY_TITLES.has(word) || TITLE_ABBREVIATIONS.has(word) || /^[A-Z]$/.test(previous.text);
}

/** True when the capitalised words from `from` end in a body noun ("... Reform Committee"). */
function bodyAfter(tokens: readonly Token[], from: number): boolean {
  let i = from;
  while (i < tokens.length && isCapitalised(tokens[i])) i++;
  return i > from && ORGANISATION_HEADS.has(lower(tokens[i - 1]));
}

/** Finds the runs of capitalised words (joined by "of", "and", particles) in a paragraph. */
export function chunks(tokens: readonly Token[]): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isCapitalised(tokens[i]) && !PAST_TITLE.test(tokens[i]!.text)) {
      i++;
      continue;
    }
    const start = i;
    const quote = tokens[i]!.quote;
    let end = i + 1;
    while (end < tokens.length && tokens[end]!.quote === quote) {
      const token = tokens[end]!;
      const next = tokens[end + 1];
      const previous = tokens[end - 1]!;
      if (isCapitalised(token) || NAME_PREFIXED.test(token.text)) {
        end++;
      } else if (token.text === "." && joiningStop(previous, next)) {
        end++;
      } else if (NAME_PARTICLES.has(token.text) && isCapitalised(next)) {
        end++;
      } else if (
        token.text === "of" &&
        (isRoleWord(previous) || isTitleHead(previous) || ORGANISATION_HEADS.has(lower(previous))) &&
        (isCapitalised(next) || (next?.text === "the" && isCapitalised(tokens[end + 2])))
      ) {
        end++;
      } else if (token.text === "the" && previous.text === "of" && isCapitalised(next)) {
        end++;
      } else if (token.text === "and" && bodyAfter(tokens, end + 1)) {
        // "House Oversight and Government Reform Committee": one body.
        end++;
      } else if (
        token.text === "and" &&
        isRoleWord(previous) &&
        isRoleWord(next) &&
        tokens.slice(start, end).some((t) => ROLE_NOUNS.has(lower(t)))
      ) {
        end++;
      } else {
        break;
      }
    }
    found.push([start, end]);
    i = end;
  }
  return found;
}

/** A word written in capitals only ("THANK", "U.S."), not a single letter. */
function isShouted(token: Token): boolean {
  return token.kind === "word" && token.text.length >= 2 && !/\p{Ll}/u.test(token.text);
}

/** True when the token opens a sentence (or a quotation, or follows a colon or dash). */
export function opensSentence(paragraph: ParagraphText, index: number): boolean {
  if (index === 0) return true;
  if (paragraph.sentences.some((s) => s.from === index)) return true;
  const previous = paragraph.tokens[index - 1]!;
  return previous.kind === "punct" && /^[.?!:;“"‘'(—–-]$/.test(previous.text);
}

/** Short words a title-case headline leaves in lower case ("Talks on Hold as Envoys Leave"). */
const HEADLINE_SMALL = new Set([
  "a",
  "an",
  "the",
  "of",
  "on",
  "in",
  "at",
  "to",
  "for",
  "and",
  "or",
  "as",
  "by",
  "with",
]);

/**
 * True when a paragraph is a headline or a subheading: no sentence-final mark, at least three words,
 * and every word but the short ones capitalised ("Ceasefire Talks Stall Again"). Its capitals say
 * nothing, so its runs may only join names the article's sentences give (entities.ts).
 */
export function isHeadline(paragraph: ParagraphText): boolean {
  const { tokens } = paragraph;
  const words = tokens.filter((t) => t.kind === "word");
  if (words.length < 3) return false;
  const last = [...tokens].reverse().find((t) => !/^[”"’')\]]$/.test(t.text));
  if (last && /^[.!?:;,]$/.test(last.text)) return false;
  return words.every((t) => isCapitalised(t) || HEADLINE_SMALL.has(t.lower) || /^\d/.test(t.text));
}

/** The end of a dateline at the start of a story ("MIDWAY ATOLL —", "CHARLOTTE, N.C. (AP) -"), or -1. */
function datelineEnd(paragraph: ParagraphText, end: number): number {
  const { tokens } = paragraph;
  if (paragraph.number !== 1 || !isShouted(tokens[0]!)) return -1;
  for (let i = 1; i < Math.min(tokens.length, 12); i++) {
    const token = tokens[i]!;
    if (/^[—–-]$/.test(token.text)) return Math.max(i, end);
    if (!(token.kind === "punct" || isCapitalised(token))) return -1;
  }
  return -1;
}

function isStopWord(paragraph: ParagraphText, index: number, leading: boolean): boolean {
  const token = paragraph.tokens[index]!;
  if (!CAPITALISED_STOP_WORDS.has(token.lower) || /^[A-Z]{2,}$/.test(token.text) || isRoleWord(token))
    return false;
  // "New York", "New Hampshire": wink tags the "New" of a place name as a proper noun.
  if (token.lower === "new" && isCapitalised(paragraph.tokens[index + 1]))
    return leading && posAt(paragraph, token.start) !== "PROPN";
  return true;
}

/**
 * A verb inside a run, as title-case headlines write them ("X Says Y", "X Is Y"): an auxiliary, or a
 * verb ending in -s. Not at the end of a run ("George Will"), and bare verbs stay (wink tags "Ted"
 * in "Ted Cruz" as a verb).
 */
function headlineVerb(paragraph: ParagraphText, index: number): boolean {
  const token = paragraph.tokens[index]!;
  if (!isCapitalised(token)) return false;
  const tag = posAt(paragraph, token.start);
  return tag === "AUX" || (tag === "VERB" && /[a-z]s$/.test(token.text));
}

/**
 * The parts of the chunk [start, end) that may be names, after the not-name rules (module comment).
 */
export function nameParts(paragraph: ParagraphText, start: number, end: number): Array<[number, number]> {
  const { tokens } = paragraph;
  // 1. Dateline.
  if (start === 0 && datelineEnd(paragraph, end) >= 0) return [];
  // 2-4. Split around shouted runs, party tags and capitalised function words.
  const parts: Array<[number, number]> = [];
  let from = start;
  for (let i = start; i <= end; i++) {
    if (i === end) {
      if (from < end) parts.push([from, end]);
      break;
    }
    const token = tokens[i]!;
    let cut = 0;
    if (isShouted(token)) {
      let j = i;
      while (
        j < end &&
        (isShouted(tokens[j]!) || tokens[j]!.kind !== "word" || /^[A-Z]$/.test(tokens[j]!.text))
      )
        j++;
      if (tokens.slice(i, j).filter(isShouted).length >= 2) cut = j - i;
    } else if (
      /^[A-Z]$/.test(token.text) &&
      tokens[i + 1] &&
      isShouted(tokens[i + 1]!) &&
      tokens[i + 1]!.text.length >= 3
    ) {
      // "S WORKING" from "IT'S WORKING": a letter cut from a shouted word, then more capitals.
      let j = i + 1;
      while (j < end && isShouted(tokens[j]!)) j++;
      cut = j - i;
    } else if (PARTY_TAG.test(token.text)) cut = 1;
    else if (i > from && isStopWord(paragraph, i, false) && !/^(?:of|the|and)$/.test(token.text)) cut = 1;
    else if (i > from && i < end - 1 && end - start >= 3 && headlineVerb(paragraph, i)) cut = 1;
    if (cut > 0) {
      if (from < i) parts.push([from, i]);
      from = i + cut;
      i = from - 1;
    }
  }
  return parts.flatMap(([a, b]) => trimPart(paragraph, a, b));
}

/**
 * "Will Hurd said ...": wink tags a sentence-initial "Will" (or "May") as an auxiliary, but before
 * another capitalised word in a sentence that asks nothing it is a first name ("Will Hamas accept?"
 * is a question, so "Will" goes there).
 */
function modalFirstName(paragraph: ParagraphText, start: number, end: number): boolean {
  const { tokens } = paragraph;
  if (
    end - start < 2 ||
    !/^(?:will|may)$/.test(tokens[start]!.lower) ||
    posAt(paragraph, tokens[start]!.start) !== "AUX"
  )
    return false;
  const sentence = paragraph.sentences.find((s) => s.from <= start && start < s.to);
  const last = sentence
    ? tokens
        .slice(sentence.from, sentence.to)
        .reverse()
        .find((t) => t.kind === "punct" && /[.?!]/.test(t.text))
    : undefined;
  return last?.text !== "?";
}

/** 5-6. Leading and trailing words that are not part of a name. */
function trimPart(paragraph: ParagraphText, start: number, end: number): Array<[number, number]> {
  const { tokens } = paragraph;
  while (
    start < end &&
    (tokens[start]!.kind !== "word" ||
      isStopWord(paragraph, start, true) ||
      CALENDAR_ONLY.has(tokens[start]!.lower) ||
      // "Follow Ann Lee on Twitter": a command opening the sentence, then the name.
      (end - start >= 2 && IMPERATIVE_VERBS.has(tokens[start]!.lower) && opensSentence(paragraph, start)) ||
      (opensSentence(paragraph, start) &&
        !isRoleWord(tokens[start]) &&
        !COURTESY_TITLES.has(tokens[start]!.lower) &&
        notNameByTag(paragraph, tokens[start]!.start, tokens[start]!.lower) &&
        !modalFirstName(paragraph, start, end)))
  ) {
    start++;
  }
  while (end > start) {
    const last = tokens[end - 1]!;
    const word = last.lower;
    if (last.kind !== "word") end--;
    else if (isStopWord(paragraph, end - 1, false) || CALENDAR_ONLY.has(word)) end--;
    else if (word === "day" && end - start >= 2) end -= 2;
    else if (PARTY_WORDS.has(word) && end - start >= 2) end--;
    else break;
  }
  return start < end ? [[start, end]] : [];
}

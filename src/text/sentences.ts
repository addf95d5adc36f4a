/**
 * Sentence splitting: wink-nlp's splitter, one paragraph at a time, with the fixes news text needs.
 *
 * - A split after an abbreviation ("U.S.", "Mr.", "Gen.", "Dept.") or before a lower-case word is undone.
 * - A quotation that spans several sentences is kept whole as one unit, so a quote is never cut
 *   from its attribution and a citation always points at the whole quotation.
 *
 * Every unit is an exact slice of the paragraph (`paragraph.slice(start, end) === text`).
 */

import model from "wink-eng-lite-web-model";
import winkNLP from "wink-nlp";
import type { Article, Sentence } from "../core/types.js";

/** A sentence as a span of its paragraph. */
export interface SentenceSpan {
  text: string;
  start: number;
  end: number;
}

// Loading the model takes ~0.2 s: do it once, on first use. Only sentence boundaries are needed.
let nlp: ReturnType<typeof winkNLP> | undefined;
function getNlp(): ReturnType<typeof winkNLP> {
  nlp ??= winkNLP(model, ["sbd"]);
  return nlp;
}

/** Abbreviations after which a full stop does not end a sentence (lower case, without the dot). */
const ABBREVIATIONS = new Set([
  "mr",
  "mrs",
  "ms",
  "dr",
  "prof",
  "gen",
  "lt",
  "col",
  "maj",
  "capt",
  "cmdr",
  "adm",
  "sgt",
  "gov",
  "sen",
  "rep",
  "pres",
  "st",
  "sr",
  "jr",
  "rev",
  "hon",
  "amb",
  "dept",
  "corp",
  "inc",
  "ltd",
  "co",
  "no",
  "vs",
  "jan",
  "feb",
  "mar",
  "apr",
  "jun",
  "jul",
  "aug",
  "sep",
  "sept",
  "oct",
  "nov",
  "dec",
  "approx",
  "est",
]);

/** True when `text` ends in an abbreviation that does not end a sentence ("U.S.", "Gen."). */
function endsWithAbbreviation(text: string): boolean {
  const match = /(?:^|[\s(“"'‘])((?:[A-Za-z]\.)+|[A-Za-z]+\.)$/.exec(text.trimEnd());
  if (!match?.[1]) return false;
  const word = match[1];
  // Initialisms such as "U.S." or "U.N.": dotted single letters.
  if (/^(?:[A-Za-z]\.){2,}$/.test(word)) return true;
  // A single capital initial, as in "George W. Bush".
  if (/^[A-Z]\.$/.test(word)) return true;
  return ABBREVIATIONS.has(word.slice(0, -1).toLowerCase());
}

/**
 * True when the next unit cannot start a sentence: it begins with a lower-case letter, or with a
 * comma or semicolon ("Rep. Ada Morrow (D-Ore.), a delegate, said": wink cuts after "Ore.)").
 */
function startsMidSentence(text: string): boolean {
  return /^[“"'‘(]?[a-z]/.test(text) || /^[,;]/.test(text);
}

/** Counts whether a quotation is still open at the end of `text` (curly or straight marks). */
export function hasOpenQuotation(text: string): boolean {
  // Pairs as the quote finder does: typed text mixes marks (`"...,” X said.`), so a curly closer
  // also ends a straight opening, and a straight mark after a word or punctuation ends a curly one.
  let open = "";
  let nested = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char !== "“" && char !== "”" && char !== '"') continue;
    const afterWord = i > 0 && !/[\s(]/.test(text[i - 1]!);
    if (open === "") {
      if (char === "“" || (char === '"' && !afterWord)) open = char;
    } else if (open === '"' && char !== '"') {
      // Curly marks inside a straight quotation: a quote within it, unless a closer stands alone.
      if (char === "“") nested++;
      else if (nested > 0) nested--;
      else open = "";
    } else if (char === "”" || (char === '"' && (open === '"' || afterWord))) {
      open = "";
    }
  }
  // Two apostrophes are a mark of their own (`''...''`, as newspaper archives write quotes).
  const doubled = text.split("''").length - 1;
  return open !== "" || doubled % 2 === 1;
}

/** Finds where wink's sentences sit in the paragraph (wink keeps the text, but we trust offsets only). */
function locate(paragraph: string, pieces: readonly string[]): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let cursor = 0;
  for (const piece of pieces) {
    const trimmed = piece.trim();
    if (trimmed === "") continue;
    let start = paragraph.indexOf(trimmed, cursor);
    if (start < 0) {
      // wink normalised something (rare): fall back to the next non-space character.
      start = cursor;
      while (start < paragraph.length && /\s/.test(paragraph[start] ?? "")) start++;
      if (start >= paragraph.length) break;
      const end = Math.min(paragraph.length, start + trimmed.length);
      spans.push({ text: paragraph.slice(start, end), start, end });
      cursor = end;
      continue;
    }
    const end = start + trimmed.length;
    spans.push({ text: trimmed, start, end });
    cursor = end;
  }
  // Whatever wink left unclaimed at the end (should not happen) still belongs to the last unit.
  const rest = paragraph.slice(cursor).trim();
  if (rest !== "") {
    const start = paragraph.indexOf(rest, cursor);
    spans.push({ text: rest, start, end: start + rest.length });
  }
  return spans;
}

function join(paragraph: string, a: SentenceSpan, b: SentenceSpan): SentenceSpan {
  return { text: paragraph.slice(a.start, b.end), start: a.start, end: b.end };
}

/** Up to four capitalised words, then a speech verb: the attribution of the quotation before it. */
const ATTRIBUTION_AFTER =
  /^\s+(?:[A-Z][\p{L}.’'-]*\s+){1,4}(?:said|says|asked|asks|added|adds|told|tells|wrote|writes|replied|responded|tweeted|wondered|shouted|insisted|declared|continued|quipped|joked|exclaimed)\b/u;

/**
 * wink does not split after a closing quotation mark (`“No.” He left.`): split there when the
 * quotation is closed and a capitalised sentence follows.
 */
function splitAfterClosedQuotes(paragraph: string, span: SentenceSpan): SentenceSpan[] {
  const parts: SentenceSpan[] = [];
  let from = span.start;
  const boundary = /[.?!](?:[”"]|'')\s+(?=(?:[“"]|'')?[A-Z])/g;
  for (let match = boundary.exec(span.text); match; match = boundary.exec(span.text)) {
    const cut = span.start + match.index + (match[0][2] === "'" ? 3 : 2);
    if (hasOpenQuotation(paragraph.slice(from, cut))) continue;
    // `“Why now?” Ben Ortiz asked.`: a question or exclamation closing a quotation, then its speaker.
    if (match[0][0] !== "." && ATTRIBUTION_AFTER.test(paragraph.slice(cut))) continue;
    parts.push({ text: paragraph.slice(from, cut), start: from, end: cut });
    from = span.start + match.index + match[0].length;
  }
  parts.push({ text: paragraph.slice(from, span.end), start: from, end: span.end });
  return parts;
}

/**
 * Splits one paragraph into sentences.
 *
 * @example
 * splitParagraph('He met U.S. officials. “We talked. We agreed,” he said.')
 * // -> [{ text: "He met U.S. officials.", start: 0, end: 22 },
 * //     { text: "“We talked. We agreed,” he said.", start: 23, end: 55 }]
 */
export function splitParagraph(paragraph: string): SentenceSpan[] {
  if (paragraph.trim() === "") return [];
  const pieces = getNlp().readDoc(paragraph).sentences().out();
  const spans = locate(paragraph, pieces);
  const merged: SentenceSpan[] = [];
  for (const span of spans) {
    const previous = merged[merged.length - 1];
    if (
      previous &&
      (endsWithAbbreviation(previous.text) ||
        startsMidSentence(span.text) ||
        hasOpenQuotation(previous.text) ||
        (/[?!](?:[”"]|'')$/.test(previous.text) && ATTRIBUTION_AFTER.test(` ${span.text}`)) ||
        /^[”"’')\]]+$/.test(span.text))
    ) {
      merged[merged.length - 1] = join(paragraph, previous, span);
    } else {
      merged.push(span);
    }
  }
  return merged.flatMap((span) => splitAfterClosedQuotes(paragraph, span));
}

/**
 * Splits an article into cited sentence units, paragraph by paragraph.
 *
 * @example
 * splitArticle(article)[0].id // "2024-10-24-doha-talks#1.1"
 */
export function splitArticle(article: Article): Sentence[] {
  const sentences: Sentence[] = [];
  article.paragraphs.forEach((paragraph, p) => {
    splitParagraph(paragraph).forEach((span, s) => {
      sentences.push({
        id: `${article.id}#${p + 1}.${s + 1}`,
        articleId: article.id,
        paragraph: p + 1,
        index: s + 1,
        text: span.text,
        start: span.start,
        end: span.end,
      });
    });
  });
  return sentences;
}

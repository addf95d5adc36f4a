/**
 * Tokens and quotations of a paragraph: the shared first step of entity and quote finding.
 *
 * Quotation marks are paired per paragraph (curly “ ” and straight "), so a quotation is one token
 * for the attribution rules ("“...,” he said" reads as QUOTE , he said) while the words inside stay
 * available for entity mentions. A quotation left open at the end of a paragraph continues in the
 * next one (news style: each quoted paragraph opens with a mark, only the last one closes).
 */

export type TokenKind = "word" | "number" | "punct" | "possessive";

export interface Token {
  text: string;
  /** Offsets within the paragraph. */
  start: number;
  end: number;
  kind: TokenKind;
  /** Index of the quotation the token sits in, or -1. */
  quote: number;
  /** `text` in lower case (computed once: every rule compares lower case). */
  lower: string;
  /** True for a word that starts with a capital letter. */
  cap: boolean;
}

export interface Quotation {
  /** Offsets of the opening mark and just past the closing mark (or the paragraph end when open). */
  start: number;
  end: number;
  /** The verbatim text inside the marks. */
  inner: string;
  innerStart: number;
  innerEnd: number;
  /** True when the paragraph ends before the quotation closes. */
  open: boolean;
}

const OPENING = new Set(["“", '"', "''"]);
/** Marks: curly, straight, and two apostrophes (`''...''`, as wire and newspaper archives write them). */
const MARKS = /[“”"]|''/g;

/** True where a mark that is its own closer (" or '') may open: not right after a letter or digit. */
function canOpen(paragraph: string, i: number): boolean {
  return i === 0 || !/[\p{L}\p{N}]/u.test(paragraph[i - 1] ?? "");
}

/**
 * True when `mark` closes a quotation opened by `openMark`. Typed text mixes marks (`"...,” X said.
 * “...."`): a curly closer also ends a straight opening, and a straight mark that cannot open (right
 * after a word or punctuation) ends a curly one.
 */
function closes(paragraph: string, i: number, openMark: string, mark: string, nested: number): boolean {
  if (openMark === "“") return mark === "”" || (mark === '"' && /[^\s(]/u.test(paragraph[i - 1] ?? " "));
  // A curly pair inside a straight quotation is a quote within it: its closer ends nothing.
  return mark === openMark || (openMark === '"' && mark === "”" && nested === 0);
}

/**
 * Pairs the quotation marks of a paragraph.
 *
 * @example
 * findQuotations('He said, “We agreed.”')[0].inner // "We agreed."
 * findQuotations("''We agreed,'' he said.")[0].inner // "We agreed,"
 */
export function findQuotations(paragraph: string): Quotation[] {
  const found: Quotation[] = [];
  let openAt = -1;
  let openMark = "";
  let nested = 0;
  // Only quotation marks matter: jump from one to the next.
  MARKS.lastIndex = 0;
  for (let match = MARKS.exec(paragraph); match !== null; match = MARKS.exec(paragraph)) {
    const i = match.index;
    const mark = match[0];
    if (openAt < 0) {
      if (!OPENING.has(mark)) continue;
      // A straight mark opens only where a word could start (after a space, bracket or the start).
      if (mark !== "“" && !canOpen(paragraph, i)) continue;
      openAt = i;
      openMark = mark;
    } else if (closes(paragraph, i, openMark, mark, nested)) {
      found.push(quotation(paragraph, openAt, i + mark.length, openMark.length, false));
      openAt = -1;
      nested = 0;
    } else if (openMark === '"' && (mark === "“" || mark === "”")) {
      nested = Math.max(0, nested + (mark === "“" ? 1 : -1));
    } else if (openMark === "“" && mark === "“") {
      // A new opening mark before a close: the earlier one was never closed; restart here.
      openAt = i;
    }
  }
  if (openAt >= 0) found.push(quotation(paragraph, openAt, paragraph.length, openMark.length, true));
  return found;
}

function quotation(paragraph: string, start: number, end: number, mark: number, open: boolean): Quotation {
  const innerStart = start + mark;
  const innerEnd = open ? end : end - mark;
  return { start, end, inner: paragraph.slice(innerStart, innerEnd), innerStart, innerEnd, open };
}

// Words (with inner hyphens and apostrophes like O'Brien), dotted initialisms, numbers, possessive 's.
const TOKEN =
  /(?:[A-Z]\.){2,}|[\p{L}\p{M}](?:[\p{L}\p{M}\p{N}-]|['’](?=[\p{L}]{2}))*|\p{N}[\p{N},.:]*\p{N}|\p{N}|['’]s\b|[^\s\p{L}\p{N}]/gu;

/**
 * Splits a paragraph into tokens, each marked with the quotation it sits in.
 *
 * @example
 * tokenize("Netanyahu’s office said", []).map((t) => t.text) // ["Netanyahu", "’s", "office", "said"]
 */
export function tokenize(paragraph: string, quotations: readonly Quotation[]): Token[] {
  const tokens: Token[] = [];
  let q = 0;
  for (const match of paragraph.matchAll(TOKEN)) {
    const text = match[0];
    const start = match.index;
    const end = start + text.length;
    while (q < quotations.length && quotations[q]!.end <= start) q++;
    const inQuote = q < quotations.length && quotations[q]!.start <= start && start < quotations[q]!.end;
    let kind: TokenKind;
    if (/^['’]s$/.test(text)) kind = "possessive";
    else if (/^[\p{L}\p{M}]/u.test(text)) kind = "word";
    else if (/^\p{N}/u.test(text)) kind = "number";
    else kind = "punct";
    const first = text.charCodeAt(0);
    // ASCII capitals directly; other scripts through the Unicode class.
    const cap = kind === "word" && (first < 128 ? first >= 65 && first <= 90 : CAPITAL.test(text));
    tokens.push({ text, start, end, kind, quote: inQuote ? q : -1, lower: text.toLowerCase(), cap });
  }
  return tokens;
}

const CAPITAL = /^\p{Lu}/u;

/** True for a word that starts with a capital letter (or is a dotted initialism like U.S.). */
export function isCapitalised(token: Token | undefined): boolean {
  return token?.cap === true;
}

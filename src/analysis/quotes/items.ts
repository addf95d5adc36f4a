/**
 * A sentence read as items: each token outside quotations is one item, each whole quotation is one,
 * so the attribution rules never look inside a quotation ("“...,” he said, “...”" reads QUOTE he said , QUOTE).
 */
import type { ParagraphText, SentenceTokens } from "../text.js";

export const AUXILIARIES = new Set(["is", "are", "was", "were", "be", "been", "being"]);
export const SKIPPABLE_BEFORE_CUE = new Set([
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
/** Words between a subject and its cue beyond the list above: times and emphasis ("Lee Thursday said"). */
const ALSO_BEFORE_CUE = new Set(
  `monday tuesday wednesday thursday friday saturday sunday today tonight morning afternoon evening night
  however himself herself themselves itself too still now`.split(/\s+/),
);

/** Nouns ending in -ly that head a subject ("a Brandt ally", "the family"): not adverbs. */
const LY_NOUNS = new Set(
  "ally family assembly rally supply reply daily weekly monthly quarterly anomaly monopoly fly belly bully".split(
    " ",
  ),
);

/**
 * True for a word that may stand between a subject and its cue: the list above, a time or emphasis
 * word, or a lower-case adverb in -ly ("Lee jokingly said", "Ward gingerly noted").
 */
export function skippableBeforeCue(text: string): boolean {
  const lower = text.toLowerCase();
  if (SKIPPABLE_BEFORE_CUE.has(lower) || ALSO_BEFORE_CUE.has(lower)) return true;
  return /^[a-z]{3,}ly$/.test(text) && !LY_NOUNS.has(lower);
}

export const CLAUSE_WORDS = new Set([
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

/** "and"/"or" join the parts of a subject ("Qatar and Egypt"); they open a clause only after a comma. */
export const JOINING_WORDS = new Set(["and", "or"]);

/** One item of a sentence: a token outside quotations, or a whole quotation. */
export type Item =
  | { kind: "token"; index: number }
  | { kind: "quote"; quote: number; from: number; to: number };

export function tokenText(paragraph: ParagraphText, item: Item | undefined): string {
  if (!item) return "";
  if (item.kind === "quote") return "\u0000QUOTE";
  return paragraph.tokens[item.index]!.text;
}

export function lowerAt(paragraph: ParagraphText, items: readonly Item[], i: number): string {
  const item = items[i];
  if (!item) return "";
  if (item.kind === "quote") return "\u0000quote";
  return paragraph.tokens[item.index]!.lower;
}

export function itemStart(paragraph: ParagraphText, item: Item): number {
  return item.kind === "quote"
    ? paragraph.quotations[item.quote]!.start
    : paragraph.tokens[item.index]!.start;
}

export function itemEnd(paragraph: ParagraphText, item: Item): number {
  return item.kind === "quote" ? paragraph.quotations[item.quote]!.end : paragraph.tokens[item.index]!.end;
}

export function tokenIndexOf(item: Item): number {
  return item.kind === "quote" ? item.from : item.index;
}

/** The items of a sentence: tokens outside quotations, one item per quotation. */
export function itemsOf(paragraph: ParagraphText, sentence: SentenceTokens): Item[] {
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

export function isPunct(paragraph: ParagraphText, item: Item | undefined): boolean {
  return item?.kind === "token" && paragraph.tokens[item.index]!.kind === "punct";
}

/** Titles and courtesy words written with a full stop: "Mr. Clarke", "Rep. Lynch", "Gen. Votel". */
const TITLE_ABBREVIATIONS = new Set(
  "mr mrs ms dr prof gen lt col maj capt cmdr adm sgt gov sen rep rev hon amb pres st sr jr".split(" "),
);

/**
 * True for the full stop of an abbreviation inside a name ("Mr. Clarke", "George W. Bush"): it
 * ends no clause, so a subject goes on past it.
 */
export function isAbbreviationDot(paragraph: ParagraphText, index: number): boolean {
  const previous = paragraph.tokens[index - 1];
  const next = paragraph.tokens[index + 1];
  if (previous?.kind !== "word" || previous.end !== paragraph.tokens[index]!.start) return false;
  // "of Dunmore, Md., said": a full stop right before a comma ends no sentence.
  if (next?.text === "," && next.start === paragraph.tokens[index]!.end) return true;
  if (!next?.cap) return false;
  return TITLE_ABBREVIATIONS.has(previous.lower) || /^[A-Z]$/.test(previous.text);
}

/** True when the token touches both neighbours ("55-year-old"), with no space either side. */
function glued(paragraph: ParagraphText, index: number): boolean {
  const [previous, token, next] = [index - 1, index, index + 1].map((i) => paragraph.tokens[i]);
  return (
    previous !== undefined && next !== undefined && previous.end === token!.start && token!.end === next.start
  );
}

export function isBoundary(paragraph: ParagraphText, item: Item | undefined): boolean {
  if (!item) return true;
  if (item.kind === "quote") return true;
  const token = paragraph.tokens[item.index]!;
  if (token.kind === "punct") {
    if (token.text === ".") return !isAbbreviationDot(paragraph, item.index);
    // "a 55-year-old welder": a hyphen inside a word joins it, it opens no clause.
    if (token.text === "-" && glued(paragraph, item.index)) return false;
    return /^[,;:()—–-]$/.test(token.text);
  }
  return CLAUSE_WORDS.has(token.lower) && !JOINING_WORDS.has(token.lower);
}

export function sliceItems(
  paragraph: ParagraphText,
  items: readonly Item[],
  from: number,
  to: number,
): string {
  return paragraph.text.slice(itemStart(paragraph, items[from]!), itemEnd(paragraph, items[to - 1]!));
}

/** Trims punctuation and joining words from the end of a content range. */
export function trimEnd(paragraph: ParagraphText, items: readonly Item[], from: number, to: number): number {
  let end = to;
  while (end > from) {
    const word = lowerAt(paragraph, items, end - 1);
    if (isPunct(paragraph, items[end - 1]) || word === "and" || word === "but" || word === "or") end--;
    else break;
  }
  return end;
}

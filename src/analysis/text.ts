/**
 * An article prepared for analysis: each paragraph tokenised once, with its quotations and the
 * token range of each of its sentences. Entities, quotes and status all read this one structure.
 */
import type { Article, Sentence } from "../core/types.js";
import { findQuotations, type Quotation, type Token, tokenize } from "./tokens.js";

export interface SentenceTokens {
  sentence: Sentence;
  /** Token range [from, to) within the paragraph's tokens. */
  from: number;
  to: number;
}

export interface ParagraphText {
  /** 1-based. */
  number: number;
  text: string;
  tokens: Token[];
  quotations: Quotation[];
  sentences: SentenceTokens[];
}

export interface ArticleText {
  article: Article;
  paragraphs: ParagraphText[];
}

/**
 * Tokenises an article and places its sentences on the tokens.
 *
 * @example
 * prepareArticle(article, splitArticle(article)).paragraphs[0].sentences.length // 1
 */
export function prepareArticle(article: Article, sentences: readonly Sentence[]): ArticleText {
  const byParagraph = new Map<number, Sentence[]>();
  for (const sentence of sentences) {
    const list = byParagraph.get(sentence.paragraph);
    if (list) list.push(sentence);
    else byParagraph.set(sentence.paragraph, [sentence]);
  }
  const paragraphs = article.paragraphs.map((text, i): ParagraphText => {
    const quotations = findQuotations(text);
    const tokens = tokenize(text, quotations);
    const placed: SentenceTokens[] = [];
    let t = 0;
    for (const sentence of byParagraph.get(i + 1) ?? []) {
      while (t < tokens.length && tokens[t]!.end <= sentence.start) t++;
      const from = t;
      while (t < tokens.length && tokens[t]!.start < sentence.end) t++;
      placed.push({ sentence, from, to: t });
    }
    return { number: i + 1, text, tokens, quotations, sentences: placed };
  });
  return { article, paragraphs };
}

/** The sentence of a paragraph that holds a token (the last one when past the end). */
export function sentenceOfToken(paragraph: ParagraphText, token: number): SentenceTokens | undefined {
  for (const placed of paragraph.sentences) {
    if (token < placed.to) return placed;
  }
  return paragraph.sentences[paragraph.sentences.length - 1];
}

// Names and roles repeat across thousands of articles: normalise each distinct text once.
const normalised = new Map<string, string>();

/** Lower case without diacritics, hyphens as spaces, curly apostrophes straightened. */
export function normalise(text: string): string {
  let result = normalised.get(text);
  if (result === undefined) {
    result = normaliseUncached(text);
    if (normalised.size > 200_000) normalised.clear();
    normalised.set(text, result);
  }
  return result;
}

function normaliseUncached(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[’‘]/g, "'")
    .replace(/-/g, " ")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** A url-safe id part: `Anthony Blinken` -> `anthony-blinken`. */
export function slug(text: string): string {
  return (
    normalise(text)
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "x"
  );
}

/**
 * Helpers for the entity and quote tests: the gold file and the seed article read from ../shared
 * (never copied), short articles made from paragraphs, and a knowledge base built the real way.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type ArticleAnalysis, analyzeArticle } from "../../src/analysis/analyze.js";
import type { Quote } from "../../src/analysis/types.js";
import type { Article } from "../../src/core/types.js";
import type { KnowledgeBase } from "../../src/index/knowledge-base.js";
import { buildKnowledgeBase } from "../../src/store/build.js";
import { splitArticle } from "../../src/text/sentences.js";

export interface GoldQuote {
  id: string;
  paragraph: number;
  speaker_kind: string;
  speaker: string;
  speaker_as_written: string;
  text: string;
  type: "direct" | "partial" | "indirect";
  cue: string;
}

export interface GoldPerson {
  name: string;
  as_written: string[];
  role: string;
  affiliation: string;
}

interface GoldFile {
  published: string;
  quotes: GoldQuote[];
  people: GoldPerson[];
}

const shared = (path: string): string => fileURLToPath(new URL(`../../../shared/${path}`, import.meta.url));

export const seedGold = (
  JSON.parse(readFileSync(shared("eval/seed-gold.json"), "utf8")) as { files: Record<string, GoldFile> }
).files["doha-talks-2024-10-24"]!;

/** An article from paragraphs (published on a Thursday, like the seed). */
export function article(id: string, paragraphs: string[], published = "2024-10-24"): Article {
  return {
    id,
    path: `${id}.md`,
    title: `Test article ${id}`,
    published,
    outlet: "Test Outlet",
    url: null,
    language: "en",
    paragraphs,
    hash: id,
  };
}

/** The shipped article as the read-only seed has it: one paragraph per line. */
export function seedArticle(): Article {
  const text = readFileSync(shared("seed/doha-talks-2024-10-24.txt"), "utf8");
  return article(
    "2024-10-24-doha-talks",
    text.split("\n").filter((line) => line.trim() !== ""),
    seedGold.published,
  );
}

/** Analyses an article made of these paragraphs. */
export function analyze(paragraphs: string[], id = "t", published = "2024-10-24"): ArticleAnalysis {
  const made = article(id, paragraphs, published);
  return analyzeArticle(made, splitArticle(made));
}

/** A knowledge base over these articles, built by the real build. */
export function knowledgeBase(articles: Article[]): KnowledgeBase {
  return buildKnowledgeBase(articles);
}

/**
 * The quotes of a text as compact rows: [speaker, as written, type, cue, text]. The speaker is the
 * one the rules propose, shown or below the confidence threshold (a candidate): these tests are
 * about the rules; the threshold has its own tests (quotes-news.test.ts).
 */
export function rows(
  paragraphs: string[],
): Array<[string | null, string | null, Quote["type"], string, string]> {
  return analyze(paragraphs).quotes.map((q) => [
    q.speaker ?? q.candidate ?? null,
    q.speakerAsWritten,
    q.type,
    q.cue,
    q.text,
  ]);
}

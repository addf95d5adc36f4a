/**
 * The indexed `about`/`type` narrowing of /quote against a plain reading of every quote, on the
 * shipped article and a synthetic corpus with speakers quoted dozens of times.
 */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { generateCorpus } from "../../bench/generate.js";
import { normalise } from "../../src/analysis/text.js";
import type { QuoteType } from "../../src/analysis/types.js";
import { aboutWords, narrowQuotes } from "../../src/answers/quote-filter.js";
import { getDirectory, type SpeakerQuote } from "../../src/index/directory.js";
import type { KnowledgeBase } from "../../src/index/knowledge-base.js";
import { loadKnowledge } from "../../src/knowledge/load.js";
import { buildKnowledgeBase } from "../../src/store/build.js";

/** Every quote read in full: the sentence and the quote hold a word starting with each about word. */
function plain(kb: KnowledgeBase, list: readonly SpeakerQuote[], about: string[], type?: QuoteType) {
  return list.filter(({ quote }) => {
    const text = `${kb.sentencesById.get(`${quote.articleId}#${quote.paragraph}.${quote.sentence}`)?.text ?? ""} ${quote.text}`;
    const words = normalise(text).split(/[^\p{L}\p{N}]+/u);
    return (
      (type === undefined || quote.type === type) && about.every((a) => words.some((w) => w.startsWith(a)))
    );
  });
}

function check(kb: KnowledgeBase, probes: string[]): number {
  const directory = getDirectory(kb.analysis);
  let compared = 0;
  for (const entity of kb.analysis.entities) {
    const list = directory.quotesBy(entity.id);
    if (list.length === 0) continue;
    for (const probe of probes) {
      for (const type of [undefined, "direct", "indirect"] as const) {
        const words = aboutWords(probe);
        const expected = plain(kb, list, words, type);
        const { quotes, sentences } = narrowQuotes(kb, list, words, type);
        expect(quotes).toEqual(expected);
        expect(sentences).toBe(
          new Set(expected.map((e) => `${e.quote.articleId}#${e.quote.paragraph}.${e.quote.sentence}`)).size,
        );
        compared += 1;
      }
    }
  }
  return compared;
}

describe("narrowQuotes", () => {
  it("keeps what a full reading keeps, in order, on the shipped article", async () => {
    const { articles } = await loadKnowledge(fileURLToPath(new URL("../../knowledge", import.meta.url)));
    const kb = buildKnowledgeBase(articles);
    expect(check(kb, ["", "the", "cease", "Hamas talks", "hostage deal", "zzz"])).toBeGreaterThan(20);
  });

  it("keeps what a full reading keeps for speakers quoted many times", () => {
    const kb = buildKnowledgeBase(generateCorpus(30).articles.map((file) => file.article));
    const busiest = Math.max(
      ...kb.analysis.entities.map((e) => getDirectory(kb.analysis).quotesBy(e.id).length),
    );
    expect(busiest).toBeGreaterThan(10);
    expect(check(kb, ["", "talk", "Rafah crossing", "of the", "said"])).toBeGreaterThan(100);
  });

  it("drops stop words and folds case and accents in about", () => {
    expect(aboutWords("The talks in DOHA")).toEqual(["talks", "doha"]);
    expect(aboutWords(undefined)).toEqual([]);
  });
});

/**
 * Reported speech in an article's title (issue 11, headline quotes), on short texts of our own: a
 * few fixed shapes, and a subject that must be a name the body of the same article found. Each case
 * fails when its rule is removed.
 */
import { describe, expect, it } from "vitest";
import { analyzeArticle } from "../../src/analysis/analyze.js";
import type { Quote } from "../../src/analysis/types.js";
import { exportAnalysis } from "../../src/answers/export.js";
import { getDirectory } from "../../src/index/directory.js";
import { splitArticle } from "../../src/text/sentences.js";
import { article, knowledgeBase } from "./fixture.js";

/** The quotes read from the title of an article with this title and body. */
function titled(title: string, paragraphs: string[]): Quote[] {
  const item = { ...article("t1", paragraphs), title };
  return analyzeArticle(item, splitArticle(item)).quotes.filter((quote) => quote.paragraph === 0);
}

const body = ["Ann Lee, the mayor of Dunmore, spoke to workers at the plant on Tuesday."];

describe("a title's reported speech", () => {
  it("NAME Says CLAUSE: the surname the body names in full", () => {
    const [quote, ...rest] = titled("Lee Says Plant Will Close In June", body);
    expect(rest).toEqual([]);
    expect(quote).toMatchObject({
      speaker: "Ann Lee",
      speakerAsWritten: "Lee",
      type: "indirect",
      cue: "Says",
      text: "Plant Will Close In June",
      paragraph: 0,
      rule: "title:name",
    });
  });

  it("CLAUSE, ROLE NAME says closing the title, after a label", () => {
    const quotes = titled("The Update: Harbour will reopen in spring, Mayor Ann Lee says.", body);
    expect(quotes.map((q) => [q.speaker, q.text])).toEqual([["Ann Lee", "Harbour will reopen in spring"]]);
  });

  it("calls for: the content is what is called for; a second cue ends it", () => {
    expect(titled("Ann Lee calls for a new bridge, urges calm", body).map((q) => q.text)).toEqual([
      "a new bridge",
    ]);
  });

  it("a word between the name and its cue (Just Announced)", () => {
    expect(titled("Lee Just Announced Her Plan For The Harbour", body).map((q) => q.speaker)).toEqual([
      "Ann Lee",
    ]);
  });

  it("a title may drop the accents the body writes", () => {
    const quotes = titled("Nunez Says Talks Will Resume", ["Ana Núñez met the envoys on Monday."]);
    expect(quotes.map((q) => q.speaker)).toEqual(["Ana Núñez"]);
  });
});

describe("a title's unnamed speaker", () => {
  it("a description headed by a role is its own speaker, as written (no name given)", () => {
    const [quote, ...rest] = titled("Former harbour commissioner calls for a new pier", body);
    expect(rest).toEqual([]);
    expect(quote).toMatchObject({
      speaker: "Former harbour commissioner",
      speakerId: null,
      speakerKind: "anonymous",
      text: "a new pier",
      rule: "title:role",
    });
  });

  it("role words in lower case before a name the body found", () => {
    expect(titled("Former port chief Lee says the pier is safe", body).map((q) => q.speaker)).toEqual([
      "Ann Lee",
    ]);
  });

  it("but not a subject headed by other words (Harbour Workers Say ...)", () => {
    expect(titled("Harbour Workers Says The Pier Is Unsafe", body)).toEqual([]);
  });
});

describe("no title quote", () => {
  it("when a clause before a comma opens the title (Railing Against X, NAME Vows ...)", () => {
    expect(titled("Speaking In Dunmore, Lee Vows To Reopen The Plant", body)).toEqual([]);
  });

  it("when the body does not name the subject: a title never introduces a speaker", () => {
    expect(titled("Reyes Says Plant Will Close In June", body)).toEqual([]);
  });

  it("when two people of the article share the surname", () => {
    const both = ["Ann Lee and her brother Tom Lee spoke to workers at the plant on Tuesday."];
    expect(titled("Lee Says Plant Will Close In June", both)).toEqual([]);
  });

  it("when the name sits in a clause (If NAME Says It, ...)", () => {
    expect(titled("If Lee Says It, It Must Be True", body)).toEqual([]);
  });
});

describe("a title quote in the corpus", () => {
  it("is exported, but not listed in answers, which cite a body sentence", () => {
    const kb = knowledgeBase([{ ...article("t2", body), title: "Lee Says Plant Will Close In June" }]);
    const exported = exportAnalysis(kb).quotes.filter((quote) => quote.paragraph === 0);
    expect(exported.map((quote) => [quote.speaker, quote.text])).toEqual([
      ["Ann Lee", "Plant Will Close In June"],
    ]);
    const directory = getDirectory(kb.analysis);
    expect(directory.quotesBy(exported[0]!.speakerId!)).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import type { Article } from "../../src/core/types.js";
import { splitArticle, splitParagraph } from "../../src/text/sentences.js";

const texts = (paragraph: string) => splitParagraph(paragraph).map((span) => span.text);

describe("splitParagraph", () => {
  it("does not split after abbreviations and initialisms", () => {
    expect(
      texts("Mr. Smith met U.S. officials and Gen. Halevi at the State Dept. on Monday. Talks went on."),
    ).toEqual([
      "Mr. Smith met U.S. officials and Gen. Halevi at the State Dept. on Monday.",
      "Talks went on.",
    ]);
    expect(texts("The U.N. envoy arrived. The U.S. delegation left.")).toEqual([
      "The U.N. envoy arrived.",
      "The U.S. delegation left.",
    ]);
  });

  it("keeps a quotation ending in ?” or .” with its attribution, and splits after it", () => {
    expect(texts("“Is this the end?” she asked. “No.” He left.")).toEqual([
      "“Is this the end?” she asked.",
      "“No.”",
      "He left.",
    ]);
    expect(texts('He said: "We are ready." Then the meeting ended.')).toEqual([
      'He said: "We are ready."',
      "Then the meeting ended.",
    ]);
  });

  it("keeps a quotation that spans several sentences whole", () => {
    const paragraph =
      "Blinken said, “We talked about options. I expect our negotiators to meet. This is a moment to act.” Talks follow.";
    expect(texts(paragraph)).toEqual([
      "Blinken said, “We talked about options. I expect our negotiators to meet. This is a moment to act.”",
      "Talks follow.",
    ]);
    expect(texts('"We will not stop. Never," he said. The end.')).toEqual([
      '"We will not stop. Never," he said.',
      "The end.",
    ]);
  });

  it("returns exact slices of the paragraph", () => {
    const paragraph = "First  sentence here.   Second one, with “a quote.” And a third?";
    for (const span of splitParagraph(paragraph)) {
      expect(paragraph.slice(span.start, span.end)).toBe(span.text);
    }
    expect(splitParagraph("   ")).toEqual([]);
  });

  it("keeps an unclosed quotation to the end of its paragraph", () => {
    expect(texts("He said: “We will go on. We will not stop.")).toEqual([
      "He said: “We will go on. We will not stop.",
    ]);
  });
});

describe("splitArticle", () => {
  it("gives every sentence a stable id, paragraph and position", () => {
    const article: Article = {
      id: "a1",
      path: "a1.md",
      title: "T",
      published: "2024-10-24",
      outlet: null,
      url: null,
      language: "en",
      paragraphs: ["One. Two.", "Three."],
      hash: "x",
    };
    expect(splitArticle(article).map((s) => [s.id, s.paragraph, s.index, s.text])).toEqual([
      ["a1#1.1", 1, 1, "One."],
      ["a1#1.2", 1, 2, "Two."],
      ["a1#2.1", 2, 1, "Three."],
    ]);
  });
});

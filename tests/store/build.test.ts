import { describe, expect, it } from "vitest";
import type { Article } from "../../src/core/types.js";
import { buildKnowledgeBase } from "../../src/store/build.js";

const article = (id: string, paragraphs: string[]): Article => ({
  id,
  path: `${id}.md`,
  title: id,
  published: "2024-10-24",
  outlet: null,
  url: null,
  language: "en",
  paragraphs,
  hash: id,
});

describe("buildKnowledgeBase", () => {
  const kb = buildKnowledgeBase([
    article("a.b#c", ["One. Two.", "Three.", "Four. Five. Six."]),
    article("z", ["Only one."]),
  ]);

  it("finds every sentence by its id, derived from the article's own list", () => {
    const all = [...kb.sentencesByArticle.values()].flat();
    expect(all).toHaveLength(7);
    for (const sentence of all) expect(kb.sentencesById.get(sentence.id)).toBe(sentence);
    expect(kb.sentencesById.get("a.b#c#3.2")?.text).toBe("Five.");
  });

  it("finds nothing for ids that do not exist", () => {
    for (const id of [
      "a.b#c#3.4",
      "a.b#c#4.1",
      "a.b#c#0.1",
      "a.b#c#1.0",
      "z#1",
      "nope#1.1",
      "",
      "#",
      "z#x.y",
    ]) {
      expect(kb.sentencesById.get(id)).toBeUndefined();
    }
  });
});

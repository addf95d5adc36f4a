import { describe, expect, it } from "vitest";
import type { Article, Sentence } from "../../src/core/types.js";
import { citeSentence, formatDate, textFragmentLink } from "../../src/text/citation.js";

const article: Article = {
  id: "2024-10-24-doha-talks",
  path: "2024-10-24-doha-talks.md",
  title: "Doha talks report",
  published: "2024-10-24",
  outlet: null,
  url: null,
  language: "en",
  paragraphs: [],
  hash: "x",
};
const sentence: Sentence = {
  id: "2024-10-24-doha-talks#9.1",
  articleId: article.id,
  paragraph: 9,
  index: 1,
  text: "In Israel, Prime Minister Benjamin Netanyahu’s office said that the head of the Mossad, David Barnea, will go to Doha next Sunday.",
  start: 0,
  end: 10,
};

describe("citations", () => {
  it("renders outlet, date and paragraph, with unknown outlet and no link when absent", () => {
    const citation = citeSentence(article, sentence);
    expect(citation.label).toBe("Doha talks report (unknown outlet), 24 Oct 2024, ¶9");
    expect(citation).toMatchObject({
      paragraph: 9,
      sentence: 1,
      url: null,
      link: null,
      published: "2024-10-24",
    });
  });

  it("links to the sentence with a text fragment when the article has a url", () => {
    const citation = citeSentence(
      { ...article, outlet: "Al Jazeera", url: "https://example.com/doha" },
      sentence,
    );
    expect(citation.label).toBe("Doha talks report (Al Jazeera), 24 Oct 2024, ¶9");
    expect(citation.link).toBe(
      "https://example.com/doha#:~:text=In%20Israel%2C%20Prime%20Minister%20Benjamin%20Netanyahu%E2%80%99s,will%20go%20to%20Doha%20next%20Sunday.",
    );
  });

  it("encodes dashes in short fragments and keeps an existing fragment", () => {
    expect(textFragmentLink("https://e.com/a#top", "A cease-fire, now.")).toBe(
      "https://e.com/a#top:~:text=A%20cease%2Dfire%2C%20now.",
    );
  });

  it("formats ISO dates without time-zone slips", () => {
    expect(formatDate("2024-01-01")).toBe("1 Jan 2024");
    expect(formatDate("2023-12-31")).toBe("31 Dec 2023");
  });
});

/**
 * The pure Discord edge: escaping, rendering within Discord's limits, paging ids.
 * Property tests generate answers and texts; every rendered message must pass the validator.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Answer, AnswerItem } from "../../src/answers/types.js";
import { COMMANDS } from "../../src/commands/definitions.js";
import type { Citation } from "../../src/core/types.js";
import { escapeMarkdown, escapeTruncated, plainLine, safeLink } from "../../src/discord/escape.js";
import { validateMessage } from "../../src/discord/limits.js";
import type { PageCodec } from "../../src/discord/paging-id.js";
import { citationLine, renderAnswerPages } from "../../src/discord/render-answer.js";
import { renderAnswerMessage, renderUserErrorMessage } from "../../src/discord/render-message.js";

import { asShown } from "../discord-standin/as-shown.js";

/** Paging ids are written against this (the renderer never looks inside it). */
const codec: PageCodec = { version: "abcdef", entities: [], entityIndex: new Map() };
/** Options too long for any button id: such answers come without buttons. */
const tooLong = {
  name: "n".repeat(200),
  about: "a".repeat(200),
  question: "q".repeat(200),
  topic: "t".repeat(200),
};

const citation = (paragraph: number, url: string | null = "https://example.com/doha"): Citation => ({
  articleId: "2024-10-24-doha-talks",
  title: "Doha to host new round of Gaza ceasefire talks as Blinken visits",
  outlet: null,
  published: "2024-10-24",
  paragraph,
  sentence: 1,
  url,
  link: url
    ? `${url}#:~:text=the%20head%20of%20the%20Israeli%20Foreign%20Intelligence%20Service%20(Mossad)`
    : null,
  label: `Doha to host new round of Gaza ceasefire talks as Blinken visits (unknown outlet), 24 Oct 2024, ¶${paragraph}`,
});

const answerWith = (items: AnswerItem[], overrides: Partial<Answer> = {}): Answer => ({
  kind: "answer",
  command: "quote",
  title: "What Anthony Blinken said",
  facts: [],
  sections: [{ heading: "Quotes", items }],
  notes: [],
  ...overrides,
});

describe("escapeMarkdown", () => {
  it("renders hostile text exactly as written, with no live mention, link or formatting", () => {
    const hostile =
      "**bold** @everyone <@123> <@&456> [x](https://evil.example) `code` ~~s~~ ||spoiler|| <:e:1>";
    const escaped = escapeMarkdown(hostile);
    expect(asShown(escaped)).toBe(hostile);
    expect(escaped).not.toMatch(/(^|[^\\])[@<[*`~|]/);
    expect(escaped).toContain("https\\://evil.example");
  });

  it("neutralises block syntax at the start of a line", () => {
    for (const text of ["# heading", "> quote", "- item", "-# subtext", "12. item"]) {
      const escaped = escapeMarkdown(text);
      expect(asShown(escaped)).toBe(text);
      expect(escaped).not.toBe(text);
    }
  });

  it("round-trips any text on one line (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), (text) => {
        expect(asShown(escapeMarkdown(text))).toBe(plainLine(text));
      }),
      { numRuns: 300 },
    );
  });

  it("cuts long text without splitting an escape and marks the cut", () => {
    const text = "*".repeat(5000);
    const cut = escapeTruncated(text, 101);
    expect([...cut].length).toBeLessThanOrEqual(101);
    expect(cut.endsWith("…")).toBe(true);
    expect(asShown(cut.slice(0, -1))).toBe("*".repeat(50));
  });

  it("links only http(s) urls, with parentheses encoded for masked links", () => {
    expect(safeLink("javascript:alert(1)")).toBeNull();
    expect(safeLink("https://example.com/a#:~:text=(Mossad)")).toBe(
      "https://example.com/a#:~:text=%28Mossad%29",
    );
  });
});

describe("renderAnswerPages", () => {
  it("shows each sentence verbatim with its outlet, date, paragraph and link", () => {
    const sentence =
      "In Israel, Prime Minister Benjamin Netanyahu’s office said that the head of the Israeli Foreign Intelligence Service (Mossad), David Barnea, will go to Doha next Sunday.";
    const [page] = renderAnswerPages(
      answerWith([{ text: sentence, citation: citation(9), label: "indirect · said" }]),
    );
    expect(asShown(page?.description ?? "")).toContain(sentence);
    expect(page?.description).toContain("¶9");
    expect(page?.description).toContain("24 Oct 2024");
    expect(page?.description).toContain("unknown outlet");
    expect(page?.description).toContain("](https://example.com/doha#:~:text=");
  });

  it("cites without a link when the article has no url", () => {
    expect(citationLine(citation(3, null))).toBe(
      "↳ Doha to host new round of Gaza ceasefire talks as Blinken visits · unknown outlet · 24 Oct 2024 · ¶3",
    );
  });

  it("pages a long answer, keeping every item once and in order, each page within the limits", () => {
    const items = Array.from({ length: 23 }, (_, i) => ({
      text: `Sentence number ${i + 1} ${"with many words ".repeat(40)}`,
      citation: citation(i + 1),
    }));
    const pages = renderAnswerPages(answerWith(items, { notes: ["3 more not shown"] }));
    expect(pages.length).toBeGreaterThan(1);
    const all = pages.map((page) => page.description ?? "").join("\n");
    const numbers = [...all.matchAll(/Sentence number (\d+)/g)].map((match) => Number(match[1]));
    expect(numbers).toEqual(items.map((_, i) => i + 1));
    pages.forEach((page, i) => {
      expect(page.footer?.text).toContain(`Page ${i + 1}/${pages.length}`);
      expect(validateMessage({ embeds: [page] })).toEqual([]);
    });
  });

  it("keeps any generated answer within Discord's limits (property)", () => {
    const text = fc.string({ unit: "grapheme", maxLength: 3000 });
    const item = fc.record({
      text,
      label: fc.option(fc.string({ maxLength: 400 }), { nil: undefined }),
      citation: fc.record({
        articleId: fc.string(),
        title: fc.string({ maxLength: 600 }),
        outlet: fc.option(fc.string({ maxLength: 300 }), { nil: null }),
        published: fc.constant("2024-10-24"),
        paragraph: fc.nat(5000),
        sentence: fc.nat(50),
        url: fc.option(fc.webUrl(), { nil: null }),
        link: fc.option(fc.webUrl(), { nil: null }),
        label: fc.string(),
      }),
    });
    const answer = fc.record({
      kind: fc.constant("answer" as const),
      command: fc.constantFrom(...COMMANDS.map((c) => c.name)),
      title: fc.string({ maxLength: 1000 }),
      facts: fc.array(
        fc.record({ label: fc.string({ maxLength: 300 }), value: fc.string({ maxLength: 3000 }) }),
        {
          maxLength: 40,
        },
      ),
      sections: fc.array(
        fc.record({ heading: fc.string({ maxLength: 400 }), items: fc.array(item, { maxLength: 12 }) }),
        {
          maxLength: 4,
        },
      ),
      notes: fc.array(fc.string({ maxLength: 900 }), { maxLength: 5 }),
    });
    fc.assert(
      fc.property(answer, (generated) => {
        const pages = renderAnswerPages(generated);
        expect(pages.length).toBeGreaterThan(0);
        for (let page = 0; page < pages.length; page++) {
          const { message } = renderAnswerMessage(
            generated,
            { options: page % 2 === 0 ? {} : tooLong, page, codec },
            false,
          );
          expect(validateMessage(message)).toEqual([]);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("renders user errors privately with their suggestions", () => {
    const message = renderUserErrorMessage({
      kind: "user-error",
      command: "who",
      message: "No one called “@everyone” in the articles.",
      suggestions: ["/who Barnea", "/who Blinken"],
    });
    expect(message.ephemeral).toBe(true);
    const description = message.embeds[0]?.description ?? "";
    expect(asShown(description)).toContain("No one called “@everyone” in the articles.");
    expect(description).toContain("\\@everyone");
    expect(asShown(description)).toContain("• /who Barnea");
  });
});

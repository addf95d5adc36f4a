import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { complete } from "../../src/answers/complete.js";
import { answerCommand } from "../../src/answers/dispatch.js";
import type { Reply } from "../../src/answers/types.js";
import { COMMANDS } from "../../src/commands/definitions.js";
import type { KnowledgeBase } from "../../src/index/knowledge-base.js";
import { loadKnowledge } from "../../src/knowledge/load.js";
import { buildKnowledgeBase } from "../../src/store/build.js";

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = buildKnowledgeBase((await loadKnowledge("knowledge")).articles);
});

/** The promise every answer keeps: each item is verbatim text of the paragraph its citation names. */
function expectVerbatimAndCited(reply: Reply): void {
  if (reply.kind === "user-error") {
    expect(reply.message.length).toBeGreaterThan(0);
    return;
  }
  for (const section of reply.sections) {
    for (const item of section.items) {
      const article = kb.articlesById.get(item.citation.articleId);
      expect(article, `cited article ${item.citation.articleId}`).toBeDefined();
      const paragraph = article?.paragraphs[item.citation.paragraph - 1] ?? "";
      expect(paragraph).toContain(item.text);
    }
  }
}

const hostile = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: "grapheme", maxLength: 100 }),
  fc.constantFrom(
    "",
    "   ",
    "x".repeat(6000),
    "\u0000\u0007\u001b[31m",
    "\u200b\u200f\u202eBarnea",
    "🕊️ ceasefire 🕊️",
    "**Blinken** _said_",
    "```js\nalert(1)\n```",
    "@everyone",
    "<@123>",
    "<@&456>",
    "https://example.com/?q=Doha",
    "مفاوضات الدوحة",
    "Бёрнс",
    "Blinkin",
    "head of Mossad",
  ),
);

describe("the query path on generated input", () => {
  it("answers every command with any option text: never throws, never invents, always cites", () => {
    fc.assert(
      fc.property(fc.constantFrom(...COMMANDS), hostile, hostile, (command, first, second) => {
        const strings = command.options
          .filter((option) => option.type === "string")
          .map((option) => option.name);
        const options = Object.fromEntries(strings.map((name, i) => [name, i === 0 ? first : second]));
        const reply = answerCommand(kb, command.name, options);
        expect(["answer", "user-error"]).toContain(reply.kind);
        expectVerbatimAndCited(reply);
      }),
      { numRuns: 400, interruptAfterTimeLimit: 30_000 },
    );
  });

  it("autocompletes any prefix within Discord's limits", () => {
    fc.assert(
      fc.property(fc.constantFrom("entity" as const, "topic" as const), hostile, (source, prefix) => {
        const choices = complete(kb, source, prefix);
        expect(choices.length).toBeLessThanOrEqual(25);
        for (const choice of choices) {
          expect(choice.length).toBeGreaterThan(0);
          expect(choice.length).toBeLessThanOrEqual(100);
        }
      }),
      { numRuns: 300, interruptAfterTimeLimit: 20_000 },
    );
  });

  it("turns empty and over-long options into user errors that say what to do", () => {
    expect(answerCommand(kb, "who", { name: " \u200b " })).toMatchObject({
      kind: "user-error",
      message: "Please give a name.",
    });
    expect(answerCommand(kb, "ask", { question: "x".repeat(6000) })).toMatchObject({
      kind: "user-error",
      message: expect.stringMatching(/too long: at most 200 characters/),
    });
    expect(answerCommand(kb, "nope", {})).toMatchObject({ kind: "user-error", command: null });
  });
});

describe("ask and sources on the shipped article", () => {
  it("ask finds the sentence that answers, first, with its citation", () => {
    const reply = answerCommand(kb, "ask", { question: "When will Barnea go to Doha?" });
    expect(reply.kind).toBe("answer");
    if (reply.kind !== "answer") return;
    const first = reply.sections[0]?.items[0];
    expect(first?.text).toMatch(
      /^In Israel, Prime Minister Benjamin Netanyahu’s office said that the head of the Israeli/,
    );
    expect(first?.citation.label).toBe(
      "Doha to host new round of Gaza ceasefire talks as Blinken visits (unknown outlet), 24 Oct 2024, ¶9",
    );
  });

  it("ask tolerates typos and prefixes, and falls back to any word when all words do not match", () => {
    const typo = answerCommand(kb, "ask", { question: "Netanyahoo ofice" });
    expect(typo.kind === "answer" && typo.sections[0]?.items[0]?.citation.paragraph).toBe(9);
    const mixed = answerCommand(kb, "ask", { question: "Egypt zzzzqqq" });
    expect(mixed.kind === "answer" && mixed.sections[0]?.items[0]?.citation.paragraph).toBe(11);
    const stopWordsOnly = answerCommand(kb, "ask", { question: "the and of" });
    expect(stopWordsOnly.kind).toBe("user-error");
  });

  it("sources lists the loaded article with date and outlet", () => {
    const reply = answerCommand(kb, "sources", {});
    expect(reply).toMatchObject({
      kind: "answer",
      title: "1 article in the knowledge base",
      facts: [
        {
          label: "24 Oct 2024 · unknown outlet",
          value: "Doha to host new round of Gaza ceasefire talks as Blinken visits",
        },
      ],
    });
  });
});

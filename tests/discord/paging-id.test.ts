/**
 * Paging ids hold everything a click needs (no process memory): they round-trip, fit in 100
 * characters or are not made at all, name entities and choices by index, and tell a click from
 * another knowledge version or an older Parley apart from a foreign or broken one.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/answers/types.js";
import { COMMANDS } from "../../src/commands/definitions.js";
import { LIMITS } from "../../src/discord/limits.js";
import { decodePageId, encodePageId, type PageCodec, pageCodecOf } from "../../src/discord/paging-id.js";
import { renderAnswerMessage, TOO_LONG_TO_PAGE } from "../../src/discord/render-message.js";
import type { KnowledgeBase } from "../../src/index/knowledge-base.js";

function codecWith(version: string, entities: string[]): PageCodec {
  return { version, entities, entityIndex: new Map(entities.map((name, i) => [name, i])) };
}

const LONG_NAME = "Sheikh Mohammed bin Abdul Rahman Al Thani, Prime Minister and Foreign Minister of Qatar";
const codec = codecWith("Ab3_-z", ["Anthony Blinken", "David Barnea", LONG_NAME]);

/** A stand-in knowledge base: only what the codec reads. */
function kb(articles: { id: string; hash: string }[], names: string[]): KnowledgeBase {
  const entities = names.map((name, i) => ({
    id: `person:${i}`,
    kind: "person",
    name,
    aliases: [],
    roles: [],
    affiliation: null,
    linkedTo: null,
    mentions: [],
  }));
  return { articles, analysis: { entities, quotes: [], status: [] } } as unknown as KnowledgeBase;
}

describe("paging ids", () => {
  it("round-trip the command, page and options, within 100 characters, or are not made (property)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...COMMANDS.map((c) => c.name)),
        fc.nat(500),
        fc.oneof(
          fc.string({ unit: "grapheme", maxLength: 200 }),
          fc.constantFrom(...codec.entities, "~1", "\\|~"),
        ),
        fc.string({ unit: "grapheme", maxLength: 200 }),
        fc.boolean(),
        (command, page, first, second, flag) => {
          const definition = COMMANDS.find((c) => c.name === command)!;
          const strings = definition.options
            .filter((o) => o.type === "string" && !o.choices)
            .map((o) => o.name);
          const options: Record<string, string> = {};
          if (strings[0] && first) options[strings[0]] = first;
          if (strings[1] && second) options[strings[1]] = second;
          if (command === "quote") {
            options.type = "partial";
            if (flag) options.unclear = "true";
          }
          const id = encodePageId({ command, page, options }, codec);
          if (id === null) return;
          expect(id.length).toBeLessThanOrEqual(LIMITS.customId);
          expect(decodePageId(id, codec)).toEqual({ ok: true, request: { command, page, options } });
        },
      ),
      { numRuns: 500 },
    );
  });

  it("name an entity by its canonical name's index and a choice by its index", () => {
    const id = encodePageId(
      { command: "quote", page: 2, options: { name: LONG_NAME, type: "indirect", unclear: "true" } },
      codec,
    );
    // quote is the second command; name, type and unclear are its options 0, 2 and 3.
    expect(id).toBe("p2|Ab3_-z|12|0~2|2~2|3");
    // A name that is not exactly a canonical name travels as written.
    expect(encodePageId({ command: "who", page: 1, options: { name: "Blinken" } }, codec)).toBe(
      "p2|Ab3_-z|01|0Blinken",
    );
  });

  it("make no id when the options cannot fit, and the answer then has no buttons but says how to narrow it", () => {
    const question =
      "what did the negotiators say about the ceasefire plan in Doha on Thursday and after that";
    expect(encodePageId({ command: "ask", page: 1, options: { question } }, codec)).toBeNull();
    const answer: Answer = {
      kind: "answer",
      command: "ask",
      title: "Sentences",
      facts: Array.from({ length: 30 }, (_, i) => ({ label: `Fact ${i}`, value: "value" })),
      sections: [],
      notes: [],
    };
    const long = renderAnswerMessage(answer, { options: { question }, page: 0, codec }, false);
    expect(long.pageCount).toBeGreaterThan(1);
    expect(long.message.components).toEqual([]);
    expect(long.message.embeds[0]?.footer?.text).toContain(TOO_LONG_TO_PAGE);
    const short = renderAnswerMessage(answer, { options: { question: "Doha" }, page: 0, codec }, false);
    expect(short.message.components).toHaveLength(1);
    expect(short.message.embeds[0]?.footer?.text).not.toContain(TOO_LONG_TO_PAGE);
  });

  it("tell another knowledge version or an older layout from a foreign or broken id", () => {
    const id = encodePageId({ command: "quote", page: 1, options: { name: "Anthony Blinken" } }, codec)!;
    const updated = codecWith("Zz9_00", codec.entities as string[]);
    expect(decodePageId(id, updated)).toEqual({ ok: false, reason: "old-version", command: "quote" });
    expect(decodePageId("pg1|who|1|Barnea", codec)).toEqual({
      ok: false,
      reason: "old-version",
      command: "who",
    });
    expect(decodePageId("vote:yes", codec)).toEqual({ ok: false, reason: "foreign" });
    for (const broken of [
      "p2|Ab3_-z|z1|0x",
      "p2|Ab3_-z|0|0x",
      "p2|Ab3_-z|01|9x",
      "p2|Ab3_-z|01|0~zz",
      "p2|Ab3_-z|01|0a|0b",
    ])
      expect(decodePageId(broken, codec)).toEqual({ ok: false, reason: "malformed" });
  });

  it("version a knowledge base by its content and the code: equal content agrees, any change differs", () => {
    const articles = [
      { id: "a", hash: "1" },
      { id: "b", hash: "2" },
    ];
    const first = pageCodecOf(kb(articles, ["Anthony Blinken"]), "code-1");
    expect(first.version).toMatch(/^[A-Za-z0-9_-]{6}$/);
    // Another replica loading the same files (in another order) agrees.
    expect(pageCodecOf(kb([...articles].reverse(), ["Anthony Blinken"]), "code-1").version).toBe(
      first.version,
    );
    expect(
      pageCodecOf(
        kb(
          [
            { id: "a", hash: "1" },
            { id: "b", hash: "3" },
          ],
          ["Anthony Blinken"],
        ),
        "code-1",
      ).version,
    ).not.toBe(first.version);
    expect(pageCodecOf(kb(articles, ["Antony Blinken"]), "code-1").version).not.toBe(first.version);
    expect(pageCodecOf(kb(articles, ["Anthony Blinken"]), "code-2").version).not.toBe(first.version);
  });
});

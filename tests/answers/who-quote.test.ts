/**
 * `/who`, `/quote` and `export` on the shipped knowledge folder, through the real loader, build
 * and dispatch: answers hold verbatim sentences with citations, labelled as Parley words them.
 */
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { answerCommand } from "../../src/answers/dispatch.js";
import { exportAnalysis } from "../../src/answers/export.js";
import type { Answer, Reply } from "../../src/answers/types.js";
import { completeEntityNames } from "../../src/index/directory.js";
import type { KnowledgeBase } from "../../src/index/knowledge-base.js";
import { loadKnowledge } from "../../src/knowledge/load.js";
import { buildKnowledgeBase } from "../../src/store/build.js";
import { seedGold } from "../analysis/fixture.js";

let kb: KnowledgeBase;

beforeAll(async () => {
  const { articles } = await loadKnowledge(fileURLToPath(new URL("../../knowledge", import.meta.url)));
  kb = buildKnowledgeBase(articles);
});

function answer(reply: Reply): Answer {
  if (reply.kind !== "answer") throw new Error(`expected an answer, got: ${reply.message}`);
  return reply;
}

const fact = (reply: Answer, label: string): string | undefined =>
  reply.facts.find((f) => f.label === label)?.value;

describe("/who", () => {
  it("names Barnea head of the Israeli Foreign Intelligence Service (Mossad), cited to ¶9", () => {
    const reply = answer(answerCommand(kb, "who", { name: "Barnea" }));
    expect(reply.title).toBe("Who is David Barnea?");
    expect(fact(reply, "Role")).toBe("the head of the Israeli Foreign Intelligence Service (Mossad)");
    expect(fact(reply, "Affiliation")).toBe("Mossad (Israel)");
    expect(fact(reply, "Meets")).toBe("Sheikh Mohammed bin Abdul Rahman Al Thani; William Burns");
    const items = reply.sections.flatMap((section) => section.items);
    expect(items.map((item) => item.citation.paragraph)).toContain(9);
    for (const item of items) {
      const sentence = kb.sentencesById.get(
        `${item.citation.articleId}#${item.citation.paragraph}.${item.citation.sentence}`,
      );
      expect(item.text).toBe(sentence?.text);
    }
  });

  it.each([
    ["Blinkin", "Anthony Blinken"],
    ["Mohammed", "Sheikh Mohammed bin Abdul Rahman Al Thani"],
    ["head of Mossad", "David Barnea"],
  ])("finds %s as %s", (query, name) => {
    expect(answer(answerCommand(kb, "who", { name: query })).title).toBe(`Who is ${name}?`);
  });

  it("gives each gold person their role as written", () => {
    for (const person of seedGold.people) {
      const reply = answer(answerCommand(kb, "who", { name: person.name }));
      expect(fact(reply, "Role") ?? fact(reply, "Roles")).toContain(person.role);
    }
  });

  it("does not make someone who only reports a meeting a party to it", () => {
    const reply = answer(answerCommand(kb, "who", { name: "Netanyahu" }));
    expect(fact(reply, "Meets")).toBeUndefined();
    expect(fact(reply, "Speaks through")).toBe("Office of Prime Minister Benjamin Netanyahu");
  });

  it("shows what Blinken said, direct quotes first, and what he did, dated", () => {
    const reply = answer(answerCommand(kb, "who", { name: "Blinken" }));
    const said = reply.sections.find((s) => s.heading === "What they said")!;
    expect(said.items.slice(0, 2).map((item) => [item.citation.paragraph, item.data])).toMatchObject([
      [
        3,
        { kind: "quote", type: "direct", speakerAsWritten: "Blinken", speaker: { name: "Anthony Blinken" } },
      ],
      [4, { kind: "quote", type: "direct", speakerAsWritten: "He", cue: "added" }],
    ]);
    // The label does not repeat the name asked about, nor a pronoun.
    expect(said.items[1]?.label).toBe("direct");
    const did = reply.sections.find((s) => s.heading === "What they did or will do")!;
    // Timeline entries he takes part in, dated and labelled like /status lines.
    expect(did.items.map((item) => item.label)).toContain(
      "2024-10-24 · talks held · Doha · according to Anthony Blinken",
    );
    expect(did.items.every((item) => item.data?.kind === "event")).toBe(true);
  });

  it("answers an unknown name with “not in the articles” and known names to try", () => {
    const reply = answerCommand(kb, "who", { name: "Zelensky" });
    expect(reply).toMatchObject({
      kind: "user-error",
      command: "who",
      message: "“Zelensky” is not in the articles.",
    });
    const suggestions = reply.kind === "user-error" ? reply.suggestions : [];
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions).toContain("/who Anthony Blinken");
  });

  it("forgives a typo rather than failing", () => {
    expect(answer(answerCommand(kb, "who", { name: "Barnes" })).title).toBe("Who is David Barnea?");
  });
});

describe("/quote", () => {
  it("lists Blinken's quotes in reading order within the one article, each sentence once, typed", () => {
    const reply = answer(answerCommand(kb, "quote", { name: "Blinken" }));
    expect(reply.sections.map((s) => s.heading)).toEqual(["Newest first"]);
    const items = reply.sections[0]!.items;
    expect(items.map((item) => item.citation.paragraph)).toEqual([3, 4, 6, 7]);
    expect(items[0]!.text).toContain("“We talked about options");
    expect(items.map((item) => (item.data?.kind === "quote" ? item.data.type : null))).toEqual([
      "direct",
      "direct",
      "indirect",
      "indirect",
    ]);
    // ¶6 holds reported speech with a partial quote inside: one line, both types named.
    expect(items[2]!.label).toBe("indirect + partial");
  });

  it("narrows by type", () => {
    const reply = answer(answerCommand(kb, "quote", { name: "Blinken", type: "direct" }));
    expect(reply.sections.map((s) => s.heading)).toEqual(["Direct quotes"]);
    expect(reply.sections[0]!.items.map((item) => item.citation.paragraph)).toEqual([3, 4]);
    const partial = answer(answerCommand(kb, "quote", { name: "Blinken", type: "partial" }));
    expect(partial.sections[0]!.items.map((item) => item.citation.paragraph)).toEqual([6]);
    expect(answerCommand(kb, "quote", { name: "Blinken", type: "rumour" })).toMatchObject({
      kind: "user-error",
      message: "“type” must be one of: direct, partial, indirect.",
    });
  });

  it("shows Netanyahu's office's statements under his name, labelled as the office's", () => {
    const reply = answer(answerCommand(kb, "quote", { name: "Netanyahu" }));
    const items = reply.sections.flatMap((s) => s.items);
    expect(items.map((item) => item.citation.paragraph)).toEqual([9, 10]);
    expect(items.map((item) => item.label)).toEqual([
      "indirect · Office of Prime Minister Benjamin Netanyahu",
      "direct · Office of Prime Minister Benjamin Netanyahu",
    ]);
    expect(items.map((item) => (item.data?.kind === "quote" ? item.data.via?.name : null))).toEqual([
      "Office of Prime Minister Benjamin Netanyahu",
      "Office of Prime Minister Benjamin Netanyahu",
    ]);
  });

  it("narrows to quotes about some words", () => {
    const reply = answer(answerCommand(kb, "quote", { name: "Blinken", about: "frameworks" }));
    // The sentence of ¶6 holds a partial quote and reported speech: both are about frameworks, and
    // the sentence is listed once.
    expect(reply.sections.flatMap((s) => s.items.map((item) => item.citation.paragraph))).toEqual([6]);
    expect(answerCommand(kb, "quote", { name: "Blinken", about: "pineapple" })).toMatchObject({
      kind: "user-error",
    });
  });

  it("says so when an entity is not quoted", () => {
    expect(answerCommand(kb, "quote", { name: "Barnea" })).toMatchObject({
      kind: "user-error",
      message: "The articles quote no one as David Barnea.",
    });
  });
});

describe("autocomplete and export", () => {
  it("completes entity names", () => {
    expect(completeEntityNames(kb, "Bli")).toEqual(["Anthony Blinken"]);
  });

  it("exports every quote with speaker, as written, type, cue, text, article and paragraph", () => {
    const exported = exportAnalysis(kb);
    expect(JSON.parse(JSON.stringify(exported))).toEqual(exported);
    expect(exported.articles.map((a) => a.id)).toEqual(["2024-10-24-doha-talks"]);
    for (const gold of seedGold.quotes) {
      expect(exported.quotes).toContainEqual(
        expect.objectContaining({
          speaker: gold.speaker,
          speakerAsWritten: gold.speaker_as_written,
          type: gold.type,
          cue: gold.cue,
          text: gold.text,
          articleId: "2024-10-24-doha-talks",
          paragraph: gold.paragraph,
        }),
      );
    }
    const barnea = exported.entities.find((e) => e.name === "David Barnea")!;
    expect(barnea).toMatchObject({
      kind: "person",
      roles: ["the head of the Israeli Foreign Intelligence Service (Mossad)"],
    });
    const office = exported.entities.find((e) => e.name === "Office of Prime Minister Benjamin Netanyahu")!;
    expect(office.linkedTo).toBe("Benjamin Netanyahu");
    const meeting = exported.status.find((s) => s.citation?.paragraph === 9)!;
    expect(meeting.date).toMatchObject({ value: "2024-10-27", precision: "day" });
  });
});

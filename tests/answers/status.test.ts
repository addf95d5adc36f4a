import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { answerStatus, completeTopics, dateLabel } from "../../src/answers/status.js";
import type { Answer, AnswerItem, Reply } from "../../src/answers/types.js";
import type { KnowledgeBase } from "../../src/index/knowledge-base.js";
import { getTimeline } from "../../src/index/timeline.js";
import { loadKnowledge } from "../../src/knowledge/load.js";
import { buildKnowledgeBase } from "../../src/store/build.js";
import {
  article,
  sameSeedDate,
  seedArticle,
  seedGold,
  statusKnowledgeBase,
} from "../analysis/status-fixture.js";

function asAnswer(reply: Reply): Answer {
  if (reply.kind !== "answer") throw new Error(`Parley test: expected an answer, got: ${reply.message}`);
  return reply;
}

const itemsOf = (answer: Answer, heading: string): AnswerItem[] =>
  answer.sections.find((section) => section.heading === heading)?.items ?? [];

/** The ISO day a label starts with (`2024-10-27 · ...`), or null. */
const labelDay = (item: AnswerItem): string | null =>
  /^(\d{4}-\d{2}-\d{2})/.exec(item.label ?? "")?.[1] ?? null;

const seed = seedArticle();
// A later report: the Doha meeting took place; a new one is planned in Cairo.
const followUp = article("follow-up-2024-10-28", "2024-10-28", [
  "David Barnea met William Burns and the Qatari Prime Minister and Foreign Minister in Doha on Sunday.",
  "Negotiators will meet again in Cairo next Thursday to discuss the release of hostages.",
]);
const kb = statusKnowledgeBase([seed, followUp]);
const seedOnly = statusKnowledgeBase([seed]);

describe("answerStatus on the shipped article", () => {
  const answer = asAnswer(answerStatus(seedOnly));

  it("gives the latest state, then upcoming events, then history, in that order", () => {
    expect(answer.sections.map((section) => section.heading)).toEqual(["Latest", "Upcoming", "History"]);
  });

  it("lists upcoming events soonest first, the Doha meeting on 2024-10-27 before undated plans", () => {
    const upcoming = itemsOf(answer, "Upcoming");
    expect(labelDay(upcoming[0]!)).toBe("2024-10-27");
    expect(upcoming[0]!.citation.paragraph).toBe(9);
    const undated = upcoming.findIndex((item) => item.label?.startsWith("upcoming, no date"));
    expect(undated).toBeGreaterThan(0);
    expect(upcoming.slice(undated).every((item) => item.label?.startsWith("upcoming, no date"))).toBe(true);
  });

  it("puts last August's stop and the war's start in the history, newest first", () => {
    const history = itemsOf(answer, "History");
    const stop = history.findIndex((item) => item.citation.paragraph === 11);
    const war = history.findIndex((item) => item.citation.paragraph === 12);
    expect(history[stop]?.label).toBe("Aug 2024 · stalled");
    expect(labelDay(history[war]!)).toBe("2023-10-07");
    expect(stop).toBeLessThan(war);
  });

  it("shows every line verbatim, cited to its paragraph", () => {
    for (const section of answer.sections) {
      for (const item of section.items) {
        expect(seed.paragraphs[item.citation.paragraph - 1]).toContain(item.text);
        expect(item.citation.articleId).toBe(seed.id);
      }
    }
  });

  it("says what date it is as of", () => {
    expect(answer.facts).toContainEqual({ label: "As of", value: "24 Oct 2024 (newest article)" });
  });
});

describe("answerStatus across two articles", () => {
  const answer = asAnswer(answerStatus(kb));

  it("moves the meeting that has happened to the latest state and its plan to the history", () => {
    const latest = itemsOf(answer, "Latest");
    expect(latest[0]?.citation.articleId).toBe(followUp.id);
    expect(labelDay(latest[0]!)).toBe("2024-10-27");
    const history = itemsOf(answer, "History");
    expect(history.some((item) => item.citation.paragraph === 9 && item.citation.articleId === seed.id)).toBe(
      true,
    );
  });

  it("lists the next planned meeting as upcoming", () => {
    const upcoming = itemsOf(answer, "Upcoming");
    expect(labelDay(upcoming[0]!)).toBe("2024-10-31");
    expect(upcoming[0]?.label).toContain("Cairo");
  });

  it("orders the latest state by date, newest first", () => {
    const days = itemsOf(answer, "Latest")
      .map(labelDay)
      .filter((day): day is string => day !== null);
    expect(days).toEqual([...days].sort().reverse());
  });
});

describe("answerStatus TOPIC", () => {
  it("'talks' shows the Doha meeting on 2024-10-27 and the stop in August 2024", () => {
    const answer = asAnswer(answerStatus(seedOnly, "talks"));
    const labels = answer.sections.flatMap((section) => section.items.map((item) => item.label ?? ""));
    expect(labels.some((label) => label.startsWith("2024-10-27") && label.includes("Doha"))).toBe(true);
    expect(labels).toContain("Aug 2024 · stalled");
    expect(labels.some((label) => label.includes("background"))).toBe(false);
  });

  it("'Doha' keeps only events in Doha", () => {
    const answer = asAnswer(answerStatus(kb, "Doha"));
    const items = answer.sections.flatMap((section) => section.items);
    expect(items.length).toBeGreaterThan(2);
    expect(items.every((item) => item.label?.includes("Doha"))).toBe(true);
  });

  it("'hostages' keeps only sentences about hostages, prisoners or detainees", () => {
    const answer = asAnswer(answerStatus(kb, "hostages"));
    const items = answer.sections.flatMap((section) => section.items);
    expect(items.length).toBeGreaterThan(1);
    for (const item of items) expect(item.text).toMatch(/hostage|prisoner|detainee/i);
  });

  it("knows subjects by their other names: prisoners are hostages, a truce is a ceasefire", () => {
    const lines = (topic: string) =>
      asAnswer(answerStatus(kb, topic)).sections.flatMap((section) => section.items.map((item) => item.text));
    expect(lines("prisoners")).toEqual(lines("hostages"));
    expect(lines("truce")).toEqual(lines("ceasefire"));
    expect(lines("truce").some((text) => text.includes("truce negotiations"))).toBe(true);
  });

  it("narrows by several topics at once: 'hostages Cairo' is what is both about hostages and in Cairo", () => {
    const answer = asAnswer(answerStatus(kb, "hostages in Cairo"));
    const items = answer.sections.flatMap((section) => section.items);
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      expect(item.label).toContain("Cairo");
      expect(item.text).toMatch(/hostage|prisoner|detainee/i);
    }
    expect(answerStatus(kb, "hostages Barnea").kind).toBe("user-error");
  });

  it("maps a person by surname, full name, role words or a typo", () => {
    for (const topic of ["Barnea", "david barnea", "head of the Mossad", "Barnia"]) {
      const answer = asAnswer(answerStatus(kb, topic));
      expect(answer.title, topic).toContain("David Barnea");
      const paragraphs = answer.sections.flatMap((section) =>
        section.items.map((item) => item.citation.paragraph),
      );
      expect(paragraphs, topic).toContain(9);
    }
  });

  it("answers an unknown topic with a user error and topics to try", () => {
    const reply = answerStatus(kb, "weather forecast");
    expect(reply.kind).toBe("user-error");
    if (reply.kind !== "user-error") return;
    expect(reply.message).toMatch(/weather forecast/);
    expect(reply.suggestions.length).toBeGreaterThan(0);
    for (const suggestion of reply.suggestions) {
      const topic = suggestion.replace(/^\/status /, "");
      expect(answerStatus(kb, topic).kind, suggestion).toBe("answer");
    }
  });
});

describe("completeTopics", () => {
  it("completes places, people and subjects by prefix, at most `limit`, each at most 100 characters", () => {
    expect(completeTopics(kb, "Do")).toContain("Doha");
    expect(completeTopics(kb, "bar")).toContain("David Barnea");
    expect(completeTopics(kb, "host")).toContain("hostages");
    const all = completeTopics(kb, "", 5);
    expect(all).toHaveLength(5);
    for (const choice of completeTopics(kb, "")) expect(choice.length).toBeLessThanOrEqual(100);
  });

  it("offers only topics that /status answers", () => {
    for (const topic of completeTopics(kb, "", 100))
      expect(answerStatus(kb, topic).kind, topic).toBe("answer");
  });
});

describe("timeline and labels", () => {
  it("is built once per analysis object", () => {
    expect(getTimeline(kb.analysis)).toBe(getTimeline(kb.analysis));
    expect(getTimeline(seedOnly.analysis)).not.toBe(getTimeline(kb.analysis));
  });

  it("labels dates by precision", () => {
    const published = "2024-10-24";
    expect(
      dateLabel({ value: "2024-10-27", precision: "day", relation: "future", text: null }, published),
    ).toBe("2024-10-27");
    expect(dateLabel({ value: null, precision: "unknown", relation: "future", text: null }, published)).toBe(
      "upcoming, no date",
    );
    expect(
      dateLabel({ value: "2024-10-24", precision: "approx", relation: "present", text: null }, published),
    ).toBe("around 2024-10-24");
    expect(dateLabel({ value: null, precision: "n/a", relation: "unknown", text: null }, published)).toBe(
      "undated (reported 24 Oct 2024)",
    );
  });
});

describe("/status through the real build of the shipped knowledge folder", () => {
  let built: KnowledgeBase;
  beforeAll(async () => {
    const { articles } = await loadKnowledge(fileURLToPath(new URL("../../knowledge", import.meta.url)));
    built = buildKnowledgeBase(articles);
  });

  it("dates every gold status fact in its paragraph, with the real entity analysis", () => {
    for (const fact of seedGold.status) {
      const dated = built.analysis.status.filter(
        (event) => event.paragraph === fact.paragraph && sameSeedDate(event.date, fact),
      );
      expect(dated.length, `${fact.id} ¶${fact.paragraph}`).toBeGreaterThan(0);
    }
  });

  it("'talks' shows the Doha meeting on 2024-10-27 and the stop in Aug 2024, cited", () => {
    const answer = asAnswer(answerStatus(built, "talks"));
    const items = answer.sections.flatMap((section) => section.items);
    const meeting = items.find((item) => item.citation.paragraph === 9);
    expect(meeting?.label).toBe("2024-10-27 · scheduled meeting · Doha");
    expect(items.find((item) => item.citation.paragraph === 11)?.label).toBe("Aug 2024 · stalled");
  });

  it("maps people and bodies through the analysis: Barnea, Hamas, the Qatari prime minister", () => {
    const paragraphsFor = (topic: string): number[] =>
      asAnswer(answerStatus(built, topic)).sections.flatMap((section) =>
        section.items.map((item) => item.citation.paragraph),
      );
    expect(paragraphsFor("Barnea")).toContain(9);
    expect(paragraphsFor("Hamas")).toContain(11);
    expect(paragraphsFor("Sheikh Mohammed")).toContain(3);
  });

  it("completes topics from what the analysis found", () => {
    expect(completeTopics(built, "Bar")).toContain("David Barnea");
    expect(completeTopics(built, "")[0]).toBe("talks");
  });
});

describe("answerStatus at more than a screenful", () => {
  it("shows at most the section limits and says how many more there are", () => {
    const many = Array.from({ length: 30 }, (_, n) =>
      article(`many-${String(n).padStart(2, "0")}`, `2024-09-${String(n + 1).padStart(2, "0")}`, [
        `Negotiators met in Cairo on September ${n + 1} to discuss the release of hostages.`,
      ]),
    );
    const answer = asAnswer(answerStatus(statusKnowledgeBase(many)));
    const shown = answer.sections.reduce((sum, section) => sum + section.items.length, 0);
    expect(itemsOf(answer, "Latest").length).toBeLessThanOrEqual(8);
    expect(itemsOf(answer, "History").length).toBeLessThanOrEqual(10);
    const hidden = answer.notes
      .map((note) => /^(\d+) more in/.exec(note)?.[1])
      .filter((count): count is string => count !== undefined)
      .reduce((sum, count) => sum + Number(count), 0);
    expect(shown + hidden).toBe(30);
    expect(answer.notes.some((note) => note.startsWith("Narrow it with a topic"))).toBe(true);
  });
});

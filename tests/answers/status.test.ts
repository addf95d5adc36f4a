import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { generateCorpus } from "../../bench/generate.js";
import { answerStatus, completeTopics, dateLabel, HISTORY_SHOWN } from "../../src/answers/status.js";
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

/** The sentence of an item and of the other reports listed with it. */
const reportTexts = (item: AnswerItem): string[] => {
  return [item, ...(item.also ?? [])].map(
    (cited) =>
      [seed, followUp].find((each) => each.id === ("citation" in cited ? cited.citation : cited).articleId)
        ?.paragraphs[("citation" in cited ? cited.citation : cited).paragraph - 1] ?? "",
  );
};

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

  it("gives what comes next, then where things stand now, then the history on a page of its own", () => {
    expect(answer.sections.map((section) => section.heading)).toEqual(["Next", "Now", "Before"]);
    expect(answer.sections.map((section) => section.newPage ?? false)).toEqual([false, false, true]);
  });

  it("lists next events soonest first: the Doha meeting on 2024-10-27 (¶10 with it), then undated plans", () => {
    const next = itemsOf(answer, "Next");
    expect(labelDay(next[0]!)).toBe("2024-10-27");
    expect(next[0]!.citation.paragraph).toBe(9);
    expect(next[0]!.label).toMatch(/^2024-10-27 · scheduled meeting · Doha\b/);
    expect(next[0]!.also?.map((other) => other.paragraph)).toEqual([10]);
    expect(next.some((item) => item.citation.paragraph === 10)).toBe(false);
    const undated = next.findIndex((item) => item.label?.startsWith("upcoming, no date"));
    expect(undated).toBeGreaterThan(0);
    expect(next.slice(undated).every((item) => item.label?.startsWith("upcoming, no date"))).toBe(true);
  });

  it("says where things stand now: at most 4 lines, 2 from one article, newest first, within 14 days", () => {
    const now = itemsOf(answer, "Now");
    expect(now.length).toBeGreaterThan(0);
    expect(now.length).toBeLessThanOrEqual(2);
    for (const item of now) expect(labelDay(item) ?? "").toBe("2024-10-24");
  });

  it("puts last August's stop in the history, and leaves opinions and background out", () => {
    const before = itemsOf(answer, "Before");
    expect(before.find((item) => item.citation.paragraph === 11)?.label).toBe("Aug 2024 · stalled");
    const paragraphs = answer.sections.flatMap((section) =>
      section.items.map((item) => item.citation.paragraph),
    );
    expect(paragraphs).not.toContain(8); // critics' opinion
    expect(paragraphs).not.toContain(12); // casualties
  });

  it("lists every timeline entry once, with nothing left unreachable", () => {
    const shown = answer.sections.flatMap((section) => section.items);
    expect(shown).toHaveLength(getTimeline(seedOnly.analysis).entries.length);
    expect(answer.notes.some((note) => /not shown/.test(note))).toBe(false);
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
    expect(answer.asOf).toBe("2024-10-24");
  });
});

describe("answerStatus across two articles", () => {
  const answer = asAnswer(answerStatus(kb));

  it("puts the meeting that has happened in Now and its plan in Before, superseded by the newer report", () => {
    const now = itemsOf(answer, "Now");
    expect(now[0]?.citation.articleId).toBe(followUp.id);
    expect(labelDay(now[0]!)).toBe("2024-10-27");
    const plan = itemsOf(answer, "Before").find(
      (item) => item.citation.paragraph === 9 && item.citation.articleId === seed.id,
    );
    expect(plan?.label).toContain("superseded by Test Wire, 28 Oct 2024 ¶1");
    expect(plan?.data).toMatchObject({ kind: "event", superseded: true });
  });

  it("lists the next planned meeting first", () => {
    const next = itemsOf(answer, "Next");
    expect(labelDay(next[0]!)).toBe("2024-10-31");
    expect(next[0]?.label).toContain("Cairo");
  });

  it("orders Now by date, newest first", () => {
    const days = itemsOf(answer, "Now")
      .map(labelDay)
      .filter((day): day is string => day !== null);
    expect(days).toEqual([...days].sort().reverse());
  });

  it("counts from the newest article on the topic, not in the folder", () => {
    const stop = asAnswer(answerStatus(kb, "stalled"));
    expect(stop.asOf).toBe("2024-10-24");
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

  it("'hostages' keeps only entries with a report about hostages, prisoners or detainees", () => {
    const answer = asAnswer(answerStatus(kb, "hostages"));
    const items = answer.sections.flatMap((section) => section.items);
    expect(items.length).toBeGreaterThan(1);
    for (const item of items) expect(reportTexts(item).join(" ")).toMatch(/hostage|prisoner|detainee/i);
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
      expect(reportTexts(item).join(" ")).toMatch(/hostage|prisoner|detainee/i);
    }
    expect(answerStatus(kb, "stalled Cairo").kind).toBe("user-error");
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
    // Reported speech says whose words it is; ¶10 (the same meeting) is listed with it.
    expect(meeting?.label).toBe(
      "2024-10-27 · scheduled meeting · Doha · according to Office of Prime Minister Benjamin Netanyahu",
    );
    expect(meeting?.also?.map((other) => other.paragraph)).toEqual([10]);
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
  it("lists every entry (nothing behind a 'not shown' note), Now at most 4 lines, 2 per article", () => {
    const many = Array.from({ length: 30 }, (_, n) =>
      article(`many-${String(n).padStart(2, "0")}`, `2024-09-${String(n + 1).padStart(2, "0")}`, [
        `Negotiators met in Cairo on September ${n + 1} to discuss the release of hostages.`,
        `Negotiators also met in Doha on September ${n + 1} to discuss the ceasefire.`,
        `Mediators held talks in Amman on September ${n + 1} about aid.`,
      ]),
    );
    const built = statusKnowledgeBase(many);
    const answer = asAnswer(answerStatus(built));
    const shown = answer.sections.flatMap((section) => section.items);
    expect(shown).toHaveLength(getTimeline(built.analysis).entries.length);
    expect(new Set(shown.map((item) => `${item.citation.articleId}#${item.citation.paragraph}`)).size).toBe(
      shown.length,
    );
    const now = itemsOf(answer, "Now");
    expect(now.length).toBeLessThanOrEqual(4);
    const perArticle = new Map<string, number>();
    for (const item of now)
      perArticle.set(item.citation.articleId, (perArticle.get(item.citation.articleId) ?? 0) + 1);
    expect(Math.max(...perArticle.values())).toBeLessThanOrEqual(2);
    expect(answer.notes.some((note) => /not shown/.test(note))).toBe(false);
  });
});

describe("/status over a long history", () => {
  it("lists the newest history entries only, and counts the others in a note", () => {
    const kb = buildKnowledgeBase(generateCorpus(150).articles.map((file) => file.article));
    const history = getTimeline(kb.analysis).all.before;
    expect(history.length).toBeGreaterThan(HISTORY_SHOWN);
    const answer = answerStatus(kb) as Answer;
    const before = answer.sections.find((section) => section.heading === "Before");
    expect(before?.items).toHaveLength(HISTORY_SHOWN);
    // The newest ones, in the timeline's order.
    expect(before?.items[0]?.data).toMatchObject({ kind: "event" });
    expect(answer.notes).toContain(
      `${history.length - HISTORY_SHOWN} older entries not shown: a narrower topic (a place, a person, a body) lists its own history`,
    );
  });
});

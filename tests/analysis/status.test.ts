import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { classifyStatus } from "../../src/analysis/status/rules.js";
import { findStatusEvents } from "../../src/analysis/status/status.js";
import type { StatusEvent } from "../../src/analysis/types.js";
import type { Sentence } from "../../src/core/types.js";
import { loadKnowledge } from "../../src/knowledge/load.js";
import { splitArticle } from "../../src/text/sentences.js";
import { article, entitiesIn, goldEntities, sameSeedDate, seedGold } from "./status-fixture.js";

const knowledgeDir = fileURLToPath(new URL("../../knowledge", import.meta.url));

/**
 * A stand-in for the entity analysis: the gold people found by their written names (not pronouns).
 * The status code only needs entity ids per sentence; tests/status-answer.test.ts runs the real one.
 */
const goldPeopleIn = entitiesIn(goldEntities());

describe("findStatusEvents on the shipped article, against the gold status facts", () => {
  let events: StatusEvent[] = [];
  let sentences: Sentence[] = [];

  beforeAll(async () => {
    const { articles } = await loadKnowledge(knowledgeDir);
    const seed = articles.find((candidate) => candidate.published === seedGold.published);
    if (!seed) throw new Error("Parley test: the shipped article is missing from knowledge/");
    sentences = splitArticle(seed);
    events = findStatusEvents(seed, sentences, goldPeopleIn);
  });

  for (const fact of seedGold.status) {
    it(`${fact.id}: ¶${fact.paragraph} is dated ${fact.refers_to_date ?? "null"} (${fact.date_precision})`, () => {
      const inParagraph = events.filter((event) => event.paragraph === fact.paragraph);
      expect(inParagraph.length, `no status event in ¶${fact.paragraph}`).toBeGreaterThan(0);
      const matching = inParagraph.filter(
        (event) => event.paragraph === fact.paragraph && sameSeedDate(event.date, fact),
      );
      expect(
        matching.map((event) => event.date),
        JSON.stringify(inParagraph.map((e) => [e.category, e.date])),
      ).not.toHaveLength(0);
    });
  }

  it("gets the coarse category of most gold facts", () => {
    const agreeing = seedGold.status.filter((fact) =>
      events.some((event) => event.paragraph === fact.paragraph && event.category === fact.category),
    );
    // Categories are coarse hints; at least 9 of 11 agree (¶5's two sentences are two kinds of fact).
    expect(agreeing.length).toBeGreaterThanOrEqual(9);
  });

  it("places the Doha events in Doha and names the participants of the ¶9 meeting", () => {
    const meeting = events.find((event) => event.paragraph === 9)!;
    expect(meeting.place).toBe("Doha");
    expect(meeting.participants).toContain("person:david-barnea");
    expect(events.find((event) => event.paragraph === 1)?.place).toBe("Doha");
  });

  it("skips sentences that say nothing about the talks' status (¶4: a quote about the war's end)", () => {
    expect(events.filter((event) => event.paragraph === 4)).toEqual([]);
  });

  it("cites each event at a real sentence and is JSON-serialisable", () => {
    const ids = new Set(sentences.map((sentence) => sentence.id));
    for (const event of events) {
      expect(ids.has(`${event.articleId}#${event.paragraph}.${event.sentence}`)).toBe(true);
      expect(JSON.parse(JSON.stringify(event))).toEqual(event);
    }
  });
});

describe("findStatusEvents on short texts of our own", () => {
  const none = (): string[] => [];
  const eventsOf = (published: string, ...paragraphs: string[]): StatusEvent[] => {
    const own = article("own", published, paragraphs);
    return findStatusEvents(own, splitArticle(own), none);
  };

  it("dates an undated future plan as unknown, and a past report at publication, reported", () => {
    const [plan, report] = eventsOf(
      "2025-01-10",
      "Cairo will host a new round of talks.",
      "Negotiators resumed talks after a long pause.",
    );
    expect(plan).toMatchObject({ category: "scheduled_meeting", place: "Cairo" });
    expect(plan?.date).toMatchObject({ value: null, precision: "unknown", relation: "future" });
    expect(report).toMatchObject({ category: "talks_resuming" });
    expect(report?.date).toMatchObject({ value: "2025-01-10", precision: "reported" });
  });

  it("does not carry a plan's date to a later sentence that is not next to it", () => {
    const events = eventsOf(
      "2025-01-10",
      "The envoy will travel to Cairo next Monday for talks.",
      "Hamas and Israel have been negotiating for months.",
      "The delegations will meet again.",
    );
    expect(events.find((event) => event.paragraph === 1)?.date.value).toBe("2025-01-13");
    expect(events.find((event) => event.paragraph === 3)?.date).toMatchObject({
      value: null,
      precision: "unknown",
    });
  });

  it("never dates a plan by its announcement, and dates a future position when it is stated", () => {
    const events = eventsOf(
      "2024-01-19",
      "Riyadh is preparing to host a new round of negotiations, officials said on Monday.",
      "Hamas said it would not accept a delay on the release of the hostages.",
    );
    expect(events[0]).toMatchObject({ category: "scheduled_meeting", place: "Riyadh" });
    expect(events[0]?.date).toMatchObject({ value: null, precision: "unknown", relation: "future" });
    expect(events[1]?.date).toMatchObject({ value: "2024-01-19", precision: "reported" });
  });

  it("keeps background for sentences that do not name the talks, and obstacles for those that do", () => {
    expect(
      classifyStatus("With American support, the war has left more than 143,000 dead and wounded."),
    ).toBe("background_event");
    expect(classifyStatus("The mediators remained divided over the return of displaced families.")).toBe(
      "obstacle",
    );
    expect(classifyStatus("The delegation would continue to push for medical evacuations.")).not.toBe(
      "scheduled_meeting",
    );
  });

  it("never reads a refusal as a scheduled meeting", () => {
    expect(classifyStatus("Hamas will not attend the talks in Cairo.")).not.toBe("scheduled_meeting");
    expect(classifyStatus("Israel refused to send a delegation to the talks.")).toBe("obstacle");
    // Old `scheduled_meeting`, now the finer `delegation_sent` (categories.ts maps the old names).
    expect(classifyStatus("Israel will send a delegation to the talks.")).toBe("delegation_sent");
  });

  it("never reads a negated agreement as a deal", () => {
    expect(classifyStatus("The talks ended without reaching an agreement.")).toBe("stalled");
    expect(classifyStatus("Negotiators failed to reach a deal.")).not.toBe("deal_reached");
    expect(classifyStatus("Israel and Hamas reached a ceasefire deal on Wednesday.")).toBe("deal_reached");
    // Old `deal_implemented`, now the finer `ceasefire_started`.
    expect(classifyStatus("The ceasefire took effect on Sunday morning.")).toBe("ceasefire_started");
  });
});

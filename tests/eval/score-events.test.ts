import { describe, expect, it } from "vitest";
import {
  type ExportedEvent,
  type Gold,
  type GoldEvent,
  mapCategory,
  OLD_CATEGORY_MAP,
  scoreEvents,
} from "../../eval/score-events.js";

function goldEvent(paragraph: number, fields: Partial<GoldEvent>): GoldEvent {
  return {
    id: `a#${paragraph}`,
    articleId: "a",
    paragraph,
    published: "2025-01-15",
    category: "talks_held",
    date: { value: "2025-01-13", precision: "day" },
    participants: [],
    place: null,
    speaker: null,
    text: "",
    ...fields,
  };
}

function exported(paragraph: number, fields: Partial<ExportedEvent>): ExportedEvent {
  return {
    id: `a#${paragraph}.1:status`,
    category: "talks_held",
    date: { value: "2025-01-13", precision: "day" },
    published: "2025-01-15",
    citation: { articleId: "a", paragraph },
    ...fields,
  };
}

describe("scoreEvents", () => {
  const gold: Gold = {
    events: [
      goldEvent(1, {}),
      goldEvent(2, { category: "delegation_recalled", date: { value: "2025-01-14", precision: "day" } }),
      goldEvent(3, { category: "scheduled_meeting", date: { value: null, precision: "unknown" } }),
      goldEvent(4, { category: "position", date: { value: null, precision: "n/a" } }),
      goldEvent(5, {
        category: "obstacle",
        date: { value: "2025-01-13", precision: "approx", range: { from: "2025-01-13", to: "2025-01-14" } },
      }),
      goldEvent(6, { category: "stalled", date: { value: "2025-01-15", precision: "reported" } }),
    ],
    timeline: [{ id: "t", events: ["a#1", "a#2"], supersededBy: [] }],
  };

  it("matches by article and paragraph and counts categories and dates", () => {
    const score = scoreEvents(gold, {
      status: [
        exported(1, {}),
        // Found, wrong category (the old code's label for a recall), wrong day.
        exported(2, { category: "scheduled_meeting", date: { value: "2025-01-21", precision: "day" } }),
        exported(3, { category: "scheduled_meeting", date: { value: null, precision: "unknown" } }),
        // Right range end wrong: a date is right only with its range.
        exported(5, {
          category: "obstacle",
          date: { value: "2025-01-13", precision: "approx", range: { from: "2025-01-13", to: "2025-01-19" } },
        }),
        // Today's "publication date, approx" is issue 12's "reported".
        exported(6, { category: "stalled", date: { value: "2025-01-15", precision: "approx" } }),
      ],
    });
    expect(score.found).toEqual({ right: 5, of: 5 });
    expect(score.categories).toEqual({ right: 4, of: 5 });
    expect(score.dates).toEqual({ right: 2, of: 4 });
    expect(score.undated).toEqual({ right: 1, of: 1 });
    expect(score.nonEventsFound).toEqual({ right: 0, of: 1 });
    expect(score.timelineMerged).toBeNull();
    expect(score.misses.map((miss) => `${miss.gold} ${miss.problem}`)).toEqual([
      "a#2 category",
      "a#2 date",
      "a#5 date",
    ]);
  });

  it("counts a missing event as not found and its date as wrong", () => {
    const score = scoreEvents(gold, { status: [exported(7, {})] });
    expect(score.found).toEqual({ right: 0, of: 5 });
    expect(score.dates).toEqual({ right: 0, of: 4 });
    expect(score.datesOfFound).toEqual({ right: 0, of: 0 });
  });

  it("gives one exported event to one gold event, preferring the gold category", () => {
    const twoInOne: Gold = {
      events: [
        goldEvent(1, { category: "deal_reached" }),
        goldEvent(1, { id: "a#1b", category: "talks_held" }),
      ],
      timeline: [],
    };
    const score = scoreEvents(twoInOne, {
      status: [
        exported(1, { id: "a#1.1:status" }),
        exported(1, { id: "a#1.2:status", category: "deal_reached" }),
      ],
    });
    expect(score.found).toEqual({ right: 2, of: 2 });
    expect(score.categories).toEqual({ right: 2, of: 2 });
  });

  it("scores merges when the export carries a timeline", () => {
    const both = { status: [exported(1, {}), exported(2, { category: "delegation_recalled" })] };
    const merged = scoreEvents(gold, { ...both, timeline: [{ events: ["a#1.1:status", "a#2.1:status"] }] });
    expect(merged.timelineMerged).toEqual({ right: 1, of: 1 });
    expect(merged.timelineListedTwice).toBe(0);
    const split = scoreEvents(gold, {
      ...both,
      timeline: [{ events: ["a#1.1:status"] }, { events: ["a#2.1:status"] }],
    });
    expect(split.timelineMerged).toEqual({ right: 0, of: 1 });
    expect(split.timelineListedTwice).toBe(1);
  });
});

describe("mapCategory", () => {
  it("maps every old category and accepts the new names", () => {
    for (const old of Object.keys(OLD_CATEGORY_MAP)) expect(mapCategory(old)).not.toBeNull();
    expect(mapCategory("ceasefire_ended")).toBe("ceasefire_ended");
    expect(mapCategory("no_such_category")).toBeNull();
  });
});

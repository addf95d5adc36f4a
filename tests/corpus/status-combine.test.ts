import { describe, expect, it } from "vitest";
import { findStatusEvents } from "../../src/analysis/status/status.js";
import type { StatusEvent } from "../../src/analysis/types.js";
import type { Article } from "../../src/core/types.js";
import { buildTimeline, combineStatus, type TimelineEntry } from "../../src/corpus/status-combine.js";
import { splitArticle } from "../../src/text/sentences.js";
import { article, entitiesIn, goldEntities } from "../analysis/status-fixture.js";

const entities = goldEntities();
const eventsOf = (each: Article): StatusEvent[] =>
  findStatusEvents(each, splitArticle(each), entitiesIn(entities));
const byText = (events: StatusEvent[], each: Article, paragraph: number): StatusEvent => {
  const found = events.find((event) => event.articleId === each.id && event.paragraph === paragraph);
  if (!found) throw new Error(`Parley test: no status event in ${each.id} ¶${paragraph}`);
  return found;
};

// Sunday 20 October: the plan as first reported.
const older = article("older", "2024-10-20", [
  "David Barnea will travel to Doha next Sunday to meet William Burns.",
  "The negotiations stopped last August without reaching an agreement.",
  "David Barnea will visit Cairo on November 10 for talks with Egyptian officials.",
]);
// Thursday 24 October: the same meeting, reported again with more participants.
const newer = article("newer", "2024-10-24", [
  "David Barnea will go to Doha on Sunday, and will meet with William Burns and the Qatari Prime Minister and Foreign Minister.",
  "Qatar said talks would resume in Doha, and negotiators will meet again next week in Doha.",
]);

/** The entry holding the report in `each` ¶`paragraph`. */
const entryOf = (entries: TimelineEntry[], each: Article, paragraph: number): TimelineEntry => {
  const found = entries.find((entry) =>
    entry.reports.some((report) => report.articleId === each.id && report.paragraph === paragraph),
  );
  if (!found) throw new Error(`Parley test: no entry for ${each.id} ¶${paragraph}`);
  return found;
};

describe("buildTimeline: one entry per event, however many articles report it", () => {
  const olderEvents = eventsOf(older);
  const newerEvents = eventsOf(newer);
  const entries = buildTimeline([...olderEvents, ...newerEvents]);

  it("makes the two reports of the same Doha meeting one entry, the earliest exact report leading", () => {
    expect(byText(olderEvents, older, 1).date.value).toBe("2024-10-27");
    expect(byText(newerEvents, newer, 1).date.value).toBe("2024-10-27");
    const meeting = entryOf(entries, older, 1);
    expect(meeting).toBe(entryOf(entries, newer, 1));
    expect(meeting.lead.articleId).toBe("older");
    expect(meeting.reports.map((report) => report.articleId)).toEqual(["older", "newer"]);
    expect(meeting.supersededBy).toBeNull();
    expect(meeting.published).toBe("2024-10-24");
  });

  it("keeps what is another event apart (a stall, a meeting elsewhere)", () => {
    expect(entryOf(entries, older, 2).reports).toHaveLength(1);
    expect(entryOf(entries, older, 3).reports).toHaveLength(1);
    expect(entryOf(entries, older, 3)).not.toBe(entryOf(entries, older, 1));
  });

  it("lists no report twice and leaves opinions and background out", () => {
    const reports = entries.flatMap((entry) => entry.reports);
    expect(new Set(reports).size).toBe(reports.length);
    const own = article("own", "2024-10-24", [
      "Critics believe the problem lies in Washington.",
      "The war has left more than 40,000 dead.",
    ]);
    expect(buildTimeline(eventsOf(own))).toEqual([]);
  });

  it("joins two sentences of one article only for the same exact day (a lede and its details)", () => {
    const same = article("same", "2024-10-24", [
      "David Barnea will go to Doha next Sunday.",
      "David Barnea will go to Doha next Sunday, the office said.",
      "David Barnea will go to Doha on November 3.",
      "Negotiators will meet in Doha soon.",
      "Negotiators will meet in Doha again.",
    ]);
    const entries = buildTimeline(eventsOf(same));
    // ¶4 continues ¶3's dated plan (date basis "context"); ¶5 is not next to a dated plan.
    expect(entries.map((entry) => entry.reports.map((report) => report.paragraph)).sort()).toEqual([
      [1, 2],
      [3, 4],
      [5],
    ]);
  });

  it("does not depend on the order of its input", () => {
    const reversed = buildTimeline([...newerEvents, ...olderEvents]);
    const shape = (list: TimelineEntry[]) =>
      list.map((entry) => entry.reports.map((report) => report.id)).sort();
    expect(shape(reversed)).toEqual(shape(entries));
  });

  it("joins an undated plan to a dated plan for the same place reported within days", () => {
    const vague = article("vague", "2024-10-18", ["Israeli negotiators will hold talks in Doha."]);
    const result = buildTimeline([...eventsOf(vague), ...newerEvents]);
    expect(entryOf(result, vague, 1)).toBe(entryOf(result, newer, 1));
    expect(entryOf(result, vague, 1).lead.articleId).toBe("newer");
  });

  it("keeps meetings two days apart apart, and joins the two days of one round", () => {
    const met = (id: string, published: string, day: number, place = "Cairo") =>
      article(id, published, [`Negotiators met in ${place} on September ${day} to discuss the hostages.`]);
    const first = met("first", "2024-09-02", 1);
    const second = met("second", "2024-09-04", 3);
    const again = article("again", "2024-09-05", [
      "Negotiators met in Cairo on September 3, officials said.",
    ]);
    const result = buildTimeline([first, second, again].flatMap(eventsOf));
    expect(entryOf(result, first, 1)).not.toBe(entryOf(result, second, 1));
    expect(entryOf(result, second, 1)).toBe(entryOf(result, again, 1));
    const opened = met("opened", "2024-09-11", 11, "Doha");
    const closed = met("closed", "2024-09-12", 12, "Doha");
    const round = buildTimeline([opened, closed].flatMap(eventsOf));
    expect(round).toHaveLength(1);
  });

  it("does not merge different dates", () => {
    const later = article("later", "2024-10-25", [
      "David Barnea will go to Doha on November 3 to meet William Burns.",
    ]);
    const result = buildTimeline([...newerEvents, ...eventsOf(later)]);
    expect(entryOf(result, newer, 1)).not.toBe(entryOf(result, later, 1));
  });
});

describe("supersession: a later report that changes an entry", () => {
  const plan = article("plan", "2024-10-24", [
    "David Barnea will go to Doha next Sunday to meet William Burns.",
  ]);
  const held = article("held", "2024-10-28", ["David Barnea met William Burns in Doha on Sunday."]);

  it("marks a plan carried out as superseded by the report that it happened; the report itself holds", () => {
    const entries = buildTimeline([...eventsOf(plan), ...eventsOf(held)]);
    expect(entryOf(entries, plan, 1).supersededBy).toBe(entryOf(entries, held, 1));
    expect(entryOf(entries, held, 1).supersededBy).toBeNull();
    const flags = combineStatus([...eventsOf(plan), ...eventsOf(held)]).map((event) => event.superseded);
    expect(flags).toEqual([true, false]);
  });

  it("never lets a report supersede one in its own article, or an older one a newer", () => {
    const both = article("both", "2024-10-28", [
      "David Barnea will go to Doha on November 3 to meet William Burns.",
      "David Barnea met William Burns in Doha on Sunday.",
    ]);
    expect(buildTimeline(eventsOf(both)).every((entry) => entry.supersededBy === null)).toBe(true);
    const early = article("early", "2024-10-20", ["David Barnea met William Burns in Doha on Sunday."]);
    const entries = buildTimeline([...eventsOf(early), ...eventsOf(plan)]);
    expect(entries.every((entry) => entry.supersededBy === null)).toBe(true);
  });

  it("marks a plan postponed, a truce ended and a stall ended by a resumption, never a fact that holds", () => {
    const plan = article("plan2", "2024-09-05", ["Negotiators will meet in Cairo on Monday."]);
    const postponed = article("postponed", "2024-09-07", [
      "The talks in Cairo have been postponed to next Thursday, officials said.",
    ]);
    const started = article("started", "2024-10-14", ["The truce took effect on Sunday."]);
    const ended = article("ended", "2024-10-19", ["The truce collapsed on Friday as strikes resumed."]);
    const stall = article("stall", "2024-08-01", ["The negotiations have stalled."]);
    const resumed = article("resumed", "2024-08-20", ["The negotiations resumed on Monday."]);
    const all = [plan, postponed, started, ended, stall, resumed];
    const entries = buildTimeline(all.flatMap(eventsOf));
    expect(entryOf(entries, postponed, 1).lead.category).toBe("talks_postponed");
    expect(entryOf(entries, postponed, 1).lead.date.value).toBe("2024-09-12");
    expect(entryOf(entries, plan, 1).supersededBy).toBe(entryOf(entries, postponed, 1));
    expect(entryOf(entries, started, 1).supersededBy).toBe(entryOf(entries, ended, 1));
    expect(entryOf(entries, stall, 1).supersededBy).toBe(entryOf(entries, resumed, 1));
    for (const later of [postponed, ended, resumed])
      expect(entryOf(entries, later, 1).supersededBy).toBeNull();
  });
});

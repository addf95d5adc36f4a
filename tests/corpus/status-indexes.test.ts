/**
 * The timeline's look-ups (status-candidates.ts, status-supersede.ts) must find what the plain scans
 * they replace find: the first group in month order that takes a report, and every entry a change
 * supersedes when every pair in the window is tested. Random reports written here, many to a few days,
 * so that most pairs are close in date and the indexes have work to do.
 */
import { describe, expect, it } from "vitest";
import { isoDayNumber } from "../../src/analysis/dates/calendar.js";
import type { DatePrecision, StatusCategory, StatusEvent } from "../../src/analysis/types.js";
import { DatedGroups, monthsOf } from "../../src/corpus/status-candidates.js";
import {
  type Group,
  groupOf,
  type Item,
  itemOf,
  joinGroup,
  SLACK_DAYS,
  SUPERSEDE_WINDOW_DAYS,
} from "../../src/corpus/status-match.js";
import { markSuperseded, supersedes } from "../../src/corpus/status-supersede.js";

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CATEGORIES: StatusCategory[] = [
  "scheduled_meeting",
  "talks_held",
  "talks_postponed",
  "delegation_sent",
  "deadline",
  "stalled",
  "talks_resuming",
  "suspended",
];
const PLACES = [null, null, null, "Doha", "Cairo"];
const PARTIES = ["person:ann-lee", "person:bo-chan", "organisation:cabinet-of-israel", "country:israel"];
const BASE = isoDayNumber("2025-01-10");
const isoOf = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

function randomEvent(next: () => number, n: number): StatusEvent {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const published = BASE + Math.floor(next() * 75);
  const day = published + Math.floor(next() * 12) - 6;
  const precision = pick<DatePrecision>([
    "day",
    "day",
    "day",
    "reported",
    "approx",
    "week",
    "month",
    "unknown",
  ]);
  const value = precision === "unknown" ? null : precision === "month" ? isoOf(day).slice(0, 7) : isoOf(day);
  const range =
    precision === "week" ? { from: isoOf(day - (day % 7)), to: isoOf(day - (day % 7) + 6) } : undefined;
  const participants = PARTIES.filter(() => next() < 0.25);
  return {
    id: `e${n}`,
    articleId: `a${Math.floor(next() * 40)}`,
    paragraph: 1 + Math.floor(next() * 4),
    sentence: 1,
    category: pick(CATEGORIES),
    date: {
      value,
      precision,
      relation: day > published ? "future" : "past",
      text: null,
      ...(range ? { range } : {}),
    },
    participants,
    place: pick(PLACES),
    published: isoOf(published),
    superseded: false,
    dateBasis: precision === "reported" ? "publication" : precision === "unknown" ? "none" : "expression",
  };
}

/** A group of the given reports, as the timeline build makes one (lead first). */
function groupOfAll(items: Item[]): Group {
  const group = groupOf(items[0]!);
  for (const item of items.slice(1)) joinGroup(group, item);
  return group;
}

describe("DatedGroups: the group a month-by-month scan would find", () => {
  it("finds the same first group as scanning every group of the report's months in filing order", () => {
    const next = random(7);
    let compared = 0;
    let found = 0;
    for (let round = 0; round < 20; round++) {
      const dated = new DatedGroups();
      const byMonth = new Map<number, Group[]>();
      const holding = new Map<string, Group[]>();
      const events = Array.from({ length: 300 }, (_, n) => randomEvent(next, round * 1000 + n));
      for (const event of events) {
        const item = itemOf(event);
        if (item.span === null) continue;
        // The contract of `first`: a group takes a report only when its dates reach the report's span,
        // and it has a report dated by its own words, names the report's venue or holds its article.
        const reaches = (group: Group) =>
          item.span![0] - SLACK_DAYS <= group.earliestEnd && group.latestStart - SLACK_DAYS <= item.span![1];
        const links = (group: Group) =>
          group.own.precisions.size > 0 ||
          (event.place !== null && group.place === event.place) ||
          group.articles.has(event.articleId);
        const takes = (group: Group) => reaches(group) && links(group) && next() < 0.5;
        // `takes` is random: decide once per group so both searches see the same answers.
        const answers = new Map<Group, boolean>();
        const decided = (group: Group) => {
          if (!answers.has(group)) answers.set(group, takes(group));
          return answers.get(group)!;
        };
        let expected: Group | undefined;
        for (const month of monthsOf(item.span)) {
          expected = byMonth.get(month)?.find(decided);
          if (expected) break;
        }
        const got = dated.first(
          "k",
          item.span,
          event.place,
          holding.get(event.articleId) ?? [],
          (group) => reaches(group) && links(group),
          decided,
        );
        expect(got).toBe(expected);
        compared++;
        let group = got;
        if (group) {
          found++;
          joinGroup(group, item);
        } else group = groupOf(item);
        holding.set(event.articleId, [...(holding.get(event.articleId) ?? []), group]);
        dated.file("k", group, item.span);
        for (const month of monthsOf(item.span)) {
          const list = byMonth.get(month) ?? [];
          if (!list.includes(group)) list.push(group);
          byMonth.set(month, list);
        }
      }
    }
    expect(compared).toBeGreaterThan(4000);
    expect(found).toBeGreaterThan(500);
  });
});

describe("markSuperseded: what testing every pair in the window gives", () => {
  it("marks the same entries superseded, by the same newer entries", () => {
    const next = random(11);
    let marked = 0;
    for (let round = 0; round < 30; round++) {
      const events = Array.from({ length: 250 }, (_, n) => randomEvent(next, round * 1000 + n));
      const items = events.map(itemOf);
      const make = () => {
        const groups: Group[] = [];
        for (let at = 0; at < items.length; at += 2) {
          const pair = [items[at]!, items[at + 1]!].filter(
            (item, index, both) => index === 0 || item.event.articleId !== both[0]!.event.articleId,
          );
          groups.push(groupOfAll(next() < 0.5 ? pair : [pair[0]!]));
        }
        return groups.sort((a, b) => a.firstPublished - b.firstPublished);
      };
      const fast = make();
      const slow = fast.map((group) => groupOfAll(group.items));
      for (const step of markSuperseded(fast, () => false)) void step;
      for (const newer of slow)
        for (const older of slow) {
          if (older.firstPublished > newer.firstPublished) break;
          if (newer.firstPublished - older.firstPublished > SUPERSEDE_WINDOW_DAYS) continue;
          if (older.entry.supersededBy === null && supersedes(newer, older))
            older.entry.supersededBy = newer.entry;
        }
      const outcome = (groups: Group[]) => groups.map((group) => group.entry.supersededBy?.id ?? null);
      expect(outcome(fast)).toEqual(outcome(slow));
      marked += outcome(fast).filter((id) => id !== null).length;
    }
    expect(marked).toBeGreaterThan(100);
  });
});

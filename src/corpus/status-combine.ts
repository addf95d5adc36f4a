/**
 * One timeline across articles (issue 13). Talk events are grouped into entries:
 * - **the same event** reported by several articles is one entry: same category (a proposal made and
 *   one on the table count as one), both plans or both done, a compatible place (the same, or one
 *   unnamed) and participants (one shared, or one side names none), and dates within the reports'
 *   precision. Its lead report is the one with the most precise date, then the earliest; the others are
 *   listed with it. A plan continuing the previous sentence's plan (date basis `context`) joins it;
 *   otherwise sentences of one article are different events;
 * - **supersession**: a later entry that changes an older one (a plan postponed or carried out, a stall
 *   or suspension ended by a resumption, a ceasefire ended, a deadline replaced) supersedes it; the older
 *   entry stays in the history, `supersededBy` the newer. A fact that still holds (talks held, a deal
 *   reached) is never superseded.
 * Opinions and background (`position`, `background_event`) are not talk events and get no entry.
 * Candidates are looked up by category and month, so the cost stays about linear at 10,000 articles.
 */

import { isoDayNumber } from "../analysis/dates/calendar.js";
import { isTalkEvent } from "../analysis/status/categories.js";
import type { StatusCategory, StatusEvent } from "../analysis/types.js";
import { pauseEvery, runToEnd, type Steps } from "../core/slices.js";
import { spanOf } from "./status-span.js";

export { spanOf };

/** Reports further apart than this (publication) are not the same undated plan. */
const UNDATED_WINDOW_DAYS = 30;
/** How far back (publication) a change looks for the entry it changes. */
const SUPERSEDE_WINDOW_DAYS = 60;
/** Days of slack between two dates that are not both exact days. */
const SLACK_DAYS = 2;

/** One thing that happened (or will), with every report of it. */
export interface TimelineEntry {
  /** The lead report's id. */
  id: string;
  /** The report shown: the most precise date, then the earliest report. */
  lead: StatusEvent;
  /** Every report, lead first, then by publication. */
  reports: StatusEvent[];
  /** The newer entry that changes this one (postponed, held, ended, resumed), or null. */
  supersededBy: TimelineEntry | null;
  /** Entity ids of the participants of any report. */
  participants: string[];
  /** The newest report's publication date. */
  published: string;
}

interface Item {
  event: StatusEvent;
  span: [number, number] | null;
  publishedDay: number;
  plan: boolean;
}

interface Group {
  entry: TimelineEntry;
  items: Item[];
  firstPublished: number;
  lastPublished: number;
}

/** Categories that are one event when they name the same thing ("the proposal" made / on the table). */
const SAME_AS: Partial<Record<StatusCategory, StatusCategory>> = { proposal_made: "proposal_on_table" };
const mergeKey = (category: StatusCategory): StatusCategory => SAME_AS[category] ?? category;

/** Calendar month of a day number (years * 12 + month), for filing. */
function monthOf(day: number): number {
  const date = new Date(day * 86_400_000);
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
}

/** Rank of a date's precision: higher is more precise. */
function precisionRank(event: StatusEvent): number {
  const { date } = event;
  if (date.value === null) return 0;
  if (event.dateBasis === "publication" || date.precision === "reported") return 1;
  switch (date.precision) {
    case "day":
      return 6;
    case "week":
      return 5;
    case "month":
      return 3;
    case "year":
      return 2;
    default:
      return date.range ? 4 : 3; // approx
  }
}

function isPlan(event: StatusEvent, span: [number, number] | null, publishedDay: number): boolean {
  if (event.date.relation === "future") return true;
  return span !== null && span[0] > publishedDay;
}

const compatiblePlace = (a: StatusEvent, b: StatusEvent): boolean =>
  a.place === null || b.place === null || a.place === b.place;

/** Participants that are people or bodies (a place named in the sentence is not a party). */
const parties = (event: StatusEvent): string[] => event.participants.filter((id) => !id.startsWith("place:"));

/** Words too common in body names to tell two parties apart. */
const COMMON_WORDS = new Set([
  "of",
  "the",
  "and",
  "office",
  "prime",
  "minister",
  "ministry",
  "foreign",
  "head",
  "person",
  "organisation",
]);

/** The words of a party's id ("organisation:cabinet-of-israel" -> cabinet, israel), demonyms as countries. */
function partyWords(id: string): string[] {
  return id
    .split(/[:-]/)
    .filter((word) => word.length > 2 && !COMMON_WORDS.has(word))
    .map((word) => (word.endsWith("i") && word.length > 5 ? word.slice(0, -1) : word)); // israeli -> israel
}

/**
 * One party shared (the same entity, or a name word: "Israeli cabinet" and "Cabinet of Israel", the
 * names analysis not having merged them), or one side names none.
 */
function compatibleParties(a: StatusEvent, b: StatusEvent): boolean {
  const left = parties(a);
  const right = parties(b);
  if (left.length === 0 || right.length === 0 || left.some((id) => right.includes(id))) return true;
  const words = new Set(left.flatMap(partyWords));
  return right.some((id) => partyWords(id).some((word) => words.has(word)));
}

/** Both name the same venue, or a party in common. */
function linked(a: StatusEvent, b: StatusEvent): boolean {
  if (a.place !== null && a.place === b.place) return true;
  return parties(a).length > 0 && parties(b).length > 0 && compatibleParties(a, b);
}

const blank = (event: StatusEvent): boolean => event.place === null && parties(event).length === 0;

/**
 * Two reports dated alike by their own words (both an exact day, both "next week") need only not to
 * contradict each other on who takes part. Otherwise (a day against a week, two undated plans, dates
 * that are only the publication's) one date says little about the other: they must name the same
 * venue or a party in common (or, both dated, neither names anything).
 */
function linkedEnough(a: Item, b: Item): boolean {
  const own = (item: Item): boolean => item.span !== null && item.event.date.precision !== "reported";
  const alike = own(a) && own(b) && a.event.date.precision === b.event.date.precision;
  if (alike) return compatibleParties(a.event, b.event);
  if (own(a) && own(b)) return linked(a.event, b.event) || (blank(a.event) && blank(b.event));
  // A report with no date of its own (or a plan without one) names the same venue as the other: parties
  // alone ("Israel", "Hamas") are in too many reports of a few days to tell events apart.
  return a.event.place !== null && a.event.place === b.event.place;
}

/** Dates within the reports' precision: the same day when both give one, else overlapping with slack. */
function compatibleDates(a: Item, b: Item, exactSlack: number): boolean {
  if (a.span === null || b.span === null) {
    // An undated plan is the same as another plan reported close to it.
    return a.plan && b.plan && Math.abs(a.publishedDay - b.publishedDay) <= UNDATED_WINDOW_DAYS;
  }
  const exact = a.event.date.precision === "day" && b.event.date.precision === "day";
  // Calendar periods (a week, a month, a year) have edges: October is not November.
  const periods = PERIODS.has(a.event.date.precision) && PERIODS.has(b.event.date.precision);
  const slack = exact ? exactSlack : periods ? 0 : SLACK_DAYS;
  return a.span[0] - slack <= b.span[1] && b.span[0] - slack <= a.span[1];
}

const PERIODS: ReadonlySet<string> = new Set(["week", "month", "year"]);

/** Meetings held over two days ("opened Thursday", "ended Friday") are one round. */
const exactSlackOf = (category: StatusCategory): number => (category === "talks_held" ? 1 : 0);

/**
 * Within one article, two sentences are one event only when the second continues the first (a plan
 * dated by the sentence before) or both give the same exact day (a lede and the paragraph that
 * details it).
 */
function sameInArticle(other: Item, item: Item): boolean {
  if (item.event.dateBasis === "context" && item.event.paragraph - other.event.paragraph <= 1) return true;
  return (
    other.event.date.precision === "day" &&
    item.event.date.precision === "day" &&
    other.event.dateBasis === "expression" &&
    item.event.dateBasis === "expression" &&
    compatibleDates(other, item, exactSlackOf(item.event.category))
  );
}

function sameEvent(group: Group, item: Item): boolean {
  for (const other of group.items)
    if (other.event.articleId === item.event.articleId && !sameInArticle(other, item)) return false;
  // Every report must fit (no chains: meetings on the 1st, 2nd and 3rd are not one), one must share a
  // party. A plan and the report that it happened are one event when the dates agree.
  // (Within an article the same exact day is enough: the lede and its details name different people.)
  return (
    group.items.every(
      (other) =>
        compatiblePlace(other.event, item.event) &&
        compatibleDates(other, item, exactSlackOf(item.event.category)),
    ) &&
    group.items.some((other) => linkedEnough(other, item) || other.event.articleId === item.event.articleId)
  );
}

/**
 * What a newer report changes: older categories, whether the older must be a plan, and how the dates
 * relate (`same`: carried out on the planned date; `after`: a change comes after what it changes;
 * `any`: a postponement moves the date).
 */
interface Change {
  older: readonly StatusCategory[];
  planOnly: boolean;
  date: "same" | "after" | "any";
}

const MEETING_PLANS: readonly StatusCategory[] = ["scheduled_meeting", "talks_postponed", "delegation_sent"];
const HALTS: readonly StatusCategory[] = ["stalled", "suspended", "mediation_suspended"];

const CHANGES: Partial<Record<StatusCategory, readonly Change[]>> = {
  talks_postponed: [{ older: MEETING_PLANS, planOnly: true, date: "any" }],
  talks_held: [
    { older: MEETING_PLANS, planOnly: true, date: "same" },
    { older: HALTS, planOnly: false, date: "after" },
  ],
  talks_resuming: [{ older: HALTS, planOnly: false, date: "after" }],
  suspended: [
    { older: ["scheduled_meeting"], planOnly: true, date: "any" },
    { older: ["talks_resuming"], planOnly: false, date: "after" },
  ],
  delegation_recalled: [{ older: ["delegation_sent"], planOnly: false, date: "after" }],
  ceasefire_ended: [{ older: ["ceasefire_started"], planOnly: false, date: "after" }],
  deal_approved: [{ older: ["scheduled_meeting"], planOnly: true, date: "same" }],
  proposal_accepted: [{ older: ["proposal_under_review"], planOnly: false, date: "after" }],
  proposal_rejected: [{ older: ["proposal_under_review"], planOnly: false, date: "after" }],
};

/** Plans that a later plan of the same kind with another date reschedules. */
const RESCHEDULED: ReadonlySet<StatusCategory> = new Set(["scheduled_meeting", "delegation_sent"]);

/** Some report of one group and some report of the other name the same venue or a party in common. */
const linkedAny = (one: Group, other: Group): boolean =>
  one.items.some((a) => other.items.some((b) => linked(a.event, b.event)));

const sameStart = (a: Item, b: Item): boolean =>
  a.span !== null && b.span !== null && a.span[0] === b.span[0];

/** Whether `newer` (reported later) changes `older`: see {@link CHANGES}. */
function supersedes(newer: Group, older: Group): boolean {
  if (older.entry.supersededBy !== null || newer === older || newer.entry.supersededBy === older.entry)
    return false;
  if (newer.firstPublished < older.firstPublished) return false;
  // A change is news from a later report: sentences of one article tell one state of things.
  const olderArticles = new Set(older.items.map((item) => item.event.articleId));
  if (
    !newer.items.some(
      (item) => item.publishedDay >= older.firstPublished && !olderArticles.has(item.event.articleId),
    )
  )
    return false;
  const a = newer.items[0]!;
  const b = older.items[0]!;
  if (!compatiblePlace(a.event, b.event) || !compatibleParties(a.event, b.event)) return false;
  // A change to a plan names the plan: the same venue or a party in common (or, when one names nothing,
  // the same exact day: "will continue tomorrow" -> "ended Friday"). States of the one process (a stall,
  // a truce) need only not contradict.
  const sameDay =
    a.event.date.precision === "day" && b.event.date.precision === "day" && compatibleDates(a, b, 1);
  const names = linkedAny(newer, older) || (sameDay && (blank(a.event) || blank(b.event)));
  const newCategory = a.event.category;
  const oldCategory = b.event.category;
  if (newCategory === oldCategory) {
    // A plan carried out on its date ("will vote tonight" -> "approved"), a plan or a deadline moved.
    if (b.plan && !a.plan) return names && compatibleDates({ ...a, plan: true }, b, 1);
    if (newCategory === "deadline") return names && a.event.date.value !== b.event.date.value;
    return b.plan && RESCHEDULED.has(newCategory) && linked(a.event, b.event) && !sameStart(a, b);
  }
  for (const change of CHANGES[newCategory] ?? []) {
    if (!change.older.includes(oldCategory) || (change.planOnly && !(b.plan && names))) continue;
    if (change.date === "any") return true;
    if (change.date === "same")
      return b.span === null || compatibleDates({ ...a, plan: true }, { ...b, plan: true }, 1);
    return a.span === null || b.span === null || a.span[1] >= b.span[0];
  }
  return false;
}

/**
 * The talk events as timeline entries, in order of their first report (oldest first). Events are
 * read, never changed; entries hold the event objects.
 *
 * @example
 * buildTimeline([reuters, afp]) // one entry: lead = the report with the exact date, reports = [lead, other]
 */
export function buildTimeline(events: readonly StatusEvent[]): TimelineEntry[] {
  return runToEnd(buildTimelineSteps(events));
}

/** {@link buildTimeline} as steps that pause now and then (see core/slices.ts). */
export function* buildTimelineSteps(events: readonly StatusEvent[]): Steps<TimelineEntry[]> {
  const pause = pauseEvery(512);
  const items: Item[] = [];
  for (const event of events) {
    if (!isTalkEvent(event.category)) continue;
    const span = spanOf(event.date);
    const publishedDay = isoDayNumber(event.published);
    items.push({ event, span, publishedDay, plan: isPlan(event, span, publishedDay) });
    if (pause()) yield;
  }
  items.sort(
    (a, b) =>
      a.publishedDay - b.publishedDay ||
      (a.event.articleId < b.event.articleId ? -1 : a.event.articleId > b.event.articleId ? 1 : 0) ||
      a.event.paragraph - b.event.paragraph ||
      a.event.sentence - b.event.sentence,
  );
  yield;

  // Same event: groups filed by merge key and week (undated ones by merge key alone).
  const groups: Group[] = [];
  const byWeek = new Map<string, Group[]>();
  const undated = new Map<string, Group[]>();
  // Filed by month (a year spans twelve): a December report finds a "last year" one, and the reverse.
  const weeksOf = (span: [number, number]): number[] => {
    const first = monthOf(span[0] - SLACK_DAYS);
    const last = Math.min(monthOf(span[1] + SLACK_DAYS), first + 13);
    const months: number[] = [];
    for (let month = first; month <= last; month++) months.push(month);
    return months;
  };

  for (const item of items) {
    if (pause()) yield;
    const key = mergeKey(item.event.category);
    let found: Group | undefined;
    if (item.span === null) {
      const list = undated.get(key) ?? [];
      for (let at = list.length - 1; at >= 0 && !found; at--) {
        const group = list[at]!;
        if (item.publishedDay - group.lastPublished > UNDATED_WINDOW_DAYS) break;
        if (sameEvent(group, item)) found = group;
      }
      // An undated plan joins a dated plan for the same thing reported close to it.
      if (!found && item.plan) {
        for (const group of groups.slice(-200).reverse()) {
          if (mergeKey(group.items[0]!.event.category) !== key || !group.items[0]!.plan) continue;
          if (item.publishedDay - group.lastPublished > UNDATED_WINDOW_DAYS) continue;
          if (group.items.some((other) => other.span !== null) && sameEventUndated(group, item)) {
            found = group;
            break;
          }
        }
      }
    } else {
      for (const week of weeksOf(item.span)) {
        for (const group of byWeek.get(`${key}|${week}`) ?? []) {
          if (!found && sameEvent(group, item)) found = group;
        }
        if (found) break;
      }
      if (!found && item.plan) {
        // A dated plan joins an earlier undated report of the same plan.
        const list = undated.get(key) ?? [];
        for (let at = list.length - 1; at >= 0 && !found; at--) {
          const group = list[at]!;
          if (item.publishedDay - group.lastPublished > UNDATED_WINDOW_DAYS) break;
          if (sameEventUndated(group, item)) found = group;
        }
      }
    }
    if (found) {
      found.items.push(item);
      found.lastPublished = item.publishedDay;
      if (item.span !== null) {
        for (const week of weeksOf(item.span)) push(byWeek, `${key}|${week}`, found);
      }
      continue;
    }
    const group: Group = {
      entry: {
        id: item.event.id,
        lead: item.event,
        reports: [item.event],
        supersededBy: null,
        participants: [],
        published: item.event.published,
      },
      items: [item],
      firstPublished: item.publishedDay,
      lastPublished: item.publishedDay,
    };
    groups.push(group);
    if (item.span === null) push(undated, key, group);
    else for (const week of weeksOf(item.span)) push(byWeek, `${key}|${week}`, group);
  }
  yield;

  for (const group of groups) finish(group);
  yield* markSuperseded(groups, pause);
  return groups.map((group) => group.entry);
}

/** An undated plan and a group of the same plan: same place and parties, reported close together. */
function sameEventUndated(group: Group, item: Item): boolean {
  // A plan reported after its date has passed is another plan.
  const stillAhead = (other: Item): boolean =>
    other.span === null || other.span[1] >= Math.max(item.publishedDay, other.publishedDay);
  return (
    group.items.every((other) => other.event.articleId !== item.event.articleId && stillAhead(other)) &&
    group.items.some(
      (other) =>
        other.plan &&
        item.plan &&
        other.event.place !== null &&
        other.event.place === item.event.place &&
        compatibleParties(other.event, item.event),
    )
  );
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) {
    if (list.at(-1) !== value) list.push(value);
  } else map.set(key, [value]);
}

/** Lead, reports in order, participants and newest publication of a finished group. */
function finish(group: Group): void {
  let lead = group.items[0]!;
  for (const item of group.items) if (precisionRank(item.event) > precisionRank(lead.event)) lead = item;
  const reports = [lead.event, ...group.items.filter((item) => item !== lead).map((item) => item.event)];
  const participants = new Set<string>();
  for (const event of reports) for (const id of event.participants) participants.add(id);
  let published = "";
  for (const item of group.items) if (item.event.published > published) published = item.event.published;
  Object.assign(group.entry, {
    id: lead.event.id,
    lead: lead.event,
    reports,
    participants: [...participants],
    published,
  });
  // The lead first: supersession compares leads.
  group.items.sort((a, b) => (a === lead ? -1 : b === lead ? 1 : 0));
}

/** Newer entries that change older ones (see {@link CHANGES}); oldest changes first. */
function* markSuperseded(groups: readonly Group[], pause: () => boolean): Steps<void> {
  const byCategory = new Map<StatusCategory, Group[]>();
  for (const group of groups) push(byCategory, group.items[0]!.event.category, group);
  for (const newer of groups) {
    if (pause()) yield;
    const category = newer.items[0]!.event.category;
    const older = [...(CHANGES[category] ?? []).flatMap((change) => change.older), category];
    for (const oldCategory of new Set(older)) {
      // Groups are in order of their first report: scan back from the newest, within the window.
      const list = byCategory.get(oldCategory) ?? [];
      for (let at = list.length - 1; at >= 0; at--) {
        const candidate = list[at]!;
        if (candidate.firstPublished > newer.lastPublished) continue;
        if (newer.firstPublished - candidate.firstPublished > SUPERSEDE_WINDOW_DAYS) break;
        if (supersedes(newer, candidate)) candidate.entry.supersededBy = newer.entry;
      }
    }
  }
}

/**
 * The same events, with every report whose timeline entry a newer entry changes marked
 * `superseded: true` (copies; the input is not changed). Reports merged into one entry are not
 * superseded: they are the same event.
 *
 * @example combineStatus([plannedMeeting, postponement]).map((event) => event.superseded) // [true, false]
 */
export function combineStatus(events: readonly StatusEvent[]): StatusEvent[] {
  return runToEnd(combineStatusSteps(events));
}

/** {@link combineStatus} as steps that pause now and then (see core/slices.ts), for reloads. */
export function* combineStatusSteps(events: readonly StatusEvent[]): Steps<StatusEvent[]> {
  const entries = yield* buildTimelineSteps(events);
  const superseded = new Set<StatusEvent>();
  for (const entry of entries)
    if (entry.supersededBy) for (const report of entry.reports) superseded.add(report);
  return events.map((event) =>
    superseded.has(event) && !event.superseded ? { ...event, superseded: true } : event,
  );
}

/**
 * When two reports can be of the same thing (corpus/status-combine.ts, status-supersede.ts): the
 * reports as items and groups, and the place, party and date comparisons both use.
 */
import { isoDayNumber } from "../analysis/dates/calendar.js";
import type { StatusCategory, StatusEvent } from "../analysis/types.js";
import { spanOf } from "./status-span.js";

/** Reports further apart than this (publication) are not the same undated plan. */
export const UNDATED_WINDOW_DAYS = 30;
/** How far back (publication) a change looks for the entry it changes. */
export const SUPERSEDE_WINDOW_DAYS = 60;
/** Days of slack between two dates that are not both exact days. */
export const SLACK_DAYS = 2;

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

export interface Item {
  event: StatusEvent;
  span: [number, number] | null;
  publishedDay: number;
  plan: boolean;
  /** Participants that are people or bodies (a place named in the sentence is not a party). */
  parties: readonly string[];
  /** Every word of its parties' ids, once (filled on first use; see compatibleParties). */
  partyWords?: ReadonlySet<string>;
}

export interface Group {
  entry: TimelineEntry;
  items: Item[];
  firstPublished: number;
  lastPublished: number;
  /** Its reports by article. */
  articles: Map<string, Item[]>;
  /** The venue its reports name (they name at most one), or null. */
  place: string | null;
  /** The latest start and earliest end of its dated reports (-/+Infinity when none is dated). */
  latestStart: number;
  earliestEnd: number;
  /** What its reports dated by their own words name, for {@link mayLink}: see {@link noteLinks}. */
  own: OwnLinks;
}

export function isPlan(event: StatusEvent, span: [number, number] | null, publishedDay: number): boolean {
  if (event.date.relation === "future") return true;
  return span !== null && span[0] > publishedDay;
}

export const compatiblePlace = (a: StatusEvent, b: StatusEvent): boolean =>
  a.place === null || b.place === null || a.place === b.place;

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

const partyWordsCache = new Map<string, readonly string[]>();

/** The words of a party's id ("organisation:cabinet-of-israel" -> cabinet, israel), demonyms as countries. */
export function partyWords(id: string): readonly string[] {
  let words = partyWordsCache.get(id);
  if (!words) {
    words = id
      .split(/[:-]/)
      .filter((word) => word.length > 2 && !COMMON_WORDS.has(word))
      .map((word) => (word.endsWith("i") && word.length > 5 ? word.slice(0, -1) : word)); // israeli -> israel
    // Ids are few (entities), pairs many: keep them all, but never without bound.
    if (partyWordsCache.size > 100_000) partyWordsCache.clear();
    partyWordsCache.set(id, words);
  }
  return words;
}

/** Every party word of a report, once. */
export function partyWordsOf(item: Item): ReadonlySet<string> {
  item.partyWords ??= new Set(item.parties.flatMap(partyWords));
  return item.partyWords;
}

/**
 * One party shared (the same entity, or a name word: "Israeli cabinet" and "Cabinet of Israel", the
 * names analysis not having merged them), or one side names none. Asked for every pair of candidate
 * reports, so it reads what {@link itemOf} and {@link partyWordsOf} computed once per report.
 */
export function compatibleParties(a: Item, b: Item): boolean {
  const left = a.parties;
  const right = b.parties;
  if (left.length === 0 || right.length === 0) return true;
  for (const id of left) if (right.includes(id)) return true;
  const words = partyWordsOf(a);
  for (const word of partyWordsOf(b)) if (words.has(word)) return true;
  return false;
}

/** Both name the same venue, or a party in common. */
export function linked(a: Item, b: Item): boolean {
  if (a.event.place !== null && a.event.place === b.event.place) return true;
  return a.parties.length > 0 && b.parties.length > 0 && compatibleParties(a, b);
}

export const blank = (item: Item): boolean => item.event.place === null && item.parties.length === 0;

/** What a group's reports dated by their own words name (see {@link mayLink}). */
export interface OwnLinks {
  /** Their date precisions. */
  precisions: Set<string>;
  /** The date precisions of those naming no party. */
  partylessPrecisions: Set<string>;
  /** Whether one names neither a party nor a venue. */
  blank: boolean;
  /** The ids (after a NUL) and name words of their parties. */
  partyTokens: Set<string>;
}

const noLinks = (): OwnLinks => ({
  precisions: new Set(),
  partylessPrecisions: new Set(),
  blank: false,
  partyTokens: new Set(),
});

/** Notes what a report dated by its own words names in its group's {@link Group.own}. */
function noteLinks(group: Group, item: Item): void {
  if (!own(item)) return;
  const links = group.own;
  const { precision } = item.event.date;
  links.precisions.add(precision);
  if (item.parties.length === 0) {
    links.partylessPrecisions.add(precision);
    if (item.event.place === null) links.blank = true;
    return;
  }
  for (const id of item.parties) links.partyTokens.add(`\u0000${id}`);
  for (const word of partyWordsOf(item)) links.partyTokens.add(word);
}

/**
 * Whether some report of the group could be {@link linkedEnough} to `item` (as `a`, the item as `b`),
 * from what the group holds as a whole (its reports name at most one venue). Never false when one
 * report links, so it only saves testing every report.
 */
export function mayLink(group: Group, item: Item): boolean {
  if (item.event.place !== null && group.place === item.event.place) return true;
  // Apart from a shared venue, both must be dated by their own words.
  if (!own(item)) return false;
  const links = group.own;
  const { precision } = item.event.date;
  if (item.parties.length === 0)
    // Alike dates need only compatible parties (none named is compatible); else both blank.
    return links.precisions.has(precision) || (item.event.place === null && links.blank);
  // A report naming no party is compatible with alike dates; else they must share a party.
  if (links.partylessPrecisions.has(precision)) return true;
  for (const id of item.parties) if (links.partyTokens.has(`\u0000${id}`)) return true;
  for (const word of partyWordsOf(item)) if (links.partyTokens.has(word)) return true;
  return false;
}

/** A new group of one report (its entry is completed when the group is finished). */
export function groupOf(item: Item): Group {
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
    articles: new Map(),
    place: null,
    latestStart: Number.NEGATIVE_INFINITY,
    earliestEnd: Number.POSITIVE_INFINITY,
    own: noLinks(),
  };
  noteReport(group, item);
  return group;
}

/** Adds a report (the newest published) to a group. */
export function joinGroup(group: Group, item: Item): void {
  group.items.push(item);
  group.lastPublished = item.publishedDay;
  noteReport(group, item);
}

/**
 * Notes what a new report tells about its group, for the O(1) tests of the merge: its venue, what it
 * names, and where its date is. Every dated report must overlap another's date (with at most
 * SLACK_DAYS of slack), so a report joining must start before the earliest end and end after the
 * latest start.
 */
function noteReport(group: Group, item: Item): void {
  const same = group.articles.get(item.event.articleId);
  if (same) same.push(item);
  else group.articles.set(item.event.articleId, [item]);
  if (item.event.place !== null) group.place = item.event.place;
  noteLinks(group, item);
  if (item.span === null) return;
  group.latestStart = Math.max(group.latestStart, item.span[0]);
  group.earliestEnd = Math.min(group.earliestEnd, item.span[1]);
}

/** Dated by its own words (not only the publication's). */
export function own(item: Item): boolean {
  return item.span !== null && item.event.date.precision !== "reported";
}

/**
 * Two reports dated alike by their own words (both an exact day, both "next week") need only not to
 * contradict each other on who takes part. Otherwise (a day against a week, two undated plans, dates
 * that are only the publication's) one date says little about the other: they must name the same
 * venue or a party in common (or, both dated, neither names anything).
 */
export function linkedEnough(a: Item, b: Item): boolean {
  const alike = own(a) && own(b) && a.event.date.precision === b.event.date.precision;
  if (alike) return compatibleParties(a, b);
  if (own(a) && own(b)) return linked(a, b) || (blank(a) && blank(b));
  // A report with no date of its own (or a plan without one) names the same venue as the other: parties
  // alone ("Israel", "Hamas") are in too many reports of a few days to tell events apart.
  return a.event.place !== null && a.event.place === b.event.place;
}

/** Dates within the reports' precision: the same day when both give one, else overlapping with slack. */
export function compatibleDates(a: Item, b: Item, exactSlack: number): boolean {
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

export const PERIODS: ReadonlySet<string> = new Set(["week", "month", "year"]);

/** Meetings held over two days ("opened Thursday", "ended Friday") are one round. */
export const exactSlackOf = (category: StatusCategory): number => (category === "talks_held" ? 1 : 0);

/** A report as an item: its date's span, its publication day, whether it is a plan. */
export function itemOf(event: StatusEvent): Item {
  const span = spanOf(event.date);
  const publishedDay = isoDayNumber(event.published);
  const parties = event.participants.filter((id) => !id.startsWith("place:"));
  return { event, span, publishedDay, plan: isPlan(event, span, publishedDay), parties };
}

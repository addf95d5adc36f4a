/**
 * Across articles, the newest report of a thing wins: an older report of the same thing (same category,
 * same place, overlapping participants, a compatible date) becomes history (`superseded: true`).
 *
 * Reports are processed newest first, and each is compared only with the current reports filed under
 * the same category, place and week (or year, for long spans) that share a participant or name none;
 * undated ones only with reports published
 * within {@link UNDATED_WINDOW_DAYS}. Linear in practice at 10,000 articles.
 */

import { isoDayNumber } from "../analysis/dates/calendar.js";
import type { ResolvedDate, StatusCategory, StatusEvent } from "../analysis/types.js";
import { pauseEvery, runToEnd, type Steps } from "../core/slices.js";

/** Days either side within which two reports can be of the same event, unless both name an exact day. */
const SLACK_DAYS = 2;
/** An undated report is the same thing as a newer one only when published this close to it. */
const UNDATED_WINDOW_DAYS = 30;
/** Longer spans (a year) are filed under their year, not day by day. */
const LONG_SPAN_DAYS = 62;

/** Positions and obstacles are someone's: only the same set of people. */
const PERSONAL: ReadonlySet<StatusCategory> = new Set(["position", "obstacle"]);

interface Item {
  event: StatusEvent;
  index: number;
  publishedDay: number;
  /** First and last day the date stands for; null when undated. */
  span: [number, number] | null;
  future: boolean;
}

/**
 * The days a date may stand for, as day numbers (see dates-calendar.ts); null when undated.
 * Approximate days count three days either side.
 *
 * @example spanOf({ value: "1970-01", precision: "month", relation: "past", text: null }) // [0, 30]
 */
export function spanOf(date: ResolvedDate): [number, number] | null {
  const value = date.value;
  if (value === null) return null;
  if (date.range) return [isoDayNumber(date.range.from), isoDayNumber(date.range.to)];
  if (value.length === 4) return [isoDayNumber(`${value}-01-01`), isoDayNumber(`${value}-12-31`)];
  if (value.length === 7) {
    const first = isoDayNumber(`${value}-01`);
    const year = Number(value.slice(0, 4));
    const month = Number(value.slice(5, 7));
    const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, "0")}-01`;
    return [first, isoDayNumber(next) - 1];
  }
  const day = isoDayNumber(value);
  // A day reported by publication only is as vague as an approximate one.
  return date.precision === "approx" || date.precision === "reported" ? [day - 3, day + 3] : [day, day];
}

/** Dated reports are filed by week (or by year, for long spans: negative, never a week number). */
const weekOf = (day: number): number => Math.floor(day / 7);
const yearBucket = (day: number): number => -1 - Math.floor(day / 365.25);

function sameParticipants(a: StatusEvent, b: StatusEvent): boolean {
  if (PERSONAL.has(a.category)) return true; // already in the bucket key
  if (a.participants.length === 0 || b.participants.length === 0) return true;
  return a.participants.some((id) => b.participants.includes(id));
}

function datesOverlap(a: Item, b: Item): boolean {
  if (a.span === null || b.span === null) return false;
  // Two exact days must be the same day: meetings on the 1st and the 3rd are two meetings.
  const slack = a.event.date.precision === "day" && b.event.date.precision === "day" ? 0 : SLACK_DAYS;
  return a.span[0] - slack <= b.span[1] && b.span[0] - slack <= a.span[1];
}

/** The newest filed report within the undated window, scanning from the oldest winner (nearest in time). */
function recentMatch(list: readonly Item[] | undefined, item: Item): Item | undefined {
  if (!list) return undefined;
  for (let at = list.length - 1; at >= 0; at--) {
    const winner = list[at]!;
    if (winner.publishedDay - item.publishedDay > UNDATED_WINDOW_DAYS) break;
    if (winner.event.articleId !== item.event.articleId && sameParticipants(winner.event, item.event))
      return winner;
  }
  return undefined;
}

/** The current reports of one week: all of them, those without participants, and by participant. */
interface Week {
  all: Item[];
  unnamed: Item[];
  byParticipant: Map<string, Item[]>;
}

/** Current reports of one category and place: dated ones by week (or year), undated ones by kind. */
interface Bucket {
  weeks: Map<number, Week>;
  undated: Map<string, Item[]>;
  /** Dated plans, newest report first: an undated plan of the same thing is older news. */
  datedFuture: Item[];
}

function push<K>(map: Map<K, Item[]>, key: K, item: Item): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

/** The weeks (or the year) a dated item is filed under, widened by `slack` days. */
function weeksOf(item: Item, slack: number): [number, number] {
  const [first, last] = item.span!;
  if (last - first > LONG_SPAN_DAYS) return [yearBucket(first), yearBucket(first)];
  return [weekOf(first - slack), weekOf(last + slack)];
}

function fileDated(bucket: Bucket, item: Item): void {
  const [from, to] = weeksOf(item, 0);
  for (let key = from; key <= to; key++) {
    let week = bucket.weeks.get(key);
    if (!week) {
      week = { all: [], unnamed: [], byParticipant: new Map() };
      bucket.weeks.set(key, week);
    }
    week.all.push(item);
    if (item.event.participants.length === 0) week.unnamed.push(item);
    for (const id of item.event.participants) push(week.byParticipant, id, item);
  }
}

/** The first current report in `list` that can be the same thing as `item` (another article, same dates). */
function firstMatch(list: readonly Item[] | undefined, item: Item): Item | undefined {
  if (!list) return undefined;
  for (const winner of list) {
    if (winner.event.articleId !== item.event.articleId && datesOverlap(winner, item)) return winner;
  }
  return undefined;
}

function newerDated(bucket: Bucket, item: Item): Item | undefined {
  const [from, to] = weeksOf(item, SLACK_DAYS);
  const participants = item.event.participants;
  const anyone = participants.length === 0 || PERSONAL.has(item.event.category);
  for (let key = from; key <= to; key++) {
    const week = bucket.weeks.get(key);
    if (!week) continue;
    if (anyone) {
      const found = firstMatch(week.all, item);
      if (found) return found;
      continue;
    }
    // Only reports that share a participant, or name none, can be the same thing.
    let found = firstMatch(week.unnamed, item);
    for (let at = 0; !found && at < participants.length; at++)
      found = firstMatch(week.byParticipant.get(participants[at]!), item);
    if (found) return found;
  }
  return undefined;
}

/**
 * The same events, with every report that a newer report of the same thing supersedes marked
 * `superseded: true` (copies: the input is not changed; events not superseded are returned as they are). Reports in the same article never
 * supersede each other; on the same publication date the article id decides, so the result is stable.
 *
 * @example
 * combineStatus([olderMeetingReport, newerMeetingReport]).map((event) => event.superseded) // [true, false]
 */
export function combineStatus(events: readonly StatusEvent[]): StatusEvent[] {
  return runToEnd(combineStatusSteps(events));
}

/** {@link combineStatus} as steps that pause now and then (see core/slices.ts), for reloads. */
export function* combineStatusSteps(events: readonly StatusEvent[]): Steps<StatusEvent[]> {
  const pause = pauseEvery(1024);
  const items: Item[] = [];
  for (let index = 0; index < events.length; index++) {
    const event = events[index]!;
    items.push({
      event,
      index,
      publishedDay: isoDayNumber(event.published),
      span: spanOf(event.date),
      future: event.date.relation === "future",
    });
    if (pause()) yield;
  }
  // Newest first; on the same day, by article id (ranked once, so the sort compares numbers).
  const articleRank = new Map(
    [...new Set(events.map((event) => event.articleId))].sort().map((id, at) => [id, at]),
  );
  const rankOf = new Int32Array(events.length);
  for (const item of items) rankOf[item.index] = articleRank.get(item.event.articleId)!;
  yield;
  const order = [...items].sort(
    (a, b) => b.publishedDay - a.publishedDay || rankOf[a.index]! - rankOf[b.index]!,
  );
  yield;
  const buckets = new Map<string, Bucket>();
  const superseded = new Uint8Array(events.length);

  for (const item of order) {
    if (pause()) yield;
    const { event } = item;
    const personal = PERSONAL.has(event.category) ? `|${[...event.participants].sort().join(",")}` : "";
    const key = `${event.category}|${event.place ?? ""}${personal}`;
    let bucket = buckets.get(key);
    if (!bucket) {
      bucket = { weeks: new Map(), undated: new Map(), datedFuture: [] };
      buckets.set(key, bucket);
    }
    const newer =
      item.span === null
        ? (recentMatch(bucket.undated.get(event.date.precision), item) ??
          (item.future ? recentMatch(bucket.datedFuture, item) : undefined))
        : newerDated(bucket, item);
    if (newer) {
      superseded[item.index] = 1;
      continue;
    }
    if (item.span === null) push(bucket.undated, event.date.precision, item);
    else {
      fileDated(bucket, item);
      if (item.future) bucket.datedFuture.push(item);
    }
  }

  yield;
  // Only superseded reports are copied: the others are returned as they are (and never changed).
  return events.map((event, index) =>
    superseded[index] === 1 && !event.superseded ? { ...event, superseded: true } : event,
  );
}

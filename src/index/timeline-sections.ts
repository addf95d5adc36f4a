/**
 * The answer's three sections (issue 13) for a list of timeline entries, against a reference date
 * (the newest article on the topic, so answers are reproducible):
 * - **Next**: entries dated after the reference date, soonest first; then plans without a date
 *   reported within {@link NOW_WINDOW_DAYS} days;
 * - **Now**: the latest entries dated on or before it, within {@link NOW_WINDOW_DAYS} days, newest first,
 *   at most {@link NOW_LIMIT} and at most {@link NOW_PER_ARTICLE} from one article;
 * - **Before**: everything else (superseded entries included), newest first. Nothing is dropped.
 */
import { isoDayNumber } from "../analysis/dates/calendar.js";
import type { TimelineEntry } from "../corpus/status-combine.js";
import { spanOf } from "../corpus/status-span.js";

export const NOW_WINDOW_DAYS = 14;
export const NOW_LIMIT = 4;
export const NOW_PER_ARTICLE = 2;

export interface TimelineSections {
  /** The reference date: the newest report among the entries (ISO), or null when there are none. */
  asOf: string | null;
  next: readonly TimelineEntry[];
  now: readonly TimelineEntry[];
  before: readonly TimelineEntry[];
}

/** Where an entry sits in time: the day it names (or its span), for placing and ordering. */
export interface Placed {
  entry: TimelineEntry;
  /** The day named, else the span's first day, else the publication day (undated). */
  sortDay: number;
  /** The day named, else the span's last day; null when undated. */
  endDay: number | null;
  /** Lead's precision rank, for ties: an exact day before an approximate one. */
  precise: number;
}

export function placeEntry(entry: TimelineEntry): Placed {
  const { date, published } = entry.lead;
  const span = spanOf(date);
  const { value } = date;
  // The day named ("around 2024-10-27" is the 27th, not a week around it), else the period.
  const day = value?.length === 10 && !date.range ? isoDayNumber(value) : null;
  const sortDay = day ?? span?.[0] ?? isoDayNumber(published);
  const endDay = day ?? span?.[1] ?? null;
  const precise = value === null ? 0 : date.precision === "day" ? 3 : date.range ? 2 : 1;
  return { entry, sortDay, endDay, precise };
}

/** Newest first: date, then precision, then the newest report, then reading order. */
export function newestFirst(a: Placed, b: Placed): number {
  return (
    b.sortDay - a.sortDay ||
    b.precise - a.precise ||
    (a.entry.published < b.entry.published ? 1 : a.entry.published > b.entry.published ? -1 : 0) ||
    (a.entry.lead.articleId < b.entry.lead.articleId
      ? -1
      : a.entry.lead.articleId > b.entry.lead.articleId
        ? 1
        : 0) ||
    a.entry.lead.paragraph - b.entry.lead.paragraph ||
    a.entry.lead.sentence - b.entry.lead.sentence
  );
}

/**
 * The sections of `placed` (already newest first) against the newest report among them.
 *
 * @example
 * sectionsOf(placedNewestFirst).next[0]?.lead.date.value // "2024-10-27"
 */
export function sectionsOf(placed: readonly Placed[]): TimelineSections {
  let asOf: string | null = null;
  for (const { entry } of placed) if (asOf === null || entry.published > asOf) asOf = entry.published;
  if (asOf === null) return { asOf, next: [], now: [], before: [] };
  const reference = isoDayNumber(asOf);
  const next: Placed[] = [];
  const undatedNext: Placed[] = [];
  const now: TimelineEntry[] = [];
  const before: TimelineEntry[] = [];
  const perArticle = new Map<string, number>();
  for (const item of placed) {
    const { entry } = item;
    if (entry.supersededBy !== null) {
      before.push(entry);
      continue;
    }
    const plan = entry.lead.date.relation === "future";
    if (item.endDay === null) {
      const recent = isoDayNumber(entry.published) >= reference - NOW_WINDOW_DAYS;
      if (plan && recent) undatedNext.push(item);
      else if (!plan && recent && fitsNow(entry, now, perArticle)) now.push(entry);
      else before.push(entry);
      continue;
    }
    if (item.endDay > reference) next.push(item);
    else if (item.endDay >= reference - NOW_WINDOW_DAYS && fitsNow(entry, now, perArticle)) now.push(entry);
    else before.push(entry);
  }
  // Soonest first; on the same day the more precise report first.
  next.sort((a, b) => a.sortDay - b.sortDay || b.precise - a.precise || newestFirst(a, b));
  return { asOf, next: [...next, ...undatedNext].map((item) => item.entry), now, before };
}

function fitsNow(entry: TimelineEntry, now: TimelineEntry[], perArticle: Map<string, number>): boolean {
  if (now.length >= NOW_LIMIT) return false;
  const article = entry.lead.articleId;
  const count = perArticle.get(article) ?? 0;
  if (count >= NOW_PER_ARTICLE) return false;
  perArticle.set(article, count + 1);
  return true;
}

/** One topic: its label and its entries, newest first. */
export interface Topic {
  label: string;
  placed: Placed[];
}

/** Which section (latest, upcoming, history) an event belongs in, and the orders within them. */
import type { StatusCategory, StatusEvent } from "../analysis/types.js";

/** Days before the newest article that still count as the latest state. */
export const LATEST_WINDOW_DAYS = 14;
/** Undated plans count as upcoming when reported this recently. */
export const UNDATED_UPCOMING_DAYS = 14;
/** Categories that describe how things stand when reported ("the plan is still on the table"). */
export const STATES: ReadonlySet<StatusCategory> = new Set(["proposal_on_table", "obstacle", "position"]);

export type SectionName = keyof TimelineSections;
export const SECTION_NAMES: readonly SectionName[] = ["latest", "upcoming", "history"];

export interface Placed {
  event: StatusEvent;
  index: number;
  /** Day used to order: the date's first day, or publication when undated. */
  sortDay: number;
  /** Last day the date stands for, or null when undated. */
  endDay: number | null;
  publishedDay: number;
  /** The topics it belongs to. */
  topics: Topic[];
}

export function sectionOf(item: Placed, horizon: number): SectionName {
  const { event } = item;
  if (event.superseded) return "history";
  const future = event.date.relation === "future";
  if (future && item.endDay === null && item.publishedDay >= horizon - UNDATED_UPCOMING_DAYS)
    return "upcoming";
  if (item.endDay !== null && item.endDay > horizon) return "upcoming";
  if (future || event.category === "background_event") return "history";
  if (item.publishedDay < horizon - LATEST_WINDOW_DAYS) return "history";
  // Events count by their own date ("stopped last August" is history); states by the report's.
  if (STATES.has(event.category) || item.endDay === null || item.endDay >= horizon - LATEST_WINDOW_DAYS)
    return "latest";
  return "history";
}

/** Day numbers shifted to be positive (1790-2149), so two fit one sort key. */
export const DAY_OFFSET = 2 ** 16;
export const DAY_SCALE = 2 ** 17;

/** Newest date first, then newest report. */
export const newestFirst = (item: Placed): number =>
  -((item.sortDay + DAY_OFFSET) * DAY_SCALE + item.publishedDay + DAY_OFFSET);

/** Soonest date first, undated plans last; then newest report. */
export const soonestFirst = (item: Placed): number =>
  (item.endDay === null ? 2 ** 40 : (item.sortDay + DAY_OFFSET) * DAY_SCALE) +
  (DAY_SCALE - 1 - (item.publishedDay + DAY_OFFSET));

/** `items` sorted by a numeric key, ties in their original order (numbers, not objects, are compared). */
export function sortedBy(items: readonly Placed[], key: (item: Placed) => number): Placed[] {
  const keys = new Float64Array(items.length);
  for (let at = 0; at < items.length; at++) keys[at] = key(items[at]!);
  const order = new Uint32Array(items.length);
  for (let at = 0; at < order.length; at++) order[at] = at;
  order.sort((a, b) => keys[a]! - keys[b]! || a - b);
  return Array.from(order, (at) => items[at]!);
}

export interface TimelineSections {
  /** Current reports from the newest articles, newest date first. */
  latest: readonly StatusEvent[];
  /** Events after the newest article's date, soonest first; undated plans last. */
  upcoming: readonly StatusEvent[];
  /** Older, superseded and background reports, newest date first. */
  history: readonly StatusEvent[];
}

/** One topic: its label and its events per section, in section order. */
export interface Topic {
  label: string;
  sections: { latest: StatusEvent[]; upcoming: StatusEvent[]; history: StatusEvent[] };
}

/**
 * Across articles, the newest report of a thing wins: an older report of the same thing (same category,
 * same place, overlapping participants, a compatible date) becomes history (`superseded: true`).
 *
 * Events are bucketed by category, place and month, so each is compared only with the few current
 * reports that could be the same thing: linear in practice at 10,000 articles.
 */
import { addDays, dayNumber, daysInMonth, parseIsoDay } from "./dates-calendar.js";
import type { ResolvedDate, StatusEvent } from "./types.js";

/** Days either side within which two reports can be of the same event. */
const SLACK_DAYS = 2;

/** The days a date may stand for, as day numbers; null when undated. */
function spanOf(date: ResolvedDate): [number, number] | null {
  const value = date.value;
  if (value === null) return null;
  if (date.range) return [dayNumber(parseIsoDay(date.range.from)), dayNumber(parseIsoDay(date.range.to))];
  if (/^\d{4}$/.test(value)) {
    const year = Number(value);
    return [dayNumber({ year, month: 1, day: 1 }), dayNumber({ year, month: 12, day: 31 })];
  }
  if (/^\d{4}-\d{2}$/.test(value)) {
    const year = Number(value.slice(0, 4));
    const month = Number(value.slice(5, 7));
    return [dayNumber({ year, month, day: 1 }), dayNumber({ year, month, day: daysInMonth(year, month) })];
  }
  const day = parseIsoDay(value);
  if (date.precision === "approx") return [dayNumber(addDays(day, -3)), dayNumber(addDays(day, 3))];
  return [dayNumber(day), dayNumber(day)];
}

function sameDate(a: StatusEvent, b: StatusEvent): boolean {
  const spanA = spanOf(a.date);
  const spanB = spanOf(b.date);
  if (spanA === null || spanB === null) {
    if (spanA === null && spanB === null) return a.date.precision === b.date.precision;
    // An undated plan and a dated one can be the same plan, once it has a date.
    return a.date.relation === "future" && b.date.relation === "future";
  }
  return spanA[0] - SLACK_DAYS <= spanB[1] && spanB[0] - SLACK_DAYS <= spanA[1];
}

/** Positions and obstacles are someone's: only the same set of people. Events: any shared participant. */
function sameParticipants(a: StatusEvent, b: StatusEvent): boolean {
  if (a.category === "position" || a.category === "obstacle") return participantKey(a) === participantKey(b);
  if (a.participants.length === 0 || b.participants.length === 0) return true;
  return a.participants.some((id) => b.participants.includes(id));
}

const participantKey = (event: StatusEvent): string => [...event.participants].sort().join("|");

/** Bucket keys an event is filed under and looked up in: its month(s), or its undated kind. */
function dateKeys(event: StatusEvent): string[] {
  const span = spanOf(event.date);
  if (span === null) return ["undated", "future"];
  const keys = new Set<string>();
  // A span longer than a few months (a year) is filed under its year only.
  if (span[1] - span[0] > 62) return [`year:${new Date(span[0] * 86_400_000).getUTCFullYear()}`];
  for (let day = span[0] - SLACK_DAYS; day <= span[1] + SLACK_DAYS; day += 14) keys.add(monthKey(day));
  keys.add(monthKey(span[1] + SLACK_DAYS));
  return [...keys];
}

const monthKey = (dayNum: number): string => new Date(dayNum * 86_400_000).toISOString().slice(0, 7);

/**
 * The same events, with every report that a newer report of the same thing supersedes marked
 * `superseded: true` (new objects; the input is not changed). Reports in the same article never
 * supersede each other; on the same publication date the article id decides, so the result is stable.
 *
 * @example
 * combineStatus([olderMeetingReport, newerMeetingReport]).map((event) => event.superseded) // [true, false]
 */
export function combineStatus(events: readonly StatusEvent[]): StatusEvent[] {
  const order = events
    .map((event, index) => ({ event, index }))
    .sort(
      (a, b) =>
        b.event.published.localeCompare(a.event.published) ||
        a.event.articleId.localeCompare(b.event.articleId),
    );
  const winners = new Map<string, StatusEvent[]>();
  const superseded = new Set<number>();

  for (const { event, index } of order) {
    const base = `${event.category}|${event.place ?? ""}`;
    const keys = dateKeys(event).map((key) => `${base}|${key}`);
    const undated = event.date.value === null;
    // Undated plans may match dated future plans in any month: look those up under "future".
    const lookups = undated && event.date.relation === "future" ? [...keys, `${base}|dated-future`] : keys;
    let newer: StatusEvent | undefined;
    for (const key of lookups) {
      newer = winners
        .get(key)
        ?.find(
          (winner) =>
            winner.articleId !== event.articleId &&
            sameDate(winner, event) &&
            sameParticipants(winner, event),
        );
      if (newer) break;
    }
    if (newer) {
      superseded.add(index);
      continue;
    }
    const fileUnder = !undated && event.date.relation === "future" ? [...keys, `${base}|dated-future`] : keys;
    for (const key of fileUnder) {
      const list = winners.get(key);
      if (list) list.push(event);
      else winners.set(key, [event]);
    }
  }

  return events.map((event, index) => ({ ...event, superseded: superseded.has(index) || event.superseded }));
}

/** What a date rule produces, and the helpers that turn calendar days into resolutions. */
import type { ResolvedDate } from "../types.js";
import {
  addDays,
  type Day,
  dayNumber,
  daysInMonth,
  formatDay,
  formatMonth,
  startOfWeek,
  weekdayOf,
} from "./calendar.js";
import type { Tense } from "./tense.js";
import { COUNT_WORDS } from "./words.js";

/** A rule's own result before it becomes a mention. */
export type Resolution = Omit<ResolvedDate, "text">;

export interface Rule {
  /** A cheap test the text must pass for `pattern` to have a chance: most sentences skip most rules. */
  hint: RegExp;
  pattern: RegExp;
  resolve(match: RegExpExecArray, context: RuleContext): Resolution | null;
}

export interface RuleContext {
  published: Day;
  /** Tense of the clause around the match. */
  tense(): Tense;
}

export function dayResolution(date: Day, published: Day): Resolution {
  return { value: formatDay(date), precision: "day", relation: relationOf(date, date, published) };
}

export function relationOf(from: Day, to: Day, published: Day): ResolvedDate["relation"] {
  const now = dayNumber(published);
  if (dayNumber(to) < now) return "past";
  if (dayNumber(from) > now) return "future";
  return "present";
}

export function periodResolution(value: Day, from: Day, to: Day, published: Day): Resolution {
  return {
    value: formatDay(value),
    precision: "approx",
    relation: relationOf(from, to, published),
    range: { from: formatDay(from), to: formatDay(to) },
  };
}

export function monthResolution(year: number, month: number, published: Day): Resolution {
  const first = { year, month, day: 1 };
  const last = { year, month, day: daysInMonth(year, month) };
  return {
    value: formatMonth(year, month),
    precision: "month",
    relation: relationOf(first, last, published),
  };
}

export function countOf(word: string | undefined): number {
  if (!word) return 3; // "the past days": a few
  const lower = word.toLowerCase().replace(/\s+/g, " ");
  return COUNT_WORDS[lower] ?? (Number(lower) || 3);
}

/** The weekday `target` at most a week away from `published`, in the direction the words say. */
export function weekdayNear(published: Day, target: number, direction: "next" | "last" | Tense): Day {
  const today = weekdayOf(published);
  const ahead = (target - today + 7) % 7;
  const back = (today - target + 7) % 7;
  switch (direction) {
    case "next": // "next Sunday": the coming one, never today
      return addDays(published, ahead === 0 ? 7 : ahead);
    case "last": // "last Sunday": the most recent one, never today
      return addDays(published, back === 0 ? -7 : -back);
    case "future": // "will meet on Monday": the coming one; today's weekday is a week ahead (today is "today")
      return addDays(published, ahead === 0 ? 7 : ahead);
    default: // "met on Monday" (today's weekday is today: "said on Thursday" in Thursday's copy); no tense: past
      return addDays(published, -back);
  }
}

/** "this Friday": the weekday `target` (0 = Sunday) of the Monday-Sunday week holding `published`. */
export function dayThisWeek(published: Day, target: number): Day {
  return addDays(startOfWeek(published), (target + 6) % 7);
}

/**
 * Calendar arithmetic on plain dates (year, month, day), in UTC only, so that a publication date such as
 * `2024-10-24` can never slip to the 23rd because of the machine's time zone.
 */
import { ParleyError } from "../../core/errors.js";

/** A calendar day. `month` is 1-12. */
export interface Day {
  year: number;
  month: number;
  day: number;
}

const MS_PER_DAY = 86_400_000;

/**
 * Reads an ISO `YYYY-MM-DD` date (anything after the day, such as a time, is ignored).
 *
 * @example parseIsoDay("2024-10-24") // { year: 2024, month: 10, day: 24 }
 */
export function parseIsoDay(iso: string): Day {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) throw new ParleyError(`Parley: not an ISO date (YYYY-MM-DD): ${JSON.stringify(iso)}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/** Days since 1970-01-01: a number that orders and subtracts like the calendar. */
export function dayNumber(date: Day): number {
  return Date.UTC(date.year, date.month - 1, date.day) / MS_PER_DAY;
}

const isoDayNumbers = new Map<string, number>();

/**
 * Day number of an ISO `YYYY-MM-DD` date, memoised: events share few distinct dates.
 *
 * @example isoDayNumber("1970-01-02") // 1
 */
export function isoDayNumber(iso: string): number {
  let day = isoDayNumbers.get(iso);
  if (day === undefined) {
    day = dayNumber(parseIsoDay(iso));
    if (isoDayNumbers.size > 100_000) isoDayNumbers.clear();
    isoDayNumbers.set(iso, day);
  }
  return day;
}

/** The day `count` days after `date` (negative counts go back). */
export function addDays(date: Day, count: number): Day {
  const moved = new Date((dayNumber(date) + count) * MS_PER_DAY);
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

/** The same day `count` months later, clamped to the month's last day (Jan 31 + 1 month = Feb 29/28). */
export function addMonths(date: Day, count: number): Day {
  const monthIndex = date.year * 12 + (date.month - 1) + count;
  const year = Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekdayOf(date: Day): number {
  return new Date(dayNumber(date) * MS_PER_DAY).getUTCDay();
}

/** The Monday that starts the (ISO) week of `date`. */
export function startOfWeek(date: Day): Day {
  return addDays(date, -((weekdayOf(date) + 6) % 7));
}

const pad = (value: number): string => String(value).padStart(2, "0");

/** `YYYY-MM-DD` */
export function formatDay(date: Day): string {
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}

/** `YYYY-MM` */
export function formatMonth(year: number, month: number): string {
  return `${year}-${pad(month)}`;
}

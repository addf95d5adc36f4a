/** The days a resolved date stands for, as day numbers (see analysis/dates/calendar.ts). */
import { isoDayNumber } from "../analysis/dates/calendar.js";
import type { ResolvedDate } from "../analysis/types.js";

/**
 * The first and last day a date may stand for; null when undated. A range wins; a month or a year
 * covers its days; an approximate (or only reported) day counts three days either side.
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

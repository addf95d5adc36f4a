/** chrono-node, configured for news text, and how its results become resolutions. */
import * as chrono from "chrono-node";
import { addDays, type Day, dayNumber, daysInMonth } from "./calendar.js";
import { dayResolution, monthResolution, periodResolution, type Resolution } from "./resolution.js";
import { type Tense, tenseAround } from "./tense.js";
import { MONTH_NAMES } from "./words.js";

/**
 * Where chrono could find something: month names (capitalised), numeric dates, years and relative
 * words. chrono reads only a window around each of these: most sentences have none, and chrono's
 * cost grows with the length of the text it reads.
 */
export const CHRONO_TRIGGER =
  /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?|\b(?:[Yy]esterday|[Tt]omorrow|[Tt]onight|ago|weekend|month|year|fortnight)\b|\b\d{1,4}[/.-]\d{1,2}(?:[/.-]\d{2,4})?\b|\b(?:19|20)\d{2}\b/g;

/** Characters chrono reads either side of a trigger. */
export const CHRONO_WINDOW = 40;

/**
 * chrono's casual English parser without what news dates never need and what misreads news text:
 * times of day ("Evening" in "the Evening Standard"), time zones, "within" periods. About 40% faster.
 */
export const NEWS_CHRONO = (() => {
  const lean = chrono.casual.clone();
  const unusedParsers = new Set([
    "ENTimeExpressionParser",
    "ENCasualTimeParser",
    "ENTimeUnitWithinFormatParser",
    "ENSlashMonthFormatParser",
  ]);
  const unusedRefiners = new Set([
    "ExtractTimezoneOffsetRefiner",
    "ExtractTimezoneAbbrRefiner",
    "ENMergeDateTimeRefiner",
    "ForwardDateRefiner",
  ]);
  lean.parsers = lean.parsers.filter((parser) => !unusedParsers.has(parser.constructor.name));
  lean.refiners = lean.refiners.filter((refiner) => !unusedRefiners.has(refiner.constructor.name));
  return lean;
})();

/** A chrono result, with its index in the whole text. */
export type ChronoHit = Pick<chrono.ParsedResult, "text" | "start" | "tags"> & { index: number };

/** chrono's results in the windows around the triggers of `text`, indexed in `text`. */
export function chronoHits(text: string, reference: Date): ChronoHit[] {
  const windows: Array<[number, number]> = [];
  CHRONO_TRIGGER.lastIndex = 0;
  for (let match = CHRONO_TRIGGER.exec(text); match; match = CHRONO_TRIGGER.exec(text)) {
    let from = Math.max(0, match.index - CHRONO_WINDOW);
    let to = Math.min(text.length, match.index + match[0].length + CHRONO_WINDOW);
    // Whole words only: move the edges out to the nearest space.
    while (from > 0 && !/\s/.test(text[from - 1]!)) from--;
    while (to < text.length && !/\s/.test(text[to]!)) to++;
    const last = windows[windows.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else windows.push([from, to]);
  }
  const hits: ChronoHit[] = [];
  for (const [from, to] of windows) {
    for (const result of NEWS_CHRONO.parse(text.slice(from, to), reference)) {
      hits.push({
        index: from + result.index,
        text: result.text,
        start: result.start,
        tags: () => result.tags(),
      });
    }
  }
  return hits;
}

export const FULL_MONTH = new RegExp(`^(?:${MONTH_NAMES})$`);
export const MONTH_PREPOSITION =
  /\b(?:in|since|by|until|till|of|early|late|mid-?|during|through|from|before|after|end|beginning|start|throughout)\s*$/;

/** A month-name result from chrono that is really a word: "march" (verb), "May" (modal) without a day. */
export function isBareMonthWord(result: ChronoHit, text: string): boolean {
  if (result.start.isCertain("day") || result.start.isCertain("year")) return false;
  const word = result.text.trim();
  if (!FULL_MONTH.test(word)) return !/^[A-Z]/.test(word) && /^[a-z]+$/i.test(word);
  const before = text.slice(Math.max(0, result.index - 20), result.index).toLowerCase();
  return !MONTH_PREPOSITION.test(before);
}

/** Year for a date chrono read without one: nearest to publication, or the side the clause's tense says. */
export function inferYear(month: number, day: number | null, published: Day, tense: Tense): number {
  const now = dayNumber(published);
  const candidates = [published.year - 1, published.year, published.year + 1].map((year) => {
    const first = { year, month, day: day ?? 1 };
    const last = { year, month, day: day ?? daysInMonth(year, month) };
    return { year, from: dayNumber(first), to: dayNumber(last) };
  });
  if (tense === "past") {
    const past = candidates.filter((candidate) => candidate.from <= now);
    return past[past.length - 1]?.year ?? published.year;
  }
  if (tense === "future") return candidates.find((candidate) => candidate.to >= now)?.year ?? published.year;
  let best = candidates[1]!;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const distance =
      candidate.to < now ? now - candidate.to : candidate.from > now ? candidate.from - now : 0;
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best.year;
}

/** Turns a chrono result into a resolution, or null when it carries no usable date (a time of day alone). */
export function fromChrono(
  result: ChronoHit,
  text: string,
  published: Day,
  since: boolean,
): Resolution | null {
  const start = result.start;
  const tags = result.tags();
  const relative =
    tags.has("result/relativeDate") || [...tags].some((tag) => tag.startsWith("casualReference"));
  // "since January": the start of something still going on, so in the past.
  const tense = (): Tense =>
    since ? "past" : tenseAround(text, result.index, result.index + result.text.length);
  const month = start.get("month");
  const day = start.get("day");
  if (month === null || day === null) return null;
  if (tags.has("parser/ENEndOfCurrentMonthParser")) {
    // "by the end of the month": around the month's last day, not exactly on it.
    const year = start.get("year") ?? published.year;
    const last = { year, month, day };
    return periodResolution(last, addDays(last, -6), last, published);
  }
  if (start.isCertain("day") && start.isCertain("month")) {
    const year =
      start.isCertain("year") || relative
        ? (start.get("year") ?? published.year)
        : inferYear(month, day, published, tense());
    return dayResolution({ year, month, day }, published);
  }
  if (start.isCertain("month")) {
    const year = start.isCertain("year")
      ? (start.get("year") ?? published.year)
      : inferYear(month, null, published, tense());
    return monthResolution(year, month, published);
  }
  if (start.isCertain("year")) {
    const year = start.get("year") ?? published.year;
    const relation = year < published.year ? "past" : year > published.year ? "future" : "present";
    return { value: String(year), precision: "year", relation };
  }
  return null;
}

/** True when chrono read an explicit calendar date ("Monday, Oct. 21"), which beats our weekday rule. */
export function isExplicitDate(result: ChronoHit): boolean {
  const tags = result.tags();
  const relative =
    tags.has("result/relativeDate") || [...tags].some((tag) => tag.startsWith("casualReference"));
  return (
    !relative &&
    result.start.isCertain("month") &&
    (result.start.isCertain("day") || result.start.isCertain("year"))
  );
}

/**
 * Date expressions in a sentence, resolved against the article's publication date, keeping precision.
 *
 * chrono-node finds and resolves explicit dates ("May 31", "October 7, 2023", "two days ago"). Its
 * defaults are wrong for news in a few places, so our own rules run first and win where they overlap:
 * - "today, Thursday" is the publication day (chrono reads "Thursday" on its own, too);
 * - "next Sunday" is the coming Sunday, within the next seven days (chrono jumps a week further);
 *   "last Sunday" the most recent one; a bare "on Monday" follows the tense of its clause;
 * - "last August" is a month (2024-08), not its first day; "next March" likewise;
 * - "this/next/last week" and "the past two days" are approximate periods, "the coming days" a future
 *   without a date;
 * - a date without a year ("May 31", "in March") is the nearest occurrence, or the previous/next one
 *   when the clause is clearly past/future (chrono always picks the next one).
 *
 * All arithmetic is on calendar days in UTC (see dates-calendar.ts): no time-zone slips.
 */
import * as chrono from "chrono-node";
import type { ResolvedDate } from "../types.js";
import {
  addDays,
  addMonths,
  type Day,
  dayNumber,
  daysInMonth,
  formatDay,
  formatMonth,
  parseIsoDay,
  startOfWeek,
  weekdayOf,
} from "./calendar.js";
import { type Tense, tenseAround } from "./tense.js";

/** A resolved date expression and where it is in the text (`text.slice(start, end)` is `mention.text`). */
export interface DateMention extends ResolvedDate {
  start: number;
  end: number;
}

const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
const WEEKDAY_NAMES = "Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday";
const MONTH_NAMES = "January|February|March|April|May|June|July|August|September|October|November|December";
const COUNT_WORDS: Record<string, number> = {
  a: 1,
  one: 1,
  couple: 2,
  "couple of": 2,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  few: 3,
  several: 3,
};

/**
 * Where chrono could find something: month names (capitalised), numeric dates, years and relative
 * words. chrono reads only a window around each of these: most sentences have none, and chrono's
 * cost grows with the length of the text it reads.
 */
const CHRONO_TRIGGER =
  /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?|\b(?:[Yy]esterday|[Tt]omorrow|[Tt]onight|ago|weekend|month|year|fortnight)\b|\b\d{1,4}[/.-]\d{1,2}(?:[/.-]\d{2,4})?\b|\b(?:19|20)\d{2}\b/g;

/** Characters chrono reads either side of a trigger. */
const CHRONO_WINDOW = 40;

/**
 * chrono's casual English parser without what news dates never need and what misreads news text:
 * times of day ("Evening" in "the Evening Standard"), time zones, "within" periods. About 40% faster.
 */
const NEWS_CHRONO = (() => {
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
type ChronoHit = Pick<chrono.ParsedResult, "text" | "start" | "tags"> & { index: number };

/** chrono's results in the windows around the triggers of `text`, indexed in `text`. */
function chronoHits(text: string, reference: Date): ChronoHit[] {
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

/** A rule's own result before it becomes a mention. */
type Resolution = Omit<ResolvedDate, "text">;

interface Rule {
  /** A cheap test the text must pass for `pattern` to have a chance: most sentences skip most rules. */
  hint: RegExp;
  pattern: RegExp;
  resolve(match: RegExpExecArray, context: RuleContext): Resolution | null;
}

interface RuleContext {
  published: Day;
  /** Tense of the clause around the match. */
  tense(): Tense;
}

function dayResolution(date: Day, published: Day): Resolution {
  return { value: formatDay(date), precision: "day", relation: relationOf(date, date, published) };
}

function relationOf(from: Day, to: Day, published: Day): ResolvedDate["relation"] {
  const now = dayNumber(published);
  if (dayNumber(to) < now) return "past";
  if (dayNumber(from) > now) return "future";
  return "present";
}

function periodResolution(value: Day, from: Day, to: Day, published: Day): Resolution {
  return {
    value: formatDay(value),
    precision: "approx",
    relation: relationOf(from, to, published),
    range: { from: formatDay(from), to: formatDay(to) },
  };
}

function monthResolution(year: number, month: number, published: Day): Resolution {
  const first = { year, month, day: 1 };
  const last = { year, month, day: daysInMonth(year, month) };
  return {
    value: formatMonth(year, month),
    precision: "month",
    relation: relationOf(first, last, published),
  };
}

function countOf(word: string | undefined): number {
  if (!word) return 3; // "the past days": a few
  const lower = word.toLowerCase().replace(/\s+/g, " ");
  return COUNT_WORDS[lower] ?? (Number(lower) || 3);
}

/** The weekday `target` at most a week away from `published`, in the direction the words say. */
function weekdayNear(published: Day, target: number, direction: "next" | "last" | Tense): Day {
  const today = weekdayOf(published);
  const ahead = (target - today + 7) % 7;
  const back = (today - target + 7) % 7;
  switch (direction) {
    case "next": // "next Sunday": the coming one, never today
      return addDays(published, ahead === 0 ? 7 : ahead);
    case "last": // "last Sunday": the most recent one, never today
      return addDays(published, back === 0 ? -7 : -back);
    case "future": // "will meet on Monday"
      return addDays(published, ahead);
    default: // "met on Monday", and news defaults to the past when the clause does not say
      return addDays(published, -back);
  }
}

/** Our rules, in order of precedence. Every pattern is global and case-insensitive where it is safe. */
const RULES: Rule[] = [
  {
    // "today", "today, Thursday", "tonight", "this morning": the publication day.
    hint: /to(?:day|night)|this (?:mor|aft|eve)/i,
    pattern: new RegExp(
      `\\b(?:today|tonight|this (?:morning|afternoon|evening))(?:,?\\s+(?:${WEEKDAY_NAMES})\\b)?`,
      "gi",
    ),
    resolve: (_match, { published }) => dayResolution(published, published),
  },
  {
    // "next Sunday", "last Monday", "this Friday", "on Tuesday", "Tuesday".
    hint: /day\b/,
    pattern: new RegExp(`\\b(?:(next|coming|last|past|this|on)\\s+)?(?:the\\s+)?(${WEEKDAY_NAMES})\\b`, "g"),
    resolve(match, context) {
      const modifier = match[1]?.toLowerCase();
      const target = WEEKDAYS.indexOf((match[2] ?? "").toLowerCase());
      const direction =
        modifier === "next" || modifier === "coming"
          ? "next"
          : modifier === "last" || modifier === "past"
            ? "last"
            : modifier === "this"
              ? context.tense() === "past"
                ? "past"
                : "future"
              : context.tense();
      return dayResolution(weekdayNear(context.published, target, direction), context.published);
    },
  },
  {
    // "this week", "next week", "last weekend": approximate periods.
    hint: /week/i,
    pattern: /\b(this|next|last|past|coming|previous)\s+week(end)?\b/gi,
    resolve(match, { published }) {
      const which = (match[1] ?? "").toLowerCase();
      const offset = which === "this" ? 0 : which === "next" || which === "coming" ? 7 : -7;
      const monday = addDays(startOfWeek(published), offset);
      if (match[2]) {
        const saturday = addDays(monday, 5);
        return periodResolution(saturday, saturday, addDays(monday, 6), published);
      }
      const value = offset === 0 ? published : monday;
      return periodResolution(value, monday, addDays(monday, 6), published);
    },
  },
  {
    // "over the weekend": the last one for what happened, the next one for what will.
    hint: /weekend/i,
    pattern: /\b(?:(?:over|during|at|on)\s+)?the\s+weekend\b/gi,
    resolve(_match, { published, tense }) {
      const saturday = weekdayNear(published, 6, tense() === "future" ? "future" : "past");
      return periodResolution(saturday, saturday, addDays(saturday, 1), published);
    },
  },
  {
    // "the coming days", "in the next few weeks": future, no date.
    hint: /(?:days|weeks|months)\b/i,
    pattern:
      /\b(?:(?:in|over|during|within)\s+)?the\s+(?:coming|next|upcoming|following)\s+(?:(few|several|couple of|two|three|four|five|six|seven|\d+)\s+)?(days|weeks|months)\b/gi,
    resolve: () => ({ value: null, precision: "unknown", relation: "future" }),
  },
  {
    // "during the past two days", "over the last few weeks": an approximate past period up to publication.
    hint: /(?:days|weeks|months)\b/i,
    pattern:
      /\b(?:(?:in|over|during|within|for)\s+)?the\s+(?:past|last|previous)\s+(?:(few|several|couple of|two|three|four|five|six|seven|\d+)\s+)?(days|weeks|months)\b/gi,
    resolve(match, { published }) {
      const count = countOf(match[1]);
      const unit = (match[2] ?? "days").toLowerCase();
      const from =
        unit === "days"
          ? addDays(published, -count)
          : unit === "weeks"
            ? addDays(published, -7 * count)
            : addMonths(published, -count);
      // The period reaches publication, but what happened in it is over: past.
      return { ...periodResolution(from, from, published, published), relation: "past" };
    },
  },
  {
    // "last August" = the most recent August before the publication month; "next March" the next one.
    hint: /\b(?:last|next|this|past)\s+[A-Z]/,
    pattern: new RegExp(`\\b(last|next|this|past)\\s+(${MONTH_NAMES})\\b(?!\\s*\\d)`, "g"),
    resolve(match, { published }) {
      const which = (match[1] ?? "").toLowerCase();
      const month = MONTHS.indexOf((match[2] ?? "").toLowerCase()) + 1;
      let year = published.year;
      if ((which === "last" || which === "past") && month >= published.month) year -= 1;
      if (which === "next" && month <= published.month) year += 1;
      return monthResolution(year, month, published);
    },
  },
  {
    // "in 2023", "since 2020", "early 2025": a year. Only after a preposition, so "2024 people" is no date.
    hint: /(?:19|20)\d\d/,
    pattern:
      /\b(?:in|since|during|until|till|by|throughout|from|before|after|early|late|mid-?|end of|beginning of|start of)\s+((?:19|20)\d{2})\b(?![,./-]?\d)/gi,
    resolve(match, { published }) {
      const year = Number(match[1]);
      const relation = year < published.year ? "past" : year > published.year ? "future" : "present";
      return { value: String(year), precision: "year", relation };
    },
  },
];

const FULL_MONTH = new RegExp(`^(?:${MONTH_NAMES})$`);
const MONTH_PREPOSITION =
  /\b(?:in|since|by|until|till|of|early|late|mid-?|during|through|from|before|after|end|beginning|start|throughout)\s*$/;

/** A month-name result from chrono that is really a word: "march" (verb), "May" (modal) without a day. */
function isBareMonthWord(result: ChronoHit, text: string): boolean {
  if (result.start.isCertain("day") || result.start.isCertain("year")) return false;
  const word = result.text.trim();
  if (!FULL_MONTH.test(word)) return !/^[A-Z]/.test(word) && /^[a-z]+$/i.test(word);
  const before = text.slice(Math.max(0, result.index - 20), result.index).toLowerCase();
  return !MONTH_PREPOSITION.test(before);
}

/** Year for a date chrono read without one: nearest to publication, or the side the clause's tense says. */
function inferYear(month: number, day: number | null, published: Day, tense: Tense): number {
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
function fromChrono(result: ChronoHit, text: string, published: Day, since: boolean): Resolution | null {
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
function isExplicitDate(result: ChronoHit): boolean {
  const tags = result.tags();
  const relative =
    tags.has("result/relativeDate") || [...tags].some((tag) => tag.startsWith("casualReference"));
  return (
    !relative &&
    result.start.isCertain("month") &&
    (result.start.isCertain("day") || result.start.isCertain("year"))
  );
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean =>
  a.start < b.end && b.start < a.end;

/**
 * Every date expression in `text`, resolved against `published` (ISO `YYYY-MM-DD`), in text order.
 *
 * @example
 * resolveDates("Barnea will go to Doha next Sunday.", "2024-10-24")
 * // [{ text: "next Sunday", value: "2024-10-27", precision: "day", relation: "future", start: 23, end: 34 }]
 */
export function resolveDates(text: string, published: string): DateMention[] {
  const publishedDay = parseIsoDay(published);
  const mentions: DateMention[] = [];

  for (const rule of RULES) {
    if (!rule.hint.test(text)) continue;
    rule.pattern.lastIndex = 0;
    for (let match = rule.pattern.exec(text); match; match = rule.pattern.exec(text)) {
      const start = match.index;
      const end = start + match[0].length;
      const span = { start, end };
      if (mentions.some((mention) => overlaps(mention, span))) continue;
      const resolution = rule.resolve(match, {
        published: publishedDay,
        tense: () => tenseAround(text, start, end),
      });
      if (resolution) mentions.push({ ...resolution, text: match[0], start, end });
    }
  }

  {
    // chrono reads calendar fields in local time: noon local on the publication day is that day anywhere.
    const reference = new Date(publishedDay.year, publishedDay.month - 1, publishedDay.day, 12);
    for (const result of chronoHits(text, reference)) {
      let start = result.index;
      // chrono keeps a trailing comma ("November,"): the mention is the date alone.
      const end = start + result.text.replace(/[\s,.;:]+$/, "").length;
      if (isBareMonthWord(result, text)) continue;
      const clashes = mentions.filter((mention) => overlaps(mention, { start, end }));
      if (clashes.length > 0) {
        // Our rules win, except over an explicit calendar date that covers more ("Monday, Oct. 21").
        const coversMore = clashes.every((clash) => clash.start >= start && clash.end <= end);
        if (!isExplicitDate(result) || !coversMore) continue;
        for (const clash of clashes) mentions.splice(mentions.indexOf(clash), 1);
      }
      // Keep "since" with its date: "since October 7, 2023" is a period reaching to publication.
      const since = /\bsince\s+$/i.exec(text.slice(Math.max(0, start - 8), start));
      const resolution = fromChrono(result, text, publishedDay, since !== null);
      if (!resolution) continue;
      if (since) start -= since[0].length;
      mentions.push({ ...resolution, text: text.slice(start, end), start, end });
    }
  }

  return mentions.sort((a, b) => a.start - b.start);
}

/** Parley's own date rules (newsroom phrases chrono reads differently), in order of precedence. */
import { addDays, addMonths, startOfWeek } from "./calendar.js";
import { PART_RULES } from "./parts.js";
import {
  countOf,
  dayResolution,
  dayThisWeek,
  monthResolution,
  periodResolution,
  type Rule,
  weekdayNear,
} from "./resolution.js";
import { MONTH_NAMES, MONTHS, WEEKDAY_NAMES, WEEKDAYS } from "./words.js";

/** Our rules, in order of precedence. Every pattern is global and case-insensitive where it is safe. */
export const RULES: Rule[] = [
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
    // "last night": the evening before publication (wire copy written in the morning).
    hint: /last night/i,
    pattern: /\blast night\b/gi,
    resolve: (_match, { published }) => dayResolution(addDays(published, -1), published),
  },
  ...PART_RULES,
  {
    // "next Sunday", "last Monday", "this Friday", "on Tuesday", "Tuesday".
    hint: /day\b/,
    pattern: new RegExp(`\\b(?:(next|coming|last|past|this|on)\\s+)?(?:the\\s+)?(${WEEKDAY_NAMES})\\b`, "g"),
    resolve(match, context) {
      const modifier = match[1]?.toLowerCase();
      const target = WEEKDAYS.indexOf((match[2] ?? "").toLowerCase());
      // "this Friday": that day of the current Monday-Sunday week, whichever side of publication.
      if (modifier === "this")
        return dayResolution(dayThisWeek(context.published, target), context.published);
      const direction =
        modifier === "next" || modifier === "coming"
          ? "next"
          : modifier === "last" || modifier === "past"
            ? "last"
            : context.tense();
      return dayResolution(weekdayNear(context.published, target, direction), context.published);
    },
  },
  {
    // "this week", "next week": that Monday-Sunday week, value its Monday; "last weekend": approx.
    // Not "the past week", a rolling seven days (below).
    hint: /week/i,
    pattern: /(?<!\bthe\s)\b(this|next|last|past|coming|previous)\s+week(end)?\b/gi,
    resolve(match, { published }) {
      const which = (match[1] ?? "").toLowerCase();
      const offset = which === "this" ? 0 : which === "next" || which === "coming" ? 7 : -7;
      const monday = addDays(startOfWeek(published), offset);
      if (match[2]) {
        const saturday = addDays(monday, 5);
        return periodResolution(saturday, saturday, addDays(monday, 6), published);
      }
      return { ...periodResolution(monday, monday, addDays(monday, 6), published), precision: "week" };
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
    hint: /(?:day|week|month)s?\b/i,
    pattern:
      /\b(?:(?:in|over|during|within|for)\s+)?the\s+(?:past|last|previous)\s+(?:(few|several|couple of|two|three|four|five|six|seven|\d+)\s+)?(days?|weeks?|months?)\b/gi,
    resolve(match, { published }) {
      // "the past week" (singular, no count) is one unit; "the past days" a few.
      const unit = (match[2] ?? "days").toLowerCase().replace(/s?$/, "s");
      const count = match[1] || match[2]?.toLowerCase().endsWith("s") ? countOf(match[1]) : 1;
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

/**
 * Parts of a period, as a newsroom writes them: "late last week", "earlier this week", "later this
 * month", "early August". Each is `approx` with the range it covers (weeks run Monday to Sunday):
 * - early = Monday-Wednesday of a week, days 1-10 of a month; mid = Tuesday-Thursday, days 11-20;
 *   late = Thursday-Sunday, days 21 to the end;
 * - "earlier this week/month" = from its first day to the day before publication, "later this
 *   week/month" = from the day after publication to its last day.
 * A month named without a year ("early August") takes the year the clause's tense says (inferYear).
 * Limit: "late last year", "earlier this year" are not read (chrono gives the year).
 */
import { addDays, type Day, dayNumber, daysInMonth, startOfWeek } from "./calendar.js";
import { inferYear } from "./chrono.js";
import { periodResolution, type Resolution, type Rule } from "./resolution.js";
import { MONTH_NAMES, MONTHS } from "./words.js";

type Part = "early" | "mid" | "late" | "earlier" | "later";

function partOf(word: string | undefined): Part {
  const lower = (word ?? "").toLowerCase().replace(/-$/, "");
  return lower === "early" || lower === "mid" || lower === "late" || lower === "earlier" ? lower : "later";
}

/** The range of `part` within [first, last], with publication for "earlier"/"later". */
function partRange(part: Part, first: Day, last: Day, thirds: [number, number], published: Day): Resolution {
  const latest = (a: Day, b: Day): Day => (dayNumber(a) >= dayNumber(b) ? a : b);
  const earliest = (a: Day, b: Day): Day => (dayNumber(a) <= dayNumber(b) ? a : b);
  let from = first;
  let to = last;
  if (part === "early") to = addDays(first, thirds[0] - 1);
  else if (part === "mid") [from, to] = [addDays(first, thirds[0]), addDays(first, thirds[1] - 1)];
  else if (part === "late") from = addDays(first, thirds[1]);
  else if (part === "earlier") to = latest(first, addDays(published, -1));
  else from = earliest(last, addDays(published, 1));
  return periodResolution(from, from, to, published);
}

function weekPart(part: Part, monday: Day, published: Day): Resolution {
  // Mid-week is Tuesday-Thursday, so it overlaps early (Monday-Wednesday) and late (Thursday-Sunday).
  if (part === "mid")
    return periodResolution(addDays(monday, 1), addDays(monday, 1), addDays(monday, 3), published);
  return partRange(part, monday, addDays(monday, 6), [3, 3], published);
}

function monthPart(part: Part, year: number, month: number, published: Day): Resolution {
  const first = { year, month, day: 1 };
  return partRange(part, first, { year, month, day: daysInMonth(year, month) }, [10, 20], published);
}

export const PART_RULES: Rule[] = [
  {
    // "late last week", "earlier this week", "early next week".
    hint: /week/i,
    pattern: /\b(early|earlier|mid-?|late|later)\s+(this|next|last)\s+week\b/gi,
    resolve(match, { published }) {
      const which = (match[2] ?? "").toLowerCase();
      const offset = which === "this" ? 0 : which === "next" ? 7 : -7;
      return weekPart(partOf(match[1]), addDays(startOfWeek(published), offset), published);
    },
  },
  {
    // "earlier this month", "late last month", "early next month".
    hint: /month/i,
    pattern: /\b(early|earlier|mid-?|late|later)\s+(this|next|last)\s+month\b/gi,
    resolve(match, { published }) {
      const which = (match[2] ?? "").toLowerCase();
      const offset = which === "this" ? 0 : which === "next" ? 1 : -1;
      const index = published.year * 12 + published.month - 1 + offset;
      return monthPart(partOf(match[1]), Math.floor(index / 12), (index % 12) + 1, published);
    },
  },
  {
    // "early August", "in late March", "mid-October": a third of the month, the year by the tense.
    hint: /\b(?:early|mid|late)\b/i,
    pattern: new RegExp(`\\b(early|mid-?|late)\\s*(${MONTH_NAMES})\\b(?!\\s*\\d)`, "gi"),
    resolve(match, { published, tense }) {
      const month = MONTHS.indexOf((match[2] ?? "").toLowerCase()) + 1;
      return monthPart(partOf(match[1]), inferYear(month, null, published, tense()), month, published);
    },
  },
];

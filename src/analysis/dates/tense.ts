/**
 * A cheap guess at the tense around a point of a sentence, used where a date alone is ambiguous
 * ("on Monday", "May 31" without a year) and to tell reports from plans. No parser: the nearest
 * future or past marker in the same clause wins.
 */

import { WEEKDAY_NAMES } from "./words.js";

export type Tense = "past" | "future" | "unknown";

// Future markers: modal "will", plans and schedules, "expected/set/due to".
const FUTURE =
  /\b(?:will|won['’]t|shall|is going to|are going to|(?:is|are|was|were|be|been)\s+(?:due|set|expected|scheduled|slated|planned|poised|preparing|likely|going)\s+to|(?:plans?|planning|intends?|expects?|hopes?)\s+to|preparing to|to be held|upcoming|would)\b|['’]ll\b/gi;

// Past markers: auxiliaries, common irregular verbs, "ago", regular -ed forms (minus words that only look like them).
const PAST =
  /\b(?:was|were|had|did|met|held|said|told|went|came|took|made|began|gave|left|spoke|saw|ago|earlier|previously|[a-z]{2,}ed)\b/gi;

const NOT_PAST = new Set([
  "united",
  "need",
  "indeed",
  "proceed",
  "speed",
  "seed",
  "feed",
  "hundred",
  "red",
  "bed",
  "based",
  "armed",
  "embed",
  "exceed",
  "succeed",
  "breed",
  "creed",
  "greed",
  "sacred",
  "wicked",
  "naked",
  "kindred",
]);

/**
 * More future markers, for dating only (`sentenceTense`, which classifies sentences, keeps the list
 * above): "is expected back", "are to resume", "could be freed", "planned for", and a copula right
 * before a weekday ("the deadline is Wednesday").
 */
const DATE_FUTURE = new RegExp(
  [
    "(?:is|are)\\s+(?:expected|due|set|scheduled|slated|planned)\\b",
    "(?:is|are)\\s+to\\s+[a-z]+",
    "could|might|should",
    "(?:planned|scheduled|set|slated)\\s+for\\b",
    `(?:is|are)(?=\\s+(?:on\\s+)?(?:${WEEKDAY_NAMES})\\b)`,
  ]
    .map((pattern) => `\\b(?:${pattern})`)
    .join("|"),
  "gi",
);

/**
 * A present progressive or a scheduling present ("are travelling to Cairo on Sunday", "the first
 * phase ends on Saturday") is a plan only before the date: after it, it is usually the present of
 * another clause ("at this time [late October], polls are showing ...").
 */
const PRESENT_PLAN =
  /\b(?:(?:is|are)\s+(?:also\s+)?[a-z]{3,}ing|ends|begins|starts|expires|opens|resumes|closes|arrives|returns|takes effect)\b/gi;

/** The modal "may", lower case only: "May" is a month. */
const MAY = /\bmay\b/g;

/** Between a date and a marker: at most two words, then a relative pronoun ("Sunday evening that left"). */
const RELATIVE_AFTER = /^\s*(?:[a-z]+\s+){0,2}?(?:that|which|who)\s+$/i;

/** Clause boundaries: the guess never looks past them. */
const BOUNDARY = /[.;!?]\s|[“”"]/g;

interface Marker {
  position: number;
  tense: Exclude<Tense, "unknown">;
  /** Counts only before the date (PRESENT_PLAN). */
  beforeOnly?: boolean;
}

function markersIn(text: string, from: number, to: number): Marker[] {
  const window = text.slice(from, to);
  const found: Marker[] = [];
  // matchAll starts at a global pattern's lastIndex, which sentenceTense's test() leaves behind.
  FUTURE.lastIndex = 0;
  DATE_FUTURE.lastIndex = 0;
  MAY.lastIndex = 0;
  PRESENT_PLAN.lastIndex = 0;
  PAST.lastIndex = 0;
  for (const match of window.matchAll(FUTURE)) found.push({ position: from + match.index, tense: "future" });
  for (const pattern of [DATE_FUTURE, MAY])
    for (const match of window.matchAll(pattern))
      found.push({ position: from + match.index, tense: "future" });
  for (const match of window.matchAll(PRESENT_PLAN))
    found.push({ position: from + match.index, tense: "future", beforeOnly: true });
  for (const match of window.matchAll(PAST)) {
    const word = match[0].toLowerCase();
    if (NOT_PAST.has(word)) continue;
    if (isParticiple(window, match.index, word)) continue;
    found.push({ position: from + match.index, tense: "past" });
  }
  return found;
}

/**
 * A past form that carries no tense of its own: a plan ("expected to", "scheduled to"), a passive
 * after a present or modal auxiliary ("is expected", "will be held", "could be freed": the auxiliary
 * decides), or a participle phrase ("a delegation led by", "the plan proposed by": "by" follows).
 */
function isParticiple(window: string, index: number, word: string): boolean {
  const after = window.slice(index + word.length, index + word.length + 4);
  if (/^\s+to\b/.test(after) && word !== "agreed") return true;
  if (/^\s+by\b/.test(after)) return true;
  return /\b(?:is|are|am|be|been|being)\s+$/i.test(window.slice(Math.max(0, index - 7), index));
}

/** The clause around [start, end): from the last boundary before to the next boundary after. */
function clauseBounds(text: string, start: number, end: number): [number, number] {
  let from = 0;
  let to = text.length;
  for (const match of text.matchAll(BOUNDARY)) {
    const at = match.index;
    if (at < start) from = at + 1;
    else if (at >= end) {
      to = at;
      break;
    }
  }
  return [from, to];
}

/**
 * The tense of the clause holding the span [start, end) of `text`: the nearest marker before the span
 * in its clause (max 120 characters back), else the nearest after it (max 60 characters), so an
 * attribution after the date ("..., his office said") does not set the tense of what it reports.
 * Inside a quotation with no marker of its own, the clause that introduces the quotation decides
 * ("would come home “on Sunday, if all goes well”"). "unknown" when there is no marker.
 *
 * @example tenseAround("Talks were held on Monday.", 16, 25) // "past"
 * @example tenseAround("They will meet on Monday, an official said.", 15, 24) // "future"
 */
export function tenseAround(text: string, start: number, end: number, quoted = true): Tense {
  const [clauseStart, clauseEnd] = clauseBounds(text, start, end);
  const from = Math.max(clauseStart, start - 120);
  const to = Math.min(clauseEnd, end + 60);
  let before: Marker | undefined;
  let after: Marker | undefined;
  for (const marker of markersIn(text, from, to)) {
    if (marker.position < start) {
      // Nearest before wins; at the same place "will" beats an -ed word it governs.
      if (
        !before ||
        marker.position > before.position ||
        (marker.position === before.position && marker.tense === "future")
      )
        before = marker;
    } else if (marker.position >= end && !marker.beforeOnly && (!after || marker.position < after.position))
      after = marker;
  }
  // A relative clause right after a date inside a noun phrase describes its event: "the incident
  // Sunday evening that left one dead" is past whatever governs the noun ("will be charged over ...").
  // After "on Wednesday" the date belongs to the verb before it ("presented a proposal on Wednesday
  // that would free ...").
  const adverbial =
    /^on\s/i.test(text.slice(start, end)) || /\bon\s+$/i.test(text.slice(Math.max(0, start - 4), start));
  if (after && !adverbial && RELATIVE_AFTER.test(text.slice(end, after.position))) return after.tense;
  const tense = before?.tense ?? after?.tense;
  if (tense) return tense;
  const opening = quoted ? quotationOpening(text, start) : -1;
  return opening > 0 ? tenseAround(text, opening, opening, false) : "unknown";
}

/** Where the quotation holding `position` opens (its mark), or -1 when `position` is not quoted. */
function quotationOpening(text: string, position: number): number {
  const curly = text.lastIndexOf("“", position);
  if (curly >= 0 && text.lastIndexOf("”", position) < curly) return curly;
  let straight = -1;
  for (let index = text.indexOf('"'); index >= 0 && index < position; index = text.indexOf('"', index + 1))
    straight = straight < 0 ? index : -1;
  return straight;
}

/**
 * The tense of a whole sentence: future when it has any future marker, else past when it has a past
 * marker, else unknown.
 *
 * @example sentenceTense("Barnea will go to Doha.") // "future"
 */
export function sentenceTense(text: string): Tense {
  // Booleans only: no marker list (this runs on every candidate sentence).
  FUTURE.lastIndex = 0;
  if (FUTURE.test(text)) return "future";
  PAST.lastIndex = 0;
  for (let match = PAST.exec(text); match; match = PAST.exec(text)) {
    const word = match[0].toLowerCase();
    if (NOT_PAST.has(word)) continue;
    if (
      /ed$/.test(word) &&
      word !== "agreed" &&
      /^\s+to\b/.test(text.slice(PAST.lastIndex, PAST.lastIndex + 4))
    )
      continue;
    PAST.lastIndex = 0;
    return "past";
  }
  return "unknown";
}

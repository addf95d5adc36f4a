/**
 * A cheap guess at the tense around a point of a sentence, used where a date alone is ambiguous
 * ("on Monday", "May 31" without a year) and to tell reports from plans. No parser: the nearest
 * future or past marker in the same clause wins.
 */

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

/** Clause boundaries: the guess never looks past them. */
const BOUNDARY = /[.;!?]\s|[“”"]/g;

interface Marker {
  position: number;
  tense: Exclude<Tense, "unknown">;
}

function markersIn(text: string, from: number, to: number): Marker[] {
  const window = text.slice(from, to);
  const found: Marker[] = [];
  for (const match of window.matchAll(FUTURE)) found.push({ position: from + match.index, tense: "future" });
  for (const match of window.matchAll(PAST)) {
    const word = match[0].toLowerCase();
    if (NOT_PAST.has(word)) continue;
    // "expected to", "scheduled to" are plans, already counted as future.
    if (/ed$/.test(word) && /^\s+to\b/.test(window.slice(match.index + word.length)) && word !== "agreed")
      continue;
    found.push({ position: from + match.index, tense: "past" });
  }
  return found;
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
 * The tense nearest to the span [start, end) of `text`, within its clause (max 120 characters before
 * and 60 after); "unknown" when there is no marker.
 *
 * @example tenseAround("Talks were held on Monday.", 16, 25) // "past"
 * @example tenseAround("They will meet on Monday.", 15, 24) // "future"
 */
export function tenseAround(text: string, start: number, end: number): Tense {
  const [clauseStart, clauseEnd] = clauseBounds(text, start, end);
  const from = Math.max(clauseStart, start - 120);
  const to = Math.min(clauseEnd, end + 60);
  let best: Marker | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const marker of markersIn(text, from, to)) {
    // Words after the date count a little less than words before it ("on Monday the talks were...").
    const distance = marker.position < start ? start - marker.position : (marker.position - end) * 1.5;
    if (distance < bestDistance || (distance === bestDistance && marker.tense === "future")) {
      best = marker;
      bestDistance = distance;
    }
  }
  return best?.tense ?? "unknown";
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

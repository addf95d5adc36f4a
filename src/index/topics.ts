/** Topics a `/status TOPIC` can name: category words, the common topics, and how a topic is keyed. */
import type { StatusCategory } from "../analysis/types.js";

/** Human words for each category (the first is its label). */
export const CATEGORY_WORDS: Record<StatusCategory, readonly string[]> = {
  scheduled_meeting: ["scheduled meeting", "meeting", "upcoming", "visit"],
  talks_held: ["talks held", "meeting held"],
  talks_resuming: ["talks resuming", "resumption", "resuming"],
  stalled: ["stalled", "stall", "stopped", "deadlock"],
  proposal_on_table: ["proposal", "proposal on the table", "plan on the table", "plan"],
  obstacle: ["obstacle", "sticking point"],
  deal_reached: ["deal reached", "deal", "agreement"],
  deal_implemented: ["deal implemented", "deal", "implementation"],
  position: ["position", "opinion"],
  background_event: ["background", "war"],
};

/** "talks" and its synonyms: every category but background. */
export const TALKS_WORDS = ["talks", "negotiations", "ceasefire talks", "status"];
/** Shown first in autocomplete and suggestions. */
export const COMMON_TOPICS = ["talks", "hostages", "ceasefire"];

/**
 * Lower case, accents and punctuation dropped, plural `s` dropped from longer words:
 * `Scheduled_Meetings` and `scheduled meeting` give the same key.
 *
 * @example topicKey("Hostages") // "hostage"
 */
export function topicKey(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .map((word) => (word.length > 3 && word.endsWith("s") && !word.endsWith("ss") ? word.slice(0, -1) : word))
    .join(" ");
}

export const FILLER = new Set(["the", "of", "a", "an", "and", "in", "for", "to", "on"]);

/** Edit distance of at most `max` (early exit), for typos in topics. */
export function withinDistance(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return false;
    previous = current;
  }
  return previous[b.length]! <= max;
}

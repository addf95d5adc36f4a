/** Topics a `/status TOPIC` can name: category words, the common topics, and how a topic is keyed. */
import type { StatusCategory } from "../analysis/types.js";

/** Human words for each category (the first is its label). */
export const CATEGORY_WORDS: Record<StatusCategory, readonly string[]> = {
  scheduled_meeting: ["scheduled meeting", "meeting", "upcoming", "visit"],
  talks_held: ["talks held", "meeting held"],
  talks_postponed: ["talks postponed", "postponed", "postponement", "delay"],
  delegation_sent: ["delegation sent", "delegation"],
  delegation_recalled: ["delegation recalled", "recalled", "delegation"],
  proposal_made: ["proposal made", "proposal", "offer"],
  proposal_on_table: ["proposal on the table", "proposal", "plan on the table", "plan"],
  proposal_accepted: ["proposal accepted", "proposal", "accepted"],
  proposal_rejected: ["proposal rejected", "proposal", "rejected", "rejection"],
  proposal_under_review: ["proposal under review", "proposal", "review"],
  proposal_amended: ["proposal amended", "proposal", "amended", "amendment"],
  talks_resuming: ["talks resuming", "resumption", "resuming"],
  stalled: ["stalled", "stall", "stopped", "deadlock"],
  suspended: ["talks suspended", "suspended", "suspension"],
  mediation_suspended: ["mediation suspended", "mediation", "suspended"],
  obstacle: ["obstacle", "sticking point"],
  deadline: ["deadline"],
  deal_reached: ["deal reached", "deal", "agreement"],
  deal_approved: ["deal approved", "deal", "approval", "ratified"],
  deal_implemented: ["deal implemented", "deal", "implementation"],
  ceasefire_started: ["ceasefire started", "truce started"],
  ceasefire_ended: ["ceasefire ended", "truce ended"],
  ceasefire_violated: ["ceasefire violated", "violation", "violations"],
  hostages_released: ["hostages released", "release", "releases"],
  prisoners_released: ["prisoners released", "release", "releases"],
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

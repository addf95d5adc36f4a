/**
 * The status categories (issue 13): their families, which ones are talk events, and how the old,
 * coarser categories map onto them. The export keeps every old name; an old name that covered several
 * things now splits, and the rules (rules.ts) pick the finer name where the sentence says which.
 */
import type { StatusCategory } from "../types.js";

export type CategoryFamily = "meetings" | "proposals" | "process" | "outcomes" | "facts";

export const FAMILY: Readonly<Record<StatusCategory, CategoryFamily>> = {
  scheduled_meeting: "meetings",
  talks_held: "meetings",
  talks_postponed: "meetings",
  delegation_sent: "meetings",
  delegation_recalled: "meetings",
  proposal_made: "proposals",
  proposal_on_table: "proposals",
  proposal_accepted: "proposals",
  proposal_rejected: "proposals",
  proposal_under_review: "proposals",
  proposal_amended: "proposals",
  talks_resuming: "process",
  stalled: "process",
  suspended: "process",
  mediation_suspended: "process",
  obstacle: "process",
  deadline: "process",
  deal_reached: "outcomes",
  deal_approved: "outcomes",
  deal_implemented: "outcomes",
  ceasefire_started: "outcomes",
  ceasefire_ended: "outcomes",
  ceasefire_violated: "outcomes",
  hostages_released: "outcomes",
  prisoners_released: "outcomes",
  position: "facts",
  background_event: "facts",
};

/** Every category, in family order (the order of {@link FAMILY}). */
export const CATEGORIES = Object.keys(FAMILY) as StatusCategory[];

/**
 * Each old category and what it may now be. Old names are kept as they are; where an old name
 * covered more, the finer names are listed (a sentence the new rules cannot place keeps the old name).
 */
export const OLD_CATEGORIES: Readonly<Record<string, readonly StatusCategory[]>> = {
  scheduled_meeting: ["scheduled_meeting", "delegation_sent", "deadline"],
  talks_held: ["talks_held"],
  talks_resuming: ["talks_resuming"],
  stalled: [
    "stalled",
    "talks_postponed",
    "suspended",
    "mediation_suspended",
    "delegation_recalled",
    "ceasefire_ended",
  ],
  proposal_on_table: [
    "proposal_on_table",
    "proposal_made",
    "proposal_under_review",
    "proposal_amended",
    "proposal_accepted",
  ],
  obstacle: ["obstacle", "proposal_rejected", "ceasefire_violated"],
  deal_reached: ["deal_reached", "deal_approved"],
  deal_implemented: ["deal_implemented", "ceasefire_started", "hostages_released", "prisoners_released"],
  position: ["position"],
  background_event: ["background_event"],
};

/** A step in the talks: everything but opinions and background, which `/status` leaves out. */
export function isTalkEvent(category: StatusCategory): boolean {
  return FAMILY[category] !== "facts";
}

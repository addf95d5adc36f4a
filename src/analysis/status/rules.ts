/**
 * Which sentences are about the negotiations, and what each says about where they stand.
 *
 * Plain word rules, checked in a fixed order; the first category that matches wins. The order matters:
 * - deals come first ("a deal was reached", "the truce took effect"), unless negated ("without reaching
 *   an agreement");
 * - anything about a future meeting, visit or round is a scheduled meeting;
 * - "new impetus"/"resumed" beats "after months of stagnation" (talks_resuming before stalled);
 * - an opinion ("critics believe ...") is a position even when it names a problem;
 * - background (casualties, destruction) only when nothing about the talks matched; a sentence that
 *   does not name the talks can only be an opinion or background.
 * Categories are coarse labels for grouping; the date and the verbatim sentence are what answers show.
 */

import { sentenceTense } from "../dates/tense.js";
import type { StatusCategory } from "../types.js";

/** A sentence must match this (or BACKGROUND, or be an opinion naming someone) to be a status candidate. */
export const ABOUT_TALKS =
  /\b(?:negotiat\w*|talks|ceasefire|cease-fire|truce|deal|agreement|accord|hostages?|prisoners?|detainees?|captives?|mediat\w*|delegations?|proposals?|frameworks?|summit|envoys?|meet|meets|meeting|meetings|met|round of)\b/i;

export const BACKGROUND =
  /\b(?:killed|wounded|martyrs?|dead|deaths?|casualt(?:y|ies)|injured|missing|displaced|bombard\w*|air ?strikes?|shelling|destruction|famine|invasion|offensive)\b/i;

/** Opinion verbs: what the speaker believes, not what happened. */
export const OPINION =
  /\b(?:believes?|believed|thinks?|thought|argues?|argued|feels?|felt|considers?|considered|views?|suspects?|fears?|doubts?)\b/i;

/** Speech cues: the sentence reports a statement. */
export const SPEECH =
  /\b(?:said|says|told|added|explained|stated|announced|confirmed|stressed|noted|pointed out|indicated|urged|warned|insisted|declared|according to|reiterated|emphasi[sz]ed)\b/i;

const NEGATED_FUTURE =
  /\b(?:will not|won['’]t|would not|wouldn['’]t|shall not|(?:is|are) not (?:expected|set|due|scheduled|going) to|refus\w+ to|no plans? to)\b/i;

const NEGATION_BEFORE =
  /\b(?:without|not|no|never|failed to|yet to|before|fail to|unable to|hopes? to|aim(?:s|ing)? to|close to)\s+(?:\w+\s+){0,2}$/i;

interface CategoryRule {
  category: StatusCategory;
  pattern: RegExp;
  /** Only for sentences about the future. */
  futureOnly?: boolean;
}

const DEAL_WORDS = "(?:deal|agreement|accord|ceasefire|cease-fire|truce)";

const RULES: CategoryRule[] = [
  {
    category: "deal_implemented",
    pattern:
      /\b(?:took effect|takes effect|came into (?:force|effect)|went into effect|entered into force|(?:was|were|been) (?:implemented|released|freed|handed over)|implementation (?:of|began|started)|first phase (?:began|started))\b/i,
  },
  {
    category: "deal_reached",
    pattern: new RegExp(
      `\\b(?:(?:reached|struck|signed|sealed|clinched|concluded)\\s+(?:an?\\s+|the\\s+)?(?:\\w+\\s+){0,2}${DEAL_WORDS}|${DEAL_WORDS}\\s+(?:was|has been|had been|is)\\s+(?:reached|struck|signed|sealed|agreed)|agreed (?:on|to) (?:an?|the) (?:\\w+\\s+){0,2}${DEAL_WORDS})`,
      "i",
    ),
  },
  {
    category: "scheduled_meeting",
    pattern:
      /\b(?:meet|meeting|talks|negotiat\w*|visit|go to|travel\w*|host|summit|round|discuss|hold (?:talks|a meeting|negotiations)|convene|arrive|fly)\b/i,
    futureOnly: true,
  },
  {
    category: "talks_resuming",
    pattern:
      /\b(?:new impetus|resum\w+|restart\w*|reviv\w+|back on track|relaunch\w*|kick-?start\w*|return(?:ed|ing)? to the (?:negotiating )?table|new round|momentum|made progress|breakthrough)\b/i,
  },
  {
    category: "stalled",
    pattern:
      /\b(?:stall\w*|stopped|halted|suspend\w*|collapsed|broke down|breakdown|stagnat\w*|frozen|paused|deadlock\w*|impasse|without reaching|failed to reach|walked out|pulled out|stuck)\b/i,
  },
  {
    category: "talks_held",
    pattern:
      /\b(?:met|meetings?|held (?:talks|a meeting|negotiations|discussions)|talked|discussed|press conference|hosted|negotiated|mediated|(?:been|are|is|were|was) mediating|talks (?:were|took place))\b/i,
  },
  {
    category: "proposal_on_table",
    pattern:
      /\b(?:proposals?|proposed|plan|offer|offered|frameworks?|draft|on the table|put forward|counter-?proposal|initiative|blueprint)\b/i,
  },
  { category: "position", pattern: OPINION },
  {
    category: "obstacle",
    pattern:
      /\b(?:not yet|obstacles?|sticking points?|stumbling blocks?|disagree\w*|disputes?|refus\w+|reject\w*|no clarity|unclear|gaps?|hurdles?|difficult\w*|not been determined|undetermined|problems?|divided|differences|at odds)\b/i,
  },
  {
    category: "position",
    pattern:
      /\b(?:urged|called (?:on|for)|demand\w*|insist\w*|ready to|willing\w*|commit\w*|support\w*|oppos\w+|accept\w*|condemn\w*)\b/i,
  },
  // Last: casualties and destruction in a sentence that says nothing else about the talks.
  { category: "background_event", pattern: BACKGROUND },
];

/** For sentences not about the talks themselves: an opinion, or the war's background. */
const OUTSIDE_TALKS: CategoryRule[] = [
  { category: "position", pattern: OPINION },
  { category: "background_event", pattern: BACKGROUND },
];

/** True when the match at `index` of `text` is negated ("without reaching an agreement"). */
function isNegated(text: string, index: number): boolean {
  return NEGATION_BEFORE.test(text.slice(Math.max(0, index - 30), index));
}

/**
 * The status category of a sentence, or null. `future` says whether the sentence is about the future,
 * `aboutTalks` whether it names the talks at all (both computed when not given); a sentence that does
 * not can only be an opinion or background ("With American support, the war ... has left ...").
 *
 * @example classifyStatus("The negotiations stopped last August without reaching an agreement.") // "stalled"
 */
export function classifyStatus(
  text: string,
  future = sentenceTense(text) === "future",
  aboutTalks = ABOUT_TALKS.test(text),
): StatusCategory | null {
  for (const rule of aboutTalks ? RULES : OUTSIDE_TALKS) {
    const match = rule.pattern.exec(text);
    if (!match) continue;
    if (
      (rule.category === "deal_reached" || rule.category === "deal_implemented") &&
      isNegated(text, match.index)
    )
      continue;
    // "will not attend the talks" is no meeting: it is an obstacle or a position.
    if (rule.futureOnly && (!future || NEGATED_FUTURE.test(text))) continue;
    return rule.category;
  }
  return null;
}

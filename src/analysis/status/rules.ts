/**
 * Which sentences are about the negotiations, and what step each reports (issue 13's categories,
 * categories.ts). Plain word rules, checked in a fixed order; the first that matches wins. The order
 * matters, most specific first:
 * - outcomes that name their object: a ceasefire ended, violated or started, hostages or prisoners
 *   released, a deal approved by a cabinet, a deal reached (both sides), unless negated ("without
 *   reaching an agreement");
 * - the process's explicit turns: mediation suspended, talks suspended, a team recalled, a round
 *   postponed, a deadline;
 * - what happened to a proposal: rejected, accepted (one side), amended, under review, made;
 * - a delegation sent; anything else about a future meeting, visit or round is a scheduled meeting;
 * - "new impetus"/"resumed" beats "after months of stagnation" (talks_resuming before stalled);
 * - talks held, a proposal on the table, then opinions (`position`), obstacles, stances;
 * - background (casualties, destruction) only when nothing about the talks matched; a sentence that
 *   does not name the talks can only be an opinion or background.
 */

import { sentenceTense } from "../dates/tense.js";
import type { StatusCategory } from "../types.js";

/** A sentence must match this (or BACKGROUND, or be an opinion naming someone) to be a status candidate. */
export const ABOUT_TALKS =
  /\b(?:negotiat\w*|talks|ceasefire|cease-fire|truce|deal|agreement|accord|hostages?|prisoners?|detainees?|captives?|mediat\w*|delegations?|proposals?|frameworks?|summit|envoys?|meet|meets|meeting|meetings|met|round of|rounds?,|deadline|ultimatum|negotiators?|negotiating team|team|gaps|sticking points?|withdrawal|handover|maps?|(?:has|have|had|given) until|(?:spoke|speaks|talked) (?:by (?:tele)?phone|on the phone)|(?:tele)?phone call|would not accept|will not accept|(?:first|second|third|next|final) phase)\b/i;

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

/** Words right before a match that deny or only hope for it ("without reaching", "hopes to reach"). */
const NEGATION_BEFORE =
  /\b(?:without|not|no|never|failed to|yet to|before|fail to|unable to|hopes? to|aim(?:s|ing)? to|close to|push(?:ing|ed)? (?:for|to)|seek(?:s|ing)? to|efforts? to|bid to|aimed at|refus\w* to|declined? to|decline to)\s+(?:\w+\s+){0,2}$/i;

interface CategoryRule {
  category: StatusCategory;
  pattern: RegExp;
  /** Only for sentences about the future. */
  futureOnly?: boolean;
  /** Skipped when the match is negated ("without reaching an agreement"). */
  negatable?: boolean;
  /** The sentence must also match this. */
  needs?: RegExp;
  /** Skipped when the text right before the match matches this ("talks on a ceasefire" collapsed). */
  notAfter?: RegExp;
  /** Decided by {@link releaseCategory}. */
  release?: boolean;
}

const DEAL = "(?:deal|agreement|accord|ceasefire|cease-fire|truce)";
const TRUCE = "(?:ceasefire|cease-fire|truce)";
const OFFER =
  "(?:proposals?|offers?|plans?|drafts?|frameworks?|texts?|terms|initiatives?|blueprint|clauses?|counter-?proposals?|response|maps?)";
const TEAM = "(?:delegations?|teams?|negotiators|negotiating team|envoys?|delegates)";

const RULES: CategoryRule[] = [
  {
    category: "ceasefire_ended",
    pattern: new RegExp(
      `\\b(?:${TRUCE}(?!\\s+(?:talks|negotiations|deal|agreement|proposal|plan))[^.;]{0,50}?\\b(?:ended|collapsed|expired|broke down|came to an end|is over|was over|has ended|had ended|will end|ends)\\b|end(?:ed)? (?:of )?the (?:\\w+\\s+){0,2}${TRUCE}|(?:fighting|strikes|bombardment|hostilities|war|offensive) (?:\\w+\\s+){0,2}resumed|resum\\w+ (?:the )?(?:fighting|strikes|bombardment|hostilities|war|offensive))`,
      "i",
    ),
    notAfter:
      /\b(?:talks|negotiations|deal|agreement|proposal)\s+(?:on|for|over|towards?)\s+(?:an?\s+|the\s+)?$/i,
  },
  {
    category: "ceasefire_violated",
    pattern: /\b(?:violat\w+|breach\w*)\b/i,
    needs: /\b(?:ceasefire|cease-fire|truce|deal|agreement|accord)\b/i,
  },
  {
    category: "ceasefire_started",
    pattern: new RegExp(
      `\\b${TRUCE}\\s+(?:\\w+\\s+){0,4}(?:took effect|takes effect|take effect|came into (?:force|effect)|comes into (?:force|effect)|come into (?:force|effect)|went into effect|goes into effect|go into effect|entered into force|began|begins|begin|started|starts|start|kicked in|got under way|is in effect|was in effect)\\b`,
      "i",
    ),
    negatable: true,
  },
  // A side's condition ("would not accept", "any deal must ..."): an obstacle, whatever it names.
  {
    category: "obstacle",
    pattern:
      /\b(?:would|will|could) not (?:accept|agree|allow|end|begin|start|sign|withdraw|go ahead)\b|\b(?:any|a|the) (?:final |future |new )?(?:deal|agreement)\b[^.;]{0,20}\bmust\b|\bnot (?:until|before) all\b|\baccus\w+\b/i,
  },
  // Hostages or prisoners released: decided by releaseCategory (the noun the release verb governs).
  { category: "hostages_released", pattern: /(?!)/, release: true },
  {
    // "voted to send the response back" is a rejection, not an approval.
    category: "proposal_rejected",
    pattern: /\b(?:sen[dt]\w*|return\w*) (?:\w+\s+){0,3}back to the mediators\b/i,
  },
  {
    category: "deal_approved",
    pattern:
      /\b(?:cabinet|government|parliament|knesset|ministers)\b[^.;]{0,60}?\b(?:approved|ratified|endorsed|voted (?:to approve|for|in favou?r)|backed|signed off)\b|\b(?:approved|ratified|endorsed)\b[^.;]{0,30}?\bby the (?:\w+\s+){0,2}(?:cabinet|government|parliament|knesset)\b/i,
    negatable: true,
  },
  {
    category: "deal_reached",
    pattern: new RegExp(
      `\\b(?:(?:reached|struck|signed|sealed|clinched|concluded|announced|finalised|finalized)\\s+(?:an?\\s+|the\\s+)?(?:\\w+\\s+){0,3}${DEAL}|${DEAL}\\s+(?:\\w+\\s+){0,2}(?:was|has been|had been|is|were)\\s+(?:reached|struck|signed|sealed|agreed|clinched|finalised|finalized)|agreed (?:on|to) (?:an?|the) (?:\\w+\\s+){0,2}${DEAL})`,
      "i",
    ),
    negatable: true,
  },
  {
    category: "deal_implemented",
    pattern:
      /\b(?:(?:deal|agreement|accord)\s+(?:\w+\s+){0,3}(?:took effect|takes effect|came into (?:force|effect)|went into effect|entered into force)|(?:was|were|been) implemented|implementation (?:of|began|started)|(?:first|second|third) phase (?:\w+\s+){0,2}(?:began|started|got under way))\b/i,
    negatable: true,
  },
  {
    category: "mediation_suspended",
    pattern:
      /\b(?:(?:suspend\w*|paus\w+|halt\w*|freez\w+|froze|end\w*|withdr\w+ from|step\w* back from|quit)\s+(?:\w+\s+){0,3}mediat\w+|mediat\w+\s+(?:\w+\s+){0,3}(?:suspended|paused|halted|on hold|frozen))\b/i,
  },
  {
    category: "suspended",
    pattern:
      /\b(?:(?:suspend\w*|called off|call off|calls off|halt\w*|broke off|break off|breaks off|cancel\w*)\s+(?:\w+\s+){0,3}(?:talks|negotiations|round|contacts|meetings?)|(?:talks|negotiations|round|meetings?)\s+(?:\w+\s+){0,3}(?:suspended|called off|halted|cancel+ed|broken off))\b/i,
  },
  {
    category: "delegation_recalled",
    pattern: new RegExp(
      `\\b(?:recall\\w*|called back|pull\\w* (?:out )?(?:its |their |the )?(?:\\w+\\s+){0,1}${TEAM}|withdr\\w+ (?:its |their |the )?(?:\\w+\\s+){0,1}${TEAM}|${TEAM}\\s+(?:\\w+\\s+){0,3}(?:left|returned home|came home|flew home|went home|was withdrawn|were withdrawn|walked out))\\b`,
      "i",
    ),
  },
  {
    category: "talks_postponed",
    pattern: /\b(?:postpon\w+|put off|pushed back|push back|delayed|reschedul\w+|deferred)\b/i,
    negatable: true,
  },
  // "still on the table" is a standing proposal, whatever else the sentence says about it.
  { category: "proposal_on_table", pattern: /\b(?:on the table|still (?:stands|valid|on offer))\b/i },
  {
    category: "proposal_rejected",
    pattern: new RegExp(
      `\\b(?:reject\\w*|turned down|turn down|turns down|dismiss\\w+|refus\\w+)\\s+(?:\\w+\\s+){0,4}${OFFER}|\\b${OFFER}\\s+(?:\\w+\\s+){0,3}(?:was|were|has been|had been)\\s+(?:rejected|turned down|dismissed)|\\brejected\\b`,
      "i",
    ),
  },
  {
    category: "proposal_accepted",
    pattern: new RegExp(
      `\\b(?:accept\\w*|agreed to|agrees to|approved|endorsed|embraced|signed on to|responded positively to|said yes to)\\s+(?:\\w+\\s+){0,4}${OFFER}|\\b${OFFER}\\s+(?:\\w+\\s+){0,3}(?:was|were|has been|had been)\\s+accepted`,
      "i",
    ),
    negatable: true,
  },
  {
    category: "deadline",
    pattern:
      /\b(?:deadlines?|ultimatum)\b|\b(?:has|have|had|given|gave \w+) until\b|\b(?:deal|agreement|accord)\s+(?:\w+\s+){0,2}(?:before|by)\s+(?:the\s+)?(?:[\w-]+\s+){0,4}(?:on\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/i,
  },
  {
    category: "proposal_under_review",
    pattern: new RegExp(
      `\\b${OFFER}\\s+(?:\\w+\\s+){0,2}(?:is|was|are|were) (?:being |still )?(?:studied|reviewed|examined|considered|weighed)|\\b(?:give|deliver|send) (?:[\\w'’]+\\s+){0,2}(?:answer|response|reply)\\b`,
      "i",
    ),
  },
  {
    category: "proposal_under_review",
    pattern: new RegExp(
      `\\b(?:stud(?:y|ying|ied|ies)|review\\w*|examin\\w+|consider\\w*|weigh\\w*|assess\\w*)\\s+(?:\\w+\\s+){0,3}${OFFER}|\\bunder (?:review|study|consideration)\\b|\\b(?:will|would|to|yet to) (?:respond|reply|give (?:its|their|a) (?:response|answer))\\b`,
      "i",
    ),
  },
  {
    category: "proposal_made",
    pattern: new RegExp(
      `\\b(?:present\\w*|submit\\w*|put forward|puts forward|propos\\w+|offer\\w*|hand\\w* over|sent|deliver\\w*|tabled|unveil\\w*|drafted|drew up|draws up|laid out|floated)\\s+(?:\\w+\\s+){0,4}${OFFER}|\\bnew (?:\\w+\\s+){0,1}${OFFER}`,
      "i",
    ),
    negatable: true,
  },
  {
    category: "proposal_amended",
    pattern: new RegExp(
      `\\b(?:amend\\w*|revis\\w+|modif\\w+|updated|reworded|redrafted|new version|changes to)\\b[^.;]{0,40}?\\b${OFFER}|\\b${OFFER}\\s+(?:\\w+\\s+){0,3}(?:was|were|has been|had been)\\s+(?:amended|revised|modified|updated)`,
      "i",
    ),
  },
  // What someone believes about the talks is their opinion, not a plan ("critics believe the talks will fail").
  { category: "position", pattern: OPINION },
  {
    category: "delegation_sent",
    pattern: new RegExp(
      [
        // "will send the head of Mossad to Doha", "sent a delegation"
        `\\b(?:sen[dt]\\w*|dispatch\\w*)\\s+(?:a |an |the |its |their |his |her )?(?:[\\w-]+\\s+){0,3}(?:${TEAM}|head|chief|director|minister|officials?|representatives?)\\b`,
        // "the team ... arrived in Cairo", "the team had been sent to Qatar"
        `\\b${TEAM}\\b[^.;]{0,50}?\\b(?:arriv\\w+|landed|lands|flew|fly|flies|headed|heads|left for|leave for|leaves for|set off|travel\\w*|is due in|are due in|(?:was|were|had been|has been) (?:sent|dispatched))\\b`,
        // "flew in from Cairo to join the talks", "will travel to the region", "return to the region"
        `\\b(?:fl(?:y|ew|own|ies)|arriv\\w+|landed|travel\\w*|head(?:s|ed)?|return\\w*)\\b[^.;]{0,50}?\\b(?:to (?:join|attend|take part in|participate in|lead|oversee)|to the region)\\b`,
      ].join("|"),
      "i",
    ),
    negatable: true,
  },
  {
    category: "scheduled_meeting",
    pattern:
      /\b(?:meet|meeting|talks|negotiat\w*|visit|go to|travel\w*|host|summit|conference|round|contacts|discuss|hold (?:talks|a meeting|negotiations)|convene|arrive|fly)\b/i,
    futureOnly: true,
  },
  {
    // Plans written without "will": "talks are to begin next month", "called for an urgent meeting".
    category: "scheduled_meeting",
    pattern:
      /\b(?:talks|negotiations|round|meeting|summit|conference)\b[^.;]{0,50}?\b(?:(?:is|are) (?:to|due to|set to|expected to|scheduled to) (?:begin|open|start|resume|take place|be held)|to (?:open|begin|start) (?:this|next|in|on)\b)|\bcall(?:ed|s|ing)? for (?:an? )?(?:\w+\s+){0,2}(?:meeting|talks|round|summit)\b/i,
  },
  {
    category: "talks_resuming",
    pattern:
      /\b(?:new impetus|resum\w+|restart\w*|reviv\w+|back on track|relaunch\w*|kick-?start\w*|return(?:ed|ing)? to the (?:negotiating )?table|new round|momentum|made progress|breakthrough)\b/i,
  },
  {
    category: "stalled",
    pattern:
      /\b(?:stall\w*|stopped|stagnat\w*|frozen|paused|deadlock\w*|impasse|without reaching|failed to reach|walked out|stuck|collapsed?|broke down|breakdown|standstill|ground to a halt)\b/i,
  },
  {
    category: "talks_held",
    pattern:
      /\b(?:met|meetings?|held (?:talks|a meeting|negotiations|discussions|a round)|talked|discussed|press conference|hosted|negotiated|mediated|(?:been|are|is|were|was) mediating|(?:talks|round|negotiations)\b[^.;]{0,60}?\b(?:were held|took place|opened|began|ended|continued|concluded)|(?:spoke|speaks|talked) (?:by (?:tele)?phone|on the phone)|(?:tele)?phone call|(?:opened|began|concluded|wrapped up) (?:\w+\s+){0,2}(?:talks|round|negotiations))\b/i,
  },
  {
    category: "proposal_on_table",
    pattern: new RegExp(`\\b(?:${OFFER}|proposed|offered|on the table|put forward)\\b`, "i"),
  },
  { category: "position", pattern: OPINION },
  {
    category: "obstacle",
    pattern:
      /\b(?:not yet|obstacles?|sticking points?|stumbling blocks?|accus\w+|disagree\w*|disputes?|refus\w+|reject\w*|no clarity|unclear|gaps?|hurdles?|difficult\w*|not been determined|undetermined|problems?|divided|differences|at odds)\b/i,
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

/** A release, done or to come ("were freed", "will hand over"); never "a deal to release" (a goal). */
const RELEASE_VERB =
  /\b(?:released|freed|set free|handed over|hands? over|walked free|(?:will|would|shall|is to|are to|(?:is|are|was|were) (?:due|set|expected|scheduled) to) (?:release|free|hand over|return|set free)|(?:was|were|been|be|being) (?:released|freed|returned|handed over|set free))\b|\b(?:exchange|handover|release)\b[^.;]{0,80}?\b(?:(?:is|are) (?:to|due to|set to|expected to) take place|will take place|took place)\b/gi;
const HOSTAGE_NOUN = /\b(?:hostages?|captives?|abductees?|remains)\b/i;
const PRISONER_NOUN = /\b(?:prisoners?|detainees?)\b/i;

/**
 * Hostages or prisoners released: the first of them the release verb governs (after it: "freed 90
 * prisoners in exchange for 3 hostages" is prisoners), else its subject ("three hostages were
 * freed"). Null when no release is reported or it is negated or only sought.
 *
 * @example releaseCategory("Israel freed 90 Palestinian prisoners overnight.") // "prisoners_released"
 */
export function releaseCategory(text: string): StatusCategory | null {
  for (const match of text.matchAll(RELEASE_VERB)) {
    if (isNegated(text, match.index)) continue;
    // "a proposal that would free 10 hostages": what the proposal says, not a release.
    if (/\b(?:that|which)\s+$/i.test(text.slice(Math.max(0, match.index - 10), match.index))) continue;
    const after = text.slice(match.index, match.index + match[0].length + 80);
    const hostage = HOSTAGE_NOUN.exec(after)?.index ?? -1;
    const prisoner = PRISONER_NOUN.exec(after)?.index ?? -1;
    if (hostage >= 0 || prisoner >= 0) {
      if (prisoner < 0 || (hostage >= 0 && hostage < prisoner)) return "hostages_released";
      return "prisoners_released";
    }
    const before = text.slice(Math.max(0, match.index - 60), match.index);
    const lastHostage = before.search(
      /\b(?:hostages?|captives?|abductees?|remains)\b(?!.*\b(?:hostages?|captives?|abductees?|remains)\b)/i,
    );
    const lastPrisoner = before.search(/\b(?:prisoners?|detainees?)\b(?!.*\b(?:prisoners?|detainees?)\b)/i);
    if (lastHostage >= 0 || lastPrisoner >= 0)
      return lastHostage > lastPrisoner ? "hostages_released" : "prisoners_released";
  }
  return null;
}

/** Relative clauses and "led by" asides set off by commas: they say nothing about the step reported. */
const ASIDE = /,\s+(?:who|which|whose|led by|headed by|accompanied by)\b[^,.;]*,/gi;

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
  const main = text.replace(ASIDE, ",");
  for (const rule of aboutTalks ? RULES : OUTSIDE_TALKS) {
    if (rule.release) {
      const released = releaseCategory(main);
      if (released) return released;
      continue;
    }
    const match = rule.pattern.exec(main);
    if (!match) continue;
    if (rule.negatable && isNegated(main, match.index)) continue;
    if (rule.notAfter?.test(main.slice(Math.max(0, match.index - 40), match.index))) continue;
    if (rule.needs && !rule.needs.test(main)) continue;
    // "will not attend the talks" is no meeting: it is an obstacle or a position.
    if (rule.futureOnly && (!future || NEGATED_FUTURE.test(main))) continue;
    return rule.category;
  }
  return null;
}

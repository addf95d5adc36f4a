/**
 * Who takes part in a meeting: only the names the sentence says meet ("X met Y", "X will meet Y",
 * "X held talks with Y"), not every name in the sentence. Left out: names outside the meeting's
 * clause (", the Times reported", "after Z said ..."), places and venues ("at the Rosewood Palace"),
 * and whoever is told or cited ("told the Herald", "according to Z").
 */

import type { StatusCategory } from "../types.js";
import { FAMILY } from "./categories.js";

/** A name in a sentence: its entity, where it is written (offsets in the sentence), and its kind. */
export interface PlacedName {
  id: string;
  start: number;
  end: number;
  place: boolean;
}

/** Words that say people meet. */
const MEET =
  /\b(?:meet|meets|met|meeting|(?:hold|holds|held|holding) talks|talks with|sat down with|(?:will|to) host|hosted)\b/i;

/** The start of the meeting's clause: after the last stop, semicolon, colon or reporting verb before the verb. */
const CLAUSE_OPEN = /.*(?:[.;:]\s|\b(?:said|says|told|reported|added|announced) (?:that )?)/s;

/** The end of the meeting's clause: a stop, a source phrase, or a new clause. */
const CLAUSE_CLOSE =
  /[.;]|,? (?:after|before|when|while|according|which|who|where|as)\b|, (?:the|a|an|\w+ (?:said|told|reported|says))\b/;

/** A preposition of place or a cue right before a name: "at the X", "in X", "told the X". */
const NOT_PARTY_BEFORE = /\b(?:at|in|inside|outside|near|told|tells|to|according to|on)(?: the)?\s*$/i;

/**
 * The participants of a meeting event, or null when the sentence has no meeting verb (then every
 * name in it stays a participant, as for other events).
 *
 * @example
 * meetingParticipants("talks_held", "Ann Lee met Bo Park at the Rosewood Palace, the Herald reported.", names)
 * // ["person:ann-lee", "person:bo-park"]
 */
export function meetingParticipants(
  category: StatusCategory,
  text: string,
  names: readonly PlacedName[],
): string[] | null {
  if (FAMILY[category] !== "meetings") return null;
  // A meeting verb inside a quotation ("“... our negotiators to meet”") says nothing of who meets here.
  const verb = MEET.exec(text.replace(/[“"][^”"]*(?:[”"]|$)/g, (quoted) => " ".repeat(quoted.length)));
  if (!verb) return null;
  const verbEnd = verb.index + verb[0].length;
  const open = CLAUSE_OPEN.exec(text.slice(0, verb.index));
  const close = CLAUSE_CLOSE.exec(text.slice(verbEnd));
  const clauseStart = open ? open[0].length : 0;
  const clauseEnd = close ? verbEnd + close.index : text.length;
  const ids: string[] = [];
  for (const name of names) {
    if (name.place || name.start < clauseStart || name.end > clauseEnd) continue;
    // "met Y with Z" keeps Z; "at the Palace", "told the Herald" are no parties.
    if (NOT_PARTY_BEFORE.test(text.slice(0, name.start))) continue;
    if (!ids.includes(name.id)) ids.push(name.id);
  }
  return ids;
}

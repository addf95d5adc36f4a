/**
 * What the words in and around a run say about its kind (names.ts's helpers): a body then a name in
 * one run, a body noun followed by "of", a town before ", <state>", a noun after "the X".
 */

import { isCapitalised, type Token } from "../tokens.js";
import { ORGANISATION_HEADS } from "./lexicon.js";
import { US_STATES } from "./name-words.js";
import { posAt } from "./pos.js";
import { type Context, isRoleWord, lower, ORG_NAMES, PLACE_NAMES, slice } from "./roles.js";

/**
 * Where a chunk that starts with a body or place and goes on with a person's name splits, or -1:
 * the longest known body/place prefix, or a prefix ending in a body noun, followed by at least two
 * name words that are not role words.
 */
export function splitAfterBody(tokens: readonly Token[], start: number, end: number): number {
  for (let cut = end - 2; cut > start; cut--) {
    const rest = tokens.slice(cut, end);
    if (rest.some((t) => isRoleWord(t) || !isCapitalised(t) || ORGANISATION_HEADS.has(lower(t)))) continue;
    const prefix = tokens.slice(start, cut);
    const text = prefix
      .map((t) => t.text)
      .join(" ")
      .toLowerCase();
    if (
      PLACE_NAMES.has(text) ||
      ORG_NAMES.has(text) ||
      ORGANISATION_HEADS.has(lower(prefix[prefix.length - 1]))
    ) {
      return cut;
    }
  }
  return -1;
}

/** A body noun followed by "of" inside the run: "U.S. Department of Justice". */
export function bodyOf(tokens: readonly Token[], start: number, end: number): boolean {
  for (let i = start; i < end - 1; i++) {
    if (ORGANISATION_HEADS.has(lower(tokens[i])) && tokens[i + 1]!.text === "of") return true;
  }
  return false;
}

/**
 * True when a run after "from"/"in" is followed by ", <country or US state>" and a stop or comma:
 * "from Hilton Head, South Carolina," is a town; "Ann Lee, Ohio’s governor" is no such run.
 */
export function beforeRegion(context: Context, start: number, end: number): boolean {
  const { tokens } = context;
  if (tokens[end]?.text !== "," || !/^(?:from|in|near|outside)$/.test(lower(tokens[start - 1]))) return false;
  let k = end + 1;
  while (k < tokens.length && isCapitalised(tokens[k]) && k - end <= 3) k++;
  if (k === end + 1 || (tokens[k] && !/^[,.;]$/.test(tokens[k]!.text))) return false;
  const region = slice(context, end + 1, k).toLowerCase();
  return US_STATES.has(region) || US_STATES.has(region.replace(/[.\s]/g, "")) || PLACE_NAMES.has(region);
}

/** True when a common noun follows the run: "the Lee administration", "the Lee campaign". */
export function nounAfter(context: Context, end: number): boolean {
  const next = context.tokens[end];
  if (next?.kind === "possessive") return true;
  if (next?.kind !== "word" || isCapitalised(next)) return false;
  return posAt(context.paragraph, next.start) === "NOUN";
}

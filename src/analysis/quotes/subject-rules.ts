/**
 * Smaller rules of the subject stage (subject.ts): asides between a name and its cue, a cue
 * joined to the main clause, which cues a described source may have, the maker of a document.
 */
import type { ParagraphText } from "../text.js";
import type { CueWord } from "./cues.js";
import { type Item, lowerAt, tokenText } from "./items.js";
import type { Speaker } from "./speaker-base.js";

/** An aside between a name and its cue: an age ("63") or a phrase opening in lower case. */
export function isAside(paragraph: ParagraphText, items: readonly Item[], range: [number, number]): boolean {
  const first = tokenText(paragraph, items[range[0]]);
  return range[0] > 1 && (/^\d{1,3}$/.test(first) || /^\p{Ll}/u.test(first));
}

/**
 * "Ann Lee, 59, of Dunmore, Md., said" / "..., a welder from Dunmore, South Carolina, said": the
 * state after "of/from/in" + a town is the end of that phrase, an aside like it, not the subject.
 */
export function isPlaceTail(
  paragraph: ParagraphText,
  items: readonly Item[],
  outer: [number, number],
  inner: [number, number],
): boolean {
  const capital = (at: number): boolean => {
    const item = items[at];
    return item?.kind === "token" && paragraph.tokens[item.index]!.cap;
  };
  if (inner[1] - inner[0] > 3 || inner[1] <= inner[0]) return false;
  for (let at = inner[0]; at < inner[1]; at++)
    if (!capital(at) && tokenText(paragraph, items[at]) !== ".") return false;
  let at = outer[1] - 1;
  while (at > outer[0] && capital(at)) at--;
  return at < outer[1] - 1 && ["of", "from", "in"].includes(lowerAt(paragraph, items, at));
}

/** True when a name starts at item `at`, maybe after "the" ("a poll by the Pew Research Center"). */
export function namedNext(paragraph: ParagraphText, items: readonly Item[], at: number): boolean {
  const first = lowerAt(paragraph, items, at) === "the" ? at + 1 : at;
  const item = items[first];
  return item?.kind === "token" && paragraph.tokens[item.index]!.cap;
}

export const UNKNOWN: Speaker = { entityId: null, name: null, kind: "unknown", gender: null, plural: false };

/** Plain speech verbs a group of people ("Social conservatives say") is a source with. */
const GROUP_CUES = new Set(
  "said say says told tell argue argued insist insisted contend contended warn warned added noted".split(" "),
);

/**
 * A group or a document described as written is a source only with plain speech ("Farmers say",
 * "according to a poll by ..."): "Analysts expect", "the poll revealed" are not reported speech.
 */
export function describedFits(speaker: Speaker, word: CueWord): boolean {
  if (speaker.rule === "plural") return GROUP_CUES.has(word.text);
  if (speaker.rule === "document") return word.text === "according to";
  return true;
}

/**
 * True for a cue right after "and"/"but" that shares the sentence's subject: no relative clause
 * ("who", "which", "that") before it in the sentence, whose subject could be the one speaking.
 */
export function coordinated(paragraph: ParagraphText, items: readonly Item[], at: number): boolean {
  const joiner = lowerAt(paragraph, items, at - 1);
  if ((joiner !== "and" && joiner !== "but") || at < 3) return false;
  for (let i = 0; i < at - 1; i++) {
    if (["who", "which", "that", "whom", "whose"].includes(lowerAt(paragraph, items, i))) return false;
  }
  return true;
}

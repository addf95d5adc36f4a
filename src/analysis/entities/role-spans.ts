/**
 * Role-only mentions written around a country, with no name after them (names.ts makes the
 * mentions): "the Qatari prime minister", "Qatar’s prime minister", "the prime minister of Qatar",
 * and "Qatar’s" before a capitalised role ("Qatar’s Prime Minister said"). offices.ts words them one
 * way. The role must end in an office one person holds (HOLDER_NOUNS); a name after it takes the
 * phrase as its own role instead.
 */

import { isCapitalised, type Token } from "../tokens.js";
import { COUNTRIES } from "./lexicon.js";
import { HOLDER_NOUNS } from "./name-words.js";
import { isNationality, isRoleWord, lower, PLACE_NAMES } from "./roles.js";

/** A mention already found: its token range, kind and name. */
interface Found {
  from: number;
  to: number;
  kind: string;
  name: string;
}

/** True when the mention names a country ("Qatar", "Saudi Arabia"), not a city or region. */
export function isCountryMention(mention: Found | undefined): boolean {
  const place = mention?.kind === "place" ? PLACE_NAMES.get(mention.name.toLowerCase()) : undefined;
  return place !== undefined && COUNTRIES.includes(place);
}

/** End of lower-case role words from `from` that close on an office noun, or -1. */
function lowerRoleEnd(tokens: readonly Token[], from: number): number {
  let j = from;
  while (j < tokens.length && j - from < 4 && !isCapitalised(tokens[j]) && isRoleWord(tokens[j])) j++;
  return j > from && HOLDER_NOUNS.has(lower(tokens[j - 1])) ? j : -1;
}

/** No name follows at `at` (directly or after a comma: "the Qatari prime minister, Sheikh X,"). */
function noNameAt(tokens: readonly Token[], at: number): boolean {
  if (isCapitalised(tokens[at])) return false;
  return !(tokens[at]?.text === "," && isCapitalised(tokens[at + 1]));
}

/**
 * Token ranges of lower-case role-only mentions in a paragraph: "the Qatari prime minister",
 * "Qatar’s prime minister", "the prime minister of (the) Qatar".
 */
export function lowerRoleSpans(
  tokens: readonly Token[],
  mentions: readonly Found[],
): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const inside = (i: number): boolean => mentions.some((m) => m.from <= i && i < m.to);
  const countryAt = (i: number): Found | undefined =>
    mentions.find((m) => m.from === i && isCountryMention(m));
  for (let i = 0; i + 2 < tokens.length; i++) {
    const word = lower(tokens[i]);
    // "Ada Rell, the prime minister of Qatar,": an appositive, the name's role (roles.ts).
    if (tokens[i - 1]?.text === "," && mentions.some((m) => m.to === i - 1 && /person|single/.test(m.kind)))
      continue;
    if (word === "the" && isNationality(tokens[i + 1]) && !inside(i + 1)) {
      // "the Qatari prime minister"
      const end = lowerRoleEnd(tokens, i + 2);
      if (end > 0 && noNameAt(tokens, end)) spans.push([i, end]);
    } else if (word === "the" && !isCapitalised(tokens[i + 1])) {
      // "the prime minister of (the) Qatar"
      const end = lowerRoleEnd(tokens, i + 1);
      if (end < 0 || lower(tokens[end]) !== "of") continue;
      const at = lower(tokens[end + 1]) === "the" ? end + 2 : end + 1;
      const country = countryAt(at);
      if (country && noNameAt(tokens, country.to)) spans.push([i, country.to]);
    } else if (tokens[i + 1]?.kind === "possessive") {
      // "Qatar’s prime minister"
      const country = mentions.find((m) => m.to === i + 1 && isCountryMention(m));
      const end = country ? lowerRoleEnd(tokens, i + 2) : -1;
      if (country && end > 0 && noNameAt(tokens, end)) spans.push([country.from, end]);
    }
  }
  return spans;
}

/** Where a capitalised role-only run starting at `start` really starts: "Qatar’s Prime Minister". */
export function ownerBefore(tokens: readonly Token[], start: number, mentions: readonly Found[]): number {
  if (tokens[start - 1]?.kind !== "possessive") return start;
  const country = mentions.find((m) => m.to === start - 1 && isCountryMention(m));
  return country ? country.from : start;
}

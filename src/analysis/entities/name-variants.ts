/**
 * When two people's names, already normalised into words, are forms of one name: a common first-name
 * pair (Bill/William), a first-name spelling (Anthony/Antony), a transliteration (al-Rashiq/al-Reshiq,
 * Mohamed/Mohammed), particles written apart or together (Abdul Rahman/Abdulrahman), or an optional
 * middle initial or suffix (Donald J. Trump/Donald Trump), or middle names left out. Two people who share a surname (Joe and
 * Hunter Biden) are never variants: only one word may differ, and only in these ways.
 */

import { editDistance } from "./fuzzy.js";

/** Common first-name pairs: each group is one name (a word list of names in general, not of people). */
const NICKNAME_GROUPS = [
  "william bill billy will",
  "robert bob bobby rob",
  "richard dick rick",
  "james jim jimmy",
  "joseph joe",
  "michael mike",
  "thomas tom tommy",
  "anthony antony tony",
  "christopher chris",
  "daniel dan danny",
  "david dave",
  "steven stephen steve",
  "edward ed ted teddy",
  "charles chuck charlie",
  "ronald ron",
  "donald don",
  "kenneth ken",
  "gerald jerry",
  "lawrence larry",
  "nicholas nick",
  "patrick pat",
  "peter pete",
  "samuel sam",
  "timothy tim",
  "benjamin ben",
  "jonathan jon",
  "alexander alex",
  "andrew andy",
  "matthew matt",
  "gregory greg",
  "frederick fred",
  "elizabeth liz beth",
  "katherine catherine kathy kate",
  "margaret maggie peggy",
  "deborah debbie",
  "susan sue",
  "patricia patty",
  "jennifer jenny jen",
  "john jack johnny",
];

const NICKNAMES = new Map<string, number>();
NICKNAME_GROUPS.forEach((group, i) => {
  for (const name of group.split(" ")) NICKNAMES.set(name, i);
});

/** Words that may be left out of a name without naming someone else: an initial or "Jr". */
export function isOptionalWord(word: string): boolean {
  return word.length === 1 || /^(?:jr|sr|ii|iii|iv)$/.test(word);
}

/** The name without its optional words (kept whole when fewer than two words would remain). */
export function withoutOptional(words: readonly string[]): string[] {
  const core = words.filter((word) => !isOptionalWord(word));
  return core.length >= 2 ? core : [...words];
}

/** True when two first names are one name: a known pair, or a spelling one or two edits apart. */
export function variantFirstNames(a: string, b: string): boolean {
  if (a === b) return true;
  const ga = NICKNAMES.get(a);
  if (ga !== undefined && ga === NICKNAMES.get(b)) return true;
  if (a[0] !== b[0] || Math.min(a.length, b.length) < 4) return false;
  return editDistance(a, b, 2) <= (Math.min(a.length, b.length) >= 6 ? 2 : 1);
}

/** Consonants with doubled letters collapsed: "rashiq"/"reshiq" -> "rshq", "mohammed" -> "mhmd". */
function skeleton(word: string): string {
  return word.replace(/(.)\1+/g, "$1").replace(/[aeiouy]/g, "");
}

/** True when two words are transliterations of one: same consonants, a vowel or doubling apart. */
export function transliterated(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.min(a.length, b.length) < 4 || a[0] !== b[0]) return false;
  return skeleton(a) === skeleton(b) && editDistance(a, b, 2) <= 2;
}

/**
 * True when two names of the same number of words differ in one word only, and that word is a
 * first-name variant (first position) or a transliteration (any position).
 */
export function variantNames(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length || a.length < 2) return false;
  let differing = -1;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (differing >= 0) return false;
    differing = i;
  }
  if (differing < 0) return true;
  const x = a[differing]!;
  const y = b[differing]!;
  return (differing === 0 && variantFirstNames(x, y)) || transliterated(x, y);
}

/**
 * True when a shorter name is a longer one with middle words left out: same first and last word
 * ("Mohammed bin Abdulrahman Al Thani" in "Mohammed bin Abdulrahman bin Jassim Al Thani").
 */
export function middleDropped(short: readonly string[], long: readonly string[]): boolean {
  if (short.length < 2 || short.length >= long.length) return false;
  if (short[0] !== long[0] || short[short.length - 1] !== long[long.length - 1]) return false;
  let j = 0;
  for (const word of long) if (word === short[j]) j++;
  return j === short.length;
}

/**
 * The office a role names, worded one way, so that a role-only mention ties to the person named with
 * the same office however each article words it: "Qatar’s prime minister", "the Qatari Prime
 * Minister" and "the prime minister of Qatar" are all `qatar|prime minister`. Only the country (a
 * demonym, a country name, a possessive or an "of" phrase) or a known body ("the director of the
 * CIA" / "CIA Director") is moved; every other word stays as written, so "former prime minister",
 * "foreign minister" or "ambassador to Israel" remain other offices.
 */

import { normalise } from "../text.js";
import { COUNTRIES, COUNTRY_ADJECTIVES, KNOWN_ORGANISATIONS } from "./lexicon.js";

/** Other names of a country, to the name COUNTRY_ADJECTIVES gives it. */
const COUNTRY_ALIASES: ReadonlyArray<[string, string]> = [
  ["america", "United States"],
  ["united states of america", "United States"],
  ["britain", "United Kingdom"],
  ["great britain", "United Kingdom"],
  ["turkiye", "Turkey"],
  ["us", "United States"],
  ["u s", "United States"],
];

/** Lower-case phrase (normalised) -> the country or body it names. */
const OWNERS: ReadonlyMap<string, string> = new Map([
  ...[...COUNTRY_ADJECTIVES].map(([word, country]): [string, string] => [normalise(word), country]),
  ...COUNTRIES.map((country): [string, string] => [normalise(country), country]),
  ...COUNTRY_ALIASES,
  // Not "WHO": in lower case it is the pronoun of a relative clause ("the official who ...").
  ...[...KNOWN_ORGANISATIONS.keys()]
    .filter((body) => body !== "WHO")
    .map((body): [string, string] => [normalise(body), body]),
]);

/** Longest owner phrase, in words. */
const LONGEST = Math.max(...[...OWNERS.keys()].map((key) => key.split(" ").length));

/** A role's words: normalised, no leading article, no brackets or dots, an owner's possessive dropped. */
function roleWords(role: string): string[] {
  const words = normalise(role)
    .replace(/[()]/g, " ")
    .replace(/\./g, "")
    .split(" ")
    .filter((word) => word !== "")
    .filter((word, i) => i > 0 || !/^(?:the|a|an)$/.test(word));
  // "Qatar's" is Qatar; "Editor's" stays what it is (a role of its own, not an owner's).
  return words.map((word, i) => {
    const stem = word.replace(/'s$/, "");
    if (stem === word) return word;
    const owned = [1, 2, 3].some((n) =>
      OWNERS.has([...words.slice(Math.max(0, i - n + 1), i), stem].join(" ")),
    );
    return owned ? stem : word;
  });
}

/**
 * One office key for one role phrase: `owner|office words`, or the words alone when the role names
 * no owner or two ("the US ambassador to Israel" stays as written).
 */
export function officeKey(role: string): string {
  const words = roleWords(role);
  const found: Array<{ at: number; length: number; owner: string }> = [];
  for (let i = 0; i < words.length; i++) {
    for (let n = Math.min(LONGEST, words.length - i); n >= 1; n--) {
      const owner = OWNERS.get(words.slice(i, i + n).join(" "));
      if (owner) {
        found.push({ at: i, length: n, owner });
        i += n - 1;
        break;
      }
    }
  }
  const owners = new Set(found.map((f) => f.owner));
  if (owners.size !== 1) return words.join(" ");
  const drop = new Set<number>();
  for (const { at, length } of found) {
    for (let k = at; k < at + length; k++) drop.add(k);
    // "the prime minister of (the) Qatar": the "of" goes with the owner.
    let before = at - 1;
    if (words[before] === "the") drop.add(before--);
    if (words[before] === "of" && at + length === words.length) drop.add(before);
  }
  const office = words.filter((_, i) => !drop.has(i)).join(" ");
  return office === "" ? words.join(" ") : `${[...owners][0]!.toLowerCase()}|${office}`;
}

/**
 * The offices a named person's role holds: one per part of a role that joins two offices ("Qatari
 * Prime Minister and Foreign Minister": also `qatar|foreign minister`, the owner carried over).
 */
export function officeKeys(role: string): string[] {
  const keys = new Set([officeKey(role)]);
  const parts = role.split(/\s+and\s+/i);
  if (parts.length === 2) {
    const first = officeKey(parts[0]!);
    const owner = first.includes("|") ? first.slice(0, first.indexOf("|")) : "";
    keys.add(first);
    const second = officeKey(parts[1]!);
    keys.add(second.includes("|") || owner === "" ? second : `${owner}|${second}`);
  }
  return [...keys];
}

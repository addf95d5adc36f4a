/**
 * Entity-name figures (issue 10), read from an export: canonical names that carry something other
 * than the name (an office, a party, a dateline, a weekday or month, all capitals), and pairs of
 * person entities that look like one person split in two by a known variant rule.
 */
import {
  CALENDAR_WORDS,
  COURTESY_TITLES,
  DATELINE_SHAPES,
  NAME_PARTICLES,
  NICKNAMES,
  PARTY_TAG,
  PARTY_WORDS,
  ROLE_WORDS,
} from "./name-words.js";

/** The part of an exported entity these figures read. */
export interface EntityLike {
  id: string;
  kind: string;
  name: string;
}

export type NameFlag = "role" | "party" | "dateline" | "calendar" | "capitals";
export const NAME_FLAGS: readonly NameFlag[] = ["role", "party", "dateline", "calendar", "capitals"];

export interface FlaggedName {
  id: string;
  kind: string;
  name: string;
  flags: NameFlag[];
}

/** nickname: Bill/William X; spelling: a transliteration variant; particle: al-/Al/bin in case or hyphen. */
export type SplitRule = "nickname" | "spelling" | "particle";

export interface SplitPair {
  rule: SplitRule;
  names: [string, string];
  ids: [string, string];
}

export interface NameFigures {
  /** Persons and organisations in the export. */
  entities: number;
  flagged: FlaggedName[];
  byFlag: Record<NameFlag, number>;
  splits: SplitPair[];
}

/** Words of a name, lower case, without the punctuation around them ("Sen." is "sen"). */
function wordsOf(name: string): string[] {
  return name
    .split(/\s+/)
    .map((word) => word.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""))
    .filter((word) => word.length > 0);
}

function isCapitals(name: string, minWords: number): boolean {
  const letters = name.replace(/[^\p{L}]/gu, "");
  const wordCount = name.split(/\s+/).filter((word) => /\p{L}/u.test(word)).length;
  return letters.length >= 4 && wordCount >= minWords && letters === letters.toUpperCase();
}

/**
 * What a canonical name carries besides the name. Persons: a role or party word anywhere ("CIA
 * Director X", "Republican X", "Sen" at the end), a weekday or month at either end. Organisations
 * keep their own words ("Republican Party", "Sunday Times"): only a weekday or month at the end.
 * Both: a dateline shape, or all capitals (persons from four letters, bodies from two words, so
 * acronyms such as "NATO" stay clean).
 */
export function nameFlags(entity: EntityLike): NameFlag[] {
  const words = wordsOf(entity.name);
  const first = words[0] ?? "";
  const last = words[words.length - 1] ?? "";
  const person = entity.kind === "person";
  const flags: NameFlag[] = [];
  if (person && words.some((word) => ROLE_WORDS.has(word))) flags.push("role");
  if (person && (words.some((word) => PARTY_WORDS.has(word)) || PARTY_TAG.test(entity.name.trim()))) {
    flags.push("party");
  }
  if (DATELINE_SHAPES.some((shape) => shape.test(entity.name.trim()))) flags.push("dateline");
  if (CALENDAR_WORDS.has(last) || (person && CALENDAR_WORDS.has(first))) flags.push("calendar");
  if (isCapitals(entity.name, person ? 1 : 2)) flags.push("capitals");
  return flags;
}

/** Name words for comparing persons: courtesy titles dropped. */
function personWords(name: string): string[] {
  return wordsOf(name).filter((word) => !COURTESY_TITLES.has(word));
}

/** "Al-Thani", "al Thani", "AL THANI" compare alike; particles written apart or hyphenated. */
function particleKey(name: string): string {
  return name.toLowerCase().replace(/[-‐]/g, " ").replace(/\s+/g, " ").trim();
}

function hasParticle(name: string): boolean {
  return particleKey(name)
    .split(" ")
    .some((word) => NAME_PARTICLES.has(word));
}

const VOWELS = new Set("aeiou");

/**
 * A transliteration variant: one letter apart, where the letter is a vowel written another way
 * (al-Rashiq/al-Reshiq, Mohammed/Mohammad), a doubled letter (Mohamed/Mohammed), or a vowel inside
 * the word. Not any typo or other word ("Rubin"/"Rubio", "Africa"/"African", "Mets"/"Jets").
 */
export function transliterationVariant(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1 || Math.min(a.length, b.length) < 4) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    return a.slice(i + 1) === b.slice(i + 1) && VOWELS.has(a[i]!) && VOWELS.has(b[i]!);
  }
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  if (long.slice(i + 1) !== short.slice(i)) return false;
  // The extra letter may sit anywhere in a run of equal letters; doubled when a neighbour matches.
  const extra = long[i]!;
  const doubled = long[i - 1] === extra || long[i + 1] === extra;
  const innerVowel = VOWELS.has(extra) && i > 0 && i < long.length - 1;
  return doubled || innerVowel;
}

/** Person pairs that look like one person split in two; each pair once, by its first rule. */
export function splitPairs(entities: readonly EntityLike[]): SplitPair[] {
  const persons = entities.filter((entity) => entity.kind === "person");
  const pairs = new Map<string, SplitPair>();
  const add = (rule: SplitRule, a: EntityLike, b: EntityLike): void => {
    if (a.id === b.id) return;
    const [x, y] = a.id < b.id ? [a, b] : [b, a];
    const key = `${x.id}|${y.id}`;
    if (!pairs.has(key)) pairs.set(key, { rule, names: [x.name, y.name], ids: [x.id, y.id] });
  };
  // Each rule compares only within buckets, so train's thousands of persons stay cheap.
  const byParticleKey = group(persons, (entity) =>
    hasParticle(entity.name) ? [particleKey(entity.name)] : [],
  );
  for (const bucket of byParticleKey.values()) {
    forPairs(bucket, (a, b) => a.name !== b.name && add("particle", a, b));
  }
  const bySurname = group(persons, (entity) => {
    const words = personWords(entity.name);
    return words.length >= 2 ? [words[words.length - 1]!] : [];
  });
  for (const bucket of bySurname.values()) {
    forPairs(bucket, (a, b) => {
      const first = personWords(a.name)[0]!;
      if (NICKNAMES.get(first)?.has(personWords(b.name)[0]!)) add("nickname", a, b);
    });
  }
  // Spelling: two words or more, all alike but one, and that one a transliteration variant.
  const byOthers = group(persons, (entity) => {
    const words = personWords(entity.name);
    if (words.length < 2) return [];
    return words.map((_, i) => `${i}|${words.filter((_, j) => j !== i).join(" ")}`);
  });
  for (const [key, bucket] of byOthers) {
    const index = Number(key.split("|")[0]);
    forPairs(bucket, (a, b) => {
      const wa = personWords(a.name)[index];
      const wb = personWords(b.name)[index];
      if (wa && wb && transliterationVariant(wa, wb)) add("spelling", a, b);
    });
  }
  return [...pairs.values()];
}

function group<T>(items: readonly T[], keys: (item: T) => string[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    for (const key of new Set(keys(item))) {
      const bucket = map.get(key);
      if (bucket) bucket.push(item);
      else map.set(key, [item]);
    }
  }
  return map;
}

function forPairs<T>(items: readonly T[], visit: (a: T, b: T) => void): void {
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) visit(items[i]!, items[j]!);
  }
}

/** The name figures of one export's persons and organisations. */
export function nameFigures(entities: readonly EntityLike[]): NameFigures {
  const named = entities.filter((entity) => entity.kind === "person" || entity.kind === "organisation");
  const flagged: FlaggedName[] = [];
  const byFlag = Object.fromEntries(NAME_FLAGS.map((flag) => [flag, 0])) as Record<NameFlag, number>;
  for (const entity of named) {
    const flags = nameFlags(entity);
    if (flags.length === 0) continue;
    flagged.push({ id: entity.id, kind: entity.kind, name: entity.name, flags });
    for (const flag of flags) byFlag[flag]++;
  }
  return { entities: named.length, flagged, byFlag, splits: splitPairs(named) };
}

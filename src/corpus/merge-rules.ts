/**
 * The rules that decide which entities of different articles are one (used by combine.ts, which builds
 * the merged entities). People, in order: (1) the same name; (1b) the same name but for an initial or
 * suffix; (1c) particles written together; (2) a first-name variant or transliteration; (3) a shorter
 * name that starts or ends exactly one longer one; then (4) a person an article names only by a role
 * joins the one person other articles name with that office within a year. Bodies and places merge by
 * name or alias; a body tied to a person merges with the same body noun tied to the same person.
 * Two candidates -> not merged.
 */

import { COURTESY_TITLES, NAME_HONORIFICS } from "../analysis/entities/lexicon.js";
import {
  isOptionalWord,
  middleDropped,
  variantNames,
  withoutOptional,
} from "../analysis/entities/name-variants.js";
import { officeKey, officeKeys } from "../analysis/entities/offices.js";
import { normalise } from "../analysis/text.js";
import type { Entity } from "../analysis/types.js";
import { pauseEvery, type Steps } from "../core/slices.js";
import type { UnionFind } from "./union-find.js";

/** Name words for matching people: normalised, without honorifics or courtesy titles. */
export function personKey(name: string): string[] {
  let words = personKeys.get(name);
  if (!words) {
    words = personKeyUncached(name);
    if (personKeys.size > 100_000) personKeys.clear();
    personKeys.set(name, words);
  }
  return words;
}

const personKeys = new Map<string, string[]>();
const roleKeys = new Map<string, string>();

/** A role compared without case, accents or a leading article. */
export function roleKeyOf(role: string): string {
  let key = roleKeys.get(role);
  if (key === undefined) {
    key = normalise(role).replace(/^(the|a|an) /, "");
    if (roleKeys.size > 100_000) roleKeys.clear();
    roleKeys.set(role, key);
  }
  return key;
}

function personKeyUncached(name: string): string[] {
  return normalise(name)
    .replace(/\./g, "")
    .split(" ")
    .filter((word) => word !== "")
    .filter(
      // Honorifics and courtesy titles open a name; later the word is the name ("Larry King").
      (word, i, all) =>
        !(NAME_HONORIFICS.has(word) || COURTESY_TITLES.has(word)) ||
        all.slice(0, i).some((w) => !NAME_HONORIFICS.has(w) && !COURTESY_TITLES.has(w)),
    );
}

/** Two names with different initials, or different suffixes ("Jr"/"Sr"), name two people. */
function conflicting(a: readonly string[], b: readonly string[]): boolean {
  const differ = (test: (word: string) => boolean): boolean => {
    const x = a.filter(test).join(" ");
    const y = b.filter(test).join(" ");
    return x !== "" && y !== "" && x !== y;
  };
  return differ((word) => word.length === 1) || differ((word) => word.length > 1 && isOptionalWord(word));
}

function bodyNoun(name: string): string {
  const of = /^(.+?) of /i.exec(name);
  return normalise(of ? of[1]! : (name.split(" ").pop() ?? name));
}

export interface Member {
  entity: Entity;
  articleId: string;
  published: string;
  /** Member index of the person a body is tied to, or -1. */
  owner: number;
}

export function* mergePeople(members: readonly Member[], sets: UnionFind): Steps<void> {
  const pause = pauseEvery(512);
  // (1) Same name: one representative per distinct key.
  const byKey = new Map<string, number>();
  const keys = new Map<string, string[]>();
  for (let i = 0; i < members.length; i++) {
    const member = members[i]!;
    if (pause()) yield;
    if (member.entity.kind !== "person" || member.entity.roleOnly) continue;
    const words = personKey(member.entity.name);
    if (words.length === 0) continue;
    const key = words.join(" ");
    const existing = byKey.get(key);
    if (existing === undefined) {
      byKey.set(key, i);
      keys.set(key, words);
    } else sets.union(existing, i);
  }
  yield;
  const byLast = new Map<string, string[]>();
  const byFirst = new Map<string, string[]>();
  for (const [key, words] of keys) {
    const last = words[words.length - 1]!;
    const first = words[0]!;
    (byLast.get(last) ?? byLast.set(last, []).get(last)!).push(key);
    (byFirst.get(first) ?? byFirst.set(first, []).get(first)!).push(key);
  }
  // (1b) An optional initial or suffix ("Donald J. Trump"), unless two different ones share the rest
  // ("George W. Bush", "George H.W. Bush": "George Bush" is then neither).
  const byCore = new Map<string, string[]>();
  for (const [key, words] of keys) {
    const core = withoutOptional(words).join(" ");
    (byCore.get(core) ?? byCore.set(core, []).get(core)!).push(key);
  }
  const initialsOfCore = new Map<string, number>();
  for (const [core, group] of byCore) {
    const optional = new Set(group.map((key) => keys.get(key)!.filter(isOptionalWord).join(" ")));
    optional.delete("");
    initialsOfCore.set(core, optional.size);
    if (group.length < 2) continue;
    if (optional.size <= 1) for (const key of group) sets.union(byKey.get(group[0]!)!, byKey.get(key)!);
  }
  const oneInitial = (words: readonly string[]): boolean =>
    (initialsOfCore.get(withoutOptional(words).join(" ")) ?? 0) <= 1;
  // (1c) Particles written apart or together ("Abdul Rahman"/"Abdulrahman").
  const joined = new Map<string, number>();
  for (const [key, words] of keys) {
    const together = words.join("");
    const existing = joined.get(together);
    if (existing === undefined) joined.set(together, byKey.get(key)!);
    else sets.union(existing, byKey.get(key)!);
  }
  // (2) Variants: same length, one word apart, that word a first-name variant (Bill/William,
  // Anthony/Antony) or a transliteration (al-Rashiq/al-Reshiq).
  yield;
  for (const bucket of [...byLast.values(), ...byFirst.values()]) {
    if (pause()) yield;
    for (let a = 0; a < bucket.length; a++) {
      for (let b = a + 1; b < bucket.length; b++) {
        const ka = keys.get(bucket[a]!)!;
        const kb = keys.get(bucket[b]!)!;
        // Initials must agree, or one name has none and no other initial is known for either
        // ("Ed Rendell" = "Edward G. Rendell"; not when an "Edward T. Rendell" exists too).
        const ia = ka.filter(isOptionalWord).join(" ");
        const ib = kb.filter(isOptionalWord).join(" ");
        if (ia !== ib && (conflicting(ka, kb) || !oneInitial(ka) || !oneInitial(kb))) continue;
        if (variantNames(withoutOptional(ka), withoutOptional(kb)))
          sets.union(byKey.get(bucket[a]!)!, byKey.get(bucket[b]!)!);
      }
    }
  }
  // (3) A shorter name that starts or ends exactly one longer name (after the merges above).
  for (const [key, words] of keys) {
    if (pause()) yield;
    const candidates = new Set<number>();
    const consider = (other: string): void => {
      const longer = keys.get(other)!;
      if (longer.length <= words.length) return;
      const prefix = words.every((word, i) => longer[i] === word);
      const offset = longer.length - words.length;
      const suffix = words.every((word, i) => longer[offset + i] === word);
      // "Hillary Clinton" in "Hillary Rodham Clinton": first and last name, middle names between.
      const middle = middleDropped(words, longer);
      if ((prefix && words.length >= 2) || suffix || middle) candidates.add(sets.find(byKey.get(other)!));
    };
    for (const other of byLast.get(words[words.length - 1]!) ?? []) consider(other);
    for (const other of byFirst.get(words[0]!) ?? []) consider(other);
    if (candidates.size === 1) sets.union(byKey.get(key)!, [...candidates][0]!);
  }
}

/** Days apart two articles may be for a role to name the same person ("the Secretary of State"). */
const ROLE_WINDOW_DAYS = 365;

/** Day number of a publication date (NaN when it has none: such a mention is never "near"). */
function dayOf(published: string): number {
  return Date.parse(published.slice(0, 10)) / 86_400_000;
}

/** Index of the first holder (sorted by day) on or after `day`. */
function firstFrom(holders: readonly { day: number }[], day: number): number {
  let low = 0;
  let high = holders.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (holders[middle]!.day < day) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * A person an article names only by a role joins the one person other articles name with the same
 * office within a year ("Qatar’s prime minister" = "the Qatari Prime Minister": offices.ts); two such
 * people, or none: kept apart. Holders are sorted by day, so each mention looks only at its year.
 */
export function* mergeRoleOnly(members: readonly Member[], sets: UnionFind): Steps<void> {
  const pause = pauseEvery(256);
  const holders = new Map<string, Array<{ index: number; day: number }>>();
  for (let i = 0; i < members.length; i++) {
    if (pause()) yield;
    const { entity, published } = members[i]!;
    if (entity.kind !== "person" || entity.roleOnly) continue;
    const day = dayOf(published);
    if (Number.isNaN(day)) continue;
    for (const key of new Set(entity.roles.flatMap(officeKeys))) {
      (holders.get(key) ?? holders.set(key, []).get(key)!).push({ index: i, day });
    }
  }
  for (const list of holders.values()) list.sort((a, b) => a.day - b.day);
  yield;
  for (let i = 0; i < members.length; i++) {
    if (pause()) yield;
    const { entity, published } = members[i]!;
    if (!entity.roleOnly) continue;
    const day = dayOf(published);
    const list = holders.get(officeKey(entity.roles[0] ?? entity.name));
    if (!list || Number.isNaN(day)) continue;
    const roots = new Set<number>();
    for (let at = firstFrom(list, day - ROLE_WINDOW_DAYS); at < list.length; at++) {
      const holder = list[at]!;
      if (holder.day > day + ROLE_WINDOW_DAYS) break;
      roots.add(sets.find(holder.index));
      if (roots.size > 1) break; // two holders: kept apart
    }
    if (roots.size === 1) sets.union([...roots][0]!, i);
  }
}

export function* mergeOthers(members: readonly Member[], sets: UnionFind): Steps<void> {
  const pause = pauseEvery(512);
  const byKey = new Map<string, number>();
  for (let i = 0; i < members.length; i++) {
    const member = members[i]!;
    if (pause()) yield;
    const entity = member.entity;
    if (entity.kind === "person") continue;
    let keys: string[];
    if (member.owner >= 0) {
      keys = [`body:${bodyNoun(entity.name)}:${sets.find(member.owner)}`];
    } else if (entity.linkedTo) {
      keys = [];
    } else {
      keys = [entity.name, ...entity.aliases].map((name) => `${entity.kind}:${normalise(name)}`);
    }
    for (const key of keys) {
      const existing = byKey.get(key);
      if (existing === undefined) byKey.set(key, i);
      else sets.union(existing, i);
    }
  }
}

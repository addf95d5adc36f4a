/**
 * Combines per-article analyses into one: the same person named differently in different articles
 * becomes one entity, and quote speakers and status participants point at the merged ids.
 *
 * People merge, in order: (1) the same name; (2) the same name but for a first-name spelling
 * variant ("Anthony"/"Antony Blinken": same other words, first names one edit apart); (3) a shorter
 * name that is the start or end of exactly one longer one ("Blinken", "Sheikh Mohammed bin Abdul
 * Rahman"). Bodies and places merge by name or alias; a body tied to a person ("Netanyahu’s
 * office") merges with the same kind of body tied to the same merged person.
 *
 * Cost: linear in the number of entities, plus pairwise checks within each surname's distinct names.
 */

import type { ArticleAnalysis } from "../analysis/analyze.js";
import { COURTESY_TITLES, NAME_HONORIFICS } from "../analysis/entities/lexicon.js";
import {
  isOptionalWord,
  middleDropped,
  variantNames,
  withoutOptional,
} from "../analysis/entities/name-variants.js";
import { normalise, slug } from "../analysis/text.js";
import type { Analysis, Entity, Quote, RoleSource, StatusEvent } from "../analysis/types.js";
import { pauseEvery, runToEnd, type Steps } from "../core/slices.js";
import { findQuoteReprints } from "./quote-reprints.js";
import { combineStatusSteps } from "./status-combine.js";
import { UnionFind } from "./union-find.js";

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
function roleKeyOf(role: string): string {
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

interface Member {
  entity: Entity;
  articleId: string;
  published: string;
  /** Member index of the person a body is tied to, or -1. */
  owner: number;
}

/**
 * Merges every article's analysis.
 *
 * @example
 * const analysis = combineAnalyses(units.map((unit) => unit.analysis));
 * analysis.entities.find((e) => e.name === "Anthony Blinken")?.aliases // ["Blinken", "Antony Blinken"]
 */
export function combineAnalyses(parts: readonly ArticleAnalysis[]): Analysis {
  return runToEnd(combineAnalysesSteps(parts));
}

/** {@link combineAnalyses} as steps that pause now and then (see core/slices.ts), for reloads. */
export function* combineAnalysesSteps(parts: readonly ArticleAnalysis[]): Steps<Analysis> {
  const pause = pauseEvery(64);
  const members: Member[] = [];
  const sets = new UnionFind();
  // Per article: local entity id -> member index (no string keys built per look-up).
  const localIndex: Map<string, number>[] = [];
  for (const part of parts) {
    const map = new Map<string, number>();
    for (const entity of part.entities) {
      map.set(entity.id, sets.add());
      members.push({ entity, articleId: part.articleId, published: part.published, owner: -1 });
    }
    localIndex.push(map);
    if (pause()) yield;
  }
  for (let p = 0; p < parts.length; p++) {
    for (const entity of parts[p]!.entities) {
      if (entity.linkedTo)
        members[localIndex[p]!.get(entity.id)!]!.owner = localIndex[p]!.get(entity.linkedTo) ?? -1;
    }
  }
  yield;
  yield* mergePeople(members, sets);
  yield;
  yield* mergeOthers(members, sets);
  yield;

  // Build one entity per set.
  const groups = new Map<number, number[]>();
  for (let i = 0; i < members.length; i++) {
    const root = sets.find(i);
    const group = groups.get(root);
    if (group) group.push(i);
    else groups.set(root, [i]);
  }
  yield;
  const merged: Entity[] = [];
  const globalIdOf: string[] = new Array(members.length);
  const nameOfId = new Map<string, string>();
  const usedIds = new Set<string>();
  const orderedGroups = [...groups.values()];
  for (const group of orderedGroups) {
    const entity = mergeGroup(group.map((i) => members[i]!));
    const base = `${entity.kind}:${slug(entity.name)}`;
    let id = base;
    for (let n = 2; usedIds.has(id); n++) id = `${base}-${n}`;
    usedIds.add(id);
    entity.id = id;
    for (const i of group) globalIdOf[i] = id;
    nameOfId.set(id, entity.name);
    merged.push(entity);
    if (pause()) yield;
  }
  // Links between entities (a body's person) point at merged ids.
  orderedGroups.forEach((group, k) => {
    const linked = group.find((i) => members[i]!.owner >= 0);
    merged[k]!.linkedTo = linked === undefined ? null : (globalIdOf[members[linked]!.owner] ?? null);
  });

  // Quotes and events are copied only when an id or name changes (most keep theirs).
  const quotes: Quote[] = [];
  const status: StatusEvent[] = [];
  for (let p = 0; p < parts.length; p++) {
    remapPart(parts[p]!, localIndex[p]!, globalIdOf, nameOfId, quotes, status);
    if (pause()) yield;
  }
  yield;
  merged.sort((a, b) => b.mentions.length - a.mentions.length || a.name.localeCompare(b.name));
  yield;
  const combinedStatus = yield* combineStatusSteps(status);
  yield;
  return { entities: merged, quotes, status: combinedStatus, quoteReprints: findQuoteReprints(quotes) };
}

/** Points one article's quotes and events at merged ids (a plain loop: optimised, unlike a generator's). */
function remapPart(
  part: ArticleAnalysis,
  localIndex: ReadonlyMap<string, number>,
  globalIdOf: readonly string[],
  nameOfId: ReadonlyMap<string, string>,
  quotes: Quote[],
  status: StatusEvent[],
): void {
  const remap = (id: string | null): string | null => {
    if (id === null) return null;
    const index = localIndex.get(id);
    return index === undefined ? null : (globalIdOf[index] ?? null);
  };
  for (const quote of part.quotes) {
    const speakerId = remap(quote.speakerId);
    const speaker = speakerId ? (nameOfId.get(speakerId) ?? quote.speaker) : quote.speaker;
    const same = speakerId === quote.speakerId && speaker === quote.speaker;
    // A below-threshold candidate is an article-local id too.
    const candidateId = quote.candidateId ? remap(quote.candidateId) : null;
    const candidate = candidateId ? (nameOfId.get(candidateId) ?? quote.candidate) : quote.candidate;
    quotes.push(
      quote.candidateId
        ? { ...quote, speakerId, speaker, candidateId, candidate: candidate ?? null }
        : same
          ? quote
          : { ...quote, speakerId, speaker },
    );
  }
  for (const event of part.status) {
    const participants: string[] = [];
    for (const id of event.participants) {
      const global = remap(id);
      if (global !== null && !participants.includes(global)) participants.push(global);
    }
    const same =
      participants.length === event.participants.length &&
      participants.every((id, i) => id === event.participants[i]);
    // The speaker follows merges like a quote's ("Blinken" -> "Anthony Blinken").
    const speakerId = event.speakerId ? remap(event.speakerId) : null;
    const speaker = speakerId ? (nameOfId.get(speakerId) ?? event.speaker) : event.speaker;
    if (same && speakerId === (event.speakerId ?? null) && speaker === event.speaker) status.push(event);
    else status.push({ ...event, participants, ...(event.speakerId ? { speakerId, speaker } : {}) });
  }
}

function* mergePeople(members: readonly Member[], sets: UnionFind): Steps<void> {
  const pause = pauseEvery(512);
  // (1) Same name: one representative per distinct key.
  const byKey = new Map<string, number>();
  const keys = new Map<string, string[]>();
  for (let i = 0; i < members.length; i++) {
    const member = members[i]!;
    if (pause()) yield;
    if (member.entity.kind !== "person") continue;
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

function* mergeOthers(members: readonly Member[], sets: UnionFind): Steps<void> {
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

/** One entity from the members of a set: the fullest name, every other name, every role. */
function mergeGroup(group: readonly Member[]): Entity {
  const counts = new Map<string, number>();
  for (const member of group) counts.set(member.entity.name, (counts.get(member.entity.name) ?? 0) + 1);
  const words = (name: string): number => name.split(/\s+/).length;
  // The name most articles use ("Hillary Clinton" over "Hillary Rodham Clinton"); a full name for a
  // person before a surname alone; then the fuller one.
  const full = (name: string): number => (group[0]!.entity.kind === "person" ? Math.min(words(name), 2) : 0);
  const name = [...counts.keys()].sort(
    (a, b) =>
      full(b) - full(a) ||
      counts.get(b)! - counts.get(a)! ||
      (group[0]!.entity.kind === "person" ? words(b) - words(a) : words(a) - words(b)) ||
      b.length - a.length ||
      a.localeCompare(b),
  )[0]!;
  const aliases = new Set<string>();
  const roles: string[] = [];
  const roleSources: RoleSource[] = [];
  const roleKeys = new Set<string>();
  const affiliations = new Map<string, number>();
  const mentions: Entity["mentions"] = [];
  // Roles as the articles wrote them, the most recent article's first (`/who` lists them so).
  for (const member of [...group].sort((a, b) => b.published.localeCompare(a.published))) {
    for (const role of member.entity.roles) {
      const key = roleKeyOf(role);
      if (!roleKeys.has(key)) {
        roleKeys.add(key);
        roles.push(role);
        roleSources.push({ role, articleId: member.articleId, published: member.published });
      }
    }
  }
  for (const member of group) {
    const entity = member.entity;
    if (entity.name !== name) aliases.add(entity.name);
    for (const alias of entity.aliases) if (alias !== name) aliases.add(alias);
    if (entity.affiliation)
      affiliations.set(entity.affiliation, (affiliations.get(entity.affiliation) ?? 0) + 1);
    for (const mention of entity.mentions) mentions.push(mention);
  }
  const affiliation = [...affiliations.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  return {
    id: "",
    kind: group[0]!.entity.kind,
    name,
    aliases: [...aliases],
    roles,
    roleSources,
    affiliation,
    linkedTo: null,
    mentions,
  };
}

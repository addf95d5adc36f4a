/**
 * Combines per-article analyses into one: the same person named differently in different articles
 * becomes one entity, and quote speakers and status participants point at the merged ids.
 *
 * Which entities are one is merge-rules.ts's job (names, variants, a role-only mention's one holder,
 * bodies by name or alias); here the merged entities are built (the name most articles use, roles
 * most recent first) and quotes and events remapped. A person named only by a role no one holds is
 * dropped; its quotes keep the role as an unnamed description.
 *
 * Cost: linear in the number of entities, plus pairwise checks within each surname's distinct names.
 */

import type { ArticleAnalysis } from "../analysis/analyze.js";
import { slug } from "../analysis/text.js";
import type { Analysis, Entity, Quote, RoleSource, StatusEvent } from "../analysis/types.js";
import { pauseEvery, runToEnd, type Steps } from "../core/slices.js";
import { type Member, mergeOthers, mergePeople, mergeRoleOnly, roleKeyOf } from "./merge-rules.js";
import { findQuoteReprintsSteps } from "./quote-reprints.js";
import { combineStatusSteps } from "./status-combine.js";
import { UnionFind } from "./union-find.js";

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
  yield* mergeRoleOnly(members, sets);
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
  // A role no named person holds stays no entity: its quotes keep the role as a description.
  const unnamed = (group: number[]): boolean => group.every((i) => members[i]!.entity.roleOnly === true);
  const dropped = new Set<number>();
  for (const group of orderedGroups) {
    if (unnamed(group)) {
      for (const i of group) dropped.add(i);
      continue;
    }
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
  orderedGroups
    .filter((group) => !unnamed(group))
    .forEach((group, k) => {
      const linked = group.find((i) => members[i]!.owner >= 0);
      merged[k]!.linkedTo = linked === undefined ? null : (globalIdOf[members[linked]!.owner] ?? null);
    });

  // Quotes and events are copied only when an id or name changes (most keep theirs).
  const quotes: Quote[] = [];
  const status: StatusEvent[] = [];
  for (let p = 0; p < parts.length; p++) {
    remapPart(parts[p]!, localIndex[p]!, globalIdOf, nameOfId, dropped, quotes, status);
    if (pause()) yield;
  }
  yield;
  merged.sort((a, b) => b.mentions.length - a.mentions.length || a.name.localeCompare(b.name));
  yield;
  const combinedStatus = yield* combineStatusSteps(status);
  yield;
  const quoteReprints = yield* findQuoteReprintsSteps(quotes);
  return { entities: merged, quotes, status: combinedStatus, quoteReprints };
}

/** Points one article's quotes and events at merged ids (a plain loop: optimised, unlike a generator's). */
function remapPart(
  part: ArticleAnalysis,
  localIndex: ReadonlyMap<string, number>,
  globalIdOf: readonly string[],
  nameOfId: ReadonlyMap<string, string>,
  dropped: ReadonlySet<number>,
  quotes: Quote[],
  status: StatusEvent[],
): void {
  const remap = (id: string | null): string | null => {
    if (id === null) return null;
    const index = localIndex.get(id);
    return index === undefined ? null : (globalIdOf[index] ?? null);
  };
  const isDropped = (id: string | null | undefined): boolean => {
    const index = id ? localIndex.get(id) : undefined;
    return index !== undefined && dropped.has(index);
  };
  for (const quote of part.quotes) {
    // Said by a role no named person holds ("the Qatari Prime Minister"): an unnamed description.
    if (isDropped(quote.speakerId) || isDropped(quote.candidateId)) {
      quotes.push({
        ...quote,
        speakerId: null,
        speakerKind: quote.speaker === null ? quote.speakerKind : "anonymous",
        ...(quote.candidateId !== undefined ? { candidateId: null } : {}),
      });
      continue;
    }
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

/** One entity from the members of a set: the fullest name, every other name, every role. */
function mergeGroup(group: readonly Member[]): Entity {
  const counts = new Map<string, number>();
  for (const member of group)
    if (!member.entity.roleOnly) counts.set(member.entity.name, (counts.get(member.entity.name) ?? 0) + 1);
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
    if (entity.name !== name && !entity.roleOnly) aliases.add(entity.name);
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

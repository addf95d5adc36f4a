/**
 * Applies the operator's `people.yaml` (parsed in analysis/entities/people-file.ts) to the combined
 * analysis: it runs after the automatic merge, so an operator's word is final.
 */
import type { PersonEntry } from "../analysis/entities/people-file.js";
import { normalise } from "../analysis/text.js";
import type { Analysis, Entity, RoleSource } from "../analysis/types.js";

/** An entity's roles with their sources (an entity built by hand may have none recorded). */
function sourcesOf(entity: Entity): RoleSource[] {
  return entity.roles.map((role, i) => entity.roleSources?.[i] ?? { role, articleId: null, published: null });
}

/**
 * Applies the entries to a combined analysis: the entities an entry names (by name or alias) become
 * one, named as the entry says, and quotes and status events follow. Returns a new analysis.
 *
 * @example
 * applyPeopleFile(analysis, parsePeopleFile(source).entries)
 */
export function applyPeopleFile(analysis: Analysis, entries: readonly PersonEntry[]): Analysis {
  if (entries.length === 0) return analysis;
  const byName = new Map<string, Entity[]>();
  for (const entity of analysis.entities) {
    for (const form of [entity.name, ...entity.aliases]) {
      const key = normalise(form);
      const list = byName.get(key);
      if (list) list.push(entity);
      else byName.set(key, [entity]);
    }
  }
  const replaced = new Map<string, Entity>();
  const removed = new Set<string>();
  for (const entry of entries) {
    const matched = new Set<Entity>();
    for (const form of [entry.name, ...entry.aliases]) {
      for (const entity of byName.get(normalise(form)) ?? [])
        if (!removed.has(entity.id)) matched.add(entity);
    }
    if (matched.size === 0) continue;
    const [first, ...rest] = [...matched].sort((a, b) => b.mentions.length - a.mentions.length);
    const names = new Set([
      first!.name,
      ...first!.aliases,
      ...rest.flatMap((e) => [e.name, ...e.aliases]),
      ...entry.aliases,
    ]);
    names.delete(entry.name);
    // The operator's role first; then each article's, with where it was written.
    const sources: RoleSource[] = [
      ...(entry.role ? [{ role: entry.role, articleId: null, published: null }] : []),
      ...[first!, ...rest].flatMap((e) => sourcesOf(e)),
    ];
    const unique = new Map<string, RoleSource>();
    for (const source of sources) {
      const key = normalise(source.role).replace(/^(the|a|an) /, "");
      if (!unique.has(key)) unique.set(key, source);
    }
    const merged: Entity = {
      ...first!,
      name: entry.name,
      aliases: [...names],
      roles: [...unique.values()].map((source) => source.role),
      roleSources: [...unique.values()],
      affiliation: entry.affiliation ?? first!.affiliation,
      mentions: [first!, ...rest].flatMap((e) => e.mentions),
    };
    replaced.set(first!.id, merged);
    for (const entity of rest) {
      removed.add(entity.id);
      replaced.set(entity.id, merged);
    }
  }
  if (replaced.size === 0) return analysis;
  const target = (id: string | null): Entity | undefined => (id === null ? undefined : replaced.get(id));
  const entities = analysis.entities
    .filter((entity) => !removed.has(entity.id))
    .map((entity) => {
      const own = replaced.get(entity.id) ?? entity;
      const linked = target(own.linkedTo);
      return linked ? { ...own, linkedTo: linked.id } : own;
    });
  const quotes = analysis.quotes.map((quote) => {
    const speaker = target(quote.speakerId);
    const candidate = target(quote.candidateId ?? null);
    const moved = candidate ? { ...quote, candidateId: candidate.id, candidate: candidate.name } : quote;
    return speaker ? { ...moved, speakerId: speaker.id, speaker: speaker.name } : moved;
  });
  const status = analysis.status.map((event) => {
    const speaker = target(event.speakerId ?? null);
    if (!speaker && !event.participants.some((id) => replaced.has(id))) return event;
    return {
      ...event,
      participants: [...new Set(event.participants.map((id) => replaced.get(id)?.id ?? id))],
      ...(speaker ? { speakerId: speaker.id, speaker: speaker.name } : {}),
    };
  });
  return { ...analysis, entities, quotes, status };
}

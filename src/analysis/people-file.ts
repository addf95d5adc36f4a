/**
 * The optional `knowledge/people.yaml`: an operator's corrections to who is who. Each entry names a
 * person (or body) and may add other names, put a role first, or set the affiliation. Nothing
 * depends on it: the analysis stands on its own, and an entry that matches no entity changes nothing.
 *
 * ```yaml
 * - name: Antony Blinken
 *   aliases: [Anthony Blinken, Tony Blinken]
 *   role: US Secretary of State
 *   affiliation: United States
 * ```
 */
import { parse } from "yaml";
import { normalise } from "./text.js";
import type { Analysis, Entity } from "./types.js";

export interface PersonEntry {
  name: string;
  aliases: string[];
  role: string | null;
  affiliation: string | null;
}

export interface PeopleFile {
  entries: PersonEntry[];
  /** One plain reason per bad entry (the others still apply). */
  problems: string[];
}

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

/**
 * Reads people.yaml. Never throws: a bad file or entry is a problem, reported with its place.
 *
 * @example
 * parsePeopleFile("- name: Antony Blinken\n  aliases: [Anthony Blinken]").entries[0].aliases // ["Anthony Blinken"]
 */
export function parsePeopleFile(source: string): PeopleFile {
  let data: unknown;
  try {
    data = parse(source);
  } catch (error) {
    return { entries: [], problems: [`Parley: people.yaml is not valid YAML: ${(error as Error).message}`] };
  }
  if (data === null || data === undefined) return { entries: [], problems: [] };
  if (!Array.isArray(data))
    return { entries: [], problems: ["Parley: people.yaml must be a list of people"] };
  const entries: PersonEntry[] = [];
  const problems: string[] = [];
  data.forEach((item: unknown, i) => {
    const record = typeof item === "object" && item !== null ? (item as Record<string, unknown>) : null;
    const name = text(record?.name);
    if (!record || !name) {
      problems.push(`Parley: people.yaml entry ${i + 1} has no name`);
      return;
    }
    const rawAliases = record.aliases ?? [];
    if (!Array.isArray(rawAliases)) {
      problems.push(`Parley: people.yaml entry ${i + 1} (${name}): aliases must be a list`);
      return;
    }
    const aliases = rawAliases.map(text).filter((alias): alias is string => alias !== null);
    entries.push({ name, aliases, role: text(record.role), affiliation: text(record.affiliation) });
  });
  return { entries, problems };
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
    const roles = [...(entry.role ? [entry.role] : []), ...[first!, ...rest].flatMap((e) => e.roles)];
    const merged: Entity = {
      ...first!,
      name: entry.name,
      aliases: [...names],
      roles: [...new Map(roles.map((role) => [normalise(role).replace(/^(the|a|an) /, ""), role])).values()],
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
    return speaker ? { ...quote, speakerId: speaker.id, speaker: speaker.name } : quote;
  });
  const status = analysis.status.map((event) =>
    event.participants.some((id) => replaced.has(id))
      ? { ...event, participants: [...new Set(event.participants.map((id) => replaced.get(id)?.id ?? id))] }
      : event,
  );
  return { entities, quotes, status };
}

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

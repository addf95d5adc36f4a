/**
 * The cast of the synthetic corpus: a few hundred invented people, each with one office or one
 * body they head, so every article names them the same way and the analysis can merge mentions.
 */
import type { Random } from "./random.js";
import {
  COUNTRIES,
  FEMALE_FIRST_NAMES,
  MALE_FIRST_NAMES,
  OFFICES,
  ORGANISATIONS,
  SURNAMES,
} from "./vocabulary.js";

export interface SyntheticPerson {
  /** `person-017`: stable within a seed. */
  key: string;
  first: string;
  last: string;
  /** `Omar Haddad`, or `Sheikh Omar Haddad` with an honorific. */
  full: string;
  honorific: string | null;
  pronoun: "he" | "she";
  /** Country (for an office) or null (for the head of a body). */
  country: { name: string; adjective: string } | null;
  /** `Foreign Minister`, or null for the head of a body. */
  office: string | null;
  /** `Foreign Intelligence Service`, or null for an office holder. */
  organisation: string | null;
  /** The role as the articles write it: `the Egyptian Foreign Minister`, `the head of the Arab League`. */
  role: string;
  /** What a later mention may call them: `the minister`, `the official`. */
  roleAnaphor: string;
}

/** How many people the corpus draws from ("a few hundred"). */
export const CAST_SIZE = 300;

const HONORIFICS = ["Sheikh", "Dr."] as const;

/**
 * Draws the cast: unique first+last combinations, each with an office or a body.
 *
 * @example
 * const cast = createCast(createRandom(1));
 * cast[0].role; // e.g. "the Qatari Foreign Minister"
 */
export function createCast(random: Random, size = CAST_SIZE): SyntheticPerson[] {
  const cast: SyntheticPerson[] = [];
  const taken = new Set<string>();
  while (cast.length < size) {
    const female = random.chance(0.35);
    const first = random.pick(female ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES);
    const last = random.pick(SURNAMES);
    // A surname is shared by several people (as in real news): only the full name must be unique.
    if (taken.has(`${first} ${last}`)) continue;
    taken.add(`${first} ${last}`);
    const honorific = !female && random.chance(0.1) ? random.pick(HONORIFICS) : null;
    const headsBody = random.chance(0.35);
    const country = headsBody ? null : random.pick(COUNTRIES);
    const office = headsBody ? null : random.pick(OFFICES);
    const organisation = headsBody ? random.pick(ORGANISATIONS) : null;
    const role = headsBody ? `the head of the ${organisation}` : `the ${country?.adjective} ${office}`;
    const roleAnaphor = headsBody
      ? "the official"
      : /minister/i.test(office ?? "")
        ? "the minister"
        : /president/i.test(office ?? "")
          ? "the president"
          : "the official";
    cast.push({
      key: `person-${String(cast.length).padStart(3, "0")}`,
      first,
      last,
      full: honorific ? `${honorific} ${first} ${last}` : `${first} ${last}`,
      honorific,
      pronoun: female ? "she" : "he",
      country,
      office,
      organisation,
      role,
      roleAnaphor,
    });
  }
  return cast;
}

/**
 * Picks a person with a skewed (roughly Zipf-like) popularity: a few people are in many articles,
 * most in a few, as in real coverage; it also makes the frequent names the expensive queries.
 */
export function pickPerson(random: Random, cast: readonly SyntheticPerson[]): SyntheticPerson {
  const index = Math.floor(cast.length * random.next() ** 2.2);
  return cast[Math.min(index, cast.length - 1)] as SyntheticPerson;
}

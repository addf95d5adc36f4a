/**
 * The benchmark's queries: seeded, varied, and drawn from the corpus's own cast and vocabulary, the
 * way users type them (full names, surnames, lower case, typos, roles, prefixes, common words).
 * The baselines answer exactly the same strings.
 */
import { pickPerson, type SyntheticPerson } from "./people.js";
import { createRandom, type Random } from "./random.js";
import { COUNTRIES, MONTHS, ORGANISATIONS, PLACES, TOPICS, WEEKDAYS } from "./vocabulary.js";

export interface QuerySet {
  /** `/who NAME` values: names as typed (full, surname, lower case, typo, first name). */
  who: string[];
  /** `/who ROLE` values: role phrases (`head of the Arab League`), which hold common words. */
  whoRoles: string[];
  /** `/quote NAME [about WORDS]`: `name`, and `about` for some. */
  quote: { name: string; about?: string }[];
  /** `/status [TOPIC]`: "" means no topic. */
  status: string[];
  /** `/ask QUESTION` values. */
  ask: string[];
  /** Autocomplete prefixes, with the option's source. */
  complete: { source: "entity" | "topic"; prefix: string }[];
}

/** One typo: a dropped, doubled or swapped letter (`Blinkin`, `Barnnea`). */
function typo(random: Random, word: string): string {
  if (word.length < 4) return word;
  const at = random.int(1, word.length - 2);
  switch (random.int(0, 2)) {
    case 0:
      return word.slice(0, at) + word.slice(at + 1);
    case 1:
      return word.slice(0, at) + word.charAt(at) + word.slice(at);
    default:
      return word.slice(0, at) + word.charAt(at + 1) + word.charAt(at) + word.slice(at + 2);
  }
}

/** A name as a user would type it. */
function nameQuery(random: Random, person: SyntheticPerson): string {
  const roll = random.next();
  if (roll < 0.3) return person.full;
  if (roll < 0.6) return person.last;
  if (roll < 0.7) return person.last.toLowerCase();
  if (roll < 0.85) return typo(random, person.last);
  if (roll < 0.9) return `${person.first} ${person.last}`;
  return person.first;
}

/** A role as a user would type it: `head of the Arab League`, `Egyptian Foreign Minister`. */
function roleQuery(person: SyntheticPerson): string {
  return person.role.replace(/^the /, "");
}

/** Words that topics are made of (without stop words), for ask and status. */
const TOPIC_WORDS = [
  ...new Set(
    TOPICS.join(" ")
      .split(/\s+/)
      .filter((word) => word.length > 3 && !["the", "after", "with"].includes(word)),
  ),
];

/** A question or a few words, from rare to very common ("talks", "negotiations", "agreement"). */
function askQuery(random: Random, cast: readonly SyntheticPerson[]): string {
  switch (random.int(0, 7)) {
    case 0:
      return `${random.pick(TOPIC_WORDS)} ${random.pick(PLACES)}`;
    case 1:
      return `${random.pick(TOPIC_WORDS)} ${random.pick(TOPIC_WORDS)}`;
    case 2:
      return `next ${random.pick(WEEKDAYS)} ${random.pick(PLACES)}`;
    case 3:
      return `when will the talks on ${random.pick(TOPICS).replace(/^(a|the) /, "")} resume`;
    case 4:
      return `${pickPerson(random, cast).last} ${random.pick(TOPIC_WORDS)}`;
    case 5:
      return random.pick([
        "negotiations agreement",
        "talks stopped",
        "hostages released",
        "aid trucks",
        "ceasefire",
      ]);
    case 6:
      return `what did ${random.pick(COUNTRIES).adjective} officials say about ${random.pick(TOPIC_WORDS)}`;
    default:
      return `${random.pick(MONTHS)} ${random.pick(TOPIC_WORDS)}`;
  }
}

function statusQuery(random: Random, cast: readonly SyntheticPerson[]): string {
  switch (random.int(0, 5)) {
    case 0:
      return "";
    case 1:
      return random.pick(["talks", "hostages", "ceasefire", "aid", "prisoners", "truce", "crossing"]);
    case 2:
      return random.pick(PLACES);
    case 3:
      return pickPerson(random, cast).last;
    case 4:
      return random.pick(TOPIC_WORDS);
    default:
      return random.pick(ORGANISATIONS);
  }
}

function completionPrefix(
  random: Random,
  cast: readonly SyntheticPerson[],
): { source: "entity" | "topic"; prefix: string } {
  if (random.chance(0.7)) {
    const person = pickPerson(random, cast);
    const word = random.chance(0.7) ? person.last : person.first;
    return { source: "entity", prefix: word.slice(0, random.int(0, Math.min(6, word.length))) };
  }
  const word = random.chance(0.5) ? random.pick(PLACES) : random.pick(TOPIC_WORDS);
  return { source: "topic", prefix: word.slice(0, random.int(0, Math.min(6, word.length))) };
}

/**
 * Builds `perKind` queries of each kind from the cast.
 *
 * @example
 * const queries = createQueries(cast, 2000);
 * queries.who.length // 2000
 */
export function createQueries(cast: readonly SyntheticPerson[], perKind = 2000, seed = 7): QuerySet {
  const random = createRandom(seed);
  const times = <T>(make: () => T): T[] => Array.from({ length: perKind }, make);
  return {
    who: times(() => nameQuery(random, pickPerson(random, cast))),
    whoRoles: times(() => roleQuery(pickPerson(random, cast))).slice(0, Math.ceil(perKind / 10)),
    quote: times(() => {
      const name = nameQuery(random, pickPerson(random, cast));
      return random.chance(0.3) ? { name, about: random.pick(TOPIC_WORDS) } : { name };
    }),
    status: times(() => statusQuery(random, cast)),
    ask: times(() => askQuery(random, cast)),
    complete: times(() => completionPrefix(random, cast)),
  };
}

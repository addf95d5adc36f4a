/**
 * Where a status event happens and what it is about: a short list of cities where talks are held
 * (countries are not venues: "In Israel, ... will go to Doha" meets in Doha), and the subjects
 * (hostages, ceasefire, aid, crossings, ...) that `/status TOPIC` narrows by without searching text
 * at answer time.
 */

/** Cities that host talks, as written in English news. Longer names first so "Tel Aviv" beats "Aviv". */
export const VENUES = [
  "Sharm el-Sheikh",
  "Tel Aviv",
  "Abu Dhabi",
  "New York",
  "Doha",
  "Cairo",
  "Paris",
  "Rome",
  "Washington",
  "Jerusalem",
  "Riyadh",
  "Amman",
  "Beirut",
  "Tehran",
  "Istanbul",
  "Ankara",
  "Dubai",
  "Geneva",
  "Vienna",
  "Oslo",
  "Muscat",
  "Baghdad",
  "Damascus",
  "London",
  "Brussels",
  "Moscow",
  "Madrid",
  "Berlin",
  "Rafah",
  "Khan Younis",
  "Ramallah",
  "Jeddah",
  "Manama",
  "Kuwait City",
  "Nicosia",
  "Aqaba",
].sort((a, b) => b.length - a.length);

const VENUE_PATTERN = new RegExp(
  `\\b(${VENUES.map((venue) => venue.replace(/[-]/g, "\\-")).join("|")})\\b`,
  "g",
);

/** Prepositions that make a city the venue rather than a mention ("talks in Doha", "go to Doha"). */
const VENUE_CUE = /\b(?:in|to|at|visit|visits|visited|visiting|host|hosts|hosted|hosting|capital,)\s+$/i;

/**
 * The venue of the event a sentence reports: the first listed city after "in/to/at/visit/host", else
 * the first listed city at all, else null.
 *
 * @example findVenue("Barnea will go to Doha next Sunday.") // "Doha"
 */
export function findVenue(text: string): string | null {
  let first: string | null = null;
  for (const match of text.matchAll(VENUE_PATTERN)) {
    const venue = match[1] ?? null;
    if (VENUE_CUE.test(text.slice(Math.max(0, match.index - 12), match.index))) return venue;
    first ??= venue;
  }
  return first;
}

/** A subject of the talks: its topic word, the words in a sentence that signal it, and other names users type. */
export interface Subject {
  topic: string;
  pattern: RegExp;
  aliases: readonly string[];
}

/** The subjects negotiators argue about, as news writes them. */
export const SUBJECTS: readonly Subject[] = [
  {
    topic: "hostages",
    pattern: /\b(?:hostages?|captives?|abductees?|prisoners?|detainees?)\b/i,
    aliases: [
      "prisoners",
      "detainees",
      "captives",
      "prisoner exchange",
      "hostage release",
      "bodies of the hostages",
    ],
  },
  {
    topic: "ceasefire",
    pattern: /\b(?:ceasefire|cease-fire|truce|armistice)\b/i,
    aliases: ["truce", "cease-fire", "permanent truce", "permanent ceasefire"],
  },
  {
    topic: "aid",
    pattern: /\b(?:humanitarian|aid|fuel|food|trucks?)\b/i,
    aliases: ["humanitarian aid", "fuel", "fuel deliveries", "trucks", "food"],
  },
  {
    topic: "crossings",
    pattern: /\b(?:crossings?|Rafah|Kerem Shalom|Philadelphi|border)\b/i,
    aliases: ["crossing", "Rafah", "Rafah crossing", "reopening of the Rafah crossing", "border"],
  },
  {
    topic: "withdrawal",
    pattern: /\b(?:withdraw\w*|troops|pull-?out)\b/i,
    aliases: ["troops", "withdrawal of troops"],
  },
  { topic: "reconstruction", pattern: /\b(?:reconstruct\w*|rebuild\w*)\b/i, aliases: ["rebuilding"] },
  { topic: "evacuations", pattern: /\bevacuat\w*/i, aliases: ["medical evacuations", "evacuation"] },
  {
    topic: "displaced",
    pattern: /\b(?:displaced|refugees?)\b/i,
    aliases: ["return of displaced families", "displaced families", "refugees"],
  },
  {
    topic: "security",
    pattern: /\b(?:security|guarantees?)\b/i,
    aliases: ["security arrangements", "guarantees"],
  },
  {
    topic: "governance",
    pattern: /\b(?:governance|post-war|day after)\b/i,
    aliases: ["governance of Gaza", "day after"],
  },
  {
    topic: "phases",
    pattern: /\b(?:(?:first|second|third) (?:phase|stage)|phases)\b/i,
    aliases: ["first phase", "second phase"],
  },
  {
    topic: "casualties",
    pattern: /\b(?:killed|martyrs?|wounded|dead|deaths?|casualt(?:y|ies)|injured|missing)\b/i,
    aliases: ["killed", "deaths", "death toll"],
  },
];

/** Each subject's names for `/status TOPIC`: its topic word first, then aliases. */
export const SUBJECT_NAMES: ReadonlyMap<string, readonly string[]> = new Map(
  SUBJECTS.map((subject) => [subject.topic, [subject.topic, ...subject.aliases]]),
);

/**
 * The subject words of a sentence, lower case.
 *
 * @example topicsOf("The parties will discuss options to release Hamas hostages.") // ["hostages"]
 */
export function topicsOf(text: string): string[] {
  return SUBJECTS.filter((subject) => subject.pattern.test(text)).map((subject) => subject.topic);
}

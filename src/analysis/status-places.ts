/**
 * Where a status event happens and what it is about: a short list of cities where talks are held
 * (countries are not venues: "In Israel, ... will go to Doha" meets in Doha), and the subject words
 * that `/status TOPIC` can narrow by without searching text at answer time.
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

/** Subject words and the words that signal them. */
export const TOPIC_WORDS: ReadonlyArray<readonly [topic: string, pattern: RegExp]> = [
  ["hostages", /\b(?:hostages?|captives?|abductees?|prisoners?|detainees?)\b/i],
  ["ceasefire", /\b(?:ceasefire|cease-fire|truce)\b/i],
  ["aid", /\b(?:humanitarian|aid)\b/i],
  ["casualties", /\b(?:killed|martyrs?|wounded|dead|deaths?|casualt(?:y|ies)|injured|missing)\b/i],
];

/**
 * The subject words of a sentence, lower case.
 *
 * @example topicsOf("The parties will discuss options to release Hamas hostages.") // ["hostages"]
 */
export function topicsOf(text: string): string[] {
  return TOPIC_WORDS.filter(([, pattern]) => pattern.test(text)).map(([topic]) => topic);
}

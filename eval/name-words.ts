/**
 * Word lists the entity-name figures stand on. Kept here, apart from the analysis's own lexicon, so
 * the yardstick does not move when the rules it measures change: small, general English news words.
 * Compared lower case, without a final full stop ("Sen." is "sen").
 */

function words(list: string): ReadonlySet<string> {
  return new Set(list.trim().split(/\s+/));
}

/** Offices and roles, with their usual abbreviations. Not honorifics kept in names (Sheikh, King). */
export const ROLE_WORDS = words(`
  president president-elect vice-president minister secretary secretary-general director head chief leader
  spokesman spokeswoman spokesperson ambassador envoy negotiator commander chairman chairwoman adviser advisor
  governor mayor senator congressman congresswoman premier chancellor deputy official officer coordinator
  mediator speaker candidate nominee lawmaker representative attorney
  sen rep gov gen lt col sgt pres amb atty supt
`);

/** Party words: a party name at the edge of a person's name is an affiliation, not the name. */
export const PARTY_WORDS = words(`
  republican republicans democrat democrats democratic gop likud labour tory tories conservative libertarian
`);

/** A "(D-Wis.)", "(R-Texas)" or "(I)" party-and-state tag. */
export const PARTY_TAG = /\((?:[DRI])(?:[-–][A-Za-z. ]+)?\)$/;

/**
 * Weekdays and months. Not April, May, June and August: they are also first names and surnames, and
 * "Theresa May" is a name.
 */
export const CALENDAR_WORDS = words(`
  monday tuesday wednesday thursday friday saturday sunday january february march july september october
  november december
`);

/** The shapes of a dateline: "CITY —", "CITY (Agency) -", "(Agency)". */
export const DATELINE_SHAPES: readonly RegExp[] = [
  /\s[—–-]$/,
  /[—–]$/,
  /^[A-Z][A-Z .,'’]+\s*[—–]/,
  /\([A-Z][\w.]+\)\s*[—–-]?$/,
];

/** Courtesy titles left out when comparing person names ("Mr. Burns" is Burns). */
export const COURTESY_TITLES = words("mr mrs ms miss dr prof sir");

/** Particles that transliterations write in several ways ("al-", "Al ", "bin", "Bin"). */
export const NAME_PARTICLES = words("al el bin bint ibn abu ben");

/**
 * Common first-name variants, both ways round. A word list of given names in general use (not of
 * people in any data set): two people with the same surname and one of these pairs are likely one.
 */
const NICKNAME_GROUPS: readonly string[] = [
  "william bill billy will",
  "robert bob bobby rob",
  "richard dick rick",
  "james jim jimmy",
  "michael mike",
  "anthony antony tony",
  "joseph joe",
  "thomas tom tommy",
  "christopher chris",
  "daniel dan danny",
  "david dave",
  "stephen steven steve",
  "edward ed ted",
  "theodore ted",
  "charles chuck charlie",
  "nicholas nick",
  "andrew andy",
  "alexander alex",
  "benjamin ben",
  "samuel sam",
  "patrick pat",
  "matthew matt",
  "jeffrey jeff",
  "gregory greg",
  "kenneth ken",
  "lawrence larry",
  "gerald jerry",
  "henry hank harry",
  "john jack",
  "katherine kate kathy",
  "elizabeth liz beth betsy",
  "susan sue",
  "margaret maggie peggy",
  "jennifer jen jenny",
  "deborah debbie deb",
];

/** For each given name, the set of names it may be a variant of. */
export const NICKNAMES: ReadonlyMap<string, ReadonlySet<string>> = (() => {
  const map = new Map<string, Set<string>>();
  for (const group of NICKNAME_GROUPS) {
    const names = group.split(" ");
    for (const name of names) {
      const set = map.get(name) ?? new Set<string>();
      for (const other of names) if (other !== name) set.add(other);
      map.set(name, set);
    }
  }
  return map;
})();

/**
 * Word lists the rule-based analysis stands on. General English news vocabulary plus a small
 * gazetteer of countries, places and bodies that news about negotiations names often. Nothing here
 * is specific to one article; lists are lower case unless said otherwise.
 */

import { MORE_DEMONYMS } from "./name-words.js";

/** Builds a set from a space-separated list. */
function words(list: string): ReadonlySet<string> {
  return new Set(list.trim().split(/\s+/));
}

/** Honorifics kept as part of a name ("Sheikh Mohammed ..."), compared without them. */
export const NAME_HONORIFICS = words(
  "sheikh sheikha king queen prince princess emir pope imam rabbi ayatollah",
);

/** Courtesy titles dropped from a name ("Mr. Blinken" is Blinken); they tell the gender. */
export const COURTESY_TITLES: ReadonlyMap<string, "m" | "f" | null> = new Map([
  ["mr", "m"],
  ["mrs", "f"],
  ["ms", "f"],
  ["miss", "f"],
  ["dr", null],
  ["prof", null],
  ["sir", "m"],
  ["dame", "f"],
  ["lord", "m"],
  ["lady", "f"],
]);

/** Gender implied by an honorific kept in a name. */
export const HONORIFIC_GENDER: ReadonlyMap<string, "m" | "f"> = new Map([
  ["sheikh", "m"],
  ["sheikha", "f"],
  ["king", "m"],
  ["queen", "f"],
  ["prince", "m"],
  ["princess", "f"],
  ["emir", "m"],
  ["pope", "m"],
]);

/** Lower-case particles that may sit inside a name ("bin", "Al", "van der"). */
export const NAME_PARTICLES = words("bin bint ibn al el abu de da del della di van von der den le la du ben");

/** Head nouns of a role ("the head of ...", "Prime Minister", "spokesman"). */
export const ROLE_NOUNS = words(`
  president vice-president minister prime secretary secretary-general director head chief leader spokesman
  spokeswoman spokesperson ambassador envoy negotiator commander chairman chairwoman chair adviser advisor
  general governor mayor senator congressman congresswoman premier chancellor king queen emir prince
  coordinator mediator deputy founder official officer undersecretary administrator representative
  delegate aide counsellor counselor attorney judge speaker diplomat chief-of-staff commissioner monarch
  lawmaker legislator mp member editor correspondent analyst expert professor researcher lawyer
`);

/** Words that qualify a role ("Foreign Minister", "Secretary of State", "senior adviser"). */
export const ROLE_QUALIFIERS = words(`
  foreign defense defence state interior justice finance treasury health education energy commerce trade
  homeland security national intelligence labor labour agriculture transport economy economic affairs
  international public political military army navy air staff joint general senior top former deputy
  acting interim chief special assistant executive supreme spiritual high vice first second crown
  strategic negotiating humanitarian communications information media press external internal
  relief aid peace refugee refugees rights human development
`);

/** Words that may open a role phrase before its head noun. */
export const DETERMINERS = words("the a an its his her their our");

/** Country demonyms and short names -> the country (as affiliation wording). Keys lower case. */
export const COUNTRY_ADJECTIVES: ReadonlyMap<string, string> = new Map([
  ["us", "United States"],
  ["u.s.", "United States"],
  ["american", "United States"],
  ["uk", "United Kingdom"],
  ["u.k.", "United Kingdom"],
  ["british", "United Kingdom"],
  ["israeli", "Israel"],
  ["palestinian", "Palestine"],
  ["qatari", "Qatar"],
  ["egyptian", "Egypt"],
  ["jordanian", "Jordan"],
  ["lebanese", "Lebanon"],
  ["syrian", "Syria"],
  ["iranian", "Iran"],
  ["iraqi", "Iraq"],
  ["saudi", "Saudi Arabia"],
  ["emirati", "United Arab Emirates"],
  ["turkish", "Turkey"],
  ["russian", "Russia"],
  ["ukrainian", "Ukraine"],
  ["chinese", "China"],
  ["french", "France"],
  ["german", "Germany"],
  ["italian", "Italy"],
  ["spanish", "Spain"],
  ["yemeni", "Yemen"],
  ["omani", "Oman"],
  ["kuwaiti", "Kuwait"],
  ["bahraini", "Bahrain"],
  ["algerian", "Algeria"],
  ["moroccan", "Morocco"],
  ["tunisian", "Tunisia"],
  ["libyan", "Libya"],
  ["sudanese", "Sudan"],
  ["pakistani", "Pakistan"],
  ["indian", "India"],
  ["japanese", "Japan"],
  ["canadian", "Canada"],
  ["australian", "Australia"],
  ["european", "European Union"],
  ["norwegian", "Norway"],
  ["swiss", "Switzerland"],
  ["dutch", "Netherlands"],
  ["belgian", "Belgium"],
  ["irish", "Ireland"],
  ["polish", "Poland"],
  ["greek", "Greece"],
  ["cypriot", "Cyprus"],
  ["armenian", "Armenia"],
  ["azerbaijani", "Azerbaijan"],
  ["afghan", "Afghanistan"],
  ["south african", "South Africa"],
  ...MORE_DEMONYMS,
]);

/** Countries (canonical spelling). */
export const COUNTRIES: readonly string[] = [
  "United States",
  "United Kingdom",
  "Israel",
  "Palestine",
  "Qatar",
  "Egypt",
  "Jordan",
  "Lebanon",
  "Syria",
  "Iran",
  "Iraq",
  "Saudi Arabia",
  "United Arab Emirates",
  "Turkey",
  "Türkiye",
  "Russia",
  "Ukraine",
  "China",
  "France",
  "Germany",
  "Italy",
  "Spain",
  "Yemen",
  "Oman",
  "Kuwait",
  "Bahrain",
  "Algeria",
  "Morocco",
  "Tunisia",
  "Libya",
  "Sudan",
  "Pakistan",
  "India",
  "Japan",
  "Canada",
  "Australia",
  "Norway",
  "Switzerland",
  "Netherlands",
  "Belgium",
  "Ireland",
  "Poland",
  "Greece",
  "Cyprus",
  "Armenia",
  "Azerbaijan",
  "Afghanistan",
  "South Africa",
  "Brazil",
  "Mexico",
  "Indonesia",
  "Malaysia",
  "Sweden",
  "Denmark",
  "Finland",
  "Austria",
  "Hungary",
  "Portugal",
  "Belarus",
  "Georgia",
  "Kazakhstan",
  "Ethiopia",
  "Nigeria",
  "Kenya",
  "Somalia",
  "South Korea",
  "North Korea",
  "Venezuela",
  "Colombia",
  "Argentina",
  "Chile",
  "Cuba",
  "America",
  "Britain",
];

/** Other places: cities, regions, crossings. Canonical spelling. */
export const PLACES: readonly string[] = [
  "Gaza",
  "Gaza Strip",
  "West Bank",
  "East Jerusalem",
  "Jerusalem",
  "Tel Aviv",
  "Doha",
  "Cairo",
  "Amman",
  "Beirut",
  "Damascus",
  "Tehran",
  "Baghdad",
  "Riyadh",
  "Abu Dhabi",
  "Dubai",
  "Ankara",
  "Istanbul",
  "Moscow",
  "Kyiv",
  "Kiev",
  "Washington",
  "New York",
  "London",
  "Paris",
  "Berlin",
  "Brussels",
  "Geneva",
  "Vienna",
  "Oslo",
  "Muscat",
  "Sanaa",
  "Rafah",
  "Khan Younis",
  "Khan Yunis",
  "Jabalia",
  "Nuseirat",
  "Deir al-Balah",
  "Gaza City",
  "Beit Hanoun",
  "Netzarim",
  "Philadelphi Corridor",
  "Kerem Shalom",
  "Sinai",
  "Golan Heights",
  "Ramallah",
  "Jenin",
  "Nablus",
  "Hebron",
  "Haifa",
  "Middle East",
  "Red Sea",
  "Mediterranean",
  "Europe",
  "Sharm el-Sheikh",
  "Alexandria",
  "Paris",
  "Rome",
  "Madrid",
  "Beijing",
  "Tokyo",
  "Ottawa",
];

/** Bodies often named by a short name, with the country they belong to (null when international). */
export const KNOWN_ORGANISATIONS: ReadonlyMap<string, string | null> = new Map([
  ["Hamas", "Palestine"],
  ["Hezbollah", "Lebanon"],
  ["Fatah", "Palestine"],
  ["Islamic Jihad", "Palestine"],
  ["Houthis", "Yemen"],
  ["Mossad", "Israel"],
  ["Shin Bet", "Israel"],
  ["Knesset", "Israel"],
  ["IDF", "Israel"],
  ["CIA", "United States"],
  ["FBI", "United States"],
  ["Pentagon", "United States"],
  ["White House", "United States"],
  ["State Department", "United States"],
  ["Congress", "United States"],
  ["Senate", "United States"],
  ["Kremlin", "Russia"],
  ["UN", null],
  ["United Nations", null],
  ["UNRWA", null],
  ["UNICEF", null],
  ["WHO", null],
  ["EU", null],
  ["European Union", null],
  ["NATO", null],
  ["Arab League", null],
  ["Red Cross", null],
  ["Red Crescent", null],
  ["Palestinian Authority", "Palestine"],
  ["Reuters", null],
  ["AFP", null],
  ["Al Jazeera", "Qatar"],
]);

/** Nouns that end the name of a body ("Islamic Resistance Movement", "Foreign Ministry"). */
export const ORGANISATION_HEADS = words(`
  movement service agency office ministry council committee party army forces force front organization
  organisation union nations authority bureau department administration government brigades brigade
  court bank fund commission corps cabinet parliament assembly congress senate university institute
  group association network foundation company corporation federation league alliance coalition centre
  center command police guard guards jihad house media times post tribune news agency forum military mission programme program
`);

/**
 * Nouns for bodies tied to a person or country ("Netanyahu's office", "the Biden administration").
 * Not "spokesman": a spokesman is a person, and unnamed ("Netanyahu's spokesman" is anonymous).
 */
export const BODY_NOUNS = words("office administration government cabinet ministry campaign team party");

/** Nouns that name people without naming them: a speaker headed by one is anonymous. */
export const ANONYMOUS_NOUNS = words(`
  official officials source sources diplomat diplomats critic critics analyst analysts observer observers
  expert experts people person resident residents witness witnesses negotiator negotiators mediator
  mediators spokesman spokeswoman spokesperson aide aides insider insiders activist activists
  officer officers commander commanders leader leaders member members minister ministers lawmaker lawmakers
  report reports statement statements media outlet outlets newspaper newspapers channel broadcaster
  authorities figure figures individual individuals someone many some others
`);

/** Months and weekdays are capitalised but are not names. */
export const CALENDAR_WORDS = words(`
  january february march april may june july august september october november december monday tuesday
  wednesday thursday friday saturday sunday
`);

/**
 * Capitalised words that open sentences or clauses and are not names. Compared lower case.
 */
export const CAPITALISED_STOP_WORDS = words(`
  the a an in on at after before but and or for with from to by as while when this that these those his
  her their its our we he she they it i you so yet meanwhile however also both many some several other
  according during since until over under about against between among without within despite amid
  following earlier later today yesterday tomorrow there here what which who whom whose where why how if
  though although because once then now last next first second third new more most no not all each every
  one two three four five six seven eight nine ten further furthermore moreover still even only just
  instead indeed thus hence us my your me him them
`);

/** Subject pronouns with what they can refer to. */
export const PRONOUNS: ReadonlyMap<string, { kind: "person" | "body" | "plural"; gender: "m" | "f" | null }> =
  new Map([
    ["he", { kind: "person", gender: "m" }],
    ["she", { kind: "person", gender: "f" }],
    ["it", { kind: "body", gender: null }],
    ["they", { kind: "plural", gender: null }],
  ]);

/** Prepositions: a name right after one is not the subject of a clause. */
export const PREPOSITIONS = words(`
  by with to from of for about against on at in into onto between among toward towards via including
  like than under over after before during without within behind beside near amid upon
`);

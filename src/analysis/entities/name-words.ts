/**
 * Word lists for telling a name from what surrounds it (titles, parties, datelines, bodies), kept
 * apart from lexicon.ts so each stays short. General news vocabulary only; lower case.
 */

function words(list: string): ReadonlySet<string> {
  return new Set(list.trim().split(/\s+/));
}

/** Abbreviated titles written with a full stop before a name ("Rep. Gwen Moore", "Sen. X"). */
export const TITLE_ABBREVIATIONS = words(
  "rep sen gov lt gen col maj capt cmdr adm sgt rev amb supt atty pres",
);

/** Party words: capitalised before a name they are the role ("Republican Donald Trump"). */
export const PARTY_WORDS = words(`
  republican democrat democratic libertarian gop conservative labour likud tory
`);

/** Role nouns that are also surnames: a run ending in one may be a name ("Patty Judge"). */
export const SURNAME_TITLES = words(
  "judge king queen prince emir head general chief member chair editor expert",
);

/** Plural group words: a run ending in one names a group, never one person ("Senate Republicans"). */
export const GROUP_PLURALS = words(`
  republicans democrats libertarians conservatives liberals progressives independents americans muslims
  christians jews veterans voters supporters protesters
`);

/** Capitalised descriptors that, before a name, are part of the role ("Former", "Rival", "Activist"). */
export const DESCRIPTORS = words(`
  former rival candidate nominee activist fellow front-runner frontrunner incumbent challenger
  billionaire businessman businesswoman president-elect vice-president-elect presumptive
`);

/** Title nouns beyond the lexicon's role nouns that may sit between a body and a name ("Wells Fargo CEO"). */
export const MORE_TITLES = words(`
  ceo cfo coo chairperson justice whip sheriff superintendent pastor reverend bishop cardinal archbishop
  host anchor pollster strategist economist columnist dean principal coach
`);

/** Last words that make a run a body, work or event, never a person ("Clean Air Act", "Wall Street Journal"). */
export const THING_HEADS = words(`
  journal act plan amendment war report show caucus club inc corp llc ltd daily magazine review circuit
  hospital school stadium airport church prize award awards treaty accord agreement summit conference
  convention debate debates initiative project energy coal oil motors airlines capital partners holdings
  entertainment communications foundation institution endowment tower hotel palace press representatives
  appeals commons
`);

/** Last words that make a run a place ("Kent County", "Capitol Hill" is left alone: Hill is a surname). */
export const PLACE_HEADS = words(
  "city county street island islands avenue square mall heights coast district palace hotel resort airport crossing stadium arena atoll valley peninsula mountains desert river",
);

/** Months and weekdays that are never names (April, May, June and August are also first names). */
export const CALENDAR_ONLY = words(`
  january february march july september october november december monday tuesday wednesday thursday
  friday saturday sunday
`);

/** Suffixes after a surname, left out when names are compared ("Jr", "III"). */
export const NAME_SUFFIXES = words("jr sr ii iii iv");

/** A party tag in brackets after a name: "(D-Wis.)", "(R-Ky.)". */
export const PARTY_TAG = /^[RDI]-[A-Z][A-Za-z]*$/;

/** Demonyms beyond the lexicon's (which lists the region's): word -> country. */
export const MORE_DEMONYMS: ReadonlyArray<[string, string]> = [
  ["mexican", "Mexico"],
  ["cuban", "Cuba"],
  ["venezuelan", "Venezuela"],
  ["brazilian", "Brazil"],
  ["colombian", "Colombia"],
  ["argentine", "Argentina"],
  ["argentinian", "Argentina"],
  ["chilean", "Chile"],
  ["korean", "Korea"],
  ["vietnamese", "Vietnam"],
  ["filipino", "Philippines"],
  ["indonesian", "Indonesia"],
  ["malaysian", "Malaysia"],
  ["nigerian", "Nigeria"],
  ["kenyan", "Kenya"],
  ["ethiopian", "Ethiopia"],
  ["swedish", "Sweden"],
  ["danish", "Denmark"],
  ["finnish", "Finland"],
  ["austrian", "Austria"],
  ["hungarian", "Hungary"],
  ["portuguese", "Portugal"],
  ["czech", "Czech Republic"],
  ["romanian", "Romania"],
  ["serbian", "Serbia"],
  ["lithuanian", "Lithuania"],
  ["estonian", "Estonia"],
  ["scottish", "United Kingdom"],
];

/** Words that, with demonyms, make up descriptions of peoples, not names ("African American", "North Korean"). */
export const PEOPLE_WORDS = words(`
  north south east west african asian arab latino latina hispanic jewish muslim christian catholic
  evangelical korean american americans
`);

/**
 * US states: a run that is a state's name alone is a place, never a person ("New Hampshire"); a run
 * before ", <state>" is a place too ("Hilton Head, South Carolina").
 */
export const US_STATE_NAMES: ReadonlySet<string> = new Set(
  `alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho
  illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota
  mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah
  vermont virginia washington wisconsin wyoming`
    .split(/\s+/)
    .filter(Boolean)
    .concat([
      "new hampshire",
      "new jersey",
      "new mexico",
      "new york",
      "north carolina",
      "north dakota",
      "rhode island",
      "south carolina",
      "south dakota",
      "west virginia",
    ]),
);

/** The states' names and their AP abbreviations, compared without dots ("S.C." is "sc"). */
export const US_STATES: ReadonlySet<string> = new Set([
  ...US_STATE_NAMES,
  ...`ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo mont neb nev
      nh nj nm ny nc nd okla ore pa ri sc sd tenn tex vt va wash wva wis wyo dc`.split(/\s+/),
]);

/**
 * Offices one person holds at a time in a country or body ("the Qatari Prime Minister", "the Mossad
 * chief"): a role-only mention is tied to a named person only when its head noun is one of these,
 * never for "official", "spokesman" or "envoy", which many people are at once.
 */
export const HOLDER_NOUNS = words(`
  president vice-president minister premier chancellor secretary secretary-general director chief head
  king queen emir monarch governor mayor speaker
`);

/**
 * Verbs that open a sentence as a command before a name ("Follow Ann Lee on Twitter", "Watch X"):
 * never part of the name. Only verbs that are no first names ("Hope", "Grant", "Will" are left out).
 */
export const IMPERATIVE_VERBS = words(`
  follow read watch listen contact email e-mail meet visit join call see thank congratulate ask tell send
  subscribe click download like share check reach write support donate vote help let welcome remember
  imagine consider sign register tweet text
`);

/**
 * Role phrases around a name, as written: capitalised titles before it ("US Secretary of State"),
 * lower-case roles ("Hamas leader"), appositives after it (", the head of Mossad,") or before a
 * comma ("the Director of the CIA, William Burns"), and the affiliation a role names.
 */
import type { ParagraphText } from "../text.js";
import { isCapitalised, type Token } from "../tokens.js";
import {
  CAPITALISED_STOP_WORDS,
  COUNTRIES,
  COUNTRY_ADJECTIVES,
  DETERMINERS,
  KNOWN_ORGANISATIONS,
  NAME_HONORIFICS,
  ORGANISATION_HEADS,
  PLACES,
  PREPOSITIONS,
  ROLE_NOUNS,
  ROLE_QUALIFIERS,
} from "./lexicon.js";
import {
  DESCRIPTORS,
  GROUP_PLURALS,
  MORE_TITLES,
  PARTY_WORDS,
  SURNAME_TITLES,
  TITLE_ABBREVIATIONS,
} from "./name-words.js";

export const PLACE_NAMES = new Map<string, string>(
  [...COUNTRIES, ...PLACES].map((name) => [name.toLowerCase(), name]),
);
export const ORG_NAMES = new Map<string, string>(
  [...KNOWN_ORGANISATIONS.keys()].map((name) => [name.toLowerCase(), name]),
);
/** All-capital words that are countries or pronouns, not bodies. */
export const NOT_ACRONYM_ORGS = new Set(["US", "U.S.", "UK", "U.K.", "I", "OK", "TV"]);

export function lower(token: Token | undefined): string {
  return token?.lower ?? "";
}

export function isNationality(token: Token | undefined): boolean {
  return token !== undefined && isCapitalised(token) && COUNTRY_ADJECTIVES.has(token.lower);
}

/** A word that can be part of a role phrase written in capitals ("Foreign Minister", "of State"). */
export function isRoleWord(token: Token | undefined): boolean {
  if (token?.kind !== "word") return false;
  const word = token.lower;
  return ROLE_NOUNS.has(word) || ROLE_QUALIFIERS.has(word) || isNationality(token);
}

export function isAcronym(text: string): boolean {
  return /^[A-Z]{2,6}(?:-[A-Z]{2,6})?$/.test(text) && !NOT_ACRONYM_ORGS.has(text);
}

export interface Context {
  paragraph: ParagraphText;
  tokens: readonly Token[];
}

export function slice(context: Context, from: number, to: number): string {
  const { tokens, paragraph } = context;
  return paragraph.text.slice(tokens[from]!.start, tokens[to - 1]!.end);
}

/** The country a demonym or country name in these tokens names, or null. */
export function countryOf(tokens: readonly Token[]): string | null {
  for (const token of tokens) {
    const adjective = isCapitalised(token) ? COUNTRY_ADJECTIVES.get(token.lower) : undefined;
    if (adjective) return adjective;
  }
  return null;
}

/** Country or body named in a role phrase, e.g. `Mossad (Israel)`, `United States`. */
export function affiliationOf(roleTokens: readonly Token[]): string | null {
  let country: string | null = null;
  let body: string | null = null;
  for (const token of roleTokens) {
    if (token.kind !== "word") continue;
    const adjective = isCapitalised(token) ? COUNTRY_ADJECTIVES.get(token.lower) : undefined;
    if (adjective) country ??= adjective;
    const place = PLACE_NAMES.get(token.lower);
    if (place && COUNTRIES.includes(place)) country ??= place;
    const org = ORG_NAMES.get(token.lower);
    if (org ?? (isAcronym(token.text) ? token.text : undefined)) body ??= org ?? token.text;
  }
  if (body) {
    const home = KNOWN_ORGANISATIONS.get(body) ?? country;
    return home ? `${body} (${home})` : body;
  }
  return country;
}

/**
 * The role written just before `index` (lower-case words and capitalised modifiers such as
 * "former", "Hamas leader", "the ... (Mossad)"), as a token range, or null.
 */
export function roleBefore(
  context: Context,
  index: number,
  keepDeterminer: boolean,
  requireRoleNoun = true,
): [number, number] | null {
  const { tokens } = context;
  // "Sen. John McCain of Arizona": a name after "of" holds no role.
  if (lower(tokens[index - 1]) === "of") return null;
  let from = index;
  let depth = 0;
  while (from > 0) {
    const token = tokens[from - 1]!;
    if (token.quote !== tokens[index - 1]?.quote) break;
    if (token.text === ")") depth++;
    else if (token.text === "(") depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      const word = token.lower;
      const allowed =
        token.kind === "possessive" ||
        (token.kind === "word" &&
          (isCapitalised(token) ||
            ROLE_NOUNS.has(word) ||
            ROLE_QUALIFIERS.has(word) ||
            word === "of" ||
            word === "the" ||
            word === "and" ||
            word === "for" ||
            ORGANISATION_HEADS.has(word) ||
            // "Ambassador to the United Nations", "envoy to the Middle East".
            (word === "to" && ROLE_NOUNS.has(lower(tokens[from - 2]))) ||
            DETERMINERS.has(word)));
      if (!allowed) break;
      // "and" joins two roles ("Prime Minister and Foreign Minister"), never a name to a role: in
      // "X Al Thani and Egyptian intelligence chief Y" Y's role starts after the "and".
      if (word === "and" && !(isRoleWord(tokens[from - 2]) || ROLE_NOUNS.has(lower(tokens[from - 2])))) break;
      // A lone capitalised word that opens the sentence ("Meanwhile") is not part of a role.
      if (
        isCapitalised(token) &&
        CAPITALISED_STOP_WORDS.has(word) &&
        !COUNTRY_ADJECTIVES.has(word) &&
        !DETERMINERS.has(word)
      )
        break;
    }
    from--;
  }
  // Trim words that cannot open a role.
  while (from < index && ["of", "and", "for"].includes(lower(tokens[from]))) from++;
  if (!keepDeterminer) while (from < index && DETERMINERS.has(lower(tokens[from]))) from++;
  // A possessive may open it only after its owner ("Israel’s chief negotiator").
  if (from < index && tokens[from]!.kind === "possessive") from++;
  if (from >= index) return null;
  // A list of names ends in "and" ("Larry King and Ed Schultz"): no role.
  if (lower(tokens[index - 1]) === "and") return null;
  const hasRoleNoun = tokens.slice(from, index).some((t) => ROLE_NOUNS.has(lower(t)));
  return hasRoleNoun || !requireRoleNoun ? [from, index] : null;
}

/** An appositive role after a name: `David Barnea, the head of Mossad,` -> the range of the role. */
export function roleAfter(context: Context, end: number): [number, number] | null {
  const { tokens } = context;
  if (tokens[end]?.text !== ",") return null;
  const first = tokens[end + 1];
  if (
    !first ||
    !(DETERMINERS.has(lower(first)) || isNationality(first) || ROLE_QUALIFIERS.has(lower(first)))
  ) {
    return null;
  }
  let to = end + 1;
  let depth = 0;
  while (to < tokens.length && to - end < 16) {
    const token = tokens[to]!;
    if (token.quote !== first.quote) break;
    if (token.text === "(") depth++;
    else if (token.text === ")") depth = Math.max(0, depth - 1);
    else if (depth === 0 && token.kind === "punct") break;
    to++;
  }
  const range = tokens.slice(end + 1, to);
  // Only nouns, modifiers and "of" phrases: a verb would mean this is a clause, not a role.
  const headIndex = range.findIndex((t) => ROLE_NOUNS.has(lower(t)));
  if (headIndex < 0) return null;
  const beforeHead = range.slice(0, headIndex);
  const modifiersOnly = beforeHead.every(
    (t) =>
      DETERMINERS.has(lower(t)) ||
      ROLE_QUALIFIERS.has(lower(t)) ||
      ROLE_NOUNS.has(lower(t)) ||
      isCapitalised(t) ||
      t.kind === "possessive",
  );
  // More role words may follow the first ("Deputy Foreign Minister"), then an "of" phrase.
  let more = headIndex + 1;
  while (more < range.length && (isRoleWord(range[more]) || ROLE_NOUNS.has(lower(range[more])))) more++;
  const afterHead = range.slice(more);
  const ofPhraseOnly =
    afterHead.length === 0 ||
    (["of", "for", "at", "in", "to"].includes(lower(afterHead[0])) &&
      afterHead.every(
        (t) =>
          isCapitalised(t) ||
          /^(of|the|and|for|at|in|to|\(|\))$/.test(lower(t)) ||
          ROLE_QUALIFIERS.has(lower(t)) ||
          ORGANISATION_HEADS.has(lower(t)),
      ));
  return modifiersOnly && ofPhraseOnly ? [end + 1, to] : null;
}

/** A role written just before a comma that precedes the name: `the Director of the CIA, William Burns`. */
export function roleBeforeComma(context: Context, start: number): [number, number] | null {
  const { tokens } = context;
  if (tokens[start - 1]?.text !== ",") return null;
  const range = roleBefore(context, start - 1, true);
  if (!range) return null;
  // Must open with a determiner ("the", "a", "its") so that a list ("Qatar, Egypt") is not a role.
  return DETERMINERS.has(lower(tokens[range[0]])) ? range : null;
}

/** A bracketed short name right after `end`: `(Hamas)`. */
export function bracketAlias(context: Context, end: number): { alias: string; to: number } | null {
  const { tokens } = context;
  if (tokens[end]?.text !== "(") return null;
  let to = end + 1;
  while (to < tokens.length && isCapitalised(tokens[to]) && to - end < 6) to++;
  if (to === end + 1 || tokens[to]?.text !== ")") return null;
  return { alias: slice(context, end + 1, to), to: to + 1 };
}

export function precededByPreposition(tokens: readonly Token[], from: number): boolean {
  const previous = tokens[from - 1];
  return previous !== undefined && PREPOSITIONS.has(previous.lower);
}

/** A word that heads a title written in capitals before a name ("Director", "Sen", "CEO", "Republican"). */
export function isTitleHead(token: Token | undefined): boolean {
  if (token?.kind !== "word") return false;
  // "then-Secretary", "ex-President": the title as it was.
  const word = token.lower.replace(/^(?:then|ex|now|former)-/, "");
  return (
    ROLE_NOUNS.has(word) ||
    TITLE_ABBREVIATIONS.has(word) ||
    PARTY_WORDS.has(word) ||
    GROUP_PLURALS.has(word) ||
    DESCRIPTORS.has(word) ||
    MORE_TITLES.has(word)
  );
}

/**
 * Where the name starts in a run [start, end) that opens with a title written in capitals, or
 * `start` when it opens with none; `end` when the run is a title only ("the Qatari Prime Minister").
 * The title runs to its last head word, bodies and places inside it included ("Wells Fargo CEO John
 * Stumpf", "Senate Majority Leader Mitch McConnell", "Former Florida Sen. X"); an honorific inside a
 * name is no head ("Martin Luther King Jr"). A demonym, party word or descriptor alone is a title
 * only before two name words ("Republican Donald Trump", not "American Express").
 */
export function nameStartAfterTitle(tokens: readonly Token[], start: number, end: number): number {
  let lead = start;
  // "Senators Ann Lee and Bo Park": a plural title opening the run is a title too.
  const plural = pluralTitle(tokens[start]);
  while (
    lead < end &&
    ((lead === start && plural) ||
      isRoleWord(tokens[lead]) ||
      isTitleHead(tokens[lead]) ||
      /^(of|and|the|\.)$/.test(tokens[lead]!.text))
  )
    lead++;
  let nameStart = lead;
  for (let k = end - 1; k >= lead; k--) {
    const token = tokens[k]!;
    // A last word that is also a surname ("Lt. Gov. Patty Judge") is the name's.
    const surname = k === end - 1 && SURNAME_TITLES.has(token.lower);
    if (isTitleHead(token) && !NAME_HONORIFICS.has(token.lower) && !surname) {
      nameStart = tokens[k + 1]?.text === "." ? k + 2 : k + 1;
      break;
    }
  }
  if (nameStart >= end) {
    // "Indiana Governor", "Fox News Chairman", "Texas Sen": a title with no name is a role-only
    // mention (not for words that are also surnames: "Patty Judge", "Jim Justice").
    const last = tokens[end - 1]!;
    const bareTitle =
      end - start >= 2 &&
      (TITLE_ABBREVIATIONS.has(last.lower) ||
        (ROLE_NOUNS.has(last.lower) && !SURNAME_TITLES.has(last.lower)));
    return bareTitle ? end : Math.min(lead, end);
  }
  const title = tokens.slice(start, nameStart);
  const nameWords = tokens.slice(nameStart, end).filter((t) => t.kind === "word").length;
  const strong =
    plural ||
    title.some(
      (t) => ROLE_NOUNS.has(t.lower) || TITLE_ABBREVIATIONS.has(t.lower) || MORE_TITLES.has(t.lower),
    );
  const titled = title.some((t) => isTitleHead(t));
  const demonym = title.some((t) => isNationality(t));
  return strong || titled || (demonym && nameWords >= 2) ? nameStart : start;
}

/** A capitalised plural of a role noun or abbreviated title: "Senators", "Reps", "Generals". */
function pluralTitle(token: Token | undefined): boolean {
  if (token?.kind !== "word" || !isCapitalised(token) || !/[a-z]s$/.test(token.text)) return false;
  const single = token.lower.slice(0, -1);
  return ROLE_NOUNS.has(single) || TITLE_ABBREVIATIONS.has(single);
}

export function titleCase(words: readonly string[]): string {
  return words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(" ");
}

/**
 * Finds the names in a paragraph and what they are: people (with their role phrases as written),
 * organisations, places, bodies tied to someone ("Netanyahu’s office"), role-only mentions ("the
 * Qatari Prime Minister") and lone capitalised words that may be a surname. Clustering the mentions
 * into entities is entities.ts's job.
 *
 * The rules, in order, per run of capitalised words ("chunk"):
 * 1. Leading sentence words ("The", "In", "But") are dropped; months and weekdays are not names.
 * 2. A chunk that is a known place, country or body, or ends in a body noun ("... Movement",
 *    "... Ministry") is an organisation or place; an all-capitals word is an organisation.
 * 3. Otherwise leading role words ("US Secretary of State", "Prime Minister") are split off as the
 *    role; the rest is the name. Two or more name words, or a role before one, make a person.
 * 4. A role may also be written before the chunk in lower case ("Hamas leader", "former") or as an
 *    appositive (", the head of ... (Mossad), David Barnea" / "David Barnea, the head of ...,").
 */

import type { ParagraphText } from "../text.js";
import { isCapitalised, type Token } from "../tokens.js";
import { chunks, isHeadline, nameParts, opensSentence } from "./chunks.js";
import {
  ANONYMOUS_NOUNS,
  BODY_NOUNS,
  CALENDAR_WORDS,
  COURTESY_TITLES,
  DETERMINERS,
  HONORIFIC_GENDER,
  KNOWN_ORGANISATIONS,
  NAME_HONORIFICS,
  ORGANISATION_HEADS,
  ROLE_NOUNS,
} from "./lexicon.js";
import {
  base,
  findDefiniteBodies,
  findLowerRoles,
  roleMention,
  withBody,
  withOwner,
} from "./mention-extras.js";
import {
  GROUP_PLURALS,
  HOLDER_NOUNS,
  NAME_SUFFIXES,
  PEOPLE_WORDS,
  PLACE_HEADS,
  THING_HEADS,
  US_STATE_NAMES,
} from "./name-words.js";
import type { RawMention } from "./raw-mention.js";
import { isCountryMention } from "./role-spans.js";
import {
  affiliationOf,
  bracketAlias,
  type Context,
  countryOf,
  isAcronym,
  isNationality,
  isRoleWord,
  lower,
  nameStartAfterTitle,
  ORG_NAMES,
  PLACE_NAMES,
  roleAfter,
  roleBefore,
  roleBeforeComma,
  slice,
} from "./roles.js";
import { beforeRegion, bodyOf, nounAfter, splitAfterBody } from "./run-context.js";

export type { RawKind, RawMention } from "./raw-mention.js";

/**
 * Every name-like mention in a paragraph, in reading order.
 *
 * @example
 * findMentions(paragraph).map((m) => [m.kind, m.name, m.role])
 * // [["person", "Anthony Blinken", "US Secretary of State"], ...]
 */
export function findMentions(paragraph: ParagraphText): RawMention[] {
  const context: Context = { paragraph, tokens: paragraph.tokens };
  const { tokens } = paragraph;
  const mentions: RawMention[] = [];
  const parts = chunks(tokens).flatMap(([from, to]) => nameParts(paragraph, from, to));
  for (const [start, chunkEnd] of parts) {
    const words = tokens.slice(start, chunkEnd);
    if (words.every((t) => CALENDAR_WORDS.has(lower(t)) || t.kind !== "word")) continue;
    // A lone demonym ("Qatari officials", "American support") names no one.
    if (words.every((t) => isNationality(t) || PEOPLE_WORDS.has(lower(t)))) continue;
    // A common noun opening a sentence ("Officials said", "Mediators met") names no one either.
    if (words.length === 1 && ANONYMOUS_NOUNS.has(lower(words[0]))) continue;
    // Nor does a lone body noun there ("Office said", "Ministry officials"): which office is unsaid.
    if (words.length === 1 && loneBodyNoun(words[0]!) && opensSentence(paragraph, start)) continue;
    // "United Nations Sophie Aziz", "Foreign Ministry Khalil Qasem": a body, then a name.
    const split = splitAfterBody(tokens, start, chunkEnd);
    if (split > start) {
      mentions.push(...classify(context, start, split));
      mentions.push(...classify(context, split, chunkEnd));
      continue;
    }
    mentions.push(...classify(context, start, chunkEnd));
  }
  mentions.push(...findDefiniteBodies(context, mentions));
  withOwner(context, mentions);
  mentions.push(...findLowerRoles(context, mentions));
  // "Israel’s Foreign Ministry": the body of Israel, not a second body named "Foreign Ministry".
  const bodies = mentions.filter((m) => m.owner !== null);
  const kept = mentions.filter(
    (m) =>
      m.kind !== "organisation" ||
      m.owner !== null ||
      !bodies.some(
        (body) =>
          body.owner !== m && body.from <= m.from && m.to <= body.to && body.to - body.from > m.to - m.from,
      ),
  );
  kept.sort((a, b) => a.from - b.from);
  if (isHeadline(paragraph)) for (const mention of kept) mention.headline = true;
  return kept;
}

/** Nouns that name no body alone: which one is unsaid ("Police" does name one, so it stays). */
const LONE_BODY_WORDS = new Set([
  "statement",
  "department",
  "agency",
  "committee",
  "council",
  "commission",
  "bureau",
]);

/** A body or document noun alone ("Office", "Ministry", "Statement"), not a body known by it ("Senate"). */
function loneBodyNoun(token: Token): boolean {
  const word = lower(token);
  if (ORG_NAMES.has(word) || isAcronym(token.text)) return false;
  return BODY_NOUNS.has(word) || LONE_BODY_WORDS.has(word);
}

/** Classifies one chunk [start, end): see the module comment for the order of the rules. */
function classify(context: Context, start: number, end: number): RawMention[] {
  const { tokens } = context;
  const text = slice(context, start, end);
  const lowerText = text.toLowerCase();
  const last = tokens[end - 1]!;
  const bracket = bracketAlias(context, end);

  // 2. Known places and bodies, body-noun endings, acronyms.
  // A run ending in a place word ("Kent County") is a place; one ending in a body, work or group
  // word ("Clean Air Act", "Senate Republicans", "Islamic State") is a body, never a person.
  const endsInPlace = (end - start >= 2 && PLACE_HEADS.has(lower(last))) || beforeRegion(context, start, end);
  // A state's name alone names no one ("New Hampshire" is no two-word person, "Texas said" no
  // speaker). Not a place either: quote subjects would take it ("in Columbus, Ohio, said";
  // src/analysis/README.md, Limits).
  if (US_STATE_NAMES.has(lowerText) && !PLACE_NAMES.has(lowerText)) return [];
  const place = PLACE_NAMES.get(lowerText) ?? (endsInPlace ? text : undefined);
  if (place)
    return withBody(context, { ...base(context, start, end), kind: "place", name: place, nameWords: [] });
  const known = ORG_NAMES.get(lowerText);
  // "Mr. Post" is a person whatever his name means.
  const startsCourteous = COURTESY_TITLES.has(lower(tokens[start]));
  const endsInBody =
    !startsCourteous &&
    ((end - start === 1 && GROUP_PLURALS.has(lower(last))) ||
      (end - start >= 2 &&
        ((ORGANISATION_HEADS.has(lower(last)) && !isRoleWord(last)) ||
          THING_HEADS.has(lower(last)) ||
          GROUP_PLURALS.has(lower(last)) ||
          // "U.S. Department of Justice", "House of Representatives", "University of Michigan".
          bodyOf(tokens, start, end) ||
          (lower(last) === "state" && lower(tokens[end - 2]) !== "of" && !isRoleWord(tokens[end - 2])))));
  if (known || endsInBody || (end - start === 1 && isAcronym(text))) {
    const mention: RawMention = {
      ...base(context, start, end),
      kind: "organisation",
      name: known ?? text,
      nameWords: [],
      alias: bracket?.alias ?? null,
    };
    // A body's affiliation is its country: known, or from a nationality word in its name.
    mention.affiliation =
      (known ? KNOWN_ORGANISATIONS.get(known) : undefined) ?? countryOf(tokens.slice(start, end));
    return withBody(context, mention);
  }

  // 3. Split the role written in capitals from the name.
  const nameStart = nameStartAfterTitle(tokens, start, end);
  const hasRole = nameStart > start;
  const nameText = nameStart < end ? slice(context, nameStart, end) : "";
  if (nameStart < end) {
    const rest = nameText.toLowerCase();
    const restPlace = PLACE_NAMES.get(rest);
    // A lone body word ("the Foundation", "Center") is a body mentioned short, not a surname.
    const bodyWord =
      end - nameStart === 1 &&
      [ORGANISATION_HEADS, THING_HEADS, PLACE_HEADS].some((heads) => heads.has(rest)) &&
      COURTESY_TITLES.get(lower(tokens[nameStart - 1])) === undefined;
    const restOrg =
      ORG_NAMES.get(rest) ??
      (end - nameStart === 1 && (isAcronym(nameText) || bodyWord) ? nameText : undefined);
    if (restPlace || restOrg) {
      const kind = restPlace ? "place" : "organisation";
      const rest: RawMention = {
        ...base(context, nameStart, end),
        kind,
        name: restPlace ?? restOrg ?? nameText,
        nameWords: [],
      };
      // "the Prime Minister of Qatar": an office of that country, a role-only mention.
      const office =
        isCountryMention(rest) &&
        lower(tokens[nameStart - 1]) === "of" &&
        tokens.slice(start, nameStart).some((t) => HOLDER_NOUNS.has(lower(t)));
      if (!office) return [rest];
      const from = lower(tokens[start - 1]) === "the" ? start - 1 : start;
      return [...withBody(context, roleMention(context, from, end)), rest];
    }
  }
  if (nameStart >= end) {
    // Only role words: a role-only mention ("the Qatari Prime Minister and Foreign Minister").
    if (!tokens.slice(start, end).some((t) => ROLE_NOUNS.has(lower(t)))) return [];
    // As written with its article: "the Qatari Prime Minister and Foreign Minister".
    const from =
      DETERMINERS.has(lower(tokens[start - 1])) && !isCapitalised(tokens[start - 1]) ? start - 1 : start;
    // "The Prime Minister’s Office": the office of whoever holds the role, a body, not "Office".
    return withBody(context, {
      ...base(context, from, end),
      kind: "role",
      name: "",
      nameWords: [],
      role: text,
      affiliation: affiliationOf(tokens.slice(start, end)),
    });
  }

  // The name: drop courtesy titles ("Mr."), keep honorifics ("Sheikh"), note the gender they imply.
  let gender: "m" | "f" | null = null;
  let first = nameStart;
  const courtesy = COURTESY_TITLES.get(lower(tokens[first]));
  if (courtesy !== undefined && end - first > 1) {
    gender = courtesy;
    first++;
    if (tokens[first]?.text === ".") first++;
  }
  if (first >= end) return [];
  const honorific = HONORIFIC_GENDER.get(lower(tokens[first]));
  if (honorific) gender = honorific;
  // An honorific opens a name ("Sheikh Mohammed"); later the same word is the name ("Larry King").
  const written = tokens
    .slice(first, end)
    .filter((t, i) => t.kind === "word" && !(i === 0 && NAME_HONORIFICS.has(lower(t))));
  // Middle initials and "Jr" are left out when matching ("Donald J. Trump" is "Donald Trump").
  const core = written.filter((t) => !/^[A-Z]$/.test(t.text) && !NAME_SUFFIXES.has(t.lower));
  const nameWords = (core.length >= 2 ? core : written).map((t) => t.text);
  const name = slice(context, first, end);

  // 4. Roles written before (lower case, or an appositive) or after the name.
  const roleParts: Array<[number, number]> = [];
  // With a role in the chunk, modifiers before it belong to it too ("Qatar’s Prime Minister").
  const before = roleBefore(context, start, false, !hasRole);
  if (before) roleParts.push([before[0], hasRole ? nameStart : start]);
  else if (hasRole) roleParts.push([start, nameStart]);
  const appositiveBefore = before ? null : roleBeforeComma(context, start);
  const appositiveAfter = roleAfter(context, end);
  let role: string | null = null;
  let roleRange: Array<[number, number]> = [];
  if (roleParts.length > 0) roleRange = roleParts;
  else if (appositiveBefore) roleRange = [appositiveBefore];
  else if (appositiveAfter) roleRange = [appositiveAfter];
  if (roleRange.length > 0) {
    const [from, to] = roleRange[0]!;
    role = slice(context, from, to);
  }
  const roleTokenList = roleRange.flatMap(([from, to]) => tokens.slice(from, to));

  const bare = role === null && honorific === undefined && courtesy === undefined;
  // "the Harbor Herald", "the Manchurian Candidate": a person's bare name takes no article; a work or
  // body does. Not "the Lee administration" (a noun follows: findDefiniteBodies' body, owned by Lee).
  const described = /-\p{Ll}/u.test(tokens[start]!.text); // "the Ohio-born X": a description, then a name
  if (bare && !described && lower(tokens[start - 1]) === "the" && !nounAfter(context, end))
    return withBody(context, { ...base(context, start, end), kind: "organisation", name, nameWords: [] });
  const isPerson = nameWords.length >= 2 || !bare;
  const mentionFrom = roleParts.length > 0 ? roleParts[0]![0] : start;
  const mention: RawMention = {
    ...base(context, mentionFrom, end),
    kind: isPerson ? "person" : "single",
    name,
    nameWords,
    role,
    gender,
    affiliation: affiliationOf(roleTokenList),
  };
  // As written, an appositive role is part of the mention ("the Director of the CIA, William Burns").
  if (roleParts.length === 0 && appositiveBefore) mention.text = slice(context, appositiveBefore[0], end);
  else if (roleParts.length === 0 && appositiveAfter)
    mention.text = slice(context, start, appositiveAfter[1]);
  // A person named in brackets after a body is not the body's alias; keep the alias for bodies only.
  return withBody(context, mention);
}

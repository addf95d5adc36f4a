/**
 * Sources described rather than named: a group ("Social conservatives say"), a document
 * ("according to a poll by ..."), a statement ("the statement said": its issuer) and an office
 * acronym ("the PMO": the one such office named before). Never a person by guess.
 */

import { PRONOUNS } from "../entities/lexicon.js";
import type { ParagraphText } from "../text.js";
import { normalise } from "../text.js";
import { fromEntity, type ResolveContext, type Speaker, WINDOW_PARAGRAPHS } from "./speaker-base.js";

/** Words for what a body issues: "the statement said" speaks for its issuer. */
export const STATEMENT_NOUNS = new Set(["statement", "release", "communique", "communiqué", "announcement"]);

/** Office acronyms written for the office of a role: "the PMO" is the prime minister's office. */
export const OFFICE_ACRONYMS: ReadonlyMap<string, string> = new Map([
  ["pmo", "prime minister"],
  ["cmo", "chief minister"],
  ["eop", "president"],
]);

/** Documents that say things: a source as written, never a person. */
export const DOCUMENT_NOUNS = new Set(
  `poll polls survey surveys analysis study studies memo memos data documents records filing filings
  document estimate estimates tally average book website audit review transcript complaint lawsuit indictment
  projections forecast results count`.split(/\s+/),
);

/**
 * One person described by what they do or back rather than by office ("a Democratic strategist", "one
 * Trump confidant", "a New Hampshire Republican"): an anonymous source like "an official", never
 * named. Singular and after an indefinite article only: plurals ("strategists say") are claims about
 * a group, and "the Ohio Republican" is someone named before.
 */
export const UNNAMED_PERSON = new Set(
  `adviser advisor strategist confidant consultant operative supporter staffer donor commenter democrat
  republican employee`.split(/\s+/),
);

/** Words after a noun that describe who it is ("officials familiar with the talks", "a person close to ..."). */
export const POSTMODIFIERS = new Set([
  "familiar",
  "close",
  "involved",
  "speaking",
  "knowledgeable",
  "briefed",
]);

/** The articles such a description opens with. */
export const UNNAMED_OPENERS = new Set(["a", "an", "one", "another"]);

/** Words no plain noun phrase for a group holds: verbs, "there", "what". */
const NOT_IN_GROUP = new Set(
  "there what is are was were be been has have had do does did will would can could went got also not".split(
    " ",
  ),
);

/** Plural nouns that are no speakers ("years", "times") or no plurals ("politics", "news"). */
const NOT_PEOPLE_PLURALS = new Set(
  `years months weeks days hours minutes times things ways terms words results numbers figures polls
  news politics economics ethics rules laws bills documents records emails papers reports statements
  talks efforts plans issues questions costs prices rates taxes funds sales services states
  countries cities parts areas sides points lines signs odds means series`.split(/\s+/),
);

/**
 * Just past the plural noun that heads a subject of people ("Social conservatives", "Other
 * Republican candidates", "three current and former Podesta employees"), or 0. Its first word
 * may not be a name of its own; the noun is the head's last word or stands before a participle or
 * relative ("Democrats trying to ...", "Executives who ...").
 */
export function pluralHead(tokens: ParagraphText["tokens"], from: number, headEnd: number): number {
  // "their smiles said a lot": a possessive opens no group of speakers.
  if (headEnd - from > 7 || ["his", "her", "their", "its", "our"].includes(tokens[from]!.lower)) return 0;
  for (let i = from; i < headEnd; i++) {
    const token = tokens[i]!;
    // "there were similarities between her remarks": a clause, not a noun phrase.
    if (token.kind !== "word" || PRONOUNS.has(token.lower) || NOT_IN_GROUP.has(token.lower)) return 0;
    if (i > from && /ed$/.test(token.lower) && !token.cap) return 0;
    const isLast = i === headEnd - 1 || /ing$/.test(tokens[i + 1]!.lower) || tokens[i + 1]!.lower === "who";
    if (!isLast) continue;
    const word = token.lower;
    if (!/^[a-z]{4,}s$/.test(word) || /(?:ss|us|is|ics|ws)$/.test(word)) return 0;
    return NOT_PEOPLE_PLURALS.has(word) ? 0 : i + 1;
  }
  return 0;
}

/** The body that issued the last statement, within the window. */
export function statementIssuer(context: ResolveContext): Speaker | null {
  const issuer = context.issuer;
  if (!issuer || issuer.paragraph < context.paragraph.number - WINDOW_PARAGRAPHS) return null;
  return issuer.speaker.kind === "organisation" ? { ...issuer.speaker, rule: "description" } : null;
}

/**
 * The one office of a role holder named before ("Kerr's office" with Kerr the prime
 * minister, or an "Office of the Prime Minister"), for "the PMO".
 */
export function officeOf(context: ResolveContext, role: string): Speaker | null {
  const found = new Set<string>();
  // The whole article so far: an acronym names one office, however far back it was named in full.
  for (let p = 1; p <= context.paragraph.number; p++) {
    for (const m of context.entities.located[p - 1] ?? []) {
      const entity = context.entities.byId.get(m.entityId)?.entity;
      if (entity?.kind !== "organisation" || !/\boffice\b/i.test(entity.name)) continue;
      const owner = entity.linkedTo ? context.entities.byId.get(entity.linkedTo)?.entity : undefined;
      const roles = [entity.name, ...(owner?.roles ?? [])].map((r) => normalise(r));
      if (roles.some((r) => r.includes(role))) found.add(entity.id);
    }
  }
  return found.size === 1 ? { ...fromEntity(context, [...found][0]!), rule: "description" } : null;
}

/** Head nouns of a person described by office or standing ("the Florida senator", "the Republican nominee"). */
const DESCRIBED_HEADS = new Set(
  `senator governor congressman congresswoman lawmaker mayor nominee candidate front-runner frontrunner
  businessman businesswoman billionaire hopeful republican democrat`.split(/\s+/),
);

/** Lower-case words such a description may hold before its head ("the former Florida governor"). */
const DESCRIBED_QUALIFIERS = new Set(
  `former presumptive presidential independent likely junior senior longtime outgoing incoming
  vice and`.split(/\s+/),
);

/**
 * "the Florida senator", "the presumptive Republican presidential nominee": a person described by
 * office and a place or party, no one the article names tied to it. Kept as written (without "the"),
 * like "a senior official": a capital word says which senator; "the senator" alone says nothing.
 * `person` tells whether a token is part of a person's name mention (a name makes it no description).
 */
export function roleDescribed(
  tokens: ParagraphText["tokens"],
  from: number,
  headEnd: number,
  person: (index: number) => boolean,
): number {
  if (tokens[from]?.lower !== "the" || headEnd - from < 2 || headEnd - from > 7) return 0;
  const head = tokens[headEnd - 1]!;
  if (!DESCRIBED_HEADS.has(head.lower)) return 0;
  let capital = head.cap === true;
  for (let i = from + 1; i < headEnd - 1; i++) {
    const token = tokens[i]!;
    if (token.kind !== "word" || person(i)) return 0;
    if (token.cap) capital = true;
    else if (!DESCRIBED_QUALIFIERS.has(token.lower)) return 0;
  }
  return capital ? headEnd : 0;
}

/**
 * Who a subject phrase refers to: a named entity, a pronoun or "the office" resolved against what
 * came before, an anonymous source ("a senior official": described, never named), a group, or
 * nobody we can be sure of.
 *
 * Resolution is deliberately cautious: a pronoun takes the most recent clause subject only when
 * that subject is of a compatible kind and gender and no other person stands between them as a
 * subject; "the office" / "the minister" take the one recent entity that fits, or nobody.
 */
import type { LocalEntity, Located } from "../entities/entities.js";
import {
  ANONYMOUS_NOUNS,
  COURTESY_TITLES,
  DETERMINERS,
  PREPOSITIONS,
  PRONOUNS,
  ROLE_NOUNS,
} from "../entities/lexicon.js";
import { normalise } from "../text.js";

export { STATEMENT_NOUNS } from "./described.js";

import {
  fromEntity,
  type ResolveContext,
  type Speaker,
  type SubjectRecord,
  unknown,
  WINDOW_PARAGRAPHS,
} from "./speaker-base.js";

export type { ResolveContext, Speaker, SpeakerKind, SubjectRecord, SubjectRule } from "./speaker-base.js";

import {
  DOCUMENT_NOUNS,
  OFFICE_ACRONYMS,
  officeOf,
  POSTMODIFIERS,
  pluralHead,
  roleDescribed,
  STATEMENT_NOUNS,
  statementIssuer,
  UNNAMED_OPENERS,
  UNNAMED_PERSON,
} from "./described.js";

const QUANTIFIERS = new Set([
  "many",
  "some",
  "several",
  "two",
  "three",
  "four",
  "few",
  "other",
  "most",
  "all",
  "both",
  "various",
  "numerous",
  "one",
  "another",
  "certain",
  "senior",
  "top",
]);

/** The located name mentions inside a token range of the current paragraph, outside quotations. */
function mentionsIn(context: ResolveContext, from: number, to: number): Located[] {
  const list = context.entities.located[context.paragraph.number - 1] ?? [];
  return list.filter((m) => m.from >= from && m.to <= to && !m.raw.inQuote);
}

/**
 * Resolves a subject phrase (token range of the current paragraph).
 *
 * @example
 * resolveSubject(context, from, to) // { entityId: "person:anthony-blinken", name: "Anthony Blinken", ... }
 */
export function resolveSubject(context: ResolveContext, from: number, to: number): Speaker {
  const tokens = context.paragraph.tokens;
  if (to <= from) return unknown();
  const words = tokens.slice(from, to);
  // A pronoun alone.
  if (words.length === 1) {
    const pronoun = PRONOUNS.get(words[0]!.lower);
    if (pronoun) return resolvePronoun(context, words[0]!.lower, from);
  }
  // "The statement said": the body that issued it, else nobody (a statement is no speaker).
  // "The PMO said": the prime minister's office named before, else nobody (never a person).
  const bare = words.filter((t) => !DETERMINERS.has(t.lower));
  if (bare.length === 1 && (STATEMENT_NOUNS.has(bare[0]!.lower) || OFFICE_ACRONYMS.has(bare[0]!.lower))) {
    const word = bare[0]!.lower;
    const found = STATEMENT_NOUNS.has(word)
      ? statementIssuer(context)
      : officeOf(context, OFFICE_ACRONYMS.get(word)!);
    return found ?? unknown();
  }
  // A name with its role as one mention spans the whole phrase ("International Committee of the Red
  // Cross head Rami Halevi"): that entity, whatever prepositions its role holds.
  let start = from;
  while (start < to - 1 && DETERMINERS.has(tokens[start]!.lower)) start++;
  const whole = mentionsIn(context, from, to).find(
    (m) => m.to === to && m.from <= start && m.raw.kind !== "role",
  );
  if (whole) return { ...fromEntity(context, whole.entityId), how: "name", rule: "name" };
  // The head of the phrase ends at its first preposition: "critics | of American policy in ...".
  let headEnd = from;
  while (headEnd < to && !(headEnd > from && PREPOSITIONS.has(tokens[headEnd]!.lower))) headEnd++;
  const mentions = mentionsIn(context, from, to);
  // "Qatar and Egypt said": a group of named entities.
  const headMentions = mentions.filter((m) => m.to <= headEnd);
  const last = headMentions[headMentions.length - 1];
  const joined =
    last !== undefined &&
    tokens[last.from - 1]?.lower === "and" &&
    headMentions.some((m) => m.to === last.from - 1 && m.entityId !== last.entityId);
  if (joined) {
    return {
      entityId: null,
      name: slice(context, from, headEnd),
      kind: "group",
      gender: null,
      plural: true,
      rule: "group",
    };
  }
  // A name mention that ends the head (the longest: a body "Netanyahu’s office" over its owner).
  const head = mentions
    .filter((m) => m.to === headEnd || (headEnd === to && m.to === to))
    .sort((a, b) => b.to - b.from - (a.to - a.from))[0];
  if (head) return { ...fromEntity(context, head.entityId), how: "name", rule: "name" };
  const bySurname = resolveSurname(context, from, headEnd);
  if (bySurname) return bySurname;
  const headWords = tokens.slice(from, headEnd).map((t) => t.lower);
  // "one Democrat familiar with ...", "a person close to ...": the noun stands before its modifier.
  const end = headWords.length - 1;
  const noun = headWords[end > 0 && POSTMODIFIERS.has(headWords[end]!) ? end - 1 : end] ?? "";
  // "the office", "the minister": a definite description of someone named before.
  const definite = headWords.length >= 2 && headWords[0] === "the";
  if (definite && headWords.length <= 4) {
    const found = resolveDefinite(context, headWords.slice(1), from);
    if (found) return found;
  }
  // "the Florida senator" tied to no one: described as written, never turned into a name.
  const isPerson = (i: number) =>
    mentions.some(
      (m) => m.from <= i && i < m.to && context.entities.byId.get(m.entityId)?.entity.kind === "person",
    );
  if (definite && roleDescribed(tokens, from, headEnd, isPerson) > 0) {
    const name = describe(context, from, to, headEnd);
    return { entityId: null, name, kind: "anonymous", gender: null, plural: false, rule: "role" };
  }
  // "The office said" with no single office named before: unattributed, never a guess.
  // "The minister said" with two ministers named before: unattributed too.
  if (definite && headWords.length === 2 && (!ANONYMOUS_NOUNS.has(noun) || ROLE_NOUNS.has(noun)))
    return unknown();
  // "X (D-N.Y.), a supporter of Y, told ...": after a comma the description is X's appositive.
  const unnamed =
    UNNAMED_PERSON.has(noun) && UNNAMED_OPENERS.has(headWords[0] ?? "") && tokens[from - 1]?.text !== ",";
  if (ANONYMOUS_NOUNS.has(noun) || ANONYMOUS_NOUNS.has(singular(noun)) || unnamed) {
    return {
      entityId: null,
      name: describe(context, from, to, headEnd),
      kind: "anonymous",
      gender: null,
      plural: noun.endsWith("s") && !noun.endsWith("ss"),
      rule: "anonymous",
    };
  }
  // "according to a poll by Gallup", "the report said": a document, described as written.
  if (DOCUMENT_NOUNS.has(noun)) {
    return {
      entityId: null,
      name: describe(context, from, to, headEnd),
      kind: "anonymous",
      gender: null,
      plural: false,
      rule: "document",
    };
  }
  // "Social conservatives say", "three Podesta employees said": a plural noun for people, unnamed.
  const plural = pluralHead(tokens, from, headEnd);
  if (plural > 0) {
    return {
      entityId: null,
      name: describe(context, from, KEPT_AFTER.has(tokens[plural]?.lower ?? "") ? to : plural, plural),
      kind: "anonymous",
      gender: null,
      plural: true,
      rule: "plural",
    };
  }
  return unknown();
}

/** Words after a head that keep their phrase in a description ("critics of ...", "a poll by ..."). */
const KEPT_AFTER = new Set(["of", "for", "from", "with", "by"]);

/**
 * A surname that two people of the article share ("Mrs. Clinton" with Bill and Hillary Clinton
 * named): the one a courtesy title's gender fits (`surname-title`), else the one the article names
 * far more often (`surname-salient`, at least twice as often and three times). Otherwise nobody.
 */
function resolveSurname(context: ResolveContext, from: number, to: number): Speaker | null {
  const tokens = context.paragraph.tokens;
  let title: "m" | "f" | null = null;
  const rest: string[] = [];
  for (let i = from; i < to; i++) {
    const token = tokens[i]!;
    if (token.text === "." || DETERMINERS.has(token.lower)) continue;
    if (COURTESY_TITLES.has(token.lower)) title = COURTESY_TITLES.get(token.lower) ?? null;
    else rest.push(token.text);
  }
  if (rest.length !== 1 || !/^\p{Lu}/u.test(rest[0]!)) return null;
  const surname = normalise(rest[0]!);
  const candidates = context.entities.list.filter(
    (local) => local.entity.kind === "person" && local.words.length >= 2 && local.words.at(-1) === surname,
  );
  // "Cuban said" with Lena Cuban named: a surname read as another word (a demonym) is still hers,
  // when it stands alone ("A Cuban said" is someone else).
  if (candidates.length === 1 && to - from === 1 && namedBefore(context, candidates, from).size === 1) {
    return { ...fromEntity(context, candidates[0]!.entity.id), how: "name", rule: "name" };
  }
  if (candidates.length < 2) return null;
  if (title) {
    const fitting = candidates.filter((local) => local.gender === title);
    const others = candidates.filter((local) => local.gender !== title && local.gender !== null);
    if (fitting.length === 1 && others.length === candidates.length - 1) {
      return { ...fromEntity(context, fitting[0]!.entity.id), how: "name", rule: "surname-title" };
    }
  }
  const byCount = [...candidates].sort((a, b) => b.entity.mentions.length - a.entity.mentions.length);
  const [top, second] = [byCount[0]!.entity.mentions.length, byCount[1]!.entity.mentions.length];
  if (top >= 3 && top >= 2 * second) {
    return { ...fromEntity(context, byCount[0]!.entity.id), how: "name", rule: "surname-salient" };
  }
  // "Bill Clinton spoke in Iowa. ... Clinton said": the one of them named in the last paragraphs.
  const ids = new Set(candidates.map((local) => local.entity.id));
  const recent = new Set<string>();
  const minimum = Math.max(1, context.paragraph.number - WINDOW_PARAGRAPHS);
  for (let p = minimum; p <= context.paragraph.number; p++) {
    for (const m of context.entities.located[p - 1] ?? []) {
      if (p === context.paragraph.number && m.from >= from) continue;
      if (ids.has(m.entityId)) recent.add(m.entityId);
    }
  }
  if (recent.size === 1)
    return { ...fromEntity(context, [...recent][0]!), how: "name", rule: "surname-recent" };
  // "Sen. Ada Brenner ... Brenner said", her husband named only later: the one a reader knows so far.
  // With a courtesy title, only one whose gender is known to fit ("Mr. Brenner" is not Ada Brenner).
  const [first, ...more] = namedBefore(context, candidates, from);
  const fitsTitle = title === null || context.entities.byId.get(first ?? "")?.gender === title;
  if (recent.size === 0 && first !== undefined && more.length === 0 && fitsTitle) {
    return { ...fromEntity(context, first), how: "name", rule: "surname-first" };
  }
  return null;
}

/** Which of the candidates the article has named before this point (paragraph, token). */
function namedBefore(context: ResolveContext, candidates: readonly LocalEntity[], at: number): Set<string> {
  const ids = new Set(candidates.map((local) => local.entity.id));
  const named = new Set<string>();
  for (let p = 1; p <= context.paragraph.number; p++) {
    for (const m of context.entities.located[p - 1] ?? []) {
      if (p === context.paragraph.number && m.from >= at) continue;
      if (ids.has(m.entityId)) named.add(m.entityId);
    }
  }
  return named;
}

function singular(noun: string): string {
  return noun.endsWith("s") ? noun.slice(0, -1) : noun;
}

function slice(context: ResolveContext, from: number, to: number): string {
  const tokens = context.paragraph.tokens;
  return context.paragraph.text.slice(tokens[from]!.start, tokens[to - 1]!.end);
}

/**
 * The description of an anonymous speaker: quantifiers and determiners dropped, the head kept with
 * an "of" phrase, place phrases dropped: "many critics of American policy in the United States" ->
 * "critics of American policy".
 */
function describe(context: ResolveContext, from: number, to: number, headEnd: number): string {
  const tokens = context.paragraph.tokens;
  let start = from;
  while (start < headEnd - 1) {
    const word = tokens[start]!.lower;
    if (DETERMINERS.has(word) || QUANTIFIERS.has(word)) start++;
    else break;
  }
  let end = headEnd;
  // "a person close to the governor": a modifier keeps its phrase whatever the preposition.
  const modified = POSTMODIFIERS.has(tokens[headEnd - 1]?.lower ?? "");
  if (end < to && (KEPT_AFTER.has(tokens[end]!.lower) || modified)) {
    end++;
    while (end < to && !PREPOSITIONS.has(tokens[end]!.lower) && tokens[end]!.kind !== "punct") end++;
  }
  // Keep "senior" in "a senior official": only quantifiers that count are dropped.
  if (start > from && ["senior", "top"].includes(tokens[start - 1]!.lower)) start--;
  return slice(context, start, end);
}

/** Subjects seen in the window before the current point, most recent first. */
function recentSubjects(context: ResolveContext): SubjectRecord[] {
  const minimum = context.paragraph.number - WINDOW_PARAGRAPHS;
  const recent: SubjectRecord[] = [];
  for (let i = context.history.length - 1; i >= 0; i--) {
    const record = context.history[i]!;
    if (record.paragraph < minimum) break;
    recent.push(record);
  }
  return recent;
}

function genderFits(context: ResolveContext, speaker: Speaker, gender: "m" | "f" | null): boolean {
  // The gender learnt so far in the article (an earlier "she" for this person) counts too.
  const known = speaker.entityId
    ? (context.entities.byId.get(speaker.entityId)?.gender ?? speaker.gender)
    : speaker.gender;
  return gender === null || known === null || known === gender;
}

/** True when a person is named as a subject between two token positions of this paragraph. */
function competingPerson(context: ResolveContext, from: number, to: number, except: string | null): boolean {
  return mentionsIn(context, from, to).some((m) => {
    const entity = context.entities.byId.get(m.entityId)?.entity;
    return entity?.kind === "person" && m.entityId !== except && m.raw.subjectPosition;
  });
}

function resolvePronoun(context: ResolveContext, pronoun: string, at: number): Speaker {
  const info = PRONOUNS.get(pronoun)!;
  // Later in the sentence: the sentence's own subject, unless another person took the floor.
  const own = context.sentenceSubject;
  if (own && own.to <= at) {
    const candidate = own.speaker;
    if (fits(context, candidate, info) && !competingPerson(context, own.to, at, candidate.entityId)) {
      return { ...learn(context, candidate, info.gender), rule: "pronoun-clause" };
    }
    return unknown();
  }
  const [latest] = recentSubjects(context);
  if (!latest) return unknown();
  return fits(context, latest.speaker, info)
    ? { ...learn(context, latest.speaker, info.gender), rule: "pronoun-previous" }
    : unknown();
}

/** Remembers the gender a pronoun gives a person, so a later pronoun of the other gender is not theirs. */
function learn(context: ResolveContext, speaker: Speaker, gender: "m" | "f" | null): Speaker {
  const local = speaker.entityId ? context.entities.byId.get(speaker.entityId) : undefined;
  if (local && gender && local.entity.kind === "person") local.gender ??= gender;
  return speaker;
}

function fits(
  context: ResolveContext,
  speaker: Speaker,
  info: { kind: "person" | "body" | "plural"; gender: "m" | "f" | null },
): boolean {
  if (speaker.kind === "unknown") return false;
  if (info.kind === "person") {
    const personLike = speaker.kind === "person" || (speaker.kind === "anonymous" && !speaker.plural);
    return personLike && genderFits(context, speaker, info.gender);
  }
  if (info.kind === "body") return speaker.kind === "organisation";
  return speaker.plural || speaker.kind === "organisation" || speaker.kind === "group";
}

/** Nouns that "the X" may use for a body, beyond words of its name. */
const GENERIC_BODY_NOUNS = new Set(["group", "movement", "organisation", "organization", "body"]);

function resolveDefinite(context: ResolveContext, phrase: readonly string[], at: number): Speaker | null {
  const noun = phrase[phrase.length - 1] ?? "";
  const wanted = ` ${phrase.join(" ")} `;
  const minimum = context.paragraph.number - WINDOW_PARAGRAPHS;
  const found = new Set<string>();
  for (let p = Math.max(1, minimum); p <= context.paragraph.number; p++) {
    for (const m of context.entities.located[p - 1] ?? []) {
      if (m.raw.inQuote || (p === context.paragraph.number && m.from >= at)) continue;
      const local = context.entities.byId.get(m.entityId);
      if (!local) continue;
      const entity = local.entity;
      const name = ` ${normalise(entity.name)} `;
      const roles = entity.roles.map((role) => ` ${normalise(role).replace(/[()]/g, " ")} `);
      const fitsBody =
        entity.kind === "organisation" &&
        (name.includes(wanted) || (phrase.length === 1 && GENERIC_BODY_NOUNS.has(noun)));
      const fitsPerson = entity.kind === "person" && roles.some((role) => role.includes(wanted));
      if (fitsBody || fitsPerson) found.add(m.entityId);
    }
  }
  if (found.size !== 1) return null;
  const id = [...found][0]!;
  // Only the one who holds the floor: "The minister said" right after "Nasser said" is not the
  // minister named two paragraphs back (Nasser's role may simply be unknown).
  const [latest] = recentSubjects(context);
  if (latest && latest.speaker.entityId !== id) return null;
  return { ...fromEntity(context, id), rule: "description" };
}

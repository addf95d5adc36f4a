/**
 * Mentions made around a run rather than from it (names.ts classifies the runs): the body tied to
 * an owner ("Netanyahu’s office"), bodies named after a person or country ("the Biden
 * administration"), and role-only mentions in lower case or after a country ("Qatar’s prime
 * minister", role-spans.ts).
 */

import { isCapitalised } from "../tokens.js";
import { BODY_NOUNS, COUNTRY_ADJECTIVES, ORGANISATION_HEADS } from "./lexicon.js";
import type { RawMention } from "./raw-mention.js";
import { lowerRoleSpans, ownerBefore } from "./role-spans.js";
import {
  affiliationOf,
  bracketAlias,
  type Context,
  isRoleWord,
  lower,
  precededByPreposition,
  slice,
  titleCase,
} from "./roles.js";

export function base(
  context: Context,
  from: number,
  to: number,
): Omit<RawMention, "kind" | "name" | "nameWords"> {
  return {
    paragraph: context.paragraph.number,
    from,
    to,
    text: slice(context, from, to),
    role: null,
    gender: null,
    alias: null,
    owner: null,
    affiliation: null,
    subjectPosition: !precededByPreposition(context.tokens, from),
    inQuote: context.tokens[from]!.quote >= 0,
    headline: false,
  };
}

/**
 * Adds the body tied to a mention when a possessive follows: `Prime Minister Benjamin Netanyahu’s
 * office` -> an organisation `Office of Prime Minister Benjamin Netanyahu`, owned by the person.
 */
export function withBody(context: Context, owner: RawMention): RawMention[] {
  const { tokens } = context;
  if (tokens[owner.to]?.kind !== "possessive") return [owner];
  let i = owner.to + 1;
  const nounStart = i;
  while (i < tokens.length && i - nounStart < 3 && tokens[i]!.kind === "word") {
    const word = lower(tokens[i]);
    if (BODY_NOUNS.has(word) || ORGANISATION_HEADS.has(word)) {
      const nounWords = tokens.slice(nounStart, i + 1).map((t) => t.lower);
      const body: RawMention = {
        ...base(context, owner.from, i + 1),
        kind: "organisation",
        name: `${titleCase(nounWords)} of ${owner.text}`,
        nameWords: [],
        // "the Prime Minister’s Office (PMO)": its short name, so a later "PMO" is the same body.
        alias: bracketAlias(context, i + 1)?.alias ?? null,
        owner,
        affiliation: owner.affiliation,
      };
      return [owner, body];
    }
    // Only modifiers may sit between the possessive and the noun ("political office").
    if (isCapitalised(tokens[i]) && !isRoleWord(tokens[i])) break;
    i++;
  }
  return [owner];
}

/**
 * Role-only mentions in lower case with no name after them (role-spans.ts): "the Qatari prime
 * minister", "Qatar’s prime minister", "the prime minister of Qatar" (its office after a possessive
 * is a body).
 */
export function findLowerRoles(context: Context, mentions: readonly RawMention[]): RawMention[] {
  return lowerRoleSpans(context.tokens, mentions).flatMap(([from, to]) =>
    withBody(context, roleMention(context, from, to)),
  );
}

/** A role-only mention over [from, to), its role as written. */
export function roleMention(context: Context, from: number, to: number): RawMention {
  return {
    ...base(context, from, to),
    kind: "role",
    name: "",
    nameWords: [],
    role: slice(context, from, to),
    affiliation: affiliationOf(context.tokens.slice(from, to)),
  };
}

/** "Qatar’s Prime Minister said": the country before a capitalised role-only run is part of it. */
export function withOwner(context: Context, mentions: readonly RawMention[]): void {
  for (const mention of mentions) {
    if (mention.kind !== "role") continue;
    const from = ownerBefore(context.tokens, mention.from, mentions);
    if (from === mention.from) continue;
    Object.assign(mention, roleMention(context, from, mention.to));
  }
}

/** `the Biden administration`, `the Israeli government`: a body named after a person or country. */
export function findDefiniteBodies(context: Context, mentions: readonly RawMention[]): RawMention[] {
  const { tokens } = context;
  const found: RawMention[] = [];
  for (let i = 1; i + 1 < tokens.length; i++) {
    if (lower(tokens[i - 1]) !== "the" || !isCapitalised(tokens[i])) continue;
    let j = i;
    while (j < tokens.length && isCapitalised(tokens[j]) && j - i < 3) j++;
    const noun = lower(tokens[j]);
    if (!BODY_NOUNS.has(noun) || tokens[j]!.kind !== "word" || isCapitalised(tokens[j])) continue;
    const owner = mentions.find((m) => m.from === i && m.to === j) ?? null;
    const ownerText = slice(context, i, j);
    const body: RawMention = {
      ...base(context, i, j + 1),
      kind: "organisation",
      name: `${ownerText} ${noun}`,
      nameWords: [],
      owner: owner && (owner.kind === "person" || owner.kind === "single") ? owner : null,
      affiliation: COUNTRY_ADJECTIVES.get(ownerText.toLowerCase()) ?? owner?.affiliation ?? null,
    };
    found.push(body);
  }
  return found;
}

/**
 * The source role of an attribution: the cue's subject phrase (before the cue, or after an inverted
 * cue: `said Blinken`, `according to X`), resolved to a speaker; and the subject of a sentence
 * without cues, which continuations and pronouns lean on.
 */
import { ANONYMOUS_NOUNS, PREPOSITIONS, PRONOUNS, ROLE_NOUNS } from "../entities/lexicon.js";
import type { ParagraphText } from "../text.js";
import { type CueWord, cueAt, participleAt } from "./cues.js";
import { POSTMODIFIERS } from "./described.js";
import {
  AUXILIARIES,
  CLAUSE_WORDS,
  type Item,
  isAbbreviationDot,
  isBoundary,
  isPunct,
  JOINING_WORDS,
  lowerAt,
  skippableBeforeCue,
  sliceItems,
  tokenIndexOf,
  tokenText,
} from "./items.js";
import { type ResolveContext, resolveSubject, type Speaker } from "./speakers.js";
import { coordinated, describedFits, isAside, isPlaceTail, namedNext, UNKNOWN } from "./subject-rules.js";

export interface Cue {
  word: CueWord;
  /** Item position of the cue's first word, and just past its last. */
  at: number;
  after: number;
  /** Item range of the subject phrase. */
  subjectFrom: number;
  subjectTo: number;
  /** `said Blinken` / `according to X`: the subject comes after the cue. */
  inverted: boolean;
  speaker: Speaker;
  asWritten: string;
  /** `..., said Ann Lee, ...` after a clause rather than a quotation. */
  afterClause?: boolean;
  /** `..., saying ...`: the speaker is the main clause's subject, filled in by findQuotes. */
  participle?: boolean;
  /** `X praised it but said ...`: a verb joined to the main clause, its subject the main one's. */
  coordinated?: boolean;
}

/** Words that open a relative clause inside a subject ("X, who ..., said"). */
const RELATIVE_WORDS = new Set(["who", "whose", "whom", "which"]);

/** Nouns for people: a sentence opening with one has a person as its subject. */
export const PERSON_NOUNS = new Set(
  [...ANONYMOUS_NOUNS, ...ROLE_NOUNS].filter(
    (noun) =>
      ![
        "report",
        "reports",
        "statement",
        "statements",
        "media",
        "outlet",
        "outlets",
        "newspaper",
        "newspapers",
        "channel",
        "broadcaster",
      ].includes(noun),
  ),
);

/**
 * Items [from, to) of the subject phrase that ends just before `end` (adverbs skipped). With an
 * appositive ("David Barnea, the head of Mossad, said" / "The head of Mossad, David Barnea, said")
 * the range covers both parts; resolution picks the named one.
 */
export function subjectBefore(
  paragraph: ParagraphText,
  items: readonly Item[],
  end: number,
): [number, number] | null {
  let to = end;
  while (to > 0 && skippableBeforeCue(tokenText(paragraph, items[to - 1]))) to--;
  if (tokenText(paragraph, items[to - 1]) === ",") {
    let comma = to - 2;
    while (
      comma > 0 &&
      to - comma < 18 &&
      items[comma]?.kind === "token" &&
      tokenText(paragraph, items[comma]) !== ","
    ) {
      comma--;
    }
    if (tokenText(paragraph, items[comma]) === "," && comma < to - 2) {
      // "Ann Lee, who chairs the council, said": the relative clause is skipped, the subject is before it.
      const relative = RELATIVE_WORDS.has(lowerAt(paragraph, items, comma + 1));
      const inner = plainSubject(paragraph, items, to - 1);
      let outer = plainSubject(paragraph, items, comma);
      // "Marta Quill, 63, a teacher, said" / "Sen. Lee, facing a challenge in Ohio, a swing state,
      // said": earlier asides (an age, lower-case phrases) between the name and the last one.
      const lastIsAside =
        inner !== null &&
        (isAside(paragraph, items, inner) || (outer !== null && isPlaceTail(paragraph, items, outer, inner)));
      for (let hop = 0; lastIsAside && outer && hop < 3 && isAside(paragraph, items, outer); hop++) {
        if (tokenText(paragraph, items[outer[0] - 1]) !== ",") break;
        const before = plainSubject(paragraph, items, outer[0] - 1);
        // "In a statement, one of the lawyers, said": no name opens the chain.
        if (!before || PREPOSITIONS.has(lowerAt(paragraph, items, before[0]))) break;
        outer = before;
      }
      if (relative) return outer;
      if (inner && outer && inner[0] === comma + 1) return [outer[0], to - 1];
    }
    return null;
  }
  return plainSubject(paragraph, items, to);
}

export function plainSubject(
  paragraph: ParagraphText,
  items: readonly Item[],
  end: number,
): [number, number] | null {
  let to = end;
  while (to > 0 && skippableBeforeCue(tokenText(paragraph, items[to - 1]))) to--;
  to = beforeParenthetical(paragraph, items, to);
  // "Lee visited the port and said": no subject ends in a conjunction (the cue is coordinated).
  if (JOINING_WORDS.has(lowerAt(paragraph, items, to - 1)) || lowerAt(paragraph, items, to - 1) === "but")
    return null;
  let from = to;
  while (from > 0 && !isBoundary(paragraph, items[from - 1]) && to - from < 14) {
    // A cue verb ends the search: "Odeh said Zamir had told him" -> "Zamir" alone, nested in "said".
    const previous = items[from - 1]!;
    if (previous.kind === "token" && cueAt(paragraph.tokens[previous.index]!.text)) break;
    if (
      JOINING_WORDS.has(lowerAt(paragraph, items, from - 1)) &&
      tokenText(paragraph, items[from - 2]) === ","
    )
      break;
    from--;
  }
  const opensClause = (i: number): boolean =>
    isBoundary(paragraph, items[i]) ||
    (JOINING_WORDS.has(lowerAt(paragraph, items, i)) && tokenText(paragraph, items[i - 1]) === ",");
  if (from === to || (from > 0 && !opensClause(from - 1))) return null;
  return [from, to];
}

/**
 * A short bracket right after a name ("Rep. Stephen Lynch (D-Mass.) said") is not the end of the
 * subject: the subject ends before it.
 */
function beforeParenthetical(paragraph: ParagraphText, items: readonly Item[], to: number): number {
  if (tokenText(paragraph, items[to - 1]) !== ")") return to;
  for (let i = to - 2; i >= 0 && to - i <= 10; i--) {
    const text = tokenText(paragraph, items[i]);
    if (text === "(") return i > 0 && !isBoundary(paragraph, items[i - 1]) ? i : to;
    if (text === ")" || items[i]!.kind === "quote") return to;
  }
  return to;
}

/** Items of the subject after an inverted cue: `said Blinken` / `according to the office`. */
export function subjectAfter(
  paragraph: ParagraphText,
  items: readonly Item[],
  start: number,
  byMaker = false,
): [number, number] | null {
  let to = start;
  while (
    to < items.length &&
    items[to]!.kind === "token" &&
    (!isPunct(paragraph, items[to]) || isAbbreviationDot(paragraph, tokenIndexOf(items[to]!))) &&
    to - start < 10
  ) {
    const word = lowerAt(paragraph, items, to);
    const clause = CLAUSE_WORDS.has(word) && !JOINING_WORDS.has(word);
    // "according to a poll by Gallup": the maker of a document is part of the source.
    const maker = byMaker && (word === "by" || word === "from") && namedNext(paragraph, items, to + 1);
    // "said one Democrat familiar with the plan": the modifier's phrase is part of the source.
    const modified = POSTMODIFIERS.has(lowerAt(paragraph, items, to - 1));
    if (to > start && (clause || (PREPOSITIONS.has(word) && word !== "of" && !maker && !modified))) break;
    to++;
  }
  return to > start ? [start, to] : null;
}

/**
 * Resolves a subject phrase; an appositive ("David Barnea, the head of Mossad") is resolved part by
 * part and the named part wins, unless the parts name different entities (then: unknown).
 */
export function resolveParts(
  paragraph: ParagraphText,
  items: readonly Item[],
  context: ResolveContext,
  from: number,
  to: number,
): { speaker: Speaker; asWritten: string } {
  const comma = items.findIndex((item, i) => i >= from && i < to && tokenText(paragraph, item) === ",");
  const whole = (a: number, end: number): { speaker: Speaker; asWritten: string } => {
    // "Rep. Ada Morrow (D-Ore.), a delegate, said": the bracket after the name is no part of it.
    const b = Math.max(a + 1, beforeParenthetical(paragraph, items, end));
    return {
      speaker: resolveSubject(context, tokenIndexOf(items[a]!), tokenIndexOf(items[b - 1]!) + 1),
      asWritten: sliceItems(paragraph, items, a, b),
    };
  };
  if (comma < 0) return whole(from, to);
  const parts = [whole(from, comma), whole(comma + 1, to)];
  // The part that names someone wins over a role phrase ("The head of ...") resolved as a description.
  const byName = parts.filter((part) => part.speaker.how === "name");
  const named = byName.length > 0 ? byName : parts.filter((part) => part.speaker.entityId !== null);
  const ids = new Set(named.map((part) => part.speaker.entityId));
  // Same entity both ways: show the name ("Jonathan Odeh"), not the role ("The German Defence Minister").
  const roleLike = (part: { asWritten: string }): boolean =>
    /^(?:(?:[Tt]he|[Aa]n?)\s|\p{Ll})/u.test(part.asWritten);
  if (named.length > 0 && ids.size === 1) return named.find((part) => !roleLike(part)) ?? named[0]!;
  // "Tom Reyes, a senior adviser to Lund, said": the name speaks, not the one a role phrase mentions.
  const plain = named.filter((part) => !roleLike(part));
  if (plain.length === 1 && plain[0]!.speaker.how === "name" && named.length === parts.length)
    return plain[0]!;
  // "A senior Israeli official, speaking on condition of anonymity, said": still anonymous.
  const described = parts.filter((part) => part.speaker.kind === "anonymous");
  if (named.length === 0 && described.length === 1) return described[0]!;
  return {
    speaker: { entityId: null, name: null, kind: "unknown", gender: null, plural: false },
    asWritten: whole(from, to).asWritten,
  };
}

/** A cue whose subject is the main clause's, resolved later in findQuotes ("..., saying"; "but said"). */
function mainClauseCue(word: CueWord, at: number, after: number): Cue {
  const unknown: Speaker = { entityId: null, name: null, kind: "unknown", gender: null, plural: false };
  return {
    word,
    at,
    after,
    subjectFrom: at,
    subjectTo: at,
    inverted: false,
    speaker: unknown,
    asWritten: "",
    participle: true,
  };
}

/** Finds the cues of a sentence with their subjects, in order. */
export function findCues(paragraph: ParagraphText, items: readonly Item[], context: ResolveContext): Cue[] {
  const cues: Cue[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item.kind !== "token") continue;
    const next = items[i + 1];
    const word = cueAt(
      paragraph.tokens[item.index]!.text,
      next?.kind === "token" ? tokenText(paragraph, next) : undefined,
    );
    if (!word) {
      // "..., saying ...": a cue whose subject is the main clause's (resolved in findQuotes).
      const participle = participleAt(paragraph.tokens[item.index]!.text);
      if (participle && i > 1 && tokenText(paragraph, items[i - 1]) === ",") {
        cues.push(mainClauseCue(participle, i, i + 1));
      }
      continue;
    }
    const after = word.text.includes(" ") ? i + 2 : i + 1;
    if (AUXILIARIES.has(lowerAt(paragraph, items, i - 1))) continue; // "is expected to": passive, no speaker.
    let range: [number, number] | null;
    let inverted = false;
    let afterClause = false;
    if (word.text === "according to") {
      range = subjectAfter(paragraph, items, after, true);
      inverted = true;
    } else {
      const previous = items[i - 1];
      const afterQuote =
        previous?.kind === "quote" ||
        (tokenText(paragraph, previous) === "," && items[i - 2]?.kind === "quote");
      const invertedSubject = afterQuote ? subjectAfter(paragraph, items, after) : null;
      if (invertedSubject) {
        range = invertedSubject;
        inverted = true;
      } else {
        range = subjectBefore(paragraph, items, i);
        // "..., said Ann Lee, a senior official": inverted after a clause, not only after a quotation.
        if (!range && tokenText(paragraph, previous) === "," && i > 2) {
          range = subjectAfter(paragraph, items, after);
          inverted = range !== null;
          afterClause = inverted;
        }
      }
    }
    if (!range) {
      if (coordinated(paragraph, items, i)) {
        // "Lee praised the plan but said ...": the verb shares the main clause's subject (findQuotes).
        cues.push({ ...mainClauseCue(word, i, after), coordinated: true });
        i = after - 1;
      }
      continue;
    }
    const [from, to] = range;
    const tokenFrom = tokenIndexOf(items[from]!);
    const _tokenTo = tokenIndexOf(items[to - 1]!) + 1;
    // Leading "and"/"but" belong to the clause, not to the subject.
    let subjectFrom = from;
    while (subjectFrom < to - 1 && CLAUSE_WORDS.has(lowerAt(paragraph, items, subjectFrom))) subjectFrom++;
    void tokenFrom;
    const resolved = resolveParts(paragraph, items, context, subjectFrom, to);
    const { asWritten } = resolved;
    const speaker = describedFits(resolved.speaker, word) ? resolved.speaker : UNKNOWN;
    cues.push({ word, at: i, after, subjectFrom, subjectTo: to, inverted, speaker, asWritten, afterClause });
    i = after - 1;
  }
  return cues;
}

export function isPronoun(text: string): boolean {
  return PRONOUNS.has(text.toLowerCase());
}

export function isPronounOrDescription(text: string): boolean {
  return isPronoun(text) || /^the\s+\S+$/i.test(text);
}

/**
 * The subject of a sentence without cues: a pronoun, or a name (or "X and Y") right at its start,
 * after an opening phrase such as "In Israel," or "For his part,".
 */
export function sentenceSubject(
  paragraph: ParagraphText,
  items: readonly Item[],
  context: ResolveContext,
): { speaker: Speaker; from: number; to: number } | null {
  let start = 0;
  const firstWord = lowerAt(paragraph, items, 0);
  if (PREPOSITIONS.has(firstWord) || CLAUSE_WORDS.has(firstWord)) {
    const comma = items.findIndex((item, i) => i < 12 && tokenText(paragraph, item) === ",");
    if (comma < 0) return null;
    start = comma + 1;
  }
  const first = items[start];
  if (first?.kind !== "token") return null;
  let from = first.index;
  if (PRONOUNS.has(paragraph.tokens[from]!.lower)) {
    const speaker = resolveSubject(context, from, from + 1);
    return speaker.kind === "unknown" ? null : { speaker, from, to: from + 1 };
  }
  const opening = from;
  if (paragraph.tokens[from]!.lower === "the") from++;
  const located = (context.entities.located[paragraph.number - 1] ?? []).filter((m) => !m.raw.inQuote);
  const mention = located.filter((m) => m.from === from).sort((a, b) => b.to - a.to)[0];
  if (!mention) {
    // "The official described ...", "Officials met ...": someone is the subject even if we cannot
    // say who; a later "he" must not reach past them.
    let end = from;
    while (end < paragraph.tokens.length && end - from < 3 && paragraph.tokens[end]!.kind === "word") {
      const word = paragraph.tokens[end]!.lower;
      end++;
      if (PERSON_NOUNS.has(word) || PERSON_NOUNS.has(word.replace(/s$/, ""))) {
        return { speaker: resolveSubject(context, opening, end), from: opening, to: end };
      }
    }
    return null;
  }
  // "Netanyahu’s critics gathered ...": the subject is what the name owns, not the name; someone
  // we cannot name, so a later "he" does not go back to Netanyahu.
  if (paragraph.tokens[mention.to]?.kind === "possessive") {
    return {
      speaker: { entityId: null, name: null, kind: "unknown", gender: null, plural: false },
      from: opening,
      to: mention.to + 1,
    };
  }
  // "Qatar and Egypt ...": a group.
  let to = mention.to;
  if (paragraph.tokens[to]?.text === "and") {
    const second = located.filter((m) => m.from === to + 1).sort((a, b) => b.to - a.to)[0];
    if (second) to = second.to;
  }
  const speaker = resolveSubject(context, from, to);
  return speaker.kind === "unknown" ? null : { speaker, from: opening, to };
}

/**
 * Look-ups over an analysis, computed once per analysis object (memoised in a WeakMap): entities
 * by what a user types (exact name, part of a name, a typo, a role phrase), a speaker's quotes (with
 * those of bodies tied to them), status events and co-mentions per entity, and names for
 * autocomplete. Answers only read these maps: nothing is searched in full text at answer time.
 */

import { editDistance } from "../analysis/entities/fuzzy.js";
import { NAME_PARTICLES } from "../analysis/entities/lexicon.js";
import { normalise } from "../analysis/text.js";
import type { Analysis, Entity, Quote, StatusEvent } from "../analysis/types.js";
import { push } from "../core/maps.js";
import { pauseEvery, runToEnd, type Steps } from "../core/slices.js";
import {
  CHUNK,
  inAnswerOrder,
  indexEvents,
  indexMentions,
  indexQuotes,
  type SentenceMention,
  type SpeakerQuote,
} from "./directory-tables.js";
import type { KnowledgeBase } from "./knowledge-base.js";
import {
  KIND_BONUS,
  MAX_QUERY_WORDS,
  QUERY_STOP_WORDS,
  queryWords,
  SENTENCE_KEY,
  typoBudget,
  wordsOf,
} from "./name-query.js";

export type { SentenceMention, SpeakerQuote };

/** How an entity matched a query. */
export interface EntityMatch {
  entity: Entity;
  score: number;
  how: "exact" | "name" | "prefix" | "typo" | "role";
}

export interface Directory {
  readonly analysis: Analysis;
  readonly entityById: ReadonlyMap<string, Entity>;
  /** Entities matching a query, best first. */
  find(query: string, limit?: number): EntityMatch[];
  /** A speaker's quotes, newest first (by publication date) across types, reading order within an article. */
  quotesBy(entityId: string): readonly SpeakerQuote[];
  /** The later reports of the same quote in other articles, earliest first (src/corpus/quote-reprints.ts). */
  reprintsOf(quoteId: string): readonly Quote[];
  /** Quotes left unattributed whose best candidate was this entity (src/analysis: below the threshold). */
  unclearFor(entityId: string): readonly SpeakerQuote[];
  /** Bodies tied to a person ("Office of ... Netanyahu"). */
  bodiesOf(entityId: string): readonly Entity[];
  /** Status events an entity (or a body tied to it) takes part in, newest first. */
  statusOf(entityId: string): readonly StatusEvent[];
  /** Entity ids named in a sentence (`articleId#paragraph.sentence`). */
  entitiesInSentence(sentenceId: string): readonly string[];
  /** The name mentions of a sentence, as written, with their entity. */
  mentionsInSentence(sentenceId: string): readonly SentenceMention[];
  /** Who speaks in a sentence: quote speakers, and the person behind a speaking body. */
  speakersInSentence(sentenceId: string): readonly string[];
  /** Entity names starting with (or with a word starting with) a prefix, most mentioned first. */
  complete(prefix: string, limit?: number): string[];
  /** The known names closest to a query, for "not in the articles" suggestions. */
  closest(query: string, limit?: number): string[];
}

const cache = new WeakMap<Analysis, Directory>();

/** Autocomplete shows at most 25 choices (Discord's limit): the most kept per short prefix. */
const SHORT_PREFIX_KEEP = 25;

/**
 * The directory of an analysis (built on first use, then shared).
 *
 * @example
 * getDirectory(kb.analysis).find("head of Mossad")[0]?.entity.name // "David Barnea"
 */
export function getDirectory(analysis: Analysis): Directory {
  return cache.get(analysis) ?? runToEnd(prepareDirectory(analysis));
}

/** Builds (and caches) the directory in steps that pause now and then (see core/slices.ts). */
export function* prepareDirectory(analysis: Analysis): Steps<Directory> {
  const known = cache.get(analysis);
  if (known) return known;
  const directory = yield* buildDirectory(analysis);
  cache.set(analysis, directory);
  return directory;
}

function* buildDirectory(analysis: Analysis): Steps<Directory> {
  const pause = pauseEvery(512);
  const entities = analysis.entities;
  const entityById = new Map(entities.map((entity) => [entity.id, entity]));
  const exact = new Map<string, number[]>();
  const nameWords = new Map<string, Set<number>>();
  const roleWords = new Map<string, Set<number>>();
  const addWord = (map: Map<string, Set<number>>, word: string, i: number): void => {
    const set = map.get(word);
    if (set) set.add(i);
    else map.set(word, new Set([i]));
  };
  for (let i = 0; i < entities.length; i++) {
    const entity = entities[i]!;
    if (pause()) yield;
    for (const form of [entity.name, ...entity.aliases]) {
      push(exact, normalise(form), i);
      for (const word of wordsOf(form)) if (!NAME_PARTICLES.has(word)) addWord(nameWords, word, i);
    }
    for (const role of entity.roles) {
      push(exact, normalise(role).replace(/^(the|a|an) /, ""), i);
      for (const word of wordsOf(role)) if (!QUERY_STOP_WORDS.has(word)) addWord(roleWords, word, i);
    }
  }
  yield;
  const sortedNameWords = [...nameWords.keys()].sort();
  const sortedRoleWords = [...roleWords.keys()].sort();

  // Quotes per speaker (a body's quotes also under its person), events per participant, mentions
  // and speakers per sentence. The loops are plain functions over chunks: V8 optimises them far
  // better than loops inside this generator, which only pauses between chunks.
  const quotes = new Map<string, SpeakerQuote[]>();
  const bodies = new Map<string, Entity[]>();
  for (const entity of entities) if (entity.linkedTo) push(bodies, entity.linkedTo, entity);
  const speakersBySentence = new Map<string, Map<number, string[]>>();
  // Indexed in answer order, so each speaker's list comes out sorted without sorting it (sorting
  // hundreds of thousands of quotes per reload was the directory's largest cost at 10k articles).
  // Newest first across types: a reader wants the latest statement first, labelled with its type.
  const orderedQuotes = inAnswerOrder(analysis.quotes, (quote) => quote.published ?? "", false);
  // The same quote in several articles is listed once, under its earliest report, with the others.
  const quoteById = new Map(analysis.quotes.map((quote) => [quote.id, quote]));
  const reprints = new Map<string, Quote[]>();
  const laterReports = new Set<string>();
  const unclear = new Map<string, SpeakerQuote[]>();
  for (const [first, later] of Object.entries(analysis.quoteReprints ?? {})) {
    reprints.set(
      first,
      later.flatMap((id) => quoteById.get(id) ?? []),
    );
    for (const id of later) laterReports.add(id);
  }
  yield;
  for (let from = 0; from < orderedQuotes.length; from += CHUNK) {
    indexQuotes(
      orderedQuotes,
      from,
      Math.min(orderedQuotes.length, from + CHUNK),
      entityById,
      quotes,
      speakersBySentence,
      laterReports,
      unclear,
    );
    yield;
  }
  const status = new Map<string, StatusEvent[]>();
  const orderedEvents = inAnswerOrder(analysis.status, (event) => event.published, false);
  yield;
  for (let from = 0; from < orderedEvents.length; from += CHUNK) {
    indexEvents(orderedEvents, from, Math.min(orderedEvents.length, from + CHUNK), entityById, status);
    yield;
  }
  const mentionsBySentence = new Map<string, Map<number, SentenceMention[]>>();
  let indexed = 0;
  for (const entity of entities) {
    indexMentions(entity, mentionsBySentence);
    indexed += entity.mentions.length;
    if (indexed > CHUNK) {
      indexed = 0;
      yield;
    }
  }
  /** The list of a sentence id (`articleId#paragraph.sentence`), or an empty one. */
  const atSentence = <V>(map: Map<string, Map<number, V[]>>, sentenceId: string): readonly V[] => {
    const hash = sentenceId.lastIndexOf("#");
    const dot = sentenceId.indexOf(".", hash);
    if (hash < 0 || dot < 0) return [];
    const key = Number(sentenceId.slice(hash + 1, dot)) * SENTENCE_KEY + Number(sentenceId.slice(dot + 1));
    return map.get(sentenceId.slice(0, hash))?.get(key) ?? [];
  };

  // Autocomplete: every name form by its words, most mentioned entity first.
  const completions = entities
    .map((entity, i) => ({ i, weight: entity.mentions.length }))
    .sort((a, b) => b.weight - a.weight);
  const rankOf = new Map<number, number>(completions.map((c, rank) => [c.i, rank]));

  /** Index range of sorted words starting with a prefix. */
  const prefixed = (sorted: readonly string[], prefix: string): string[] => {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (sorted[mid]! < prefix) low = mid + 1;
      else high = mid;
    }
    const found: string[] = [];
    for (let i = low; i < sorted.length && sorted[i]!.startsWith(prefix); i++) found.push(sorted[i]!);
    return found;
  };

  /** Per query word: entity index -> quality (3 exact name word, 2 prefix, 1 typo, 0.5 role word). */
  const matchWord = (word: string): Map<number, number> => {
    const quality = new Map<number, number>();
    const give = (set: Set<number> | undefined, value: number): void => {
      for (const i of set ?? []) if ((quality.get(i) ?? 0) < value) quality.set(i, value);
    };
    give(nameWords.get(word), 3);
    if (word.length >= 3) for (const w of prefixed(sortedNameWords, word)) give(nameWords.get(w), 2);
    const budget = typoBudget(word);
    if (budget > 0 && quality.size === 0) {
      for (const w of sortedNameWords) {
        if (Math.abs(w.length - word.length) <= budget && editDistance(w, word, budget) <= budget) {
          give(nameWords.get(w), 1);
        }
      }
    }
    give(roleWords.get(word), 0.5);
    if (word.length >= 4) for (const w of prefixed(sortedRoleWords, word)) give(roleWords.get(w), 0.5);
    return quality;
  };

  const find = (query: string, limit = 10): EntityMatch[] => {
    const normalised = normalise(query).replace(/^(the|a|an) /, "");
    const words = queryWords(query).slice(0, MAX_QUERY_WORDS);
    const scores = new Map<number, { score: number; how: EntityMatch["how"] }>();
    for (const i of exact.get(normalised) ?? []) scores.set(i, { score: 100, how: "exact" });
    if (words.length > 0) {
      let common: Map<number, number> | null = null;
      for (const word of words) {
        const quality = matchWord(word);
        if (common === null) common = quality;
        else {
          const next = new Map<number, number>();
          for (const [i, value] of common) {
            const other = quality.get(i);
            if (other !== undefined) next.set(i, value + other);
          }
          common = next;
        }
        if (common.size === 0) break;
      }
      for (const [i, total] of common ?? []) {
        if (scores.has(i)) continue;
        const average = total / words.length;
        const how = average >= 3 ? "name" : average >= 2 ? "prefix" : average >= 1 ? "typo" : "role";
        scores.set(i, { score: average * 10, how });
      }
    }
    return [...scores.entries()]
      .map(([i, { score, how }]) => {
        const entity = entities[i]!;
        const bonus = KIND_BONUS[entity.kind] + Math.min(1, entity.mentions.length / 100);
        return { entity, score: score + bonus, how };
      })
      .sort((a, b) => b.score - a.score || a.entity.name.localeCompare(b.entity.name))
      .slice(0, limit);
  };

  // One- and two-letter prefixes match most names: their best entities are listed once, on first use.
  let shortPrefixes: Map<string, number[]> | null = null;
  const shortPrefixTop = (prefix: string): number[] => {
    if (!shortPrefixes) {
      const holders = new Map<string, Set<number>>();
      for (const [word, set] of nameWords)
        for (const length of [1, 2]) {
          if (word.length < length) continue;
          const key = word.slice(0, length);
          const into = holders.get(key) ?? new Set<number>();
          for (const i of set) into.add(i);
          holders.set(key, into);
        }
      shortPrefixes = new Map(
        [...holders].map(([key, set]) => [
          key,
          [...set].sort((a, b) => rankOf.get(a)! - rankOf.get(b)!).slice(0, SHORT_PREFIX_KEEP),
        ]),
      );
    }
    return shortPrefixes.get(prefix) ?? [];
  };

  const complete = (prefix: string, limit = 25): string[] => {
    const words = wordsOf(prefix);
    const names: string[] = [];
    if (words.length === 0) {
      for (const { i } of completions.slice(0, limit)) names.push(entities[i]!.name);
      return names;
    }
    const only = words[0]!;
    if (words.length === 1 && only.length <= 2 && limit <= SHORT_PREFIX_KEEP)
      return shortPrefixTop(only)
        .slice(0, limit)
        .map((i) => entities[i]!.name.slice(0, 100));
    // Entities with a name word starting with each typed word.
    let common: number[] | null = null;
    for (const word of words) {
      const found = new Set<number>();
      for (const w of prefixed(sortedNameWords, word)) for (const i of nameWords.get(w) ?? []) found.add(i);
      const previous: number[] = common ?? [...found];
      common = previous.filter((i) => found.has(i));
    }
    return [...(common ?? [])]
      .sort((a, b) => rankOf.get(a)! - rankOf.get(b)!)
      .slice(0, limit)
      .map((i) => entities[i]!.name.slice(0, 100));
  };

  const closest = (query: string, limit = 5): string[] => {
    // A few words are enough to suggest names; long pasted text must stay cheap.
    const typed = queryWords(query).slice(0, MAX_QUERY_WORDS);
    if (typed.length === 0) return completions.slice(0, limit).map(({ i }) => entities[i]!.name);
    const best = new Map<number, number>();
    for (const word of typed) {
      for (const w of sortedNameWords) {
        const distance = editDistance(w, word, 3);
        if (distance > 3) continue;
        for (const i of nameWords.get(w) ?? []) if ((best.get(i) ?? 9) > distance) best.set(i, distance);
      }
    }
    const near = [...best.entries()]
      .sort((a, b) => a[1] - b[1] || rankOf.get(a[0])! - rankOf.get(b[0])!)
      .slice(0, limit)
      .map(([i]) => entities[i]!.name);
    // Nothing close: the most named people and bodies, so the user sees what is there.
    return near.length > 0
      ? near
      : completions
          .filter(({ i }) => entities[i]!.kind !== "place")
          .slice(0, limit)
          .map(({ i }) => entities[i]!.name);
  };

  return {
    analysis,
    entityById,
    find,
    quotesBy: (id) => quotes.get(id) ?? [],
    reprintsOf: (quoteId) => reprints.get(quoteId) ?? [],
    unclearFor: (id) => unclear.get(id) ?? [],
    bodiesOf: (id) => bodies.get(id) ?? [],
    statusOf: (id) => status.get(id) ?? [],
    entitiesInSentence: (id) => [...new Set(atSentence(mentionsBySentence, id).map((m) => m.entityId))],
    mentionsInSentence: (id) => atSentence(mentionsBySentence, id),
    speakersInSentence: (id) => atSentence(speakersBySentence, id),
    complete,
    closest,
  };
}

/**
 * Entity names for autocomplete, at most `limit`, each at most 100 characters.
 *
 * @example
 * completeEntityNames(kb, "Bli") // ["Anthony Blinken"]
 */
export function completeEntityNames(kb: KnowledgeBase, prefix: string, limit = 25): string[] {
  return getDirectory(kb.analysis).complete(prefix, limit);
}

/** The per-sentence tables the directory builds: quotes, events and mentions by article and sentence. */
import type { Entity, Place, Quote, StatusEvent } from "../analysis/types.js";
import { push } from "../core/maps.js";
import { compare, SENTENCE_KEY } from "./name-query.js";

/** A quote under a speaker; `via` is the body that made it when it is listed under a person. */
export interface SpeakerQuote {
  quote: Quote;
  via: Entity | null;
}

/** A mention placed in its sentence. */
export interface SentenceMention {
  entityId: string;
  text: string;
}

/** Items per step of the directory build. */
export const CHUNK = 4096;

/** The list of one sentence in a per-article, per-sentence map (created when missing). */
export function slot<V>(map: Map<string, Map<number, V[]>>, place: Place): V[] {
  let inArticle = map.get(place.articleId);
  if (!inArticle) {
    inArticle = new Map();
    map.set(place.articleId, inArticle);
  }
  const key = place.paragraph * SENTENCE_KEY + place.sentence;
  let list = inArticle.get(key);
  if (!list) {
    list = [];
    inArticle.set(key, list);
  }
  return list;
}

export function indexQuotes(
  quotes: readonly Quote[],
  from: number,
  to: number,
  entityById: ReadonlyMap<string, Entity>,
  bySpeaker: Map<string, SpeakerQuote[]>,
  speakersBySentence: Map<string, Map<number, string[]>>,
  laterReports: ReadonlySet<string>,
  unclear: Map<string, SpeakerQuote[]>,
): void {
  for (let i = from; i < to; i++) {
    const quote = quotes[i]!;
    // A title's quote (paragraph 0, quotes/titles.ts) has no body sentence to cite: export only.
    if (quote.paragraph === 0) continue;
    if (!quote.speakerId) {
      // Below the attribution threshold: offered apart as "speaker unclear", never in the main list.
      if (quote.candidateId && !laterReports.has(quote.id))
        push(unclear, quote.candidateId, { quote, via: null });
      continue;
    }
    // A later report of a quote is cited under its earliest report, not listed again.
    const listed = !laterReports.has(quote.id);
    if (listed) push(bySpeaker, quote.speakerId, { quote, via: null });
    const speakers = slot(speakersBySentence, quote);
    speakers.push(quote.speakerId);
    const speaker = entityById.get(quote.speakerId);
    if (speaker?.linkedTo) {
      if (listed) push(bySpeaker, speaker.linkedTo, { quote, via: speaker });
      speakers.push(speaker.linkedTo);
    }
  }
}

export function indexEvents(
  events: readonly StatusEvent[],
  from: number,
  to: number,
  entityById: ReadonlyMap<string, Entity>,
  byEntity: Map<string, StatusEvent[]>,
): void {
  for (let i = from; i < to; i++) {
    const event = events[i]!;
    const ids = new Set(event.participants);
    for (const id of event.participants) {
      const linked = entityById.get(id)?.linkedTo;
      if (linked) ids.add(linked);
    }
    for (const id of ids) push(byEntity, id, event);
  }
}

export function indexMentions(entity: Entity, bySentence: Map<string, Map<number, SentenceMention[]>>): void {
  for (const mention of entity.mentions)
    slot(bySentence, mention).push({ entityId: entity.id, text: mention.text });
}

/**
 * Items in answer order: (quotes only: direct, then partial, then indirect;) newest article first,
 * then by article id; reading order within an article. Sorts only the articles, not the items.
 */
export function inAnswerOrder<T extends Place & { type?: Quote["type"] }>(
  items: readonly T[],
  published: (item: T) => string,
  byType: boolean,
): T[] {
  const byArticle = new Map<string, T[]>();
  for (const item of items) push(byArticle, item.articleId, item);
  const dateOf = (id: string): string => published(byArticle.get(id)![0]!);
  const articles = [...byArticle.keys()].sort((a, b) => compare(dateOf(b), dateOf(a)) || compare(a, b));
  const reading = (a: T, b: T): number => a.paragraph - b.paragraph || a.sentence - b.sentence;
  for (const list of byArticle.values()) {
    if (list.some((item, i) => i > 0 && reading(list[i - 1]!, item) > 0)) list.sort(reading);
  }
  const ordered: T[] = [];
  for (const type of byType ? (["direct", "partial", "indirect"] as const) : [undefined]) {
    for (const id of articles) {
      for (const item of byArticle.get(id)!) if (type === undefined || item.type === type) ordered.push(item);
    }
  }
  return ordered;
}

/**
 * `/quote NAME [about WORDS] [type TYPE] [unclear:true]`: what a person or body said, newest first
 * across types, each item the verbatim sentence holding the quote, labelled with its type and cited
 * (with the other outlets that reported the same quote). A body's statements listed under its
 * person are labelled as the body's ("Office of Prime Minister Benjamin Netanyahu"). Quotes whose
 * speaker is unclear are never in the main list: a note counts them, `unclear:true` lists them apart.
 */

import { normalise } from "../analysis/text.js";
import type { Entity, Quote, QuoteType } from "../analysis/types.js";
import { type Directory, getDirectory, type SpeakerQuote } from "../index/directory.js";
import type { KnowledgeBase } from "../index/knowledge-base.js";
import { entityData, quoteData } from "./item-data.js";
import { aboutWords, narrowQuotes } from "./quote-filter.js";
import type { Answer, AnswerItem, AnswerSection, Reply } from "./types.js";
import { userError } from "./user-error.js";

/** Most quotes one answer lists (Discord pages them); the rest are counted in a note. */
export const QUOTES_SHOWN = 30;

const HEADINGS: Record<QuoteType, string> = {
  direct: "Direct quotes",
  partial: "Partial quotes",
  indirect: "Reported speech",
};

/** What `/quote` can be narrowed by. */
export interface QuoteFilters {
  /** Only quotes whose sentence holds these words. */
  about?: string | undefined;
  type?: QuoteType | undefined;
  /** Also list the quotes whose speaker is unclear but might be this entity (labelled so). */
  unclear?: boolean | undefined;
}

const PRONOUN_SPEAKERS = new Set(["he", "she", "they", "it", "we", "i", "his", "her", "their", "its"]);

/**
 * True when the speaker as written tells the reader more than the name asked about: "the
 * spokesman", "his office"; not "He", "Blinken" or the full name.
 */
function saysMore(asWritten: string | null, speaker: Entity | null): boolean {
  if (!asWritten) return false;
  const written = normalise(asWritten);
  if (PRONOUN_SPEAKERS.has(written)) return false;
  if (!speaker) return true;
  return ![speaker.name, ...speaker.aliases].some((form) => {
    const name = normalise(form);
    return name === written || name.includes(written) || written.includes(name);
  });
}

/**
 * The label of a quote: its type (and "opinion" for opinion verbs), then the body that made it when
 * it is listed under a person, or the speaker as written when that says more than the name.
 *
 * @example
 * quoteLabel(quote, null, blinken) // "direct" (for “He added, ...”)
 * quoteLabel(quote, office, netanyahu) // "indirect · Office of Prime Minister Benjamin Netanyahu"
 */
export function quoteLabel(quote: Quote, via: Entity | null, speaker: Entity | null): string {
  const type = quote.cueKind === "opinion" ? `${quote.type} (opinion)` : quote.type;
  const extra = via ? via.name : saysMore(quote.speakerAsWritten, speaker) ? quote.speakerAsWritten : null;
  return extra ? `${type} · ${extra}` : type;
}

/** The cited item of a quote: the verbatim sentence that holds it, with the other reports of it. */
export function quoteItem(kb: KnowledgeBase, entry: SpeakerQuote, unclear = false): AnswerItem | null {
  const { quote, via } = entry;
  const sentence = kb.sentencesById.get(`${quote.articleId}#${quote.paragraph}.${quote.sentence}`);
  if (!sentence) return null;
  const directory = getDirectory(kb.analysis);
  const speaker = directory.entityById.get(quote.speakerId ?? quote.candidateId ?? "") ?? null;
  const label = quoteLabel(quote, via, speaker);
  const item: AnswerItem = {
    text: sentence.text,
    citation: kb.cite(sentence),
    label: unclear ? `speaker unclear · ${label}` : label,
    data: quoteData(quote, via, directory.entityById, kb),
  };
  const also = directory.reprintsOf(quote.id).flatMap((other) => {
    const at = kb.sentencesById.get(`${other.articleId}#${other.paragraph}.${other.sentence}`);
    return at ? [kb.cite(at)] : [];
  });
  if (also.length > 0) item.also = also;
  return item;
}

/**
 * Items for quotes in the order given, one per sentence: a sentence holding two quotes of the
 * speaker (a partial quote inside reported speech) is listed once, its label naming both types.
 * Stops after `limit` items.
 */
export function quoteItems(
  kb: KnowledgeBase,
  entries: readonly SpeakerQuote[],
  limit: number,
  unclear = false,
): AnswerItem[] {
  const bySentence = new Map<string, AnswerItem>();
  for (const entry of entries) {
    const { quote } = entry;
    const id = `${quote.articleId}#${quote.paragraph}.${quote.sentence}`;
    const listed = bySentence.get(id);
    if (listed) {
      if (listed.label && !listed.label.split(" · ")[0]!.includes(quote.type))
        listed.label = listed.label.replace(/^([^·]+?)( · |$)/, `$1 + ${quote.type}$2`);
      continue;
    }
    if (bySentence.size === limit) break;
    const item = quoteItem(kb, entry, unclear);
    if (item) bySentence.set(id, item);
  }
  return [...bySentence.values()];
}

/** The entity a name query finds, or the user error to show. */
export function findSubject(
  _kb: KnowledgeBase,
  directory: Directory,
  name: string,
  command: "who" | "quote",
) {
  const matches = directory.find(name, 5);
  const best = matches[0];
  if (!best) {
    const closest = directory.closest(name, 5);
    return userError(
      command,
      `“${name}” is not in the articles.`,
      closest.length > 0 ? closest.map((known) => `/${command} ${known}`) : ["/sources lists the articles."],
    );
  }
  // Close runners-up, but not a body tied to the match ("Netanyahu" also names his office).
  const others = matches
    .slice(1)
    .filter((m) => m.score >= best.score - 0.5 && m.entity.linkedTo !== best.entity.id);
  return { entity: best.entity, others: others.map((m) => m.entity) };
}

/**
 * @example
 * answerQuote(kb, "Blinken")                      // newest first, each labelled with its type
 * answerQuote(kb, "Netanyahu")                    // his office's statements, labelled as the office's
 * answerQuote(kb, "Blinken", { about: "Hamas" })  // only quotes whose sentence mentions Hamas
 * answerQuote(kb, "Blinken", { type: "direct" })  // only direct quotes
 */
export function answerQuote(kb: KnowledgeBase, name: string, filters: QuoteFilters = {}): Reply {
  const { about, type } = filters;
  const directory = getDirectory(kb.analysis);
  const subject = findSubject(kb, directory, name, "quote");
  if ("kind" in subject) return subject;
  const { entity, others } = subject;
  const words = aboutWords(about);
  const all = directory.quotesBy(entity.id);
  const { quotes: chosen, sentences } = narrowQuotes(kb, all, words, type);
  const unclear = narrowQuotes(kb, directory.unclearFor(entity.id), words, type).quotes;
  const narrowed = [about ? `about “${about}”` : "", type ? `of type ${type}` : ""].filter(Boolean).join(" ");
  if (chosen.length === 0 && !(filters.unclear && unclear.length > 0)) {
    const withQuotes = directory.analysis.entities
      .filter((e) => e.id !== entity.id && directory.quotesBy(e.id).length > 0)
      .slice(0, 5)
      .map((e) => `/quote ${e.name}`);
    const message =
      all.length === 0
        ? `The articles quote no one as ${entity.name}.`
        : `No quotes by ${entity.name} ${narrowed}.`;
    const suggestions = all.length === 0 ? withQuotes : [`/quote ${entity.name}`];
    if (unclear.length > 0) suggestions.unshift(`/quote ${entity.name} unclear:true`);
    return userError("quote", message, suggestions);
  }
  const sections: AnswerSection[] = [];
  const notes: string[] = [];
  const items = quoteItems(kb, chosen, QUOTES_SHOWN);
  if (items.length > 0) sections.push({ heading: type ? HEADINGS[type] : "Newest first", items });
  if (sentences > items.length)
    notes.push(`${sentences - items.length} older quotes not shown: narrow with about or type.`);
  if (filters.unclear && unclear.length > 0) {
    sections.push({
      heading: "Speaker unclear",
      items: quoteItems(kb, unclear, QUOTES_SHOWN, true),
    });
  } else if (unclear.length > 0) {
    notes.push(
      `${unclear.length} more quote${unclear.length === 1 ? "" : "s"} may be ${entity.name}’s, but the articles leave the speaker unclear: /quote ${entity.name} unclear:true`,
    );
  }
  const bodies = directory
    .bodiesOf(entity.id)
    .filter((body) => chosen.some((entry) => entry.via?.id === body.id));
  if (bodies.length > 0) notes.push(`Includes statements by ${bodies.map((b) => b.name).join(", ")}.`);
  if (others.length > 0) notes.push(`Also matches: ${others.map((e) => e.name).join(", ")}.`);
  const title = `What ${entity.name} said${narrowed ? ` ${narrowed}` : ""}`;
  const answer: Answer = {
    kind: "answer",
    command: "quote",
    title,
    facts: [{ label: "Speaker", value: entity.name }],
    sections,
    notes,
    entity: entityData(entity, directory.entityById),
  };
  return answer;
}

/**
 * `/quote NAME [about WORDS]`: what a person or body said: direct quotes, then partial, then
 * reported speech, each item the verbatim sentence holding the quote, labelled with the type and
 * the speaker as written and as resolved, and cited. A body's statements listed under its person
 * are labelled as the body's ("Office of Prime Minister Benjamin Netanyahu").
 */

import { normalise } from "../analysis/text.js";
import type { Entity, Quote } from "../analysis/types.js";
import { type Directory, getDirectory, type SpeakerQuote } from "../index/directory.js";
import type { KnowledgeBase } from "../index/knowledge-base.js";
import { entityData, quoteData } from "./item-data.js";
import type { Answer, AnswerItem, AnswerSection, Reply } from "./types.js";
import { userError } from "./user-error.js";

/** Most quotes shown per type; the rest are counted in a note. */
export const QUOTES_PER_TYPE = 10;

const HEADINGS: Record<Quote["type"], string> = {
  direct: "Direct quotes",
  partial: "Partial quotes",
  indirect: "Reported speech",
};

/**
 * The label of a quote: type, the speaker and cue as written, and who that resolves to.
 *
 * @example
 * quoteLabel(quote, null) // "direct · “He added” → Anthony Blinken"
 */
export function quoteLabel(quote: Quote, via: Entity | null): string {
  const type = quote.cueKind === "opinion" ? `${quote.type} (opinion)` : quote.type;
  const written = quote.speakerAsWritten ?? "";
  const cue =
    quote.cue === "according to"
      ? `according to ${written}`
      : written
        ? `${written} ${quote.cue}`
        : quote.cue;
  const resolved = via?.name ?? quote.speaker ?? "unattributed";
  return cue ? `${type} · “${cue}” → ${resolved}` : `${type} · ${resolved}`;
}

/** The cited item of a quote: the verbatim sentence that holds it. */
export function quoteItem(kb: KnowledgeBase, entry: SpeakerQuote): AnswerItem | null {
  const { quote, via } = entry;
  const sentence = kb.sentencesById.get(`${quote.articleId}#${quote.paragraph}.${quote.sentence}`);
  if (!sentence) return null;
  const entities = getDirectory(kb.analysis).entityById;
  return {
    text: sentence.text,
    citation: kb.cite(sentence),
    label: quoteLabel(quote, via),
    data: quoteData(quote, via, entities, kb),
  };
}

// Words of each quote's sentence, computed once per quote object.
const wordCache = new WeakMap<Quote, string[]>();

function quoteWords(kb: KnowledgeBase, quote: Quote): string[] {
  let words = wordCache.get(quote);
  if (!words) {
    const sentence = kb.sentencesById.get(`${quote.articleId}#${quote.paragraph}.${quote.sentence}`);
    words = normalise(`${sentence?.text ?? ""} ${quote.text}`)
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
    wordCache.set(quote, words);
  }
  return words;
}

const ABOUT_STOP_WORDS = new Set(["the", "a", "an", "of", "and", "or", "to", "in", "on", "about", "for"]);

/** True when every word of `about` starts a word of the quote's sentence. */
function isAbout(kb: KnowledgeBase, quote: Quote, about: readonly string[]): boolean {
  const words = quoteWords(kb, quote);
  return about.every((word) => words.some((w) => w.startsWith(word)));
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
 * answerQuote(kb, "Blinken")            // direct quotes from ¶3 and ¶4 first, then partial, then reported
 * answerQuote(kb, "Netanyahu")          // his office's statements, labelled as the office's
 * answerQuote(kb, "Blinken", "Hamas")   // only quotes whose sentence mentions Hamas
 */
export function answerQuote(kb: KnowledgeBase, name: string, about?: string): Reply {
  const directory = getDirectory(kb.analysis);
  const subject = findSubject(kb, directory, name, "quote");
  if ("kind" in subject) return subject;
  const { entity, others } = subject;
  const aboutWords = about
    ? normalise(about)
        .split(/[^\p{L}\p{N}]+/u)
        .filter((word) => word !== "" && !ABOUT_STOP_WORDS.has(word))
    : [];
  const all = directory.quotesBy(entity.id);
  const chosen = aboutWords.length > 0 ? all.filter((entry) => isAbout(kb, entry.quote, aboutWords)) : all;
  if (chosen.length === 0) {
    const withQuotes = directory.analysis.entities
      .filter((e) => e.id !== entity.id && directory.quotesBy(e.id).length > 0)
      .slice(0, 5)
      .map((e) => `/quote ${e.name}`);
    const message =
      all.length === 0
        ? `The articles quote no one as ${entity.name}.`
        : `No quotes by ${entity.name} about “${about ?? ""}”.`;
    return userError("quote", message, all.length === 0 ? withQuotes : [`/quote ${entity.name}`]);
  }
  const sections: AnswerSection[] = [];
  const notes: string[] = [];
  for (const type of ["direct", "partial", "indirect"] as const) {
    const ofType = chosen.filter((entry) => entry.quote.type === type);
    if (ofType.length === 0) continue;
    const items = ofType
      .slice(0, QUOTES_PER_TYPE)
      .map((entry) => quoteItem(kb, entry))
      .filter((item): item is AnswerItem => item !== null);
    sections.push({ heading: HEADINGS[type], items });
    if (ofType.length > QUOTES_PER_TYPE)
      notes.push(`${ofType.length - QUOTES_PER_TYPE} more ${type} quotes not shown.`);
  }
  const bodies = directory
    .bodiesOf(entity.id)
    .filter((body) => chosen.some((entry) => entry.via?.id === body.id));
  if (bodies.length > 0) notes.push(`Includes statements by ${bodies.map((b) => b.name).join(", ")}.`);
  if (others.length > 0) notes.push(`Also matches: ${others.map((e) => e.name).join(", ")}.`);
  const answer: Answer = {
    kind: "answer",
    command: "quote",
    title: aboutWords.length > 0 ? `What ${entity.name} said about “${about}”` : `What ${entity.name} said`,
    facts: [{ label: "Speaker", value: entity.name }],
    sections,
    notes,
    entity: entityData(entity, directory.entityById),
  };
  return answer;
}

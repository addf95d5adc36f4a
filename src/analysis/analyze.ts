/**
 * The analysis of one article (entities, quotes, status events), and the combination of every
 * article's analysis into one. Per article, the result is plain JSON: it is cached in the snapshot
 * by content hash and recomputed only for changed articles; combining is cheap and runs on reload.
 */
import type { Article, Sentence } from "../core/types.js";
import { findEntities } from "./entities/entities.js";
import { findQuotes } from "./quotes/quotes.js";
import { titleQuotes } from "./quotes/titles.js";
import { meetingParticipants, type PlacedName } from "./status/participants.js";
import { findStatusEvents } from "./status/status.js";
import { prepareArticle } from "./text.js";
import type { Entity, Quote, StatusEvent } from "./types.js";

/** What one article yields. Entity ids are local to the article until {@link combineAnalyses}. */
export interface ArticleAnalysis {
  articleId: string;
  /** The article's publication date (the newest report of a person's name or role wins ties). */
  published: string;
  entities: Entity[];
  quotes: Quote[];
  status: StatusEvent[];
}

/**
 * Analyses one article: who is named, who said what, and what the sentences say about the talks.
 *
 * @example
 * const analysis = analyzeArticle(article, splitArticle(article));
 * analysis.quotes[0] // { speaker: "Anthony Blinken", speakerAsWritten: "Blinken", type: "direct", cue: "said", ... }
 */
export function analyzeArticle(article: Article, sentences: readonly Sentence[]): ArticleAnalysis {
  const text = prepareArticle(article, sentences);
  const entities = findEntities(text);
  const found = findQuotes(text, entities);
  const { pronouns, resolvedInSentence } = found;
  // The title's reported speech, read only when its subject is a name the body found.
  const quotes = [...found.quotes, ...titleQuotes(article, entities, found.quotes.length)];

  for (const pronoun of pronouns) {
    const local = entities.byId.get(pronoun.entityId);
    local?.entity.mentions.push({
      articleId: article.id,
      paragraph: pronoun.paragraph,
      sentence: pronoun.sentence,
      text: pronoun.text,
      form: /^(he|she|it|they)$/i.test(pronoun.text) ? "pronoun" : "role",
    });
  }
  for (const local of entities.list) {
    local.entity.mentions.sort((a, b) => a.paragraph - b.paragraph || a.sentence - b.sentence);
  }

  // Entity ids per sentence: names written in it, plus pronouns and descriptions resolved in it.
  const idsBySentence = new Map<string, Set<string>>();
  // Where each name is written in its sentence, for a meeting's participants (status/participants.ts).
  const namesBySentence = new Map<string, PlacedName[]>();
  for (const paragraph of text.paragraphs) {
    for (const located of entities.located[paragraph.number - 1] ?? []) {
      const placed = paragraph.sentences.find((s) => located.from < s.to) ?? paragraph.sentences.at(-1);
      if (!placed) continue;
      const set = idsBySentence.get(placed.sentence.id) ?? new Set<string>();
      set.add(located.entityId);
      idsBySentence.set(placed.sentence.id, set);
      const base = placed.sentence.start;
      const names = namesBySentence.get(placed.sentence.id) ?? [];
      names.push({
        id: located.entityId,
        start: paragraph.tokens[located.from]!.start - base,
        end: paragraph.tokens[located.to - 1]!.end - base,
        place: entities.byId.get(located.entityId)?.entity.kind === "place",
      });
      namesBySentence.set(placed.sentence.id, names);
    }
  }
  const namedIn = new Map([...idsBySentence].map(([id, ids]) => [id, new Set(ids)]));
  for (const [sentenceId, ids] of resolvedInSentence) {
    const set = idsBySentence.get(sentenceId) ?? new Set<string>();
    for (const id of ids) set.add(id);
    idsBySentence.set(sentenceId, set);
  }
  const status = findStatusEvents(article, sentences, (sentence) => [
    ...(idsBySentence.get(sentence.id) ?? []),
  ]);
  // Reported speech: the event is in someone's words ("Barnea will go to Doha, the office said").
  const speakerOf = new Map<string, Quote>();
  for (const quote of quotes) {
    const id = `${quote.articleId}#${quote.paragraph}.${quote.sentence}`;
    if (quote.speaker !== null && !speakerOf.has(id)) speakerOf.set(id, quote);
  }
  const sentenceOf = new Map(
    sentences.map((sentence) => [`${sentence.paragraph}.${sentence.index}`, sentence]),
  );
  for (const event of status) {
    const quote = speakerOf.get(`${event.articleId}#${event.paragraph}.${event.sentence}`);
    // A meeting's participants are those the sentence says meet, not every name in it.
    const sentence = sentenceOf.get(`${event.paragraph}.${event.sentence}`);
    const met = sentence
      ? meetingParticipants(event.category, sentence.text, namesBySentence.get(sentence.id) ?? [])
      : null;
    if (sentence && met) {
      const named = namedIn.get(sentence.id) ?? new Set<string>();
      // Pronouns and descriptions resolved in the sentence stay ("He met ..."), unless they only report it.
      const resolved = event.participants.filter((id) => !named.has(id) && id !== quote?.speakerId);
      event.participants = [...met, ...resolved];
    }
    if (quote) {
      event.speaker = quote.speaker;
      event.speakerId = quote.speakerId;
    }
  }

  return {
    articleId: article.id,
    published: article.published,
    entities: entities.list.map((local) => local.entity),
    quotes: quotes.map((quote) => ({ ...quote, published: article.published })),
    status,
  };
}

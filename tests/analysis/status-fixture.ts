/**
 * A small knowledge base for the status tests, built from our own pieces (sentence splitter, status
 * events, citations), with the gold people as the entities. It does not depend on the entity analysis,
 * so the status answer is tested on its own; tests/status-answer.test.ts also runs the real build.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { findStatusEvents } from "../../src/analysis/status/status.js";
import type { Analysis, Entity } from "../../src/analysis/types.js";
import type { Article, Citation, Sentence } from "../../src/core/types.js";
import { combineStatus } from "../../src/corpus/status-combine.js";
import type { KnowledgeBase } from "../../src/index/knowledge-base.js";
import { citeSentence } from "../../src/text/citation.js";
import { splitArticle } from "../../src/text/sentences.js";

export interface GoldPerson {
  name: string;
  as_written: string[];
  role: string;
}

export interface GoldFile {
  published: string;
  people: GoldPerson[];
  status: {
    id: string;
    paragraph: number;
    category: string;
    refers_to_date: string | null;
    date_precision: string;
  }[];
}

export const gold = JSON.parse(
  readFileSync(fileURLToPath(new URL("../../../shared/eval/seed-gold.json", import.meta.url)), "utf8"),
) as { files: Record<string, GoldFile> };

export const seedGold = gold.files["doha-talks-2024-10-24"]!;

/**
 * True when an event's date is a gold fact's date. The seed gold predates issue 12's `reported`
 * precision: its `approx` on the publication day with no range (s2: "the visit reported on the
 * publication date") is what the code now calls `reported`. Value and paragraph never change.
 */
export function sameSeedDate(
  date: { value: string | null; precision: string; range?: unknown },
  fact: GoldFile["status"][number],
): boolean {
  if (date.value !== fact.refers_to_date) return false;
  if (date.precision === fact.date_precision) return true;
  return (
    date.precision === "reported" &&
    fact.date_precision === "approx" &&
    date.value === seedGold.published &&
    date.range === undefined
  );
}

/** The shipped article as the read-only seed has it: one paragraph per line. */
export function seedArticle(): Article {
  const paragraphs = readFileSync(
    fileURLToPath(new URL("../../../shared/seed/doha-talks-2024-10-24.txt", import.meta.url)),
    "utf8",
  )
    .split("\n")
    .filter((line) => line.trim() !== "");
  return article("doha-talks-2024-10-24", seedGold.published, paragraphs);
}

/** A small article of our own. */
export function article(id: string, published: string, paragraphs: string[]): Article {
  return {
    id,
    path: `${id}.md`,
    title: `Report ${id}`,
    published,
    outlet: "Test Wire",
    url: `https://example.org/${id}`,
    language: "en",
    paragraphs,
    hash: id,
  };
}

const slug = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]+/g, "-");
const isPronoun = (form: string): boolean => /^(?:he|she|they|it)$/i.test(form);

/** The gold people as entities (ids `person:<slug>`), named by their written forms. */
export function goldEntities(): Entity[] {
  return seedGold.people.map((person) => ({
    id: `person:${slug(person.name)}`,
    kind: "person",
    name: person.name,
    aliases: person.as_written.filter((form) => !isPronoun(form) && form !== person.name),
    roles: [person.role],
    affiliation: null,
    linkedTo: null,
    mentions: [],
  }));
}

/** Entity ids whose written names appear in a sentence (a stand-in for the entity analysis). */
export function entitiesIn(entities: readonly Entity[]): (sentence: Sentence) => string[] {
  return (sentence) =>
    entities
      .filter((entity) =>
        [entity.name, ...entity.aliases].some((form) => !isPronoun(form) && sentence.text.includes(form)),
      )
      .map((entity) => entity.id);
}

/** A knowledge base of the given articles: sentences, combined status events, citations. No search. */
export function statusKnowledgeBase(articles: readonly Article[]): KnowledgeBase {
  const entities = goldEntities();
  const sentencesByArticle = new Map<string, readonly Sentence[]>();
  const sentencesById = new Map<string, Sentence>();
  const events = [];
  for (const each of articles) {
    const sentences = splitArticle(each);
    sentencesByArticle.set(each.id, sentences);
    for (const sentence of sentences) sentencesById.set(sentence.id, sentence);
    events.push(...findStatusEvents(each, sentences, entitiesIn(entities)));
  }
  const analysis: Analysis = { entities, quotes: [], status: combineStatus(events) };
  const articlesById = new Map(articles.map((each) => [each.id, each]));
  return {
    articles,
    articlesById,
    sentencesById,
    sentencesByArticle,
    analysis,
    search: () => {
      throw new Error("Parley test: /status must not search text at answer time");
    },
    cite: (sentence: Sentence): Citation => citeSentence(articlesById.get(sentence.articleId)!, sentence),
  };
}

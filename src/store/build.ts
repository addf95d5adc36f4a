/**
 * Builds a knowledge base from articles: sentences, analysis, search index and lookups, all
 * computed up front so that answering is only lookups.
 *
 * The work is per article ({@link prepareArticle}) so that a reload redoes only the articles whose
 * content hash changed, and a snapshot can store the prepared units as they are.
 */
import type MiniSearch from "minisearch";
import { type ArticleAnalysis, analyzeArticle } from "../analysis/analyze.js";
import type { PersonEntry } from "../analysis/entities/people-file.js";
import type { Analysis } from "../analysis/types.js";
import { pauseEvery, runToEnd, type Steps } from "../core/slices.js";
import type { Article, Citation, Sentence } from "../core/types.js";
import { combineAnalysesSteps } from "../corpus/combine.js";
import { applyPeopleFile } from "../corpus/people.js";
import { prepareDirectory } from "../index/directory.js";
import { prepareEntityCounts } from "../index/entity-counts.js";
import type { KnowledgeBase, SearchOptions, SentenceHit, SentenceLookup } from "../index/knowledge-base.js";
import {
  createSentenceIndex,
  type IndexedSentence,
  indexSentences,
  searchSentences,
} from "../index/sentence-index.js";
import { prepareTimeline, type TimelineEntry } from "../index/timeline.js";
import { citeSentence } from "../text/citation.js";
import { splitArticle } from "../text/sentences.js";

/** Everything Parley derives from one article alone: reusable while the article's hash is unchanged. */
export interface ArticleUnit {
  article: Article;
  sentences: Sentence[];
  analysis: ArticleAnalysis;
}

/**
 * Splits and analyses one article.
 *
 * @example
 * const unit = prepareArticle(article);
 * unit.sentences.length // 13 for the shipped article
 */
export function prepareArticle(article: Article): ArticleUnit {
  const sentences = splitArticle(article);
  return { article, sentences, analysis: analyzeArticle(article, sentences) };
}

/** An article and its sentences: what answers read of a unit (a snapshot start has no per-article analysis). */
export type ArticleText = Pick<ArticleUnit, "article" | "sentences">;

/** The lookup tables of a knowledge base, built in steps (there are ~240,000 sentences at 10k articles). */
interface Tables {
  /** Article and sentences only: a unit's per-article analysis is not kept by the knowledge base. */
  texts: Map<string, ArticleText>;
  articles: Article[];
  articlesById: Map<string, Article>;
  sentencesByArticle: Map<string, readonly Sentence[]>;
}

/**
 * Sentences by id, derived from the article's own list instead of one global map: a reload then
 * needs no new 240,000-entry map, only the article table.
 */
/** Per article's sentence list: where each paragraph starts in it (built on first look-up, kept across reloads). */
const paragraphStarts = new WeakMap<readonly Sentence[], Int32Array>();

class SentencesById implements SentenceLookup {
  constructor(private readonly byArticle: ReadonlyMap<string, readonly Sentence[]>) {}

  get(id: string): Sentence | undefined {
    const hash = id.lastIndexOf("#");
    const dot = id.lastIndexOf(".");
    if (hash < 0 || dot < hash) return undefined;
    const sentences = this.byArticle.get(id.slice(0, hash));
    if (!sentences) return undefined;
    const paragraph = Number(id.slice(hash + 1, dot));
    const index = Number(id.slice(dot + 1));
    let starts = paragraphStarts.get(sentences);
    if (!starts) {
      const last = sentences[sentences.length - 1]?.paragraph ?? 0;
      starts = new Int32Array(last + 2).fill(-1);
      for (let at = sentences.length - 1; at >= 0; at--) starts[sentences[at]!.paragraph] = at;
      paragraphStarts.set(sentences, starts);
    }
    if (!Number.isInteger(paragraph) || paragraph < 1 || paragraph >= starts.length) return undefined;
    const sentence = sentences[(starts[paragraph] ?? -1) + index - 1];
    return sentence && sentence.id === id ? sentence : undefined;
  }
}

function* buildTables(units: ReadonlyMap<string, ArticleText>): Steps<Tables> {
  const ordered = [...units.values()].sort((a, b) =>
    a.article.id < b.article.id ? -1 : a.article.id > b.article.id ? 1 : 0,
  );
  yield;
  const tables: Tables = {
    texts: new Map(),
    articles: [],
    articlesById: new Map(),
    sentencesByArticle: new Map(),
  };
  const pause = pauseEvery(64);
  for (const unit of ordered) {
    tables.texts.set(unit.article.id, { article: unit.article, sentences: unit.sentences });
    tables.articles.push(unit.article);
    tables.articlesById.set(unit.article.id, unit.article);
    tables.sentencesByArticle.set(unit.article.id, unit.sentences);
    if (pause()) yield;
  }
  return tables;
}

class BuiltKnowledgeBase implements KnowledgeBase {
  readonly articles: readonly Article[];
  readonly articlesById: ReadonlyMap<string, Article>;
  readonly sentencesById: SentenceLookup;
  readonly sentencesByArticle: ReadonlyMap<string, readonly Sentence[]>;
  readonly analysis: Analysis;
  private readonly citations = new Map<string, Citation>();

  /** Every article with its sentences, by id (not the per-article analyses: those stay with the store). */
  readonly units: ReadonlyMap<string, ArticleText>;

  constructor(
    readonly index: MiniSearch<IndexedSentence>,
    analysis: Analysis,
    tables: Tables,
  ) {
    this.units = tables.texts;
    this.articles = tables.articles;
    this.articlesById = tables.articlesById;
    this.sentencesByArticle = tables.sentencesByArticle;
    this.sentencesById = new SentencesById(tables.sentencesByArticle);
    this.analysis = analysis;
  }

  search(query: string, options: SearchOptions = {}): SentenceHit[] {
    const articleIds = options.articleIds;
    const filter = articleIds
      ? (id: string) => {
          const sentence = this.sentencesById.get(id);
          return sentence !== undefined && articleIds.has(sentence.articleId);
        }
      : undefined;
    return searchSentences(this.index, query, options.limit ?? 10, filter).flatMap((hit) => {
      const sentence = this.sentencesById.get(hit.id);
      return sentence ? [{ sentence, score: hit.score }] : [];
    });
  }

  cite(sentence: Sentence): Citation {
    let citation = this.citations.get(sentence.id);
    if (!citation) {
      const article = this.articlesById.get(sentence.articleId);
      if (!article) throw new Error(`Parley: sentence ${sentence.id} has no article in this knowledge base`);
      citation = citeSentence(article, sentence);
      this.citations.set(sentence.id, citation);
    }
    return citation;
  }
}

/** The concrete knowledge base, for the store that updates it incrementally. */
export type AssembledKnowledgeBase = BuiltKnowledgeBase;

/**
 * Puts prepared units and their (already filled) search index together: combines the per-article
 * analyses across articles (corpus), then builds the look-ups answers read (index).
 */
export function* assembleSteps(
  units: ReadonlyMap<string, ArticleUnit>,
  index: MiniSearch<IndexedSentence>,
  people: readonly PersonEntry[] = [],
): Steps<AssembledKnowledgeBase> {
  const tables = yield* buildTables(units);
  const parts: ArticleAnalysis[] = [];
  for (const unit of units.values()) parts.push(unit.analysis);
  yield;
  // The operator's optional people.yaml corrects who is who after the automatic merge.
  const analysis = applyPeopleFile(yield* combineAnalysesSteps(parts), people);
  yield;
  // Answer lookups are computed here, at build time, so no query pays for them.
  yield* prepareDirectory(analysis);
  yield;
  yield* prepareTimeline(analysis);
  yield;
  yield* prepareEntityCounts(analysis);
  return new BuiltKnowledgeBase(index, analysis, tables);
}

/**
 * A knowledge base from a snapshot: the combined analysis and the timeline's merged entries are
 * taken as saved; only the directory, the timeline's topics and the entity counts are rebuilt
 * (cheap look-up tables over them).
 */
export function* restoreSteps(
  texts: ReadonlyMap<string, ArticleText>,
  index: MiniSearch<IndexedSentence>,
  analysis: Analysis,
  timeline: readonly TimelineEntry[],
): Steps<AssembledKnowledgeBase> {
  const tables = yield* buildTables(texts);
  yield* prepareDirectory(analysis);
  yield;
  yield* prepareTimeline(analysis, timeline);
  yield;
  yield* prepareEntityCounts(analysis);
  return new BuiltKnowledgeBase(index, analysis, tables);
}

/** {@link assembleSteps} at once (first build, tests). */
export function assembleKnowledgeBase(
  units: ReadonlyMap<string, ArticleUnit>,
  index: MiniSearch<IndexedSentence>,
  people: readonly PersonEntry[] = [],
): AssembledKnowledgeBase {
  return runToEnd(assembleSteps(units, index, people));
}

/**
 * Builds a knowledge base from nothing.
 *
 * @example
 * const { articles } = await loadKnowledge("knowledge");
 * const kb = buildKnowledgeBase(articles);
 * kb.search("next Sunday")[0]?.sentence.paragraph // 9
 */
export function buildKnowledgeBase(articles: readonly Article[]): AssembledKnowledgeBase {
  const units = new Map<string, ArticleUnit>();
  for (const article of articles) units.set(article.id, prepareArticle(article));
  const index = createSentenceIndex();
  for (const unit of units.values()) indexSentences(index, unit.sentences);
  return assembleKnowledgeBase(units, index);
}

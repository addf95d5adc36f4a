/**
 * The knowledge base: everything answers need, built once from the loaded articles and swapped
 * whole on reload (an interaction never sees a half-built one).
 */
import type { Analysis } from "../analysis/types.js";
import type { Article, Citation, Sentence } from "../core/types.js";

/** One search hit: a sentence and how well it matched. */
export interface SentenceHit {
  sentence: Sentence;
  score: number;
}

export interface SearchOptions {
  /** Most hits to return (default 10). */
  limit?: number;
  /** Only sentences of these articles. */
  articleIds?: ReadonlySet<string>;
}

/** Finds a sentence by its id (`articleId#paragraph.index`). A `Map` is one; the knowledge base derives it. */
export interface SentenceLookup {
  get(id: string): Sentence | undefined;
}

export interface KnowledgeBase {
  readonly articles: readonly Article[];
  readonly articlesById: ReadonlyMap<string, Article>;
  /** Every sentence by its id. */
  readonly sentencesById: SentenceLookup;
  /** Each article's sentences in reading order. */
  readonly sentencesByArticle: ReadonlyMap<string, readonly Sentence[]>;
  /** What the analysis found (entities, quotes, status events), precomputed for answers. */
  readonly analysis: Analysis;
  /** Full-text search over sentences (fuzzy, prefix, stop words dropped), best first. */
  search(query: string, options?: SearchOptions): SentenceHit[];
  /** The citation of a sentence (cached). */
  cite(sentence: Sentence): Citation;
}

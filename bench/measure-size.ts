/**
 * Measures Parley and the baselines on one corpus size, in one process, and writes the figures as
 * JSON. Run by bench/run.ts in a fresh `node --expose-gc` child per size, so one size's garbage and
 * JIT state cannot colour another's.
 *
 * `node --expose-gc --import tsx bench/measure-size.ts 1000 bench/out/size-1000.json`
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { analyzeArticle } from "../src/analysis/analyze.js";
import { answerCommand } from "../src/answers/dispatch.js";
import type { Article, Sentence } from "../src/core/types.js";
import { createSentenceIndex, indexSentences } from "../src/index/sentence-index.js";
import { loadKnowledge } from "../src/knowledge/load.js";
import { type ArticleUnit, assembleKnowledgeBase } from "../src/store/build.js";
import { splitArticle } from "../src/text/sentences.js";
import { bareSearch, buildBareIndex, buildFlexIndex, buildFloor, flexSearch } from "./baseline.js";
import { buildExhaustive, recallAt } from "./exhaustive-bm25.js";
import { describeCorpus, writeCorpus } from "./generate.js";
import { createQueries, type QuerySet } from "./queries.js";
import type { SizeResult, StoreFigures } from "./results.js";
import { heapAfterGc, type Latency, timed, timeEach } from "./stats.js";
import { timeCommands } from "./time-commands.js";

const QUERIES_PER_KIND = 2000;
const BARE_BUDGET_MS = 90_000;
const BARE_AT_LEAST = 500;

type ParleyFigures = Pick<
  SizeResult,
  | "sentences"
  | "analysis"
  | "indexBuildMs"
  | "assembleMs"
  | "entities"
  | "quotes"
  | "statusEvents"
  | "answered"
  | "askRecallAt10"
> & { heapBytes: number; heapPhases: SizeResult["heap"]["parleyPhases"]; latency: Record<string, Latency> };

/**
 * Builds Parley's knowledge base phase by phase (the same steps as buildKnowledgeBase, timed apart),
 * measures its heap and answers every query. Everything it builds is garbage when it returns, except
 * the sentences, which the bare baseline indexes next.
 */
async function measureParley(
  articles: readonly Article[],
  queries: QuerySet,
  heapBefore: number,
  log: (line: string) => void,
): Promise<{ figures: ParleyFigures; sentences: Sentence[] }> {
  const count = articles.length;
  const split = await timed(() => articles.map((article) => splitArticle(article)));
  log(`[${count}] split ${split.ms.toFixed(0)} ms`);
  // Heap after each phase, to say where Parley's memory goes.
  const heapSplit = heapAfterGc() - heapBefore;
  const analyzed = await timed(() =>
    articles.map((article, i) => analyzeArticle(article, split.value[i] ?? [])),
  );
  log(`[${count}] analysed ${analyzed.ms.toFixed(0)} ms`);
  const heapAnalysed = heapAfterGc() - heapBefore;
  const units = new Map<string, ArticleUnit>();
  articles.forEach((article, i) => {
    const analysis = analyzed.value[i];
    if (analysis) units.set(article.id, { article, sentences: split.value[i] ?? [], analysis });
  });
  const sentenceCount = split.value.reduce((sum, sentences) => sum + sentences.length, 0);
  const indexed = await timed(() => {
    const index = createSentenceIndex();
    for (const unit of units.values()) indexSentences(index, unit.sentences);
    return index;
  });
  log(`[${count}] indexed ${indexed.ms.toFixed(0)} ms`);
  const heapIndexed = heapAfterGc() - heapBefore;
  const assembled = await timed(() => assembleKnowledgeBase(units, indexed.value));
  const kb = assembled.value;
  log(`[${count}] assembled ${assembled.ms.toFixed(0)} ms`);
  // What a serving process holds: the per-article analyses stay on disk in the snapshot (the store
  // reads them back for a reload), so the bench lets go of its own copies before weighing.
  units.clear();
  analyzed.value.length = 0;
  const heapBytes = heapAfterGc() - heapBefore;

  const rate = (replies: { kind: string }[]): number =>
    replies.filter((reply) => reply.kind === "answer").length / Math.max(1, replies.length);
  const answered = {
    who: rate(queries.who.map((name) => answerCommand(kb, "who", { name }))),
    whoRoles: rate(queries.whoRoles.map((name) => answerCommand(kb, "who", { name }))),
    quote: rate(queries.quote.map((q) => answerCommand(kb, "quote", q))),
    status: rate(queries.status.map((topic) => answerCommand(kb, "status", { topic }))),
    ask: rate(queries.ask.map((question) => answerCommand(kb, "ask", { question }))),
  };
  const latency = timeCommands(kb, queries);
  log(`[${count}] parley queries done`);

  // ask's recall@10 against exhaustive BM25 over the same words (after the heap figures: the
  // reference index is the bench's, not Parley's).
  const exhaustive = buildExhaustive(split.value.flat());
  const recalls = queries.ask
    .map((question) =>
      recallAt(
        exhaustive,
        question,
        kb.search(question, { limit: 10 }).map((hit) => hit.sentence.id),
        10,
      ),
    )
    .filter((recall): recall is number => recall !== null);
  const askRecallAt10 = recalls.reduce((sum, recall) => sum + recall, 0) / Math.max(1, recalls.length);
  log(`[${count}] ask recall@10 ${askRecallAt10.toFixed(3)} over ${recalls.length} queries`);

  // The floor: one Map lookup per name query.
  const floor = buildFloor(
    kb.analysis.entities.flatMap((entity) =>
      [entity.name, ...entity.aliases].map((name): [string, string] => [name.toLowerCase(), entity.id]),
    ),
  );
  latency.mapFloor = timeEach(queries.who, (name) => floor.get(name.toLowerCase()));

  const figures: ParleyFigures = {
    sentences: sentenceCount,
    analysis: {
      splitMs: split.ms,
      analyzeMs: analyzed.ms,
      articlesPerSecond: count / ((split.ms + analyzed.ms) / 1000),
      sentencesPerSecond: sentenceCount / ((split.ms + analyzed.ms) / 1000),
    },
    indexBuildMs: indexed.ms,
    assembleMs: assembled.ms,
    entities: kb.analysis.entities.length,
    quotes: kb.analysis.quotes.length,
    statusEvents: kb.analysis.status.length,
    answered,
    askRecallAt10,
    heapBytes,
    heapPhases: {
      sentencesBytes: heapSplit,
      perArticleAnalysesBytes: heapAnalysed - heapSplit,
      indexBytes: heapIndexed - heapAnalysed,
      // Beyond sentences and index, once the per-article analyses are let go.
      assembledBytes: heapBytes - heapSplit - (heapIndexed - heapAnalysed),
    },
    latency,
  };
  return { figures, sentences: split.value.flat() };
}

/** Builds the bare MiniSearch baseline over the same sentences and answers the same words. */
async function measureBare(
  sentences: readonly Sentence[],
  queries: QuerySet,
  heapBefore: number,
  log: (line: string) => void,
): Promise<{ buildMs: number; flexBuildMs: number; heapBytes: number; latency: Record<string, Latency> }> {
  const bare = await timed(() => buildBareIndex(sentences));
  log(`[${queries.who.length}q] bare index ${bare.ms.toFixed(0)} ms`);
  const heapBytes = heapAfterGc() - heapBefore;
  const index = bare.value;
  // Bare MiniSearch takes up to seconds a query at 10,000 articles: each set gets a time budget,
  // and always at least BARE_AT_LEAST queries (the first ones of the same list Parley answered).
  const time = <T>(inputs: readonly T[], run: (input: T) => unknown): Latency =>
    timeEach(inputs, run, 50, { ms: BARE_BUDGET_MS, atLeast: BARE_AT_LEAST });
  const latency: Record<string, Latency> = {
    bareName: time(queries.who, (name) => bareSearch(index, name)),
    bareRole: time(queries.whoRoles, (name) => bareSearch(index, name)),
    bareQuote: time(queries.quote, (q) => bareSearch(index, `${q.name} ${q.about ?? ""}`.trim())),
    bareStatus: time(
      queries.status.filter((topic) => topic !== ""),
      (topic) => bareSearch(index, topic),
    ),
    bareAsk: time(queries.ask, (question) => bareSearch(index, question)),
  };
  // FlexSearch on the same sentences and the same ask strings (its configuration: baseline.ts).
  const flex = await timed(() => buildFlexIndex(sentences));
  log(`[${queries.ask.length}q] flexsearch index ${flex.ms.toFixed(0)} ms`);
  latency.flexAsk = timeEach(queries.ask, (question) => flexSearch(flex.value, question));
  return { buildMs: bare.ms, flexBuildMs: flex.ms, heapBytes, latency };
}

/**
 * Runs every in-process measurement for `count` articles.
 *
 * @example
 * const result = await measureSize(1000);
 * result.latency.who.p99
 */
export async function measureSize(
  count: number,
  log: (line: string) => void = console.error,
): Promise<Omit<SizeResult, keyof StoreFigures>> {
  const dir = join("bench", "corpus", String(count));
  const corpus = await writeCorpus(dir, count);
  const stats = describeCorpus(corpus);
  const queries = createQueries(corpus.cast, QUERIES_PER_KIND);
  log(`[${count}] corpus ready in ${dir} (${(stats.bytes / 1e6).toFixed(1)} MB)`);

  const loaded = await timed(() => loadKnowledge(dir));
  const { articles, problems } = loaded.value;
  if (problems.length > 0 || articles.length !== count) {
    throw new Error(`Parley: the synthetic corpus did not load cleanly: ${problems.length} problems`);
  }
  const heapArticles = heapAfterGc();

  const parley = await measureParley(articles, queries, heapArticles, log);
  const sentences = parley.sentences;
  const heapSentences = heapAfterGc() - heapArticles;
  const bare = await measureBare(sentences, queries, heapArticles + heapSentences, log);
  log(`[${count}] bare queries done`);

  const { heapBytes, heapPhases, latency, ...figures } = parley.figures;
  return {
    articles: count,
    paragraphs: stats.paragraphs,
    corpusBytes: stats.bytes,
    loadMs: loaded.ms,
    ...figures,
    bareIndexBuildMs: bare.buildMs,
    flexIndexBuildMs: bare.flexBuildMs,
    heap: {
      parleyBytes: heapBytes,
      parleyPhases: heapPhases,
      sentencesBytes: heapSentences,
      bareIndexBytes: bare.heapBytes,
      bareTotalBytes: heapSentences + bare.heapBytes,
    },
    latency: { ...latency, ...bare.latency },
  };
}

async function main(args: string[]): Promise<void> {
  const count = Number(args[0] ?? "1000");
  const out = args[1] ?? join("bench", "out", `size-${count}.json`);
  const result = await measureSize(count);
  await writeFile(out, `${JSON.stringify(result, null, 2)}\n`);
}

if (process.argv[1]?.endsWith("measure-size.ts")) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  });
}

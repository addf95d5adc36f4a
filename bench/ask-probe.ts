/**
 * A quick look at `ask` alone on one corpus size: Parley's passage search beside FlexSearch and
 * bare MiniSearch on the same sentences and query strings, and recall@10 against exhaustive BM25.
 * `node --expose-gc --import tsx bench/ask-probe.ts 2000` (the corpus is generated once and reused).
 */
import { join } from "node:path";
import { createSentenceIndex, indexSentences, searchSentences } from "../src/index/sentence-index.js";
import { loadKnowledge } from "../src/knowledge/load.js";
import { splitArticle } from "../src/text/sentences.js";
import { bareSearch, buildBareIndex, buildFlexIndex, flexSearch } from "./baseline.js";
import { buildExhaustive, recallAt } from "./exhaustive-bm25.js";
import { writeCorpus } from "./generate.js";
import { createQueries } from "./queries.js";
import { timeEach } from "./stats.js";

const count = Number(process.argv[2] ?? "1000");
const dir = join("bench", "corpus", String(count));
const corpus = await writeCorpus(dir, count);
const { articles } = await loadKnowledge(dir);
const sentences = articles.flatMap((article) => splitArticle(article));
const queries = createQueries(corpus.cast, 2000).ask;
const index = createSentenceIndex();
indexSentences(index, sentences);
const flex = buildFlexIndex(sentences);
const bare = buildBareIndex(sentences);
const exhaustive = buildExhaustive(sentences);
const show = (name: string, l: { p50: number; p99: number }): void =>
  console.log(`${name.padEnd(10)} p50 ${l.p50.toFixed(2)} ms  p99 ${l.p99.toFixed(2)} ms`);
console.log(`${count} articles, ${sentences.length} sentences, ${queries.length} ask queries`);
show(
  "parley",
  timeEach(queries, (q) => searchSentences(index, q, 10)),
);
show(
  "flexsearch",
  timeEach(queries, (q) => flexSearch(flex, q)),
);
show(
  "minisearch",
  timeEach(queries.slice(0, 500), (q) => bareSearch(bare, q)),
);
const recalls = queries
  .map((q) =>
    recallAt(
      exhaustive,
      q,
      searchSentences(index, q, 10).map((hit) => hit.id),
      10,
    ),
  )
  .filter((r): r is number => r !== null);
const flexRecalls = queries
  .map((q) => recallAt(exhaustive, q, flexSearch(flex, q), 10))
  .filter((r): r is number => r !== null);
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
console.log(
  `recall@10 parley ${mean(recalls).toFixed(3)} flexsearch ${mean(flexRecalls).toFixed(3)} (n=${recalls.length})`,
);

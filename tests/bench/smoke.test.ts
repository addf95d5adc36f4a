/**
 * Smoke test of the benchmark's corpus (the benchmark itself is `npm run bench`, not part of CI):
 * a tiny synthetic corpus goes through the real loader and the real build, and the analysis finds
 * the people and quotes the generator wrote.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildExhaustive, exhaustiveTop, recallAt } from "../../bench/exhaustive-bm25.js";
import { generateCorpus, writeCorpus } from "../../bench/generate.js";
import { createQueries } from "../../bench/queries.js";
import { answerCommand } from "../../src/answers/dispatch.js";
import { loadKnowledge } from "../../src/knowledge/load.js";
import { buildKnowledgeBase } from "../../src/store/build.js";

const SIZE = 20;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "parley-bench-smoke-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("synthetic benchmark corpus", () => {
  it("is deterministic and marked synthetic", () => {
    const a = generateCorpus(SIZE);
    const b = generateCorpus(SIZE);
    expect(a.articles.map((file) => file.markdown)).toEqual(b.articles.map((file) => file.markdown));
    for (const { article } of a.articles) {
      expect(article.outlet).toMatch(/^Synthetic /);
      expect(article.title).toMatch(/^\[Synthetic\]/);
      expect(article.paragraphs.length).toBeGreaterThanOrEqual(11);
    }
    // Article n does not depend on how many are generated.
    expect(generateCorpus(3).articles[2]?.markdown).toBe(a.articles[2]?.markdown);
  });

  it("refuses to write into a knowledge folder", async () => {
    await expect(writeCorpus(join(dir, "knowledge"), 1)).rejects.toThrow(/Parley: refusing/);
  });

  it("loads through the real loader without problems, identical to the in-memory articles", async () => {
    const corpus = await writeCorpus(join(dir, "corpus"), SIZE);
    const { articles, problems } = await loadKnowledge(join(dir, "corpus"));
    expect(problems).toEqual([]);
    expect(articles).toEqual(
      corpus.articles.map((file) => file.article).sort((x, y) => x.id.localeCompare(y.id)),
    );
  });

  it("builds into a knowledge base where the analysis finds the cast and their quotes", () => {
    const corpus = generateCorpus(SIZE);
    const kb = buildKnowledgeBase(corpus.articles.map((file) => file.article));
    const sentences = [...kb.sentencesByArticle.values()].reduce((sum, list) => sum + list.length, 0);
    // About 25 sentences an article.
    expect(sentences / SIZE).toBeGreaterThan(18);
    expect(sentences / SIZE).toBeLessThan(35);

    const surnames = new Set(corpus.cast.map((person) => person.last));
    const people = kb.analysis.entities.filter((entity) => entity.kind === "person");
    const castFound = people.filter((entity) => entity.name.split(" ").some((word) => surnames.has(word)));
    expect(castFound.length).toBeGreaterThan(10);

    const attributed = kb.analysis.quotes.filter((quote) => quote.speaker !== null);
    expect(kb.analysis.quotes.length).toBeGreaterThan(SIZE * 3);
    expect(new Set(kb.analysis.quotes.map((quote) => quote.type))).toEqual(
      new Set(["direct", "partial", "indirect"]),
    );
    // Every named speaker is someone the generator put in that article (never a stranger).
    for (const quote of attributed.filter((q) => q.speakerKind === "person")) {
      const article = corpus.articles.find((file) => file.article.id === quote.articleId);
      expect(article?.markdown).toContain((quote.speaker ?? "").split(" ").pop());
    }
  });

  it("answers the benchmark's queries without throwing", () => {
    const corpus = generateCorpus(SIZE);
    const kb = buildKnowledgeBase(corpus.articles.map((file) => file.article));
    const queries = createQueries(corpus.cast, 25);
    const replies = [
      ...queries.who.map((name) => answerCommand(kb, "who", { name })),
      ...queries.quote.map((q) => answerCommand(kb, "quote", q)),
      ...queries.status.map((topic) => answerCommand(kb, "status", { topic })),
      ...queries.ask.map((question) => answerCommand(kb, "ask", { question })),
    ];
    expect(replies.every((reply) => reply.kind === "answer" || reply.kind === "user-error")).toBe(true);
    // The most frequent names are in this small corpus, so some who queries are answered.
    expect(replies.slice(0, 25).some((reply) => reply.kind === "answer")).toBe(true);
  });

  it("keeps ask's top 10 within reach of exhaustive BM25 (recall@10 at least 0.9), and the yardstick is exact", () => {
    const corpus = generateCorpus(SIZE);
    const kb = buildKnowledgeBase(corpus.articles.map((file) => file.article));
    const sentences = [...kb.sentencesByArticle.values()].flat();
    const exhaustive = buildExhaustive(sentences);
    const questions = createQueries(corpus.cast, 200).ask;
    const recalls = questions
      .map((q) =>
        recallAt(
          exhaustive,
          q,
          kb.search(q, { limit: 10 }).map((hit) => hit.sentence.id),
          10,
        ),
      )
      .filter((r): r is number => r !== null);
    expect(recalls.length).toBeGreaterThan(150);
    expect(recalls.reduce((a, b) => a + b, 0) / recalls.length).toBeGreaterThanOrEqual(0.9);
    // The reference's own top 10 has recall 1; an empty answer 0.
    const question = questions[0] as string;
    expect(recallAt(exhaustive, question, exhaustiveTop(exhaustive, question, 10).ids, 10)).toBe(1);
    expect(recallAt(exhaustive, question, [], 10)).toBe(0);
  });
});

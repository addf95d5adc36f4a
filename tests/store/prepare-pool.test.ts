/**
 * The prepare pool gives the same units, in the same order, as preparing every article in place;
 * a few articles are prepared in place without starting workers.
 */
import { describe, expect, it } from "vitest";
import { generateCorpus } from "../../bench/generate.js";
import { prepareArticle } from "../../src/store/build.js";
import { buildThreads, POOL_THRESHOLD, prepareArticles } from "../../src/store/prepare-pool.js";

describe("prepareArticles", () => {
  const articles = generateCorpus(POOL_THRESHOLD + 20).articles.map((file) => file.article);

  it("prepares on two worker threads exactly what one thread prepares, in order", async () => {
    let figures: { workers: number; batches: number; inPlace: number } | undefined;
    const pooled = await prepareArticles(articles, 2, (reported) => {
      figures = reported;
    });
    expect(figures).toEqual({ workers: 2, batches: Math.ceil(articles.length / 16), inPlace: 0 });
    expect(pooled.map((unit) => unit.article.id)).toEqual(articles.map((article) => article.id));
    expect(pooled).toEqual(articles.map((article) => prepareArticle(article)));
  }, 120_000);

  it("prepares a handful in place", async () => {
    const few = articles.slice(0, 3);
    expect(await prepareArticles(few, 4)).toEqual(few.map((article) => prepareArticle(article)));
  });

  it("takes PARLEY_BUILD_THREADS, else one thread per core (at most 8)", () => {
    expect(buildThreads({ PARLEY_BUILD_THREADS: "1" })).toBe(1);
    expect(buildThreads({ PARLEY_BUILD_THREADS: "3" })).toBe(3);
    expect(buildThreads({ PARLEY_BUILD_THREADS: "zero" })).toBeGreaterThanOrEqual(1);
    expect(buildThreads({})).toBeLessThanOrEqual(8);
  });
});

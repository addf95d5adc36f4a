/**
 * Preparing many articles (split + analyse, the bulk of a full build) on every core: a pool of
 * worker threads, each sent batches of articles as it finishes the last. The main thread only
 * hands out batches and collects units, so the event loop stays free for answers during a large
 * reload too. Few articles (a reload of one file) are prepared in place: a worker costs more to
 * start (it loads the language model) than it would save.
 */
import { availableParallelism } from "node:os";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { Worker } from "node:worker_threads";
import type { Article } from "../core/types.js";
import { type ArticleUnit, prepareArticle } from "./build.js";

/** Below this many articles the pool is not worth starting. */
export const POOL_THRESHOLD = 64;
const BATCH = 16;
/** More threads than this give little: merging and indexing after the analysis stay on one. */
const MAX_THREADS = 8;

/**
 * Threads to use: `PARLEY_BUILD_THREADS` when set (1 prepares everything in place), else one per
 * core, at most 8.
 */
export function buildThreads(env: NodeJS.ProcessEnv = process.env): number {
  const raw = Number(env.PARLEY_BUILD_THREADS);
  if (Number.isInteger(raw) && raw >= 1) return Math.min(raw, MAX_THREADS);
  return Math.min(availableParallelism(), MAX_THREADS);
}

/** In place, one article at a time, yielding between them so answers keep flowing. */
async function prepareInPlace(articles: readonly Article[]): Promise<ArticleUnit[]> {
  const units: ArticleUnit[] = [];
  for (const article of articles) {
    units.push(prepareArticle(article));
    await yieldToEventLoop();
  }
  return units;
}

/**
 * Units for the articles, in the same order, whatever thread prepared each.
 *
 * @example
 * const units = await prepareArticles(articles, 2);
 */
export async function prepareArticles(
  articles: readonly Article[],
  threads = buildThreads(),
  /** Told how many batches the workers prepared and how many fell back to this thread. */
  report?: (figures: { workers: number; batches: number; inPlace: number }) => void,
): Promise<ArticleUnit[]> {
  if (threads <= 1 || articles.length < POOL_THRESHOLD) return prepareInPlace(articles);
  const batches: Article[][] = [];
  for (let at = 0; at < articles.length; at += BATCH) batches.push(articles.slice(at, at + BATCH));
  const results: (ArticleUnit[] | undefined)[] = new Array(batches.length);
  let next = 0;
  const entry = new URL("./prepare-worker-entry.js", import.meta.url);

  const runWorker = (): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(entry);
      let current = -1;
      const finish = (error?: Error): void => {
        worker.removeAllListeners();
        void worker.terminate();
        if (error) reject(error);
        else resolve();
      };
      const send = (): void => {
        if (next >= batches.length) {
          finish();
          return;
        }
        current = next++;
        worker.postMessage({ batch: current, articles: batches[current] });
      };
      worker.on("message", (reply: { batch: number; units?: ArticleUnit[]; error?: string }) => {
        if (reply.error !== undefined) {
          finish(new Error(`Parley: preparing articles failed in a worker: ${reply.error}`));
          return;
        }
        results[reply.batch] = reply.units;
        send();
      });
      worker.on("error", (error) => {
        // A worker that cannot run (its batch is left for the main thread below).
        if (current >= 0 && results[current] === undefined) current = -1;
        finish(error instanceof Error ? error : new Error(String(error)));
      });
      worker.on("online", send);
    });

  const outcomes = await Promise.allSettled(
    Array.from({ length: Math.min(threads, batches.length) }, runWorker),
  );
  const failure = outcomes.find((outcome) => outcome.status === "rejected");
  if (failure && failure.status === "rejected" && /preparing articles failed/.test(String(failure.reason)))
    throw failure.reason;
  // Whatever a failed worker left (it could not start, or died) is prepared here.
  let inPlace = 0;
  for (const [at, batch] of batches.entries()) {
    if (results[at]) continue;
    results[at] = await prepareInPlace(batch ?? []);
    inPlace += 1;
  }
  report?.({ workers: outcomes.length, batches: batches.length, inPlace });
  return results.flatMap((units) => units ?? []);
}

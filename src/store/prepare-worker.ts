/**
 * A worker of the prepare pool (prepare-pool.ts): splits and analyses the articles it is sent and
 * posts the units back. Analysis is pure per article, so any worker gives the same unit.
 */
import { parentPort } from "node:worker_threads";
import type { Article } from "../core/types.js";
import { prepareArticle } from "./build.js";

export interface PrepareRequest {
  batch: number;
  articles: Article[];
}

parentPort?.on("message", (request: PrepareRequest) => {
  try {
    const units = request.articles.map((article) => prepareArticle(article));
    parentPort?.postMessage({ batch: request.batch, units });
  } catch (error) {
    parentPort?.postMessage({
      batch: request.batch,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  }
});

/**
 * The ingest worker thread: fetching, decoding, parsing and extraction run here, off the bot's event
 * loop, so an /add or a feed poll never delays an answer. Jobs run one at a time, in order.
 */
import { parentPort } from "node:worker_threads";
import { type AddResult, addSource } from "./add.js";
import { backoffMs, pollFeed } from "./feed-poll.js";
import { FeedStateFile, feedStatePath } from "./feed-state.js";
import type { WorkerReply, WorkerRequest } from "./worker-protocol.js";

const port = parentPort;
if (!port) throw new Error("worker-thread.ts runs as a worker thread");

function send(message: WorkerReply): void {
  port?.postMessage(message);
}

function addedFields(result: Extract<AddResult, { status: "added" }>) {
  return {
    file: result.file,
    title: result.title,
    published: result.published,
    outlet: result.outlet,
    paragraphs: result.paragraphs,
  };
}

async function poll(request: Extract<WorkerRequest, { type: "poll" }>): Promise<void> {
  const state = await FeedStateFile.open(feedStatePath(request.dir));
  const filter = request.filter ? new RegExp(request.filter, "i") : undefined;
  for (const feed of request.feeds) {
    const record = state.get(feed);
    if (record.retryAt !== undefined && record.retryAt > Date.now()) continue;
    const outcome = await pollFeed(feed, {
      dir: request.dir,
      state,
      filter,
      conditional: true,
      allowPrivate: request.allowPrivate,
      onResult: (result) => {
        if (result.status === "added")
          send({
            type: "log",
            level: "info",
            event: "feed-article-added",
            fields: { feed, ...addedFields(result) },
          });
        else if (result.status === "failed")
          send({
            type: "log",
            level: "info",
            event: "feed-item-not-added",
            fields: { feed, link: result.source, reason: result.message },
          });
      },
    });
    if (outcome.status === "failed") {
      const waitMs = backoffMs(request.intervalMs, outcome.failures);
      record.retryAt = Date.now() + waitMs;
      send({
        type: "log",
        level: "warn",
        event: "feed-failed",
        fields: {
          feed,
          reason: outcome.message,
          failures: outcome.failures,
          retryInMinutes: Math.round(waitMs / 60_000),
        },
      });
    }
    await state.save();
  }
}

let queue = Promise.resolve();
port.on("message", (request: WorkerRequest) => {
  queue = queue.then(async () => {
    try {
      if (request.type === "add") {
        const result = await addSource(request.url, { dir: request.dir, allowPrivate: request.allowPrivate });
        // The file text stays here: the bot needs only the summary.
        send({
          type: "added",
          id: request.id,
          result: result.status === "added" ? { ...result, text: "" } : result,
        });
      } else {
        await poll(request);
        send({ type: "polled", id: request.id });
      }
    } catch (error) {
      send({
        type: "error",
        id: request.id,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  });
});

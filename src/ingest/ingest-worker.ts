/**
 * The bot's side of ingest: one worker thread doing the fetching and parsing, `/add` requests sent
 * to it, and the feed poller (every FEED_INTERVAL_MINUTES, one poll at a time). New files land in
 * the knowledge folder, where the store's watcher picks them up (the hot reload).
 */
import { Worker } from "node:worker_threads";
import type { FeedSettings } from "../config/settings.js";
import type { Logger } from "../log/logger.js";
import type { AddResult } from "./add.js";
import type { WorkerReply, WorkerRequest } from "./worker-protocol.js";

export interface IngestService {
  /** Adds one link; resolves with the result (a failure is a result, not a rejection). */
  add(url: string): Promise<AddResult>;
  /** Stops polling and ends the worker. */
  close(): Promise<void>;
}

type Pending = { resolve: (reply: WorkerReply) => void };

/**
 * @example
 * const ingest = startIngest({ dir: "knowledge", log, allowPrivate: false, feeds });
 * await ingest.add("https://example.org/news/1");
 */
export function startIngest(options: {
  dir: string;
  log: Logger;
  allowPrivate: boolean;
  feeds: FeedSettings;
}): IngestService {
  const { log } = options;
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let closed = false;
  // Started on first use: a bot without feeds that is never sent /add does not pay for it.
  let worker: Worker | undefined;
  const started = (): Worker => {
    if (worker) return worker;
    worker = new Worker(new URL("./worker-entry.js", import.meta.url));
    worker.unref();
    worker.on("message", (reply: WorkerReply) => {
      if (reply.type === "log") {
        log[reply.level](reply.event, reply.fields);
        return;
      }
      pending.get(reply.id)?.resolve(reply);
      pending.delete(reply.id);
    });
    worker.on("error", (error) => {
      log.error("ingest-worker-error", { error });
      for (const [id, waiting] of pending)
        waiting.resolve({ type: "error", id, message: "the ingest worker failed" });
      pending.clear();
      worker = undefined;
    });
    return worker;
  };
  const request = (message: Omit<WorkerRequest, "id">): Promise<WorkerReply> => {
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, { resolve });
      started().postMessage({ ...message, id });
    });
  };

  const intervalMs = options.feeds.intervalMinutes * 60_000;
  let polling = false;
  const poll = (): void => {
    if (polling || closed || options.feeds.feeds.length === 0) return;
    polling = true;
    void request({
      type: "poll",
      feeds: options.feeds.feeds,
      filter: options.feeds.filter,
      intervalMs,
      dir: options.dir,
      allowPrivate: options.allowPrivate,
    } as Omit<WorkerRequest, "id">).then((reply) => {
      polling = false;
      if (reply.type === "error") log.error("feed-poll-failed", { reason: reply.message });
    });
  };
  let timer: NodeJS.Timeout | undefined;
  if (options.feeds.feeds.length > 0) {
    log.info("feeds", { feeds: options.feeds.feeds.length, intervalMinutes: options.feeds.intervalMinutes });
    poll();
    timer = setInterval(poll, intervalMs);
    timer.unref();
  }

  return {
    async add(url) {
      if (closed) return { status: "failed", source: url, message: "Parley is shutting down" };
      const reply = await request({
        type: "add",
        url,
        dir: options.dir,
        allowPrivate: options.allowPrivate,
      } as Omit<WorkerRequest, "id">);
      if (reply.type === "added") return reply.result;
      if (reply.type === "error") throw new Error(reply.message);
      throw new Error(`unexpected reply from the ingest worker: ${reply.type}`);
    },
    async close() {
      closed = true;
      clearInterval(timer);
      for (const [id, waiting] of pending) waiting.resolve({ type: "error", id, message: "stopped" });
      pending.clear();
      await worker?.terminate();
    },
  };
}

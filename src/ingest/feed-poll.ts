/**
 * Reads one feed once: a conditional request when validators are known (a `304` means nothing new),
 * then each new item that passes the filter goes through `add`, with the item's date as the fallback
 * when its page gives none. The feed's state (validators, items handled, errors) is updated.
 */
import { type AddResult, addSource, readKnown } from "./add.js";
import type { Resolver } from "./address-guard.js";
import { decodePage } from "./charset.js";
import type { KnownArticle } from "./duplicates.js";
import { IngestError } from "./errors.js";
import { parseFeed } from "./feed-parse.js";
import type { FeedStateFile } from "./feed-state.js";
import { fetchPage } from "./fetch-page.js";

export interface PollOptions {
  dir: string;
  state: FeedStateFile;
  filter?: RegExp;
  /** Send If-None-Match / If-Modified-Since (bot mode); the CLI reads the whole feed each time. */
  conditional: boolean;
  dryRun?: boolean;
  allowPrivate?: boolean;
  resolver?: Resolver;
  timeLimitMs?: number;
  known?: KnownArticle[];
  /** Called after each item, e.g. to log it as it happens. */
  onResult?: (result: AddResult) => void;
}

export type PollOutcome =
  | { status: "failed"; message: string; failures: number }
  | { status: "ok"; notModified: boolean; items: number; skipped: number; results: AddResult[] };

/** Back-off after errors: the interval doubled per error in a row, at most a day. */
export function backoffMs(intervalMs: number, failures: number): number {
  return Math.min(intervalMs * 2 ** Math.min(failures, 10), 24 * 60 * 60 * 1000);
}

/**
 * @example
 * await pollFeed("https://example.org/rss", { dir: "knowledge", state, conditional: true })
 */
export async function pollFeed(url: string, options: PollOptions): Promise<PollOutcome> {
  const record = options.state.get(url);
  const headers: Record<string, string> = {};
  if (options.conditional && record.etag) headers["if-none-match"] = record.etag;
  if (options.conditional && record.lastModified) headers["if-modified-since"] = record.lastModified;
  let feed: ReturnType<typeof parseFeed>;
  try {
    const response = await fetchPage(url, {
      accept: "feed",
      headers,
      allowPrivate: options.allowPrivate,
      resolver: options.resolver,
      timeLimitMs: options.timeLimitMs,
    });
    if (response.status === 304) {
      record.failures = 0;
      delete record.retryAt;
      return { status: "ok", notModified: true, items: 0, skipped: 0, results: [] };
    }
    feed = parseFeed(decodePage(response.bytes, response.headers["content-type"]), response.url);
    if (response.headers.etag) record.etag = response.headers.etag;
    else delete record.etag;
    if (response.headers["last-modified"]) record.lastModified = response.headers["last-modified"];
    else delete record.lastModified;
  } catch (error) {
    if (!(error instanceof IngestError)) throw error;
    record.failures += 1;
    return { status: "failed", message: error.message, failures: record.failures };
  }
  record.failures = 0;
  delete record.retryAt;
  const known = options.known ?? (await readKnown(options.dir));
  const results: AddResult[] = [];
  let skipped = 0;
  for (const item of feed.items) {
    if (
      record.seen.includes(item.id) ||
      (options.filter && !options.filter.test(`${item.title}\n${item.summary}`))
    ) {
      skipped++;
      continue;
    }
    const result = await addSource(item.link, {
      dir: options.dir,
      known,
      dryRun: options.dryRun,
      fallbackPublished: item.published ?? undefined,
      allowPrivate: options.allowPrivate,
      resolver: options.resolver,
      timeLimitMs: options.timeLimitMs,
    });
    // A failed item is not tried at every poll: the feed would log the same failure all day.
    if (!options.dryRun) options.state.markSeen(url, item.id);
    results.push(result);
    options.onResult?.(result);
  }
  return { status: "ok", notModified: false, items: feed.items.length, skipped, results };
}

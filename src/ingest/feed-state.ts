/**
 * What Parley remembers of each feed, kept on disk so it survives a restart: the validators for
 * conditional requests (ETag, Last-Modified), the items already handled, and the back-off after
 * errors. The file is `.parley-feeds.json` in the knowledge folder: a dot file, so neither the
 * loader nor the hot reload looks at it. Written atomically, like the articles.
 */
import { randomUUID } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";

export interface FeedRecord {
  etag?: string;
  lastModified?: string;
  /** Item ids handled (added, already there, or failed), newest last. */
  seen: string[];
  /** Errors in a row; 0 after a good poll. */
  failures: number;
  /** Not polled again before this time (ms since epoch) after errors. */
  retryAt?: number;
}

/** Item ids kept per feed: far more than any feed lists at once. */
const SEEN_MAX = 2000;

export function feedStatePath(knowledgeDir: string): string {
  return join(knowledgeDir, ".parley-feeds.json");
}

export class FeedStateFile {
  private constructor(
    private readonly path: string,
    private readonly feeds: Record<string, FeedRecord>,
  ) {}

  /** Reads the state; a missing or unreadable file starts empty (the feeds are then read afresh). */
  static async open(path: string): Promise<FeedStateFile> {
    try {
      const data = JSON.parse(await readFile(path, "utf8")) as { feeds?: Record<string, FeedRecord> };
      const feeds: Record<string, FeedRecord> = {};
      for (const [url, record] of Object.entries(data.feeds ?? {})) {
        if (record && Array.isArray(record.seen))
          feeds[url] = { ...record, failures: Number(record.failures) || 0 };
      }
      return new FeedStateFile(path, feeds);
    } catch {
      return new FeedStateFile(path, {});
    }
  }

  get(url: string): FeedRecord {
    let record = this.feeds[url];
    if (!record) {
      record = { seen: [], failures: 0 };
      this.feeds[url] = record;
    }
    return record;
  }

  markSeen(url: string, id: string): void {
    const record = this.get(url);
    if (!record.seen.includes(id)) record.seen.push(id);
    if (record.seen.length > SEEN_MAX) record.seen.splice(0, record.seen.length - SEEN_MAX);
  }

  async save(): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true });
    const temporary = `${this.path}.${randomUUID().slice(0, 8)}.tmp`;
    try {
      await writeFile(temporary, `${JSON.stringify({ version: 1, feeds: this.feeds }, null, 1)}\n`);
      await rename(temporary, this.path);
    } finally {
      await rm(temporary, { force: true });
    }
  }
}

/** `parley feed` and feed polling against the test's own RSS and Atom feeds on 127.0.0.1. */
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import { parseFeed } from "../../src/ingest/feed-parse.js";
import { backoffMs, pollFeed } from "../../src/ingest/feed-poll.js";
import { FeedStateFile, feedStatePath } from "../../src/ingest/feed-state.js";
import { loadKnowledge } from "../../src/knowledge/load.js";
import { atomFeed, rssFeed } from "./pages.js";
import { type NewsServer, startNewsServer } from "./server.js";

let server: NewsServer;
let dir: string;

async function parley(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    args,
    { INGEST_ALLOW_PRIVATE: "true" },
    { out: (t) => out.push(t), err: (t) => err.push(t) },
  );
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const articles = async (): Promise<string[]> =>
  (await readdir(dir)).filter((name) => name.endsWith(".md")).sort();

beforeAll(async () => {
  server = await startNewsServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "parley-feed-"));
  return () => rm(dir, { recursive: true, force: true });
});

describe("parseFeed", () => {
  it("reads RSS items: link, summary as text, the pubDate's own day", () => {
    const feed = parseFeed(rssFeed("https://harbour.example"));
    expect(feed.title).toBe("The Harbour Times: World");
    expect(feed.items.map((item) => item.published)).toEqual(["2025-01-15", "2025-01-24", "2025-01-25"]);
    expect(feed.items[1]).toEqual({
      id: "nd-1",
      title: "Talks to continue next week",
      link: "https://harbour.example/news/no-date",
      summary: "Mediators said the talks would continue.",
      published: "2025-01-24",
    });
  });

  it("reads Atom entries: the alternate link, published before updated", () => {
    const feed = parseFeed(atomFeed("https://ledger.example"));
    expect(feed.items.map((item) => [item.id, item.link, item.published])).toEqual([
      ["urn:ledger:1", "https://ledger.example/news/og", "2025-02-03"],
      ["urn:ledger:2", "https://ledger.example/news/time-only", "2025-03-10"],
    ]);
  });

  it("refuses what is not a well-formed feed", () => {
    expect(() => parseFeed("<rss><channel><item><title>unclosed")).toThrow(/^not a well-formed feed: /);
    expect(() => parseFeed("<html><body>hi</body></html>")).toThrow("not an RSS or Atom feed");
  });
});

describe("parley feed", () => {
  it("adds the new items that match --filter, an item's date standing in for a page without one", async () => {
    const result = await parley(
      "feed",
      `${server.base}/feeds/rss.xml`,
      "--filter",
      "ceasefire|hostage|Gaza|talks",
      "--knowledge",
      dir,
    );
    expect(result.code).toBe(0);
    expect(await articles()).toEqual([
      "2025-01-15-mediators-report-progress-on-gaza-truce-as-cairo-round-ends.md",
      "2025-01-24-talks-to-continue-next-week.md",
    ]);
    expect(result.err).toBe(
      `${server.base}/feeds/rss.xml: 3 items, 1 filtered out or seen before; 2 added, 0 already there, 0 failed`,
    );
    expect((await loadKnowledge(dir)).problems).toEqual([]);

    // A second run: the items were handled, nothing is fetched or added again.
    const before = server.requests.length;
    const again = await parley(
      "feed",
      `${server.base}/feeds/rss.xml`,
      "--filter",
      "ceasefire|hostage|Gaza|talks",
      "--knowledge",
      dir,
    );
    expect(again.code).toBe(0);
    expect(again.err).toMatch(/3 items, 3 filtered out or seen before; 0 added/);
    expect(server.requests.slice(before).map((r) => r.path)).toEqual(["/feeds/rss.xml"]);
  });

  it("reads an Atom feed", async () => {
    const result = await parley("feed", `${server.base}/feeds/atom.xml`, "--knowledge", dir);
    expect(result.code).toBe(0);
    expect(await articles()).toEqual([
      "2025-02-03-thousands-march-to-urge-acceptance-of-hostage-framework.md",
      "2025-03-10-crossing-reopens-for-aid-trucks.md",
    ]);
  });

  it("a feed that cannot be read is one line, exit 1, nothing written", async () => {
    for (const [path, message] of [
      ["/feeds/missing.xml", "feed not read: HTTP 404 Not Found"],
      ["/feeds/broken.xml", "feed not read: not a well-formed feed:"],
      ["/report.pdf", "feed not read: not a feed (application/pdf)"],
    ] as const) {
      const result = await parley("feed", `${server.base}${path}`, "--knowledge", dir);
      expect(result.code).toBe(1);
      expect(result.err).toContain(`${server.base}${path}: ${message}`);
      expect(result.err.split("\n")).toHaveLength(1);
      expect(await articles()).toEqual([]);
    }
  });

  it("an invalid --filter is bad usage", async () => {
    const result = await parley("feed", `${server.base}/feeds/rss.xml`, "--filter", "(", "--knowledge", dir);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/^Parley: invalid --filter: /);
  });
});

describe("polling (bot mode)", () => {
  for (const [kind, path, header] of [
    ["RSS", "/feeds/rss.xml", "ifNoneMatch"],
    ["Atom", "/feeds/atom.xml", "ifModifiedSince"],
  ] as const) {
    it(`${kind}: the next poll is conditional, a 304 adds nothing, and the validators survive a restart`, async () => {
      const url = `${server.base}${path}`;
      const state = await FeedStateFile.open(feedStatePath(dir));
      const filter = /ceasefire|hostage|Gaza|talks|crossing/i;
      const first = await pollFeed(url, { dir, state, filter, conditional: true, allowPrivate: true });
      expect(first).toMatchObject({ status: "ok", notModified: false });
      expect(first.status === "ok" && first.results.every((r) => r.status === "added")).toBe(true);
      await state.save();
      const written = await articles();
      expect(written).toHaveLength(2);

      // A restart: the state is read back from disk.
      const reopened = await FeedStateFile.open(feedStatePath(dir));
      const before = server.requests.length;
      const second = await pollFeed(url, {
        dir,
        state: reopened,
        filter,
        conditional: true,
        allowPrivate: true,
      });
      expect(second).toEqual({ status: "ok", notModified: true, items: 0, skipped: 0, results: [] });
      const request = server.requests.slice(before);
      expect(request).toHaveLength(1);
      expect(request[0]?.[header]).toBeTruthy();
      expect(await articles()).toEqual(written);
    });
  }

  it("errors count up for the back-off, and a good poll resets them", async () => {
    const state = await FeedStateFile.open(feedStatePath(dir));
    const url = `${server.base}/feeds/broken.xml`;
    expect(await pollFeed(url, { dir, state, conditional: true, allowPrivate: true })).toMatchObject({
      status: "failed",
      failures: 1,
    });
    expect(await pollFeed(url, { dir, state, conditional: true, allowPrivate: true })).toMatchObject({
      status: "failed",
      failures: 2,
    });
    await state.save();
    expect((await FeedStateFile.open(feedStatePath(dir))).get(url).failures).toBe(2);
    expect(await articles()).toEqual([]);
  });
});

describe("backoffMs", () => {
  it("doubles the interval per error in a row, up to a day", () => {
    const interval = 30 * 60_000;
    expect([1, 2, 3].map((failures) => backoffMs(interval, failures) / 60_000)).toEqual([60, 120, 240]);
    expect(backoffMs(interval, 50)).toBe(24 * 60 * 60_000);
  });
});

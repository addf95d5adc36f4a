/**
 * The binary snapshot (src/store/snapshot*.ts) on a small generated corpus: a start from it gives
 * the same answers as a build; a damaged shard is an error that says which and why (a cache is
 * rebuilt, PARLEY_SNAPSHOT is refused); a replaced snapshot is switched to whole.
 */
import { mkdtemp, readdir, readFile, rm, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type MiniSearch from "minisearch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeCorpus } from "../../bench/generate.js";
import { createQueries } from "../../bench/queries.js";
import { answerCommand } from "../../src/answers/dispatch.js";
import { exportAnalysis } from "../../src/answers/export.js";
import { runToEnd } from "../../src/core/slices.js";
import type { KnowledgeBase } from "../../src/index/knowledge-base.js";
import type { IndexedSentence } from "../../src/index/sentence-index.js";
import { KnowledgeStore, type StoreEvent } from "../../src/store/knowledge-store.js";
import { SnapshotError } from "../../src/store/snapshot.js";
import { decodeIndex, encodeIndex } from "../../src/store/snapshot-index.js";
import { MANIFEST, readManifest } from "../../src/store/snapshot-shards.js";
import { SnapshotStore } from "../../src/store/snapshot-store.js";

/** Builds run in these tests; the machine may be shared (a bound, not a speed check). */
const SLOW = 120_000;

let work: string;
let corpus: string;
let cache: string;
let queries: ReturnType<typeof createQueries>;
let built: KnowledgeBase;

/** Every kind of answer the bench asks, as the JSON users would get. */
function answers(kb: KnowledgeBase): string[] {
  return [
    ...queries.who.map((name) => answerCommand(kb, "who", { name })),
    ...queries.whoRoles.map((name) => answerCommand(kb, "who", { name })),
    ...queries.quote.map((options) => answerCommand(kb, "quote", options)),
    ...queries.status.map((topic) => answerCommand(kb, "status", { topic })),
    ...queries.ask.map((question) => answerCommand(kb, "ask", { question })),
  ].map((reply) => JSON.stringify(reply));
}

/** Copies the snapshot folder `from` to a fresh folder (so one test's damage stays its own). */
async function copySnapshot(from: string, name: string): Promise<string> {
  const to = join(work, name);
  const { cp } = await import("node:fs/promises");
  await cp(from, to, { recursive: true });
  return to;
}

/** The path of one shard of a section in a snapshot folder. */
async function shardOf(dir: string, section: string): Promise<string> {
  const manifest = await readManifest(dir);
  const shard = manifest.sections[section]?.[0];
  if (!shard) throw new Error(`no ${section} shard`);
  return join(dir, manifest.folder, shard.file);
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "parley-snapshot-"));
  corpus = join(work, "corpus");
  const generated = await writeCorpus(corpus, 24, 11);
  queries = createQueries(generated.cast, 12, 3);
  cache = join(work, "cache");
  const store = await KnowledgeStore.open({ dir: corpus, cacheDir: false });
  built = store.current();
  await store.close();
  // The cache snapshot the other tests start from.
  const writer = await KnowledgeStore.open({ dir: corpus, cacheDir: cache });
  await writer.close();
}, 120_000);

afterAll(() => rm(work, { recursive: true, force: true }));

describe("snapshot round trip", () => {
  it(
    "a start from the snapshot answers /who /quote /status /ask exactly as a build",
    async () => {
      const events: StoreEvent[] = [];
      const store = await KnowledgeStore.open({
        dir: corpus,
        cacheDir: cache,
        onEvent: (e) => events.push(e),
      });
      expect(events).toContainEqual(expect.objectContaining({ type: "ready", source: "snapshot" }));
      const fromSnapshot = answers(store.current());
      expect(fromSnapshot).toEqual(answers(built));
      // The queries reach real answers, not only "not found".
      expect(fromSnapshot.filter((reply) => reply.includes('"kind":"answer"')).length).toBeGreaterThan(10);
      expect(exportAnalysis(store.current())).toEqual(exportAnalysis(built));
      await store.close();
    },
    SLOW,
  );

  it(
    "a replica (PARLEY_SNAPSHOT) answers the same without the knowledge folder",
    async () => {
      const replica = await SnapshotStore.open({ dir: await copySnapshot(cache, "replica") });
      expect(answers(replica.current())).toEqual(answers(built));
      await replica.close();
    },
    SLOW,
  );

  it(
    "a writer started from the snapshot reloads an edit from the saved per-article analyses",
    async () => {
      const dir = await copySnapshot(corpus, "edited");
      const store = await KnowledgeStore.open({ dir, cacheDir: join(dir, ".parley-cache-copy") });
      await store.close();
      const events: StoreEvent[] = [];
      const again = await KnowledgeStore.open({
        dir,
        cacheDir: join(dir, ".parley-cache-copy"),
        onEvent: (e) => events.push(e),
      });
      expect(events).toContainEqual(expect.objectContaining({ type: "ready", source: "snapshot" }));
      const file = (await readdir(dir)).find((name) => name.endsWith(".md"))!;
      const text = await readFile(join(dir, file), "utf8");
      await writeFile(join(dir, file), `${text.trimEnd()} Negotiators met again in Zanzibar on Monday.\n`);
      const summary = await again.reload();
      expect(summary.changed).toHaveLength(1);
      expect(
        again
          .current()
          .search("Zanzibar")
          .map((hit) => hit.sentence.text),
      ).toEqual(["Negotiators met again in Zanzibar on Monday."]);
      await again.close();
    },
    SLOW,
  );
});

describe("the snapshot key", () => {
  it(
    "includes people.yaml: a change rebuilds, and the next start restores the corrected state",
    async () => {
      const dir = await copySnapshot(corpus, "with-people");
      const cacheDir = await copySnapshot(cache, "with-people-cache");
      const person = built.analysis.entities.find((entity) => entity.kind === "person")!;
      await writeFile(join(dir, "people.yaml"), `- name: ${person.name}\n  affiliation: Testland\n`);
      const fresh = await KnowledgeStore.open({ dir, cacheDir: false });
      const who = (kb: KnowledgeBase) => JSON.stringify(answerCommand(kb, "who", { name: person.name }));
      expect(who(fresh.current())).toContain("Testland");
      for (const expected of ["build", "snapshot"]) {
        const events: StoreEvent[] = [];
        const store = await KnowledgeStore.open({ dir, cacheDir, onEvent: (e) => events.push(e) });
        expect(events).toContainEqual(expect.objectContaining({ type: "ready", source: expected }));
        expect(who(store.current())).toEqual(who(fresh.current()));
        expect(answers(store.current())).toEqual(answers(fresh.current()));
        await store.close();
      }
      await fresh.close();
    },
    SLOW,
  );
});

describe("the saved parse stamps", () => {
  it(
    "two files with one id: a start from the snapshot reports the duplicate as a build does",
    async () => {
      const dir = join(work, "duplicates");
      const { mkdir } = await import("node:fs/promises");
      await mkdir(join(dir, "a"), { recursive: true });
      await mkdir(join(dir, "b"), { recursive: true });
      const body = (place: string) =>
        `---\ntitle: T\npublished: 2024-10-24\n---\n\nTalks resumed in ${place}.\n`;
      await writeFile(join(dir, "a", "talks.md"), body("Doha"));
      await writeFile(join(dir, "b", "talks.md"), body("Cairo"));
      const starts: { source: unknown; problems: unknown; doha: number }[] = [];
      for (let i = 0; i < 2; i++) {
        const events: StoreEvent[] = [];
        const store = await KnowledgeStore.open({ dir, onEvent: (e) => events.push(e) });
        starts.push({
          source: events.flatMap((e) => (e.type === "ready" ? [e.source] : []))[0],
          problems: store.problems(),
          doha: store.current().search("Doha").length,
        });
        await store.close();
      }
      expect(starts.map((start) => start.source)).toEqual(["build", "snapshot"]);
      expect(starts[1]!.problems).toEqual(starts[0]!.problems);
      expect(starts[0]!.problems).toEqual([
        expect.objectContaining({ path: "b/talks.md", severity: "error" }),
      ]);
      expect(starts[1]!.doha).toBe(1);
    },
    SLOW,
  );
});

describe("the index in a snapshot", () => {
  it(
    "decodes to the same MiniSearch state as the one encoded",
    async () => {
      const store = await KnowledgeStore.open({ dir: corpus, cacheDir: false });
      const index = (store.current() as unknown as { index: MiniSearch<IndexedSentence> }).index;
      const { meta, blocks } = encodeIndex(index);
      expect(blocks.length).toBeGreaterThan(0);
      const decoded = runToEnd(decodeIndex(meta, blocks));
      // The same header and the same postings per term (the tree may list terms in another order).
      const plain = (mini: MiniSearch<IndexedSentence>) => {
        const json = mini.toJSON();
        return { ...json, index: [...json.index].sort((a, b) => (a[0] < b[0] ? -1 : 1)) };
      };
      expect(plain(decoded)).toEqual(plain(index));
      expect(decoded.search("talks Doha").slice(0, 20)).toEqual(index.search("talks Doha").slice(0, 20));
      await store.close();
    },
    SLOW,
  );
});

describe("a snapshot that cannot be written", () => {
  it(
    "is reported with the reason, and the store still serves",
    async () => {
      const blocked = join(work, "a-file");
      await writeFile(blocked, "not a folder");
      const events: StoreEvent[] = [];
      const store = await KnowledgeStore.open({
        dir: corpus,
        cacheDir: blocked,
        onEvent: (e) => events.push(e),
      });
      const failed = events.find((event) => event.type === "snapshot-failed");
      expect(failed && "error" in failed ? String(failed.error) : "").toMatch(
        /cannot be written to .*a-file/,
      );
      expect(answers(store.current())).toEqual(answers(built));
      await store.close();
    },
    SLOW,
  );
});

describe("a damaged snapshot", () => {
  it.each([
    ["cut short", (path: string) => truncate(path, 100), /cut short/],
    [
      "a changed byte",
      async (path: string) => {
        const bytes = await readFile(path);
        const middle = bytes.length >> 1;
        bytes[middle] = (bytes[middle] ?? 0) ^ 0xff;
        await writeFile(path, bytes);
      },
      /checksum/,
    ],
  ])(
    "%s: the cache is reported and rebuilt, PARLEY_SNAPSHOT is refused",
    async (name, damage, why) => {
      const dir = await copySnapshot(cache, `damaged-${name.replace(/\W/g, "")}`);
      const shard = await shardOf(dir, "quotes");
      await damage(shard);

      const refused = SnapshotStore.open({ dir });
      await expect(refused).rejects.toBeInstanceOf(SnapshotError);
      await expect(refused).rejects.toThrow(why);
      await expect(refused).rejects.toThrow(shard);

      const events: StoreEvent[] = [];
      const store = await KnowledgeStore.open({ dir: corpus, cacheDir: dir, onEvent: (e) => events.push(e) });
      expect(events).toContainEqual(
        expect.objectContaining({
          type: "snapshot-unusable",
          reason: "corrupt",
          message: expect.stringMatching(why),
        }),
      );
      expect(events).toContainEqual(expect.objectContaining({ type: "ready", source: "build" }));
      expect(answers(store.current())).toEqual(answers(built));
      await store.close();
      // The rebuild wrote a good snapshot in its place.
      const replica = await SnapshotStore.open({ dir });
      expect(answers(replica.current())).toEqual(answers(built));
      await replica.close();
    },
    SLOW,
  );

  it("a manifest that is not JSON is refused with the reason", async () => {
    const dir = await copySnapshot(cache, "bad-manifest");
    await writeFile(join(dir, MANIFEST), '{"format": 2, "vers');
    await expect(SnapshotStore.open({ dir })).rejects.toThrow(/not valid JSON/);
  });

  it("a snapshot made by other code is refused as stale", async () => {
    const dir = await copySnapshot(cache, "other-code");
    const opened = SnapshotStore.open({ dir, fingerprint: "0".repeat(64) });
    await expect(opened).rejects.toMatchObject({ reason: "stale" });
    await expect(opened).rejects.toThrow(/made by other code/);
  });

  it("a missing snapshot is refused as missing", async () => {
    await expect(SnapshotStore.open({ dir: join(work, "nowhere") })).rejects.toMatchObject({
      reason: "missing",
    });
  });
});

describe("replacing PARLEY_SNAPSHOT", () => {
  it(
    "switches answers to the new snapshot, whole, without a restart",
    async () => {
      const dir = await copySnapshot(cache, "live");
      const events: StoreEvent[] = [];
      const replica = await SnapshotStore.open({
        dir,
        watch: true,
        pollMs: 20,
        onEvent: (e) => events.push(e),
      });
      const before = replica.version();
      expect(replica.current().search("Zanzibar")).toEqual([]);

      // A writer with one more article publishes into the same folder.
      const grown = await copySnapshot(corpus, "grown");
      await writeFile(
        join(grown, "zz-added.md"),
        "---\ntitle: Talks move\npublished: 2025-07-01\noutlet: Test Wire\n---\n\nNegotiators met in Zanzibar on Monday.\n",
      );
      const writer = await KnowledgeStore.open({ dir: grown, cacheDir: false });
      expect(await writer.saveSnapshot(dir)).toBeNull();
      await writer.close();

      await expect
        .poll(() => replica.current().search("Zanzibar").length, { timeout: 20_000, interval: 50 })
        .toBe(1);
      expect(replica.version()).not.toBe(before);
      expect(replica.current().articles).toHaveLength(built.articles.length + 1);
      expect(events).toContainEqual(expect.objectContaining({ type: "snapshot-switched", articles: 25 }));
      // Only the served version and the one before it stay on disk.
      const folders = (await readdir(dir)).filter((name) => name.startsWith("v-"));
      expect(folders.length).toBeLessThanOrEqual(2);
      await replica.close();
    },
    SLOW,
  );
});

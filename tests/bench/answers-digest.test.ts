/**
 * Speed work must not change an answer (issue 15): `/who`, `/quote` and `/status` on the benchmark's
 * queries over a small generated corpus are hashed, kind by kind, and compared with the digests
 * committed in `bench/fixtures/answers-digest.json`. A change that alters answers on purpose (better
 * attribution, a new status rule) writes the file again with `PARLEY_UPDATE_DIGEST=1` and says so in its
 * commit. The same answers must come from every way the knowledge base is made: a build, a store
 * started from its own snapshot, and a store that reloaded after one article was edited and restored.
 */
import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeCorpus } from "../../bench/generate.js";
import { createQueries } from "../../bench/queries.js";
import { answerCommand } from "../../src/answers/dispatch.js";
import type { KnowledgeBase } from "../../src/index/knowledge-base.js";
import { loadKnowledge } from "../../src/knowledge/load.js";
import { buildKnowledgeBase } from "../../src/store/build.js";
import { KnowledgeStore } from "../../src/store/knowledge-store.js";

const SIZE = 150;
const QUERIES = 120;
const DIGEST_FILE = join(import.meta.dirname, "../../bench/fixtures/answers-digest.json");

type Digests = Record<"who" | "quote" | "status", string>;

let dir: string;
let corpus: Awaited<ReturnType<typeof writeCorpus>>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "parley-digest-"));
  corpus = await writeCorpus(join(dir, "corpus"), SIZE);
}, 60_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function digestsOf(kb: KnowledgeBase): Digests {
  const queries = createQueries(corpus.cast, QUERIES);
  const hash = (replies: unknown[]) => createHash("sha256").update(JSON.stringify(replies)).digest("hex");
  return {
    who: hash(queries.who.map((name) => answerCommand(kb, "who", { name }))),
    quote: hash(queries.quote.map((q) => answerCommand(kb, "quote", q))),
    status: hash(queries.status.map((topic) => answerCommand(kb, "status", { topic }))),
  };
}

describe("answers on the benchmark's queries", () => {
  it("are the committed ones, from a build", async () => {
    const { articles } = await loadKnowledge(join(dir, "corpus"));
    const digests = digestsOf(buildKnowledgeBase(articles));
    if (process.env.PARLEY_UPDATE_DIGEST === "1") {
      await writeFile(DIGEST_FILE, `${JSON.stringify(digests, null, 2)}\n`);
    }
    expect(digests).toEqual(JSON.parse(await readFile(DIGEST_FILE, "utf8")));
  }, 120_000);

  it("are the same from a snapshot start, and after a reload that edits and restores an article", async () => {
    const folder = join(dir, "corpus");
    const cacheDir = join(dir, "cache");
    const path = join(folder, corpus.articles[Math.floor(SIZE / 2)]!.path);
    const original = await readFile(path, "utf8");
    /** Edits one article, reloads, restores it, reloads: the answers must come back as they were. */
    const editAndRestore = async (store: KnowledgeStore) => {
      await writeFile(
        path,
        `${original.trimEnd()} The mediators said on Monday that the talks would go on.\n`,
      );
      expect((await store.reload()).changed).toHaveLength(1);
      await writeFile(path, original);
      expect((await store.reload()).changed).toHaveLength(1);
    };
    // Built from nothing (it writes its snapshot and reads per-article analyses back from it on reload).
    const built = await KnowledgeStore.open({ dir: folder, cacheDir, threads: 1 });
    const expected = digestsOf(built.current());
    try {
      await editAndRestore(built);
      expect(digestsOf(built.current())).toEqual(expected);
    } finally {
      await built.close();
    }
    const started = await KnowledgeStore.open({ dir: folder, cacheDir, threads: 1 });
    try {
      expect(digestsOf(started.current())).toEqual(expected);
      await editAndRestore(started);
      await editAndRestore(started);
      expect(digestsOf(started.current())).toEqual(expected);
    } finally {
      await started.close();
    }
  }, 180_000);
});

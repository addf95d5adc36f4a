/**
 * A snapshot stores the output of the whole pipeline, so a change to any stage's code must make an
 * old snapshot unusable. Works on a temporary copy of src/ so the checkout is never touched.
 */
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSentenceIndex, indexSentences } from "../../src/index/sentence-index.js";
import { getTimeline } from "../../src/index/timeline.js";
import { loadKnowledge } from "../../src/knowledge/load.js";
import { type ArticleUnit, assembleKnowledgeBase, prepareArticle } from "../../src/store/build.js";
import {
  fingerprintOf,
  readSnapshot,
  SnapshotError,
  snapshotKey,
  writeSnapshot,
} from "../../src/store/snapshot.js";
import { REPO } from "../helpers/run-parley.js";

/** One file in each stage of the pipeline (and the ground and the store that drive it). */
const ONE_FILE_PER_STAGE = [
  "knowledge/parse-article.ts",
  "text/sentences.ts",
  "analysis/analyze.ts",
  "analysis/entities/names.ts",
  "analysis/quotes/cues.ts",
  "analysis/dates/tense.ts",
  "analysis/status/rules.ts",
  "corpus/combine.ts",
  "index/directory.ts",
  "store/build.ts",
  "core/types.ts",
];

let work: string;
let copy: string;
let cache: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "parley-fingerprint-"));
  copy = join(work, "src");
  cache = join(work, "cache");
  cpSync(join(REPO, "src"), copy, { recursive: true });
  const { articles } = await loadKnowledge(join(REPO, "knowledge"));
  const units = new Map<string, ArticleUnit>(articles.map((a) => [a.id, prepareArticle(a)]));
  const index = createSentenceIndex();
  for (const unit of units.values()) indexSentences(index, unit.sentences);
  const { analysis } = assembleKnowledgeBase(units, index);
  const content = {
    units,
    index,
    analysis,
    timeline: getTimeline(analysis).entries,
    key: snapshotKey(articles, null),
  };
  await writeSnapshot(cache, content, await fingerprintOf(copy));
});

/** The snapshot read with the copy's fingerprint, or null when it is refused as made by other code. */
async function read(): Promise<Awaited<ReturnType<typeof readSnapshot>> | null> {
  try {
    return await readSnapshot(cache, await fingerprintOf(copy));
  } catch (error) {
    if (error instanceof SnapshotError && error.reason === "stale") return null;
    throw error;
  }
}

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("snapshot fingerprint", () => {
  it("accepts a snapshot made by the same code", async () => {
    const loaded = await read();
    expect(loaded?.units.size).toBe(1);
  });

  it.each(ONE_FILE_PER_STAGE)("rejects the snapshot once %s changes", async (file) => {
    const path = join(copy, file);
    const before = readFileSync(path);
    appendFileSync(path, "\n// changed rule\n");
    try {
      expect(await read()).toBeNull();
    } finally {
      writeFileSync(path, before);
    }
    expect(await read()).not.toBeNull();
  });

  it("rejects it when a new source file appears in a nested folder", async () => {
    const path = join(copy, "analysis/quotes/new-rule.ts");
    writeFileSync(path, "export const rule = 1;\n");
    try {
      expect(await read()).toBeNull();
    } finally {
      rmSync(path);
    }
  });
});

/**
 * Issue 13's targets on the frozen wire set (eval/wire): events found and categories right at least
 * 0.90, no timeline entry listed twice; the export as `parley export --json` gives it, in process.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { type EventScore, type ExportLike, type Gold, scoreEvents } from "../../eval/score-events.js";
import { exportAnalysis } from "../../src/answers/export.js";
import { loadKnowledge } from "../../src/knowledge/load.js";
import { buildKnowledgeBase } from "../../src/store/build.js";

const wire = (path: string): string => fileURLToPath(new URL(`../../eval/wire/${path}`, import.meta.url));

describe("status events and timeline on the wire set", () => {
  let score: EventScore;
  beforeAll(async () => {
    const { articles } = await loadKnowledge(wire("knowledge"));
    const exported = JSON.parse(JSON.stringify(exportAnalysis(buildKnowledgeBase(articles)))) as ExportLike;
    const gold = JSON.parse(readFileSync(wire("gold.json"), "utf8")) as Gold;
    score = scoreEvents(gold, exported);
  });

  it("finds at least 90% of the talk events, at least 90% of them with the right category", () => {
    expect(score.found.right / score.found.of).toBeGreaterThanOrEqual(0.9);
    expect(score.categories.right / score.categories.of).toBeGreaterThanOrEqual(0.9);
  });

  it("lists no event twice: every event reported by several articles is one timeline entry", () => {
    expect(score.timelineMerged?.of).toBeGreaterThan(0);
    expect(score.timelineListedTwice).toBe(0);
  });
});

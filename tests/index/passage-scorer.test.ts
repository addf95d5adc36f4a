/**
 * The query plan's own top-k scorer against MiniSearch's search on the same index: the same scores
 * in the same order (ties aside) for AND, for the OR fill-up, with a filter, and after a removal.
 * It reads MiniSearch's internals, so this also fails if a MiniSearch upgrade moves them.
 */
import type MiniSearch from "minisearch";
import { describe, expect, it } from "vitest";
import { documentFrequency, hasTerm, topPassages } from "../../src/index/passage-scorer.js";
import { createSentenceIndex, type IndexedSentence } from "../../src/index/sentence-index.js";

/** A seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Word frequencies from very common to rare, as in news: a few words in most sentences.
const WORDS = [
  "talks",
  "ceasefire",
  "officials",
  "hostages",
  "doha",
  "cairo",
  "envoy",
  "proposal",
  "crossing",
  "aid",
  "prisoners",
  "withdrawal",
  "mediators",
  "sunday",
  "monday",
  "draft",
  "phase",
  "truce",
  "guarantees",
  "delegation",
  "border",
  "convoy",
  "statement",
  "briefing",
  "deadline",
];

function corpus(count: number, next: () => number): IndexedSentence[] {
  return Array.from({ length: count }, (_, i) => {
    const length = 4 + Math.floor(next() * 14);
    const words = Array.from({ length }, () => WORDS[Math.floor(next() ** 2.2 * WORDS.length)] ?? "talks");
    return { id: `a${i % 40}#${i}`, text: `The ${words.join(" the ")}.` };
  });
}

/** MiniSearch's own answer to the same plan: AND by score, then OR for the places left. */
function reference(
  index: MiniSearch<IndexedSentence>,
  terms: string[],
  limit: number,
  accept?: (id: string) => boolean,
) {
  const filter = accept ? (result: { id: unknown }) => accept(String(result.id)) : undefined;
  const all = index.search(terms.join(" "), { combineWith: "AND", filter }).slice(0, limit);
  if (all.length >= limit || terms.length < 2) return all;
  const taken = new Set(all.map((r) => r.id));
  const any = index.search(terms.join(" "), { combineWith: "OR", filter }).filter((r) => !taken.has(r.id));
  return all.concat(any.slice(0, limit - all.length));
}

function rounded(scores: number[]): number[] {
  return scores.map((score) => Math.round(score * 1e6) / 1e6);
}

describe("topPassages", () => {
  const next = random(7);
  const sentences = corpus(3000, next);
  const index = createSentenceIndex();
  index.addAll(sentences);

  it("knows the vocabulary and how many sentences hold a word", () => {
    const holding = sentences.filter((s) => s.text.split(/\W+/).includes("convoy")).length;
    expect(hasTerm(index, "convoy")).toBe(true);
    expect(hasTerm(index, "convoys")).toBe(false);
    expect(documentFrequency(index, "convoy")).toBe(holding);
    expect(documentFrequency(index, "nowhere")).toBe(0);
  });

  it("ranks as MiniSearch does, for 300 random queries of one to four words", () => {
    for (let q = 0; q < 300; q++) {
      const terms = Array.from(
        { length: 1 + Math.floor(next() * 4) },
        () => WORDS[Math.floor(next() * WORDS.length)] as string,
      );
      const limit = [1, 5, 10, 25][q % 4] as number;
      const ours = topPassages(index, terms, limit);
      const theirs = reference(index, [...new Set(terms)], limit);
      expect(rounded(ours.map((hit) => hit.score)), terms.join(" ")).toEqual(
        rounded(theirs.map((r) => r.score)),
      );
      const scoreOf = new Map(
        index
          .search([...new Set(terms)].join(" "), { combineWith: "OR" })
          .map((r) => [String(r.id), r.score]),
      );
      for (const hit of ours) expect(scoreOf.get(hit.id)).toBeCloseTo(hit.score, 6);
    }
  });

  it("keeps only what the filter accepts, and forgets a removed sentence", () => {
    const accept = (id: string) => id.startsWith("a3#");
    const ours = topPassages(index, ["envoy", "delegation"], 10, accept);
    expect(ours.length).toBeGreaterThan(0);
    expect(ours.every((hit) => accept(hit.id))).toBe(true);
    expect(rounded(ours.map((h) => h.score))).toEqual(
      rounded(reference(index, ["envoy", "delegation"], 10, accept).map((r) => r.score)),
    );

    const copy = createSentenceIndex();
    copy.addAll(sentences);
    const best = topPassages(copy, ["deadline"], 1)[0];
    expect(best).toBeDefined();
    copy.discard(best?.id as string);
    expect(topPassages(copy, ["deadline"], 50).map((hit) => hit.id)).not.toContain(best?.id);
  });
});

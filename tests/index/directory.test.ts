/**
 * Finding entities by what users type: exact and partial names, typos, role phrases; quotes per
 * speaker (a person's include those of a body tied to them); autocomplete by prefix.
 */
import { describe, expect, it } from "vitest";
import { generateCorpus } from "../../bench/generate.js";
import { analyzeArticle } from "../../src/analysis/analyze.js";
import { NAME_PARTICLES } from "../../src/analysis/entities/lexicon.js";
import { combineAnalyses } from "../../src/corpus/combine.js";
import { completeEntityNames, getDirectory } from "../../src/index/directory.js";
import { wordsOf } from "../../src/index/name-query.js";
import { buildKnowledgeBase } from "../../src/store/build.js";
import { splitArticle } from "../../src/text/sentences.js";
import { analyze, seedArticle } from "../analysis/fixture.js";

const seed = seedArticle();
const analysis = combineAnalyses([analyzeArticle(seed, splitArticle(seed))]);
const directory = getDirectory(analysis);
const top = (query: string): string | undefined => directory.find(query)[0]?.entity.name;

describe("finding entities", () => {
  it.each([
    ["barnea", "David Barnea"],
    ["David Barnea", "David Barnea"],
    ["Mohammed", "Sheikh Mohammed bin Abdul Rahman Al Thani"],
    ["Blinkin", "Anthony Blinken"],
    ["Antony Blinken", "Anthony Blinken"],
    ["head of Mossad", "David Barnea"],
    ["Director of the CIA", "William Burns"],
    ["Qatari Prime Minister", "Sheikh Mohammed bin Abdul Rahman Al Thani"],
    ["Netanyahu", "Benjamin Netanyahu"],
    ["Hamas", "Hamas"],
    ["mossad", "Mossad"],
    ["Islamic Resistance Movement", "Hamas"],
  ])("%s -> %s", (query, name) => {
    expect(top(query)).toBe(name);
  });

  it("finds nothing for a name that is not there, and suggests close ones", () => {
    expect(directory.find("Zelensky")).toEqual([]);
    expect(directory.closest("Barnes")).toContain("William Burns");
  });

  it("is computed once per analysis object", () => {
    expect(getDirectory(analysis)).toBe(directory);
  });
});

describe("quotes by speaker", () => {
  it("lists a person's quotes in reading order within an article, whatever their type", () => {
    const blinken = directory.find("Blinken")[0]!.entity;
    expect(directory.quotesBy(blinken.id).map((entry) => [entry.quote.type, entry.quote.paragraph])).toEqual([
      ["direct", 3],
      ["direct", 4],
      ["indirect", 6],
      ["partial", 6],
      ["indirect", 7],
      ["indirect", 7],
    ]);
  });

  it("lists a body's statements under its person, labelled with the body", () => {
    const netanyahu = directory.find("Netanyahu")[0]!.entity;
    const entries = directory.quotesBy(netanyahu.id);
    expect(entries.map((entry) => [entry.quote.paragraph, entry.via?.name])).toEqual([
      [9, "Office of Prime Minister Benjamin Netanyahu"],
      [10, "Office of Prime Minister Benjamin Netanyahu"],
    ]);
  });

  it("puts newer articles first", () => {
    const merged = combineAnalyses([
      analyze(["“We are close,” Antony Blinken said."], "z-old", "2024-10-01"),
      analyze(["“We are closer,” Antony Blinken said."], "a-new", "2024-11-01"),
    ]);
    const dir = getDirectory(merged);
    const blinken = dir.find("Blinken")[0]!.entity;
    expect(dir.quotesBy(blinken.id).map((entry) => entry.quote.text)).toEqual([
      "We are closer,",
      "We are close,",
    ]);
  });
});

describe("autocomplete", () => {
  it("completes names by the start of any of their words", () => {
    expect(directory.complete("Bli")).toEqual(["Anthony Blinken"]);
    expect(directory.complete("wil")).toEqual(["William Burns"]);
    expect(directory.complete("sheikh mo")).toEqual(["Sheikh Mohammed bin Abdul Rahman Al Thani"]);
  });

  it("offers the most named entities for an empty prefix, within Discord's limits", () => {
    const names = directory.complete("", 25);
    expect(names.length).toBeGreaterThan(5);
    expect(names.length).toBeLessThanOrEqual(25);
    expect(names[0]).toBe("Anthony Blinken");
    for (const name of names) expect(name.length).toBeLessThanOrEqual(100);
  });
});

describe("autocomplete on one- and two-letter prefixes", () => {
  it("lists what a scan of every name would, most mentioned first", () => {
    const kb = buildKnowledgeBase(generateCorpus(40).articles.map((file) => file.article));
    const entities = kb.analysis.entities;
    const rank = entities
      .map((entity, i) => ({ i, weight: entity.mentions.length }))
      .sort((a, b) => b.weight - a.weight)
      .map(({ i }) => i);
    const wordsOfEntity = (i: number): string[] =>
      [entities[i]!.name, ...entities[i]!.aliases].flatMap(wordsOf).filter((w) => !NAME_PARTICLES.has(w));
    const prefixes = new Set(
      entities.flatMap((_, i) => wordsOfEntity(i).flatMap((w) => [w.slice(0, 1), w.slice(0, 2)])),
    );
    expect(prefixes.size).toBeGreaterThan(30);
    for (const prefix of [...prefixes, "zq"]) {
      const expected = rank.filter((i) => wordsOfEntity(i).some((w) => w.startsWith(prefix))).slice(0, 25);
      expect(completeEntityNames(kb, prefix, 25), prefix).toEqual(
        expected.map((i) => entities[i]!.name.slice(0, 100)),
      );
      expect(completeEntityNames(kb, prefix.toUpperCase(), 10)).toEqual(
        expected.slice(0, 10).map((i) => entities[i]!.name.slice(0, 100)),
      );
    }
  });
});

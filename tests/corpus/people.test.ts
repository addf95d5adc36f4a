/**
 * The optional knowledge/people.yaml: entries merge what the analysis kept apart, name and role it
 * as the operator says, and quotes follow; bad entries are reported, never thrown.
 */
import { describe, expect, it } from "vitest";
import { parsePeopleFile } from "../../src/analysis/entities/people-file.js";
import { combineAnalyses } from "../../src/corpus/combine.js";
import { applyPeopleFile } from "../../src/corpus/people.js";
import { analyze } from "../analysis/fixture.js";

describe("people.yaml", () => {
  const analysis = combineAnalyses([
    analyze(["US Secretary of State Antony Blinken arrived in Doha."], "a"),
    analyze(["Tony Blinken said that the talks would resume."], "b"),
  ]);

  it("keeps two spellings apart without the file (different first names)", () => {
    expect(
      analysis.entities
        .filter((e) => /Blinken/.test(e.name))
        .map((e) => e.name)
        .sort(),
    ).toEqual(["Antony Blinken", "Tony Blinken"]);
  });

  it("merges them with an entry, names and roles them as written there, and moves the quotes", () => {
    const { entries, problems } = parsePeopleFile(
      "- name: Antony Blinken\n  aliases: [Tony Blinken]\n  role: Secretary of State\n  affiliation: United States\n",
    );
    expect(problems).toEqual([]);
    const fixed = applyPeopleFile(analysis, entries);
    const blinkens = fixed.entities.filter((e) => /Blinken/.test(e.name));
    expect(blinkens).toHaveLength(1);
    expect(blinkens[0]).toMatchObject({
      name: "Antony Blinken",
      roles: ["Secretary of State", "US Secretary of State"],
      affiliation: "United States",
    });
    expect(blinkens[0]!.aliases).toContain("Tony Blinken");
    expect(fixed.quotes.map((q) => [q.speakerId, q.speaker])).toEqual([[blinkens[0]!.id, "Antony Blinken"]]);
    // The input analysis is left as it was.
    expect(analysis.entities.filter((e) => /Blinken/.test(e.name))).toHaveLength(2);
  });

  it("reports bad files and entries with a plain reason, and applies the good ones", () => {
    expect(parsePeopleFile("name: [").problems[0]).toMatch(/^Parley: people.yaml is not valid YAML/);
    expect(parsePeopleFile("name: x").problems).toEqual(["Parley: people.yaml must be a list of people"]);
    const mixed = parsePeopleFile(
      "- role: nobody\n- name: Joe Biden\n  aliases: Biden\n- name: Kamala Harris\n",
    );
    expect(mixed.problems).toEqual([
      "Parley: people.yaml entry 1 has no name",
      "Parley: people.yaml entry 2 (Joe Biden): aliases must be a list",
    ]);
    expect(mixed.entries.map((e) => e.name)).toEqual(["Kamala Harris"]);
    expect(applyPeopleFile(analysis, mixed.entries)).toBe(analysis);
  });
});

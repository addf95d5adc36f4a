/**
 * The eval's own logic on figures and names written here: the scorer output it reads, the name
 * figures of issue 10 (each rule shown to fire and to stay quiet), and the table it prints.
 */
import { describe, expect, it } from "vitest";
import { nameFigures, nameFlags, splitPairs, transliterationVariant } from "../../eval/names.js";
import { parseScorerOutput } from "../../eval/score.js";
import { attributionRows, type Column, nameRows, renderTable } from "../../eval/table.js";

const person = (id: string, name: string) => ({ id, kind: "person", name });
const body = (id: string, name: string) => ({ id, kind: "organisation", name });

/** A made-up export: people and bodies of an imaginary negotiation. */
const exported = {
  entities: [
    person("p1", "Farid Nassar"),
    person("p2", "Foreign Minister Lena Okafor"),
    person("p3", "Republican Dale Whitcombe"),
    person("p4", "Rep. Dale Whitcombe (R-Ohio)"),
    person("p5", "Nassar Thursday"),
    person("p6", "WE HAVE A DEAL"),
    person("p7", "PORT ELLIS —"),
    person("p8", "Bill Harrow"),
    person("p9", "William Harrow"),
    person("p10", "Omar al-Rashed"),
    person("p11", "Omar Al Rashed"),
    person("p12", "Samir al-Haddad"),
    person("p13", "Samir al-Hoddad"),
    person("p14", "Mark Kelston"),
    person("p15", "Mary Kelston"),
    person("p16", "Theresa May"),
    body("o1", "NATO"),
    body("o2", "Republican Party"),
    body("o3", "Sunday Courier"),
    body("o4", "Harbour Council Friday"),
    { id: "x1", kind: "place", name: "PORT ELLIS" },
  ],
};

describe("name figures", () => {
  it("flags what a canonical name should not carry, per kind", () => {
    const flags = Object.fromEntries(exported.entities.map((entity) => [entity.id, nameFlags(entity)]));
    expect(flags.p1).toEqual([]);
    expect(flags.p2).toEqual(["role"]);
    expect(flags.p3).toEqual(["party"]);
    expect(flags.p4).toEqual(["role", "party"]);
    expect(flags.p5).toEqual(["calendar"]);
    expect(flags.p6).toEqual(["capitals"]);
    expect(flags.p7).toEqual(["dateline", "capitals"]);
    expect(flags.p16).toEqual([]);
    // Bodies keep their own words: an acronym, a party's name, a paper named after a weekday.
    expect(flags.o1).toEqual([]);
    expect(flags.o2).toEqual([]);
    expect(flags.o3).toEqual([]);
    expect(flags.o4).toEqual(["calendar"]);
  });

  it("pairs persons split by a nickname, a particle's spelling or a transliteration, nothing else", () => {
    const pairs = splitPairs(exported.entities).map((pair) => `${pair.rule}:${pair.ids.join("+")}`);
    expect(pairs.sort()).toEqual(["nickname:p8+p9", "particle:p10+p11", "spelling:p12+p13"]);
  });

  it("tells a transliteration from another word", () => {
    expect(transliterationVariant("rashiq", "reshiq")).toBe(true);
    expect(transliterationVariant("mohamed", "mohammed")).toBe(true);
    expect(transliterationVariant("rubin", "rubio")).toBe(false);
    expect(transliterationVariant("africa", "african")).toBe(false);
    expect(transliterationVariant("mark", "mary")).toBe(false);
  });

  it("counts persons and bodies only", () => {
    const figures = nameFigures(exported.entities);
    expect(figures.entities).toBe(20);
    expect(figures.flagged.map((flagged) => flagged.id)).toEqual(["p2", "p3", "p4", "p5", "p6", "p7", "o4"]);
    expect(figures.byFlag).toEqual({ role: 2, party: 2, dateline: 1, calendar: 2, capitals: 2 });
    expect(figures.splits).toHaveLength(3);
  });
});

describe("scorer output", () => {
  const output = [
    "MISS  a1 q1 [direct] Someone: words",
    "WRONG a1 q2 gold=X pred=Y: words",
    '{"gold": 10, "found": 8, "right": 6, "wrong": 1, "vague": 0, "unattr": 1, "pred": 12, "pred_attr": 7, "spurious": 3, "piece": 1, "by_type": {"indirect": "2/5", "direct": "4/5"}}',
    "quotes: 6/10 right ...",
  ].join("\n");

  it("reads the figures after the verbose lines", () => {
    const { figures, details } = parseScorerOutput(output);
    expect(details).toEqual(["MISS  a1 q1 [direct] Someone: words", "WRONG a1 q2 gold=X pred=Y: words"]);
    expect(figures).toMatchObject({ gold: 10, right: 6, wrong: 1, unattributed: 1, spurious: 3, pieces: 1 });
    expect(figures.recall).toBeCloseTo(0.6);
    expect(figures.precision).toBeCloseTo(6 / 7);
    expect(figures.byType).toEqual({ indirect: { right: 2, gold: 5 }, direct: { right: 4, gold: 5 } });
  });

  it("refuses output without figures", () => {
    expect(() => parseScorerOutput("quotes: nothing\n")).toThrow(/no figures/);
  });
});

describe("the table", () => {
  const figures = parseScorerOutput(
    '{"gold": 1200, "right": 600, "wrong": 30, "vague": 0, "unattr": 5, "pred": 900, "spurious": 100, "by_type": {"indirect": "200/700", "partial": "1/2", "direct": "399/498"}}',
  ).figures;

  it("gives recall by type in reading order, precision and the counts", () => {
    const rows = attributionRows(figures).figures;
    expect(rows.map((row) => row.label.trim())).toEqual([
      "recall",
      "direct",
      "partial",
      "indirect",
      "speaker precision",
      "wrong speakers",
      "vague speakers",
      "unattributed",
      "not in gold / predictions",
    ]);
    expect(rows[0]!.value).toBe("0.50 (600/1,200)");
    expect(rows[4]!.value).toBe("0.952");
    expect(rows[8]!.value).toBe("100 / 900");
  });

  it("puts one column per set and leaves a suite's missing rows blank", () => {
    const dates = { suite: "Dates", figures: [{ label: "events found", value: "7" }] };
    const columns: Column[] = [
      { set: "one", suites: [attributionRows(figures), nameRows(nameFigures(exported.entities))] },
      { set: "two", suites: [dates] },
    ];
    const lines = renderTable(columns).split("\n");
    expect(lines[0]).toMatch(/^\s+one\s+two$/);
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}recall\s+0\.50 \(600\/1,200\)\s+–$/));
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}names not clean\s+7 \/ 20\s+–$/));
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}persons split in two\s+3\s+–$/));
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}events found\s+–\s+7$/));
    expect(lines.filter((line) => line.startsWith("Dates"))).toHaveLength(1);
  });
});

/**
 * Role-only mentions ("the Qatari Prime Minister") tied to the one person the articles name with that
 * role, within an article (src/analysis/entities/entities.ts) and across articles
 * (src/corpus/combine.ts); two holders, no holder, another year or a role every country has: apart.
 * Short texts of our own.
 */
import { describe, expect, it } from "vitest";
import { officeKey } from "../../src/analysis/entities/offices.js";
import type { Analysis } from "../../src/analysis/types.js";
import { answerCommand } from "../../src/answers/dispatch.js";
import type { Answer } from "../../src/answers/types.js";
import { combineAnalyses } from "../../src/corpus/combine.js";
import { analyze, article, knowledgeBase } from "../analysis/fixture.js";

interface Piece {
  id: string;
  published: string;
  paragraphs: string[];
}

function combine(...pieces: Piece[]): Analysis {
  return combineAnalyses(pieces.map((p) => analyze(p.paragraphs, p.id, p.published)));
}

/** Who is said to have said `text`: the speaker's name and kind. */
function speakerOf(analysis: Analysis, text: string): string {
  const quote = analysis.quotes.find((q) => q.text.includes(text));
  return `${quote?.speaker ?? "none"}|${quote?.speakerKind ?? ""}|${quote?.speakerId ?? ""}`;
}

const named: Piece = {
  id: "named",
  published: "2024-10-20",
  paragraphs: ["Qatari Prime Minister Ivo Marsh met the envoys in Doha on Friday."],
};
const roleOnly: Piece = {
  id: "role",
  published: "2024-10-24",
  paragraphs: ["The Qatari Prime Minister said on Thursday that the talks would go on."],
};

describe("role-only mentions", () => {
  it("within an article: the role joins the one person named with it", () => {
    const analysis = analyze([
      "Qatari Prime Minister Ivo Marsh arrived on Friday.",
      "The Qatari Prime Minister said the talks would go on.",
    ]);
    expect(analysis.entities.filter((e) => e.kind === "person").map((e) => e.name)).toEqual(["Ivo Marsh"]);
    expect(analysis.quotes[0]?.speaker).toBe("Ivo Marsh");
  });

  it("across articles: tied to the one person another article names with that role; /quote finds it", () => {
    const analysis = combine(named, roleOnly);
    const people = analysis.entities.filter((e) => e.kind === "person");
    expect(people.map((e) => e.name)).toEqual(["Ivo Marsh"]);
    expect(people[0]?.aliases).toEqual([]);
    expect(people[0]?.mentions.map((m) => m.form)).toContain("role");
    expect(speakerOf(analysis, "talks would go on")).toBe(`Ivo Marsh|person|${people[0]?.id}`);
  });

  it("no one named with the role: no entity, the quote keeps the role as a description", () => {
    const analysis = combine(roleOnly);
    expect(analysis.entities.filter((e) => e.kind === "person")).toEqual([]);
    expect(speakerOf(analysis, "talks would go on")).toBe("Qatari Prime Minister|anonymous|");
  });

  it("two people named with the role, or one a year and more before: kept apart", () => {
    const other: Piece = {
      id: "other",
      published: "2024-09-01",
      paragraphs: ["Qatari Prime Minister Ada Rell resigned on Monday."],
    };
    expect(speakerOf(combine(named, other, roleOnly), "talks would go on")).toBe(
      "Qatari Prime Minister|anonymous|",
    );
    const old: Piece = { ...named, published: "2022-06-01" };
    expect(speakerOf(combine(old, roleOnly), "talks would go on")).toBe("Qatari Prime Minister|anonymous|");
  });

  it("written in lower case after a demonym ('the Qatari prime minister'), within and across articles", () => {
    const within = analyze([
      "Qatari Prime Minister Ivo Marsh arrived on Friday.",
      "The talks will go on, the Qatari prime minister said on Saturday.",
    ]);
    expect(within.quotes[0]?.speaker).toBe("Ivo Marsh");
    const lower: Piece = {
      ...roleOnly,
      paragraphs: ["The talks would go on, the Qatari prime minister said."],
    };
    expect(speakerOf(combine(named, lower), "talks would go on")).toContain("Ivo Marsh|person|");
  });

  it("a role many hold at once ('the Qatari Official') is tied to no one", () => {
    const official: Piece = {
      id: "official",
      published: "2024-10-24",
      paragraphs: ["The talks would go on, the Qatari Official said."],
    };
    const titled: Piece = { ...named, paragraphs: ["Qatari Official Ivo Marsh met the envoys in Doha."] };
    expect(speakerOf(combine(titled, official), "talks would go on")).not.toContain("Ivo Marsh");
  });

  it("a role every country has ('the Prime Minister') is tied to no one across articles", () => {
    const plain: Piece = {
      id: "plain",
      published: "2024-10-24",
      paragraphs: ["The Prime Minister said on Thursday that the talks would go on."],
    };
    const mine: Piece = { ...named, paragraphs: ["Prime Minister Ivo Marsh met the envoys on Friday."] };
    expect(speakerOf(combine(mine, plain), "talks would go on")).not.toContain("Ivo Marsh");
  });
});

describe("role-only mentions: one office however it is worded", () => {
  const worded = (id: string, paragraph: string): Piece => ({
    id,
    published: "2024-10-24",
    paragraphs: [paragraph],
  });

  it("a country's name, a possessive or an 'of' phrase for the demonym: tied across articles", () => {
    for (const sentence of [
      "Qatar’s prime minister said on Thursday that the talks would go on.",
      "Qatar's Prime Minister said on Thursday that the talks would go on.",
      "The talks would go on, the prime minister of Qatar told reporters on Thursday.",
      "The Prime Minister of Qatar arrived on Thursday and the talks would go on.",
    ]) {
      const analysis = combine(named, worded("role", sentence));
      const people = analysis.entities.filter((e) => e.kind === "person");
      expect(
        people.map((e) => e.name),
        sentence,
      ).toEqual(["Ivo Marsh"]);
      expect(
        people[0]?.mentions.map((m) => m.form),
        sentence,
      ).toContain("role");
    }
  });

  it("named as 'Qatar’s Prime Minister', tied to 'the Qatari prime minister' elsewhere; the quote too", () => {
    const possessive: Piece = {
      ...named,
      paragraphs: ["Qatar’s Prime Minister Ivo Marsh met the envoys in Doha on Friday."],
    };
    const lower = worded("role", "The talks would go on, the Qatari prime minister said.");
    expect(speakerOf(combine(possessive, lower), "talks would go on")).toContain("Ivo Marsh|person|");
  });

  it("within an article: 'Qatar’s prime minister' joins the person named 'Qatari Prime Minister'", () => {
    const analysis = analyze([
      "Qatari Prime Minister Ivo Marsh arrived on Friday.",
      "Qatar’s prime minister said the talks would go on.",
    ]);
    expect(analysis.entities.filter((e) => e.kind === "person").map((e) => e.name)).toEqual(["Ivo Marsh"]);
    expect(analysis.quotes[0]?.speaker).toBe("Ivo Marsh");
  });

  it("another country, another office or two holders in the same year: kept apart", () => {
    const egypt = worded("role", "Egypt’s prime minister said on Thursday that the talks would go on.");
    expect(speakerOf(combine(named, egypt), "talks would go on")).not.toContain("Ivo Marsh");
    const foreign = worded("role", "Qatar’s foreign minister said on Thursday that the talks would go on.");
    expect(speakerOf(combine(named, foreign), "talks would go on")).not.toContain("Ivo Marsh");
    const former = worded(
      "role",
      "Qatar’s former prime minister said on Thursday that the talks would go on.",
    );
    expect(speakerOf(combine(named, former), "talks would go on")).not.toContain("Ivo Marsh");
    const rival: Piece = {
      id: "rival",
      published: "2024-08-01",
      paragraphs: ["Ada Rell, the prime minister of Qatar, resigned on Monday."],
    };
    const possessive = worded("role", "Qatar’s prime minister said on Thursday that the talks would go on.");
    const people = combine(named, rival, possessive).entities.filter((e) => e.kind === "person");
    expect(people.map((e) => e.name).sort()).toEqual(["Ada Rell", "Ivo Marsh"]);
    expect(people.flatMap((e) => e.mentions).filter((m) => m.articleId === "role")).toEqual([]);
  });

  it("a named person's two offices ('Prime Minister and Foreign Minister') both tie", () => {
    const both: Piece = {
      ...named,
      paragraphs: ["Qatari Prime Minister and Foreign Minister Ivo Marsh met the envoys on Friday."],
    };
    const foreign = worded("role", "The talks would go on, the Qatari foreign minister said.");
    expect(speakerOf(combine(both, foreign), "talks would go on")).toContain("Ivo Marsh|person|");
  });
});

describe("/who on a person tied by role: the most recent role first, each with its article", () => {
  it("lists each wording where it was written, newest article first", () => {
    const kb = knowledgeBase([
      article(
        "2024-10-28-late",
        ["The talks would go on, the prime minister of Qatar told reporters."],
        "2024-10-28",
      ),
      article("2024-10-01-early", ["Qatari Prime Minister Ivo Marsh met the envoys in Doha."], "2024-10-01"),
      article("2024-10-14-middle", ["Qatar’s prime minister said the talks would go on."], "2024-10-14"),
    ]);
    const reply = answerCommand(kb, "who", { name: "Marsh" }) as Answer;
    expect(reply.entity?.name).toBe("Ivo Marsh");
    expect(reply.entity?.roleSources.map((source) => [source.role, source.articleId])).toEqual([
      ["the prime minister of Qatar", "2024-10-28-late"],
      ["Qatar’s prime minister", "2024-10-14-middle"],
      ["Qatari Prime Minister", "2024-10-01-early"],
    ]);
    expect(reply.facts.find((fact) => fact.label === "Roles")?.value).toBe(
      "the prime minister of Qatar (Test Outlet, 28 Oct 2024); Qatar’s prime minister (Test Outlet, 14 Oct 2024); Qatari Prime Minister (Test Outlet, 1 Oct 2024)",
    );
  });
});

describe("office keys (src/analysis/entities/offices.ts)", () => {
  it("one key for a country however written; other words, a second country or another possessive stay", () => {
    const qatar = officeKey("the Qatari Prime Minister");
    expect(
      ["Qatar’s prime minister", "the prime minister of Qatar", "Qatar's Prime Minister"].map(officeKey),
    ).toEqual([qatar, qatar, qatar]);
    expect(officeKey("the director of the CIA")).toBe(officeKey("CIA Director"));
    expect(officeKey("U.S. President")).toBe(officeKey("the American president"));
    expect(officeKey("Qatar’s foreign minister")).not.toBe(qatar);
    expect(officeKey("the US ambassador to Israel")).not.toBe(officeKey("the Israeli ambassador"));
    expect(officeKey("Editor’s")).not.toBe(officeKey("Editor"));
  });
});

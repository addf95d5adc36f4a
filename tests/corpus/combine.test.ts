/**
 * Combining articles: the same person named differently in two articles becomes one entity (with
 * every name, role and mention), quotes point at the merged entity, and different people who share
 * a surname stay apart.
 */
import { describe, expect, it } from "vitest";
import { combineAnalyses } from "../../src/corpus/combine.js";
import { analyze } from "../analysis/fixture.js";

describe("combineAnalyses", () => {
  const first = analyze(
    ["US Secretary of State Anthony Blinken arrived in Doha.", "“We are close,” Blinken said."],
    "2024-10-24-a",
  );
  const second = analyze(
    [
      "Secretary of State Antony Blinken met Prime Minister Benjamin Netanyahu.",
      "Netanyahu said that Israel would send a delegation.",
      "Blinken added that the plan was still on the table.",
    ],
    "2024-10-25-b",
  );
  const third = analyze(["Blinken said: “Hamas must accept the deal.”"], "2024-10-26-c");
  const combined = combineAnalyses([first, second, third]);
  const blinkens = combined.entities.filter((e) => e.kind === "person" && /blinken/i.test(e.name));

  it("merges first-name spellings and surname-only articles into one person", () => {
    expect(blinkens).toHaveLength(1);
    const blinken = blinkens[0]!;
    expect([blinken.name, ...blinken.aliases].sort()).toEqual([
      "Anthony Blinken",
      "Antony Blinken",
      "Blinken",
    ]);
    expect(blinken.roles).toEqual(["US Secretary of State", "Secretary of State"]);
    expect(new Set(blinken.mentions.map((m) => m.articleId))).toEqual(
      new Set(["2024-10-24-a", "2024-10-25-b", "2024-10-26-c"]),
    );
  });

  it("points every quote at the merged entity and its canonical name", () => {
    const blinken = blinkens[0]!;
    const byBlinken = combined.quotes.filter((q) => /Blinken/.test(q.speakerAsWritten ?? ""));
    // Shown or below the threshold (candidate), the id is remapped to the merged entity.
    expect(
      byBlinken.map((q) => [q.articleId, q.speakerId ?? q.candidateId, q.speaker ?? q.candidate]),
    ).toEqual([
      ["2024-10-24-a", blinken.id, blinken.name],
      ["2024-10-25-b", blinken.id, blinken.name],
      ["2024-10-26-c", blinken.id, blinken.name],
    ]);
    const netanyahu = combined.entities.find((e) => e.name === "Benjamin Netanyahu")!;
    const byNetanyahu = combined.quotes.find((q) => q.speakerAsWritten === "Netanyahu");
    expect(byNetanyahu?.speakerId ?? byNetanyahu?.candidateId).toBe(netanyahu.id);
  });

  it("keeps people who only share a surname apart, and an ambiguous surname unmerged", () => {
    const family = combineAnalyses([
      analyze(["US President Joe Biden spoke on Monday."], "a"),
      analyze(["Hunter Biden spoke on Tuesday."], "b"),
      analyze(["Biden said that the deal was close."], "c"),
    ]);
    const bidens = family.entities.filter((e) => /Biden/.test(e.name));
    expect(bidens.map((e) => e.name).sort()).toEqual(["Biden", "Hunter Biden", "Joe Biden"]);
    // The quote of article c stays with "Biden" as written there: not given to Joe or Hunter.
    const quote = family.quotes.find((q) => q.articleId === "c")!;
    expect(quote.speaker).toBe("Biden");
  });

  it("merges a person's office across articles and keeps it linked to the merged person", () => {
    const merged = combineAnalyses([
      analyze(["Prime Minister Benjamin Netanyahu’s office said that talks would resume."], "a"),
      analyze(["Benjamin Netanyahu's office said that a delegation would go to Cairo."], "b"),
    ]);
    const netanyahu = merged.entities.find((e) => e.name === "Benjamin Netanyahu")!;
    const offices = merged.entities.filter((e) => e.linkedTo === netanyahu.id);
    expect(offices).toHaveLength(1);
    // The merge remaps the proposed speaker whether it is shown or below the threshold (candidate).
    expect(merged.quotes.map((q) => q.speakerId ?? q.candidateId)).toEqual([offices[0]!.id, offices[0]!.id]);
  });

  it("is plain JSON: an article analysis survives a round trip through JSON unchanged", () => {
    expect(JSON.parse(JSON.stringify(second))).toEqual(second);
    expect(combineAnalyses([JSON.parse(JSON.stringify(first)), second, third])).toEqual(combined);
  });
});

/**
 * The shipped article against the hand-checked gold (../shared/eval/seed-gold.json): every quote
 * with its speaker, speaker as written, type, cue and verbatim text; every person with the role as
 * written; and no quote given to anyone the gold does not give it to.
 */
import { describe, expect, it } from "vitest";
import { analyzeArticle } from "../../src/analysis/analyze.js";
import type { Analysis } from "../../src/analysis/types.js";
import { combineAnalyses } from "../../src/corpus/combine.js";
import { splitArticle } from "../../src/text/sentences.js";
import { seedArticle, seedGold } from "./fixture.js";

const seed = seedArticle();
const analysis: Analysis = combineAnalyses([analyzeArticle(seed, splitArticle(seed))]);

describe("quotes of the shipped article", () => {
  it.each(seedGold.quotes.map((gold) => [gold.id, gold] as const))(
    "%s is found and attributed as the gold says",
    (_, gold) => {
      const found = analysis.quotes.filter((q) => q.paragraph === gold.paragraph && q.text === gold.text);
      expect(found, `no quote with text “${gold.text}” in ¶${gold.paragraph}`).toHaveLength(1);
      const quote = found[0]!;
      expect(quote.speaker).toBe(gold.speaker);
      expect(quote.speakerAsWritten).toBe(gold.speaker_as_written);
      expect(quote.type).toBe(gold.type);
      expect(quote.cue).toBe(gold.cue);
    },
  );

  it("gives no quote to a speaker the gold does not", () => {
    const expected = new Set(seedGold.quotes.map((gold) => `${gold.paragraph}|${gold.text}|${gold.speaker}`));
    const attributed = analysis.quotes.filter((q) => q.speaker !== null);
    for (const quote of attributed) {
      expect(
        expected.has(`${quote.paragraph}|${quote.text}|${quote.speaker}`),
        `unexpected ${JSON.stringify(quote)}`,
      ).toBe(true);
    }
    expect(attributed).toHaveLength(seedGold.quotes.length);
  });

  it("points named speakers at their entities, and leaves anonymous ones without an id", () => {
    for (const quote of analysis.quotes) {
      const gold = seedGold.quotes.find((g) => g.paragraph === quote.paragraph && g.text === quote.text)!;
      if (gold.speaker_kind === "anonymous") {
        expect(quote.speakerId).toBeNull();
        expect(quote.speakerKind).toBe("anonymous");
        expect(quote.cueKind).toBe("opinion");
      } else {
        const entity = analysis.entities.find((e) => e.id === quote.speakerId);
        expect(entity?.name).toBe(gold.speaker);
        expect(quote.cueKind).toBe("speech");
      }
    }
  });
});

describe("people of the shipped article", () => {
  it.each(seedGold.people.map((gold) => [gold.name, gold] as const))(
    "%s: name, role as written, every mention",
    (_, gold) => {
      const person = analysis.entities.find((e) => e.kind === "person" && e.name === gold.name);
      expect(person, `no person named ${gold.name}`).toBeDefined();
      expect(person!.roles).toContain(gold.role);
      const written = new Set(person!.mentions.map((m) => m.text));
      for (const form of gold.as_written) {
        // Netanyahu is written only as the owner of his office: that mention belongs to the office.
        const owner = analysis.entities.find((e) => e.linkedTo === person!.id);
        const ownerForms = new Set(owner?.mentions.map((m) => m.text) ?? []);
        expect(written.has(form) || ownerForms.has(form), `${gold.name} written “${form}”`).toBe(true);
      }
      if (person!.affiliation !== null) expect(person!.affiliation).toBe(gold.affiliation);
    },
  );

  it("resolves the role-only mention of ¶9 to Sheikh Mohammed", () => {
    const sheikh = analysis.entities.find((e) => e.name === "Sheikh Mohammed bin Abdul Rahman Al Thani")!;
    expect(sheikh.mentions).toContainEqual(
      expect.objectContaining({
        paragraph: 9,
        form: "role",
        text: "the Qatari Prime Minister and Foreign Minister",
      }),
    );
  });

  it("keeps bodies tied to a person as organisations linked to that person", () => {
    const netanyahu = analysis.entities.find((e) => e.name === "Benjamin Netanyahu")!;
    const office = analysis.entities.find((e) => e.linkedTo === netanyahu.id);
    expect(office).toMatchObject({
      kind: "organisation",
      name: "Office of Prime Minister Benjamin Netanyahu",
    });
    const biden = analysis.entities.find((e) => e.name === "Joe Biden")!;
    expect(analysis.entities.find((e) => e.linkedTo === biden.id)).toMatchObject({
      kind: "organisation",
      name: "Biden administration",
    });
  });

  it("finds the bodies and places too, Hamas and Mossad under their full names", () => {
    const names = analysis.entities.map((e) => [e.kind, e.name, ...e.aliases].join("|"));
    expect(names).toContain("organisation|Islamic Resistance Movement|Hamas");
    expect(names).toContain("organisation|Israeli Foreign Intelligence Service|Mossad");
    expect(names).toContain("organisation|CIA");
    expect(names).toContain("place|Doha");
  });
});

/**
 * One person under every form across articles (src/analysis/entities/name-variants.ts, used by src/corpus/combine.ts): nickname pairs,
 * transliterations, particles written together, an optional initial; two people who share a
 * surname, or two different initials, stay apart.
 */
import { describe, expect, it } from "vitest";
import { combineAnalyses } from "../../src/corpus/combine.js";
import { analyze } from "../analysis/fixture.js";

/** The people of several one-paragraph articles after combining, as sorted name lists. */
function people(...articles: string[]): string[][] {
  const parts = articles.map((text, i) => analyze([text], `a${i}`));
  return combineAnalyses(parts)
    .entities.filter((e) => e.kind === "person")
    .map((e) => [e.name, ...e.aliases].sort());
}

describe("merging across articles", () => {
  it("a nickname pair is one person (Bill/William)", () => {
    expect(people("Bill Harrow spoke on Monday.", "William Harrow spoke on Tuesday.")).toHaveLength(1);
  });

  it("a nickname with a middle initial on one side only is one person, unless another initial is known", () => {
    expect(people("Ed Marlowe spoke.", "Edward G. Marlowe spoke.")).toHaveLength(1);
    expect(people("Ed Marlowe Jr. spoke.", "Edward G. Marlowe Jr. spoke.")).toHaveLength(1);
    expect(people("Ed Marlowe Jr. spoke.", "Edward Marlowe Sr. spoke.")).toHaveLength(2);
    expect(people("Ed Marlowe spoke.", "Edward G. Marlowe spoke.", "Edward T. Marlowe spoke.")).toHaveLength(
      3,
    );
  });

  it("a transliteration one vowel apart is one person (al-Rashiq/al-Reshiq)", () => {
    expect(people("Ezzat al-Rashiq said no.", "Ezzat al-Reshiq said yes.")).toHaveLength(1);
  });

  it("particles in another case or with a hyphen are one person", () => {
    expect(people("Hamad Al-Kuwari said no.", "Hamad al Kuwari said yes.")).toHaveLength(1);
  });

  it("particles written together are one person (Abdul Rahman/Abdulrahman)", () => {
    expect(people("Mohammed bin Abdul Rahman spoke.", "Mohammed bin Abdulrahman spoke.")).toHaveLength(1);
  });

  it("an optional middle initial is one person, unless two initials differ", () => {
    expect(people("Donald K. Harlow spoke.", "Donald Harlow spoke.")).toHaveLength(1);
    expect(people("George W. Calder spoke.", "George T. Calder spoke.", "George Calder spoke.")).toHaveLength(
      3,
    );
  });

  it("middle names left out are one person (first and last name agree)", () => {
    expect(
      people("Sheikh Hamad bin Khalid bin Saud Al Nasser spoke.", "Sheikh Hamad bin Khalid Al Nasser spoke."),
    ).toHaveLength(1);
  });

  it("within one article too: a nickname and a name without its middle names", () => {
    const article = analyze([
      "Envoy William Harrow met Hamad bin Khalid bin Saud Al Nasser.",
      "Later Hamad bin Khalid Al Nasser said Bill Harrow had left.",
    ]);
    expect(article.entities.filter((e) => e.kind === "person").map((e) => e.name)).toEqual([
      "Hamad bin Khalid bin Saud Al Nasser",
      "William Harrow",
    ]);
  });

  it("two people who share a surname stay apart, and other one-letter differences too", () => {
    expect(people("Joe Marden spoke.", "Hunter Marden spoke.")).toHaveLength(2);
    expect(people("Sam Rubin spoke.", "Sam Rubio spoke.")).toHaveLength(2);
  });

  it("roles as written, the most recent article's first", () => {
    const analysis = combineAnalyses([
      analyze(["Governor Nora Pike spoke."], "old", "2024-01-10"),
      analyze(["Senator Nora Pike spoke."], "new", "2024-06-10"),
    ]);
    expect(analysis.entities.find((e) => e.kind === "person")?.roles).toEqual(["Senator", "Governor"]);
  });

  it("the canonical name is the full name most articles use", () => {
    const analysis = combineAnalyses(
      ["Hillary Rodham Bexley spoke.", "Hillary Bexley spoke.", "Hillary Bexley said more."].map((text, i) =>
        analyze([text], `c${i}`),
      ),
    );
    const person = analysis.entities.find((e) => e.kind === "person");
    expect(person?.name).toBe("Hillary Bexley");
    expect(person?.aliases).toContain("Hillary Rodham Bexley");
  });

  it("a body goes by the everyday name most articles use, the long form another name", () => {
    const analysis = combineAnalyses(
      [
        "The Northern Liberation Front said it agreed.",
        "The NLF will send a team, the Northern Liberation Front (NLF) said.",
        "The NLF said no.",
      ].map((text, i) => analyze([text], `b${i}`)),
    );
    const bodies = analysis.entities.filter((e) => e.kind === "organisation");
    expect(bodies.map((e) => e.name)).toEqual(["NLF"]);
    expect(bodies[0]?.aliases).toEqual(["Northern Liberation Front"]);
  });
});

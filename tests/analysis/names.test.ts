/**
 * Entity names on short texts of our own, one rule at a time (src/analysis/README.md, Entities):
 * a canonical name is the name only, the title goes to the role as written, and what is not a name
 * (datelines, shouted runs, sentence words, weekdays, headline verbs, bodies, places) is no person.
 */
import { describe, expect, it } from "vitest";
import { analyze } from "./fixture.js";

/** The entities of a text as "kind|name|role; role". */
function entities(paragraphs: string[]): string[] {
  return analyze(paragraphs).entities.map((e) => `${e.kind}|${e.name}|${e.roles.join("; ")}`);
}

/** The names of the people of a text. */
function people(paragraphs: string[]): string[] {
  return analyze(paragraphs)
    .entities.filter((e) => e.kind === "person")
    .map((e) => e.name);
}

describe("the title goes to the role, the name stays the name", () => {
  it("an abbreviated title and a middle initial join the run (Rep., Sen., J.)", () => {
    expect(entities(["Ohio Rep. Dana Whitcombe said the bill would pass."])).toContain(
      "person|Dana Whitcombe|Ohio Rep.",
    );
    expect(people(["Senator Marta J. Okafor said the bill would pass."])).toEqual(["Marta J. Okafor"]);
  });

  it("a title after a body: the whole phrase is the role ('Acme Corp CEO', 'Senate Majority Leader')", () => {
    expect(entities(["Harbor Mills CEO Tomas Reyland said profits fell."])).toContain(
      "person|Tomas Reyland|Harbor Mills CEO",
    );
    expect(entities(["Senate Majority Leader Ruth Calder said the vote was set."])).toContain(
      "person|Ruth Calder|Senate Majority Leader",
    );
  });

  it("a party word or descriptor before a name is the role", () => {
    expect(entities(["Republican Gerald Vance said he would win."])).toContain(
      "person|Gerald Vance|Republican",
    );
    expect(entities(["Former Ilse Brandt said nothing.", "Rival Otto Brandt left."])).toEqual(
      expect.arrayContaining(["person|Ilse Brandt|Former", "person|Otto Brandt|Rival"]),
    );
  });

  it("a demonym alone is a role only before a full name (not 'American Express')", () => {
    expect(entities(["Chilean Rosa Ibarra arrived in Doha."])).toContain("person|Rosa Ibarra|Chilean");
    expect(people(["She paid with American Express on Monday."])).not.toContain("Express");
  });

  it("a plural title opening a run is the role, not part of the name", () => {
    expect(entities(["Senators Ann Lee and Bo Park wrote the letter."])).toEqual([
      "person|Ann Lee|Senators",
      "person|Bo Park|",
    ]);
  });

  it("then- and ex- titles are titles", () => {
    expect(entities(["It followed a visit by then-Secretary of State Lena Holt in May."])).toContain(
      "person|Lena Holt|then-Secretary of State",
    );
  });

  it("an honorific opens a name but is the name further in (Larry King)", () => {
    expect(people(["They met Hal King and Dora Weiss."])).toEqual(["Hal King", "Dora Weiss"]);
  });
});

describe("roles never run across a list of people", () => {
  it("a role after 'and' starts after it", () => {
    const found = entities(["Prime Minister Omar Haddad and Egyptian intelligence chief Samir Fawzi met."]);
    expect(found).toContain("person|Samir Fawzi|Egyptian intelligence chief");
    expect(found).toContain("person|Omar Haddad|Prime Minister");
  });

  it("no role ends in 'and', and a name after 'of' holds none", () => {
    const found = entities(["Guests included Hal King and Ed Lowell.", "Senator Ivo Marsh of Kansas spoke."]);
    expect(found).toContain("person|Ed Lowell|");
    expect(found.filter((e) => e.includes("Kansas"))).not.toContain("person|Kansas|Senator Ivo Marsh of");
    expect(found.some((e) => e.startsWith("person|Kansas"))).toBe(false);
  });
});

describe("what is not a person", () => {
  it("a dateline opening the story", () => {
    expect(people(["PORT ELLIS — Talks resumed on Monday, officials said."])).toEqual([]);
    expect(entities(["KENT (Wire) - Talks resumed on Monday, officials said."])).toEqual([]);
  });

  it("a run of words in capitals", () => {
    expect(people(["The post read: WE HAVE A DEAL, THANK YOU."])).toEqual([]);
  });

  it("a sentence-initial word wink tags as a preposition, auxiliary or adverb", () => {
    expect(people(["Unlike Northfield, the firm paid.", "Maybe Vance knew."])).toEqual([]);
    expect(people(["Does Gerald Vance know?"])).toEqual(["Gerald Vance"]);
  });

  it("a sentence-initial 'Will' before a name is a first name, unless the sentence asks", () => {
    expect(people(["Will Dorrance said the bill would pass."])).toEqual(["Will Dorrance"]);
    expect(people(["Will Dorrance accept the offer?"])).not.toContain("Will Dorrance");
  });

  it("a weekday glued to a name, and an 'X Day' event", () => {
    expect(people(["Mayor Tilda Marsh Friday said the roads were open."])).toEqual(["Tilda Marsh"]);
    expect(entities(["The talks in Qatar Friday went well.", "In March Hamas said no."])).toEqual([
      "place|Qatar|",
      "organisation|Hamas|",
    ]);
    expect(people(["He spoke on Founders Day in the capital."])).toEqual([]);
  });

  it("a headline inside the text splits at its verbs and function words", () => {
    expect(
      people(["The banner read Gerald Vance Says Ruth Calder Was Wrong On Taxes, and it sold."]),
    ).toEqual(["Gerald Vance", "Ruth Calder"]);
  });

  it("a headline or subheading names no one of its own; its names join those of the sentences", () => {
    const analysis = analyze([
      "Ceasefire Talks Stall Again as Envoys Leave",
      "Gerald Vance Says Harbor Deal Is Near",
      "Gerald Vance spoke to reporters on the pier.",
    ]);
    const found = analysis.entities.map((e) => `${e.kind}|${e.name}|${e.mentions.length}`);
    expect(found).toEqual(["person|Gerald Vance|2"]);
  });

  it("a title with no name after it is a role, not a person; a title that is also a surname stays a name", () => {
    expect(people(["The Kansas Governor said the roads were open."])).toEqual([]);
    expect(people(["Nora Judge said the roads were open."])).toEqual(["Nora Judge"]);
    expect(entities(["Ohio Lt. Gov. Nora Judge spoke."])).toContain("person|Nora Judge|Ohio Lt. Gov.");
  });

  it("a letter cut from a shouted word, then more capitals", () => {
    expect(people(["The banner read IT'S WORKING and people cheered."])).toEqual([]);
    expect(people(["The sign read VOTE NORA B. JUDGE TODAY."])).toEqual([]);
  });

  it("a trailing party word and a party tag", () => {
    expect(people(["He spoke at the Kent County Republican office."])).toEqual([]);
    expect(people(["Sen. Ivo Marsh (R-Kan.) said no."])).toEqual(["Ivo Marsh"]);
  });

  it("bodies, works, events, places and groups", () => {
    const found = entities([
      "The Clean Water Act passed, the Harbor Daily Journal wrote.",
      "Senate Republicans met at Kent County after the Iraq War.",
      "The U.S. Department of Justice and the House Ethics and Budget Committee replied.",
    ]);
    expect(found.filter((e) => e.startsWith("person|"))).toEqual([]);
    expect(found).toEqual(
      expect.arrayContaining([
        "organisation|Clean Water Act|",
        "organisation|Senate Republicans|",
        "place|Kent County|",
        "organisation|House Ethics and Budget Committee|",
      ]),
    );
  });

  it("a lone body word is a body, except after a courtesy title; a lone word after 'of' says nothing", () => {
    const found = entities([
      "Senator Ivo Marsh of Nebraska said the Foundation would pay.",
      "Mr. Post disagreed.",
    ]);
    expect(found).toEqual(expect.arrayContaining(["organisation|Foundation|", "person|Post|"]));
    expect(found.some((e) => e.includes("Nebraska"))).toBe(false);
  });

  it("a bare name after 'the' is a work or body, not a person (but 'the Lee administration' is Lee's)", () => {
    const found = entities([
      "He is the Lanford Candidate after all, wrote the local paper, the Perry Courier.",
      "The Marsh administration said no. Ivo Marsh agreed.",
    ]);
    expect(found.filter((e) => e.startsWith("person|"))).toEqual(["person|Ivo Marsh|"]);
    expect(found).toEqual(
      expect.arrayContaining(["organisation|Perry Courier|", "organisation|Marsh administration|"]),
    );
  });

  it("a palace, a hotel, a crossing or an atoll is a place", () => {
    const found = entities([
      "Envoys met at the Rosewood Palace, then at the Grand Harbor Hotel near the Kerem Crossing.",
      "Ann Lee reported from Tarlow Atoll.",
    ]);
    expect(found).toEqual(
      expect.arrayContaining([
        "place|Rosewood Palace|",
        "place|Grand Harbor Hotel|",
        "place|Kerem Crossing|",
        "place|Tarlow Atoll|",
      ]),
    );
  });

  it("a town written 'from X, <state or country>' is a place, not a person", () => {
    const found = entities(["Ann Lee, a nurse from Pelham Head, South Carolina, voted early."]);
    expect(found).toContain("place|Pelham Head|");
    expect(found).not.toContain("person|Pelham Head|");
  });

  it("'New' before a place is part of its name", () => {
    expect(entities(["The New York Times reported it."])).toContain("organisation|New York Times|");
    // Not an outlet's fragment ("York Times") where "New" opens the sentence.
    expect(entities(["New York Times reporters said so."])).toEqual(["organisation|New York Times|"]);
  });
});

describe("a ministry, office or statement is a body, never a person", () => {
  it("a ministry and the office of a role-only mention are bodies; no lone 'Office'", () => {
    const found = entities([
      "The Ministry of Foreign Affairs said the deal was close.",
      "The Prime Minister’s Office said in a statement that it agreed.",
    ]);
    expect(found.filter((e) => e.startsWith("person|"))).toEqual([]);
    expect(found).toEqual(
      expect.arrayContaining([
        "organisation|Ministry of Foreign Affairs|",
        "organisation|Office of Prime Minister|",
      ]),
    );
    expect(found).not.toContain("organisation|Office|");
  });

  it("an office's bracketed short name is the same body ('the Prime Minister’s Office (PMO)' ... 'the PMO')", () => {
    const analysis = analyze(["The Prime Minister’s Office (PMO) said it agreed.", "The PMO added more."]);
    const bodies = analysis.entities.filter((e) => e.kind === "organisation");
    expect(bodies).toHaveLength(1);
    expect(bodies[0]?.aliases).toContain("Office of Prime Minister");
  });

  it("the office of a named holder is linked to that person", () => {
    const analysis = analyze([
      "Prime Minister Ivo Marsh spoke.",
      "The Prime Minister’s Office said it agreed.",
    ]);
    const marsh = analysis.entities.find((e) => e.name === "Ivo Marsh");
    const office = analysis.entities.find((e) => e.kind === "organisation");
    expect(office?.linkedTo).toBe(marsh?.id);
  });
});

describe("bodies go by their everyday name", () => {
  it("the form written most, the long form an alias", () => {
    const analysis = analyze([
      "The Northern Liberation Front (NLF) said it agreed.",
      "The NLF will send a team. An NLF official said so.",
    ]);
    const body = analysis.entities.find((e) => e.kind === "organisation");
    expect(body?.name).toBe("NLF");
    expect(body?.aliases).toContain("Northern Liberation Front");
  });
});

describe("words opening a sentence that are no name (issue 10, gaps)", () => {
  it("a lone body or document noun opening a sentence is no body and no person", () => {
    for (const text of [
      "Office staff said the talks would go on.",
      "Ministry officials met the envoys on Friday.",
      "Statement after statement followed on Friday.",
    ]) {
      expect(entities([text]), text).toEqual([]);
    }
    // A body known by that one word stays one.
    expect(entities(["Senate leaders met on Friday."])).toEqual(["organisation|Senate|"]);
  });

  it("a command opening a sentence is not glued to the name after it", () => {
    expect(people(["Follow Dara Quell on Twitter."])).toEqual(["Dara Quell"]);
    expect(people(["Watch Dara Quell speak on Friday."])).toEqual(["Dara Quell"]);
    expect(people(["Contact Dara Quell at the desk."])).toEqual(["Dara Quell"]);
    // First names that are also verbs stay names.
    expect(people(["Hope Varley said the vote was set."])).toEqual(["Hope Varley"]);
  });

  it("a US state's name alone is never a person (nor a speaker)", () => {
    expect(entities(["New Hampshire voters went to the polls on Tuesday."])).toEqual([]);
    expect(people(["Nevada said on Friday that it would sue."])).toEqual([]);
    expect(people(["Virginia Oduya said the vote was set."])).toEqual(["Virginia Oduya"]);
  });
});

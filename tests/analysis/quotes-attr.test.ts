/**
 * Attribution rules from the recall work on real news (issue 11), each on short texts of our own:
 * quotations closing on "?" or "!", mixed quotation marks, asides between a name and its cue,
 * verbs joined to the main clause, groups and documents as described sources, a shared surname
 * settled by the last paragraphs, and "the statement" / "the PMO" (issue 10). Each case fails when
 * its rule is removed.
 */
import { describe, expect, it } from "vitest";
import { analyze, rows } from "./fixture.js";

describe("quotations closing on a question or exclamation mark", () => {
  it("“...?” Name said: the speaker after the mark is the quote's", () => {
    expect(rows(["“Why would we stop now?” Ben Ortiz said."])).toEqual([
      ["Ben Ortiz", "Ben Ortiz", "direct", "said", "Why would we stop now?"],
    ]);
  });

  it("“...!” Name said to ...: the same with an exclamation", () => {
    expect(rows(["“We won the whole county!” Lisa Grant told reporters."])[0]?.slice(0, 3)).toEqual([
      "Lisa Grant",
      "Lisa Grant",
      "direct",
    ]);
  });
});

describe("mixed quotation marks", () => {
  it("a straight opening closed by a curly mark, then a curly opening closed by a straight one", () => {
    const found = rows(['"I was hoping for more,” Ada Lin said. “So I was let down by the vote."']);
    expect(found.map((row) => [row[0], row[2], row[4]])).toEqual([
      ["Ada Lin", "direct", "I was hoping for more,"],
      ["Ada Lin", "direct", "So I was let down by the vote."],
    ]);
  });

  it("curly quotes inside a straight quotation stay inside it", () => {
    const [quote] = analyze([
      '"They called it “too loud” and “too shrill” every time," Mara Quist said.',
    ]).quotes;
    expect(quote?.text).toBe("They called it “too loud” and “too shrill” every time,");
  });
});

describe("asides between the speaker and the cue", () => {
  it("a role naming someone else does not take the quote: Tom Reyes, a senior adviser to Lund, said", () => {
    expect(
      rows(["Tom Reyes, a senior adviser to Lund, said the campaign would not mislead voters."]),
    ).toEqual([["Tom Reyes", "Tom Reyes", "indirect", "said", "the campaign would not mislead voters"]]);
  });

  it("a party bracket, then an appositive: Rep. Ada Morrow (D-Ore.), a delegate, said", () => {
    expect(
      rows(["Rep. Ada Morrow (D-Ore.), a delegate, said she had spoken with many delegates."])[0]?.[0],
    ).toBe("Ada Morrow");
  });

  it("an age and a role, or two lower-case asides, before the cue", () => {
    expect(rows(["Marta Quill, 63, a teacher raised in Peru, said she wanted change."])[0]?.[0]).toBe(
      "Marta Quill",
    );
    expect(
      rows([
        "Sen. Ray Dunn, facing a hard race in Ohio, a swing state, said he would welcome the governor.",
      ])[0]?.[0],
    ).toBe("Ray Dunn");
  });

  it("an aside before the name is not skipped: Speaking on Monday, one of the lawyers, Jim Vale, said", () => {
    expect(
      rows(["Speaking on Monday, one of the family's lawyers, Jim Vale, said the video was clear."])[0]?.[0],
    ).toBe("Jim Vale");
  });

  it("a phrase opening the sentence is no name: In a statement, one of the lawyers, Jim Vale, said", () => {
    expect(
      rows([
        "In a statement, one of the family's lawyers, Jim Vale, said the video showed him leaving his car.",
      ])[0]?.[0],
    ).toBe("Jim Vale");
  });
});

describe("a cue joined to the main clause by “and” or “but”", () => {
  it("X called it careless, but said ...: the main subject speaks", () => {
    expect(
      rows(['Director Sam Vale called the plan "careless," but said she should face no charges.']),
    ).toContainEqual(["Sam Vale", "Director Sam Vale", "indirect", "said", "she should face no charges"]);
  });

  it("X visited the port and said ...", () => {
    expect(rows(["Ann Lee visited the port on Monday and said the ships were coming back."])).toEqual([
      ["Ann Lee", "Ann Lee", "indirect", "said", "the ships were coming back"],
    ]);
  });

  it("not after a relative clause, whose subject may be the one speaking", () => {
    const found = rows(["Ann Lee praised Dan Ortiz, who has served for years and said he would retire."]);
    expect(found.filter((row) => row[0] === "Ann Lee")).toEqual([]);
  });
});

describe("naming verbs: called, dubbed, branded", () => {
  it("X called Y “...”: the quoted words are X's partial quote, the rest the writer's", () => {
    expect(rows(["Ann Lee, in her speech, called the tax plan “a gift to the rich.”"])).toEqual([
      ["Ann Lee", "Ann Lee", "partial", "called", "a gift to the rich."],
    ]);
  });

  it("no quotation, no quote: a phone call is no speech", () => {
    expect(rows(["Ann Lee called Dan Ortiz on Monday to discuss the budget."])).toEqual([]);
  });

  it("with no one to give the words to, nothing is kept", () => {
    expect(rows(["Somebody in the hall called the tax plan “a gift to the rich.”"])).toEqual([]);
  });

  it("called for: what is asked for is the content", () => {
    expect(rows(["Ann Lee called for a new vote on the budget."])).toEqual([
      ["Ann Lee", "Ann Lee", "indirect", "called for", "a new vote on the budget"],
    ]);
  });
});

describe("a cue closing its paragraph with a colon", () => {
  it("the quotation opening the next paragraph is its quote", () => {
    const [quote] = analyze([
      "Dr. Ada Ward stated:",
      '"The department no longer serves the public. It serves a vision of its own making."',
    ]).quotes;
    expect(quote).toMatchObject({
      type: "direct",
      rule: "cue-before:name/colon",
      speakerAsWritten: "Dr. Ada Ward",
    });
    expect(quote?.speaker).toBe("Ada Ward");
  });

  it("a cue closing its sentence with nothing claimed gives it the quotation right after", () => {
    const quotes = analyze([
      "Sam Reyes said in a statement. “There are no paper ballots to count. The caucus was one evening.”",
      "Sam Reyes met the board. “We will see,” a clerk said.",
    ]).quotes;
    expect(quotes[0]).toMatchObject({ speaker: "Sam Reyes", rule: "cue-before:name/colon", type: "direct" });
    expect(quotes[1]?.speaker).not.toBe("Sam Reyes");
  });
});

describe("a reporting clause inside the reported one", () => {
  it("the question put to the speaker is no part of the answer: Asked about ..., Lee said, ...", () => {
    const found = rows([
      "Asked by reporters about the long delay to the work on the old bridge, Mayor Ann Lee said, it would open in May.",
    ]);
    expect(found.map((row) => [row[0], row[4]])).toEqual([["Ann Lee", "it would open in May"]]);
  });
});

describe("groups and documents, described as written", () => {
  it("a plural noun for people is an anonymous source", () => {
    const [quote] = analyze(["Social conservatives say the bills are needed to protect small firms."]).quotes;
    expect(quote).toMatchObject({ speakerKind: "anonymous", type: "indirect" });
    expect(quote?.speaker ?? quote?.candidate).toBe("Social conservatives");
    expect(rows(["Three former Lund employees said disagreements broke out within the firm."])[0]?.[0]).toBe(
      "former Lund employees",
    );
  });

  it("a relative clause with “which” is skipped to the group before it", () => {
    const found = rows([
      "Executives for Brightwell, which earned $3 billion last year, say the plant will close.",
    ]);
    expect(found.map((row) => [row[0], row[4]])).toEqual([
      ["Executives for Brightwell", "the plant will close"],
    ]);
  });

  it("only with plain speech: an opinion of a group, or a possessive, is no quote", () => {
    expect(rows(["Many voters think the race is close."])).toEqual([]);
    expect(rows(["Their smiles said a lot about the day."])).toEqual([]);
  });

  it("according to a poll by ...: the document with its maker", () => {
    expect(
      rows(["She leads by nine points, according to a recent poll by the Harlow Research Center."]),
    ).toEqual([
      [
        "recent poll by the Harlow Research Center",
        "a recent poll by the Harlow Research Center",
        "indirect",
        "according to",
        "She leads by nine points",
      ],
    ]);
  });

  it("a document is a source only through “according to”: “a poll ... says” is no speech", () => {
    const found = rows(["A new poll by the Harlow Center says the race is close."]);
    expect(found.filter((row) => /poll/.test(row[0] ?? ""))).toEqual([]);
  });

  it("descriptions are not marked loose; direct quotes are not marked by a less common verb", () => {
    const [group] = analyze(["Social conservatives say the bills are needed to protect small firms."]).quotes;
    expect(group?.rule).toBe("cue-before:plural");
    const [replied] = analyze(["“We will keep every job in the county,” Lisa Grant replied."]).quotes;
    expect(replied?.rule).toBe("cue-before:name");
  });
});

describe("a surname two people share", () => {
  it("goes to the one of them named in the last paragraphs", () => {
    const analysis = analyze([
      "Hal Brenner and his sister Joan Brenner run the mill.",
      "The mill opened in 1990 and grew quickly over two decades.",
      "Joan Brenner visited the site on Monday with the new owners.",
      "“We will keep every job,” Brenner said.",
    ]);
    const quote = analysis.quotes.at(-1);
    expect(quote?.rule).toBe("cue-before:surname-recent");
    expect(quote?.speaker ?? quote?.candidate).toBe("Joan Brenner");
  });

  it("stays unattributed when both were named there", () => {
    const analysis = analyze([
      "Hal Brenner and his sister Joan Brenner run the mill.",
      "“We will keep every job,” Brenner said.",
    ]);
    expect(analysis.quotes.at(-1)?.speaker ?? analysis.quotes.at(-1)?.candidate ?? null).toBeNull();
  });
});

describe("a shared surname before the second holder is named (issue 11, third pass)", () => {
  const story = (cue: string) => [
    "Sen. Ada Brenner opened the hearing on the dam.",
    "The hearing ran for six hours and heard from eleven witnesses.",
    "Engineers said the spillway needed repairs before the spring floods.",
    `“We will not wait for the river to decide,” ${cue}.`,
    "Her husband, Tom Brenner, runs the farm below the dam.",
  ];

  it("goes to the only one of them the article has named so far", () => {
    const quote = analyze(story("Brenner said")).quotes.find((q) => q.type === "direct");
    expect(quote?.rule).toBe("cue-before:surname-first");
    expect(quote?.speaker).toBe("Ada Brenner");
  });

  it("not against a courtesy title of unknown fit (“Mr. Brenner”)", () => {
    const quote = analyze(story("Mr. Brenner said")).quotes.find((q) => q.type === "direct");
    expect(quote?.speaker ?? quote?.candidate ?? null).toBeNull();
  });

  it("a surname read as another word (a demonym) is the one person of that name, standing alone", () => {
    const quotes = analyze([
      "Lena Cuban spoke at the dinner on Friday.",
      "“Nobody asked me about the budget,” Cuban said.",
      "“Nobody asked me either,” a Cuban said.",
    ]).quotes;
    expect(quotes.map((quote) => quote.speaker)).toEqual(["Lena Cuban", null]);
  });
});

describe("“the statement”, “the PMO” and “the ministry” (issue 10)", () => {
  const story = [
    "Prime Minister Dana Kerr met the union leaders on Monday.",
    "Kerr's office said the talks had been useful.",
    "The Ministry of Transport issued a statement on Tuesday.",
    "The statement said the rail line would reopen in May.",
    "The ministry said the repairs would cost $4 million.",
    "Separately, the PMO said the prime minister would travel to Oslo.",
  ];

  it("the statement speaks for the body that issued it, the ministry for the ministry named before", () => {
    const found = rows(story);
    expect(found.find((row) => row[1] === "The statement")?.[0]).toBe("Ministry of Transport");
    expect(found.find((row) => row[1] === "The ministry")?.[0]).toBe("Ministry of Transport");
  });

  it("the PMO is the prime minister's office named before, never the prime minister", () => {
    const quote = analyze(story).quotes.find((q) => q.speakerAsWritten === "the PMO");
    expect(quote?.speakerKind).toBe("organisation");
    expect(quote?.speaker ?? quote?.candidate).toBe(
      analyze(story).quotes.find((q) => q.speakerAsWritten === "Kerr's office")?.speaker,
    );
  });

  it("a statement a person issued, or a ministry never named, stays unattributed", () => {
    const found = rows([
      "Dana Kerr issued a statement on Monday.",
      "The statement said the port would stay shut.",
      "The ministry said the repairs would cost $4 million.",
    ]);
    expect(found.map((row) => [row[0], row[1]])).toEqual([
      [null, "The statement"],
      [null, "The ministry"],
    ]);
  });
});

describe("one person described by what they do (issue 11, second pass)", () => {
  it("“...,” said a Democratic strategist: an anonymous source, shown as written", () => {
    const [quote] = analyze([
      "“The map has never looked this open for us,” said a Democratic strategist.",
    ]).quotes;
    expect(quote).toMatchObject({
      speakerKind: "anonymous",
      speaker: "Democratic strategist",
      type: "direct",
    });
  });

  it("“...,” said one Vermont Republican: the party word as the noun", () => {
    const [quote] = analyze(["“Nobody here is asking for a recount,” said one Vermont Republican."]).quotes;
    expect(quote).toMatchObject({ speakerKind: "anonymous", type: "direct" });
    expect(quote?.speaker).toContain("Republican");
  });

  it("a noun before its modifier (“familiar with”, “close to”) is still the source's head", () => {
    const quotes = analyze([
      "“The map is wide open for us,” said one Democrat familiar with the campaign's planning.",
      "A person close to the governor said the deal was signed on Friday.",
    ]).quotes;
    expect(quotes.map((quote) => [quote.speakerKind, quote.speaker])).toEqual([
      ["anonymous", "Democrat familiar with the campaign's planning"],
      ["anonymous", "person close to the governor"],
    ]);
  });

  it("after a comma the description is the named speaker's appositive, not a source of its own", () => {
    const quotes = analyze([
      "Sen. Dana Whitfield (D-Ore.), a supporter of the farm bill told host Ray Moss she expected a vote soon.",
    ]).quotes;
    expect(quotes.some((quote) => quote.speaker === "supporter of the farm bill")).toBe(false);
  });

  it("plural descriptions stay unattributed claims of a group", () => {
    const quotes = analyze(["Campaign strategists say the map has never looked this open."]).quotes;
    expect(
      quotes.every((quote) => quote.speakerKind !== "anonymous" || quote.speaker !== "strategists"),
    ).toBe(true);
  });
});

describe("a relative clause about the source is not what it said", () => {
  it("according to an aide who asked not to be named: no quote of “who asked ...”", () => {
    const quotes = analyze([
      "The team chose another draft, and the speech she gave bore no trace of it, according to a senior Hale adviser who requested anonymity to speak freely.",
    ]).quotes;
    expect(quotes.some((quote) => quote.text.startsWith("who"))).toBe(false);
  });

  it("said who they would back: an indirect question stays reported speech", () => {
    const quotes = analyze(["Two farmers in the county said who they would back in the spring."]).quotes;
    expect(quotes.some((quote) => quote.text.startsWith("who they would back"))).toBe(true);
  });
});

describe("a role described by its place or party (issue 11, third pass)", () => {
  it("“...,” the Texas governor said, with no one named: the role as written, an anonymous source", () => {
    const [quote] = analyze(["“We will fix the roads before winter,” the Texas governor said."]).quotes;
    expect(quote).toMatchObject({
      speakerKind: "anonymous",
      speaker: "Texas governor",
      rule: "cue-before:role",
      type: "direct",
    });
  });

  it("a longer description keeps its qualifiers; “the senator” alone says nothing", () => {
    const found = rows([
      "The presumptive Republican nominee said the plant would stay open.",
      "The senator said the vote would wait until May.",
    ]);
    expect(found.map((row) => row[0])).toEqual(["presumptive Republican nominee", null]);
  });

  it("a told-clause stays a proposal below the threshold (measured 9 of 11)", () => {
    const [quote] = analyze(["The Ohio senator told reporters that the bill was dead."]).quotes;
    expect(quote).toMatchObject({ speaker: null, candidate: "Ohio senator" });
  });
});

describe("a time phrase after the cue is no reported speech", () => {
  it("said last week that ...: the clause after “that”", () => {
    const [quote] = analyze(["Ada Morrow said last week that the plant would close in June."]).quotes;
    expect(quote?.text).toBe("the plant would close in June");
  });

  it("said Monday night: nothing is reported; this week's vote is a clause of its own", () => {
    const texts = analyze([
      "Ada Morrow spoke about the plant, she said Monday night.",
      "Tom Reyes said this week's vote was a mistake.",
    ]).quotes.map((quote) => quote.text);
    expect(texts).not.toContain("Monday night");
    expect(texts.some((text) => text.startsWith("this week's vote"))).toBe(true);
  });
});

/**
 * Attribution on short texts of our own, one rule at a time. Each expectation names the speaker
 * (canonical, as written), the type, the cue and the verbatim text; cases where the speaker is not
 * certain must come out unattributed, never guessed.
 */
import { describe, expect, it } from "vitest";
import { analyze, rows } from "./fixture.js";

describe("direct quotes", () => {
  it("quote first, then speaker and cue", () => {
    expect(rows(["Antony Blinken met mediators.", "“We will not give up,” Blinken said."])).toEqual([
      ["Antony Blinken", "Blinken", "direct", "said", "We will not give up,"],
    ]);
  });

  it("quote first, then cue and speaker (said Blinken)", () => {
    expect(rows(["Antony Blinken met mediators.", "“We will not give up,” said Blinken."])).toEqual([
      ["Antony Blinken", "Blinken", "direct", "said", "We will not give up,"],
    ]);
  });

  it("speaker first with a colon, straight quotation marks", () => {
    expect(rows(["Antony Blinken arrived in Doha.", 'Blinken said: "We want this done."'])).toEqual([
      ["Antony Blinken", "Blinken", "direct", "said", "We want this done."],
    ]);
  });

  it("a split quote gives both halves to the speaker of the cue between them", () => {
    expect(rows(["Antony Blinken visited Doha.", "“We are close,” he said, “but not there yet.”"])).toEqual([
      ["Antony Blinken", "he", "direct", "said", "We are close,"],
      ["Antony Blinken", "he", "direct", "said", "but not there yet."],
    ]);
  });

  it("the speaker is the subject of the cue, not the name nearest the quotation", () => {
    expect(
      rows([
        "Blinken said at a press conference in Doha with Egyptian Foreign Minister Sameh Shoukry, “The deal is close.”",
      ]),
    ).toEqual([["Blinken", "Blinken", "direct", "said", "The deal is close."]]);
  });

  it("a quote-only paragraph continues the previous speaker", () => {
    expect(
      rows([
        "Antony Blinken visited Doha on Monday.",
        "“We are close to a deal,” Blinken said.",
        "“The remaining gaps can be bridged. Both sides know what is needed.”",
      ]),
    ).toEqual([
      ["Antony Blinken", "Blinken", "direct", "said", "We are close to a deal,"],
      [
        "Antony Blinken",
        "Blinken",
        "direct",
        "said",
        "The remaining gaps can be bridged. Both sides know what is needed.",
      ],
    ]);
  });

  it("a quotation spanning sentences and paragraphs stays with its speaker", () => {
    expect(
      rows([
        "William Burns, the CIA director, arrived in Cairo.",
        "Burns said: “We have a real chance. It will not come again.",
        "“We must seize it now.”",
      ]),
    ).toEqual([
      ["William Burns", "Burns", "direct", "said", "We have a real chance. It will not come again."],
      ["William Burns", "Burns", "direct", "said", "We must seize it now."],
    ]);
  });

  it("a quote-only paragraph after a paragraph without a quote stays unattributed", () => {
    const found = rows([
      "Antony Blinken visited Doha.",
      "The talks resumed on Monday.",
      "“We are close to a deal now.”",
    ]);
    expect(found).toEqual([[null, null, "direct", "", "We are close to a deal now."]]);
  });
});

describe("partial quotes and scare quotes", () => {
  it("a quoted fragment inside reported speech is partial", () => {
    expect(rows(["Qatari Prime Minister Sheikh Mohammed said that there was “no clarity” yet."])).toEqual([
      ["Sheikh Mohammed", "Qatari Prime Minister Sheikh Mohammed", "partial", "said", "no clarity"],
    ]);
  });

  it("scare quotes without a cue are not speech", () => {
    expect(rows(["The so-called “humanitarian corridor” opened on Monday."])).toEqual([]);
  });

  it("a naming verb gives its quoted words to its subject (issue 11: “called the strike a ‘grave breach’”)", () => {
    expect(rows(["Israel called the plan a “non-starter” on Tuesday."])).toEqual([
      ["Israel", "Israel", "partial", "called", "non-starter"],
    ]);
  });
});

describe("reported speech", () => {
  it("according to X, after and before the clause", () => {
    expect(rows(["The ceasefire will hold, according to Egyptian Foreign Minister Sameh Shoukry."])).toEqual([
      [
        "Sameh Shoukry",
        "Egyptian Foreign Minister Sameh Shoukry",
        "indirect",
        "according to",
        "The ceasefire will hold",
      ],
    ]);
    expect(rows(["According to Qatari mediator Majed al-Ansari, the talks will resume on Sunday."])).toEqual([
      [
        "Majed al-Ansari",
        "Qatari mediator Majed al-Ansari",
        "indirect",
        "according to",
        "the talks will resume on Sunday",
      ],
    ]);
  });

  it("appositive speakers, name first and role first", () => {
    expect(rows(["David Barnea, the head of Mossad, said the delegation would travel on Sunday."])).toEqual([
      ["David Barnea", "David Barnea", "indirect", "said", "the delegation would travel on Sunday"],
    ]);
    expect(rows(["The head of Mossad, David Barnea, said the delegation would travel on Sunday."])).toEqual([
      ["David Barnea", "David Barnea", "indirect", "said", "the delegation would travel on Sunday"],
    ]);
  });

  it("a title-first speaker keeps the title as written and the role on the entity", () => {
    const analysis = analyze(["Israeli Prime Minister Benjamin Netanyahu said that the war would go on."]);
    expect(analysis.quotes.map((q) => [q.speaker, q.speakerAsWritten, q.text])).toEqual([
      ["Benjamin Netanyahu", "Israeli Prime Minister Benjamin Netanyahu", "the war would go on"],
    ]);
    expect(analysis.entities.find((e) => e.name === "Benjamin Netanyahu")?.roles).toEqual([
      "Israeli Prime Minister",
    ]);
  });

  it("he, she, it and they take the previous subject", () => {
    expect(
      rows([
        "Israeli Prime Minister Benjamin Netanyahu met the envoy.",
        "He said that Israel would keep fighting.",
      ]),
    ).toEqual([["Benjamin Netanyahu", "He", "indirect", "said", "Israel would keep fighting"]]);
    expect(rows(["Kamala Harris met families of hostages.", "She said that the deal must be done."])).toEqual(
      [["Kamala Harris", "She", "indirect", "said", "the deal must be done"]],
    );
    expect(rows(["Hamas rejected the plan.", "It said the plan favoured Israel."])).toEqual([
      ["Hamas", "It", "indirect", "said", "the plan favoured Israel"],
    ]);
    expect(
      rows([
        "Mediators said on Monday that progress had been made.",
        "They added that a deal could come within days.",
      ]),
    ).toEqual([
      ["Mediators", "Mediators", "indirect", "said", "progress had been made"],
      ["Mediators", "They", "indirect", "added", "a deal could come within days"],
    ]);
  });

  it("“the minister”, “the office” and “the ministry” take the one entity that fits", () => {
    expect(
      rows([
        "Egyptian Foreign Minister Sameh Shoukry spoke to reporters.",
        "The minister said that Cairo was ready to host the talks.",
      ]),
    ).toEqual([["Sameh Shoukry", "The minister", "indirect", "said", "Cairo was ready to host the talks"]]);
    expect(
      rows([
        "Prime Minister Benjamin Netanyahu's office issued a statement.",
        "The office said that the delegation would leave on Sunday.",
      ]),
    ).toEqual([
      [
        "Office of Prime Minister Benjamin Netanyahu",
        "The office",
        "indirect",
        "said",
        "the delegation would leave on Sunday",
      ],
    ]);
    expect(
      rows([
        "Israel's Foreign Ministry condemned the attack.",
        "The ministry said that the attack was unacceptable.",
      ]),
    ).toEqual([
      ["Foreign Ministry of Israel", "The ministry", "indirect", "said", "the attack was unacceptable"],
    ]);
  });

  it("“the minister” with two ministers around is left unattributed", () => {
    const found = rows([
      "Egyptian Foreign Minister Sameh Shoukry met Jordanian Foreign Minister Ayman Safadi.",
      "The minister said that the border would open.",
    ]);
    expect(found.map((row) => row[0])).toEqual([null]);
  });

  it("an organisation speaks for itself", () => {
    expect(rows(["Hamas said in a statement that it had accepted the proposal."])).toEqual([
      ["Hamas", "Hamas", "indirect", "said", "it had accepted the proposal"],
    ]);
  });

  it("anonymous sources are described, never named", () => {
    const analysis = analyze([
      "Antony Blinken arrived in Doha on Monday.",
      "A senior official said that the talks had stalled.",
      "“There is no deal yet,” a senior Israeli official told Reuters.",
    ]);
    // Shown or a below-threshold candidate: the description is never a name.
    const anonymous = analysis.quotes.map((q) => [
      q.speakerId ?? q.candidateId ?? null,
      q.speaker ?? q.candidate,
      q.speakerKind,
      q.speakerAsWritten,
    ]);
    expect(anonymous).toEqual([
      [null, "senior official", "anonymous", "A senior official"],
      [null, "senior Israeli official", "anonymous", "a senior Israeli official"],
    ]);
  });

  it("a spokesman is a person: named in an appositive, otherwise anonymous and never the boss", () => {
    const found = rows([
      "Benjamin Netanyahu’s spokesman, Omer Dostri, said the delegation would leave on Sunday.",
      "Netanyahu's spokesman said the talks were over.",
    ]);
    expect(found.map((row) => [row[0], row[1]])).toEqual([
      ["Omer Dostri", "Omer Dostri"],
      ["Netanyahu's spokesman", "Netanyahu's spokesman"],
    ]);
    expect(analyze(["Netanyahu's spokesman said the talks were over."]).quotes[0]).toMatchObject({
      speakerId: null,
      speakerKind: "anonymous",
    });
  });

  it("a nested report belongs to the outer speaker only", () => {
    const found = rows([
      "Antony Blinken met Benjamin Netanyahu.",
      "Blinken said Netanyahu told him that Israel accepted the proposal.",
    ]);
    expect(found).toEqual([
      [
        "Antony Blinken",
        "Blinken",
        "indirect",
        "said",
        "Netanyahu told him that Israel accepted the proposal",
      ],
    ]);
  });

  it("a pronoun after another person took the floor in the same sentence is left unattributed", () => {
    const found = rows(["Blinken said Netanyahu had agreed, but he warned that gaps remained."]);
    expect(found).toEqual([
      ["Blinken", "Blinken", "indirect", "said", "Netanyahu had agreed"],
      [null, "he", "indirect", "warned", "gaps remained"],
    ]);
  });

  it("a pronoun does not skip back over a speaker we could not name", () => {
    const found = rows([
      "Antony Blinken arrived in Doha.",
      "“The talks must go on,” the spokesman said.",
      "“We are ready,” he added.",
    ]);
    expect(found.map((row) => [row[0], row[1]])).toEqual([
      [null, "the spokesman"],
      [null, "he"],
    ]);
  });

  it("a name with a role holding prepositions is one speaker", () => {
    expect(
      rows(["“We will wait,” International Committee of the Red Cross head Rami Halevi warned."]),
    ).toEqual([
      [
        "Rami Halevi",
        "International Committee of the Red Cross head Rami Halevi",
        "direct",
        "warned",
        "We will wait,",
      ],
    ]);
  });

  it("“the minister” is not someone named earlier when another speaker holds the floor", () => {
    const found = rows([
      "Egyptian Foreign Minister Sameh Shoukry arrived in Cairo.",
      "Nasser said the talks were difficult.",
      "The minister said that the border would open.",
    ]);
    expect(found.map((row) => [row[0], row[1]])).toEqual([
      ["Nasser", "Nasser"],
      [null, "The minister"],
    ]);
  });

  it("a pronoun of the other gender than the one learnt for a person is not theirs", () => {
    const found = rows([
      "Kamala Harris met families of hostages.",
      "She said the deal must be done.",
      "“We are close,” he added.",
    ]);
    expect(found.map((row) => [row[0], row[1]])).toEqual([
      ["Kamala Harris", "She"],
      [null, "he"],
    ]);
  });

  it("a sentence whose subject is an unnamed person blocks a later pronoun", () => {
    const found = rows([
      "Antony Blinken arrived in Doha.",
      "The official described the plan as “a historic moment”.",
      "“We are close,” he said.",
    ]);
    expect(found.map((row) => [row[0], row[1]])).toEqual([[null, "he"]]);
  });

  it("a subject that a name owns (“Netanyahu's critics”) is not the name", () => {
    const found = rows([
      "Benjamin Netanyahu met Antony Blinken.",
      "Netanyahu's critics gathered in Tel Aviv.",
      "He said the war would go on.",
    ]);
    expect(found.map((row) => [row[0], row[1]])).toEqual([[null, "He"]]);
  });

  it("a passive opinion verb has no speaker and yields no quote", () => {
    expect(rows(["Negotiators are expected to meet in Cairo next week."])).toEqual([]);
  });

  it("opinion verbs are labelled as opinion", () => {
    const [quote] = analyze(["Many analysts believe that the deal will not hold."]).quotes;
    expect(quote).toMatchObject({
      speaker: "analysts",
      speakerKind: "anonymous",
      cue: "believe",
      cueKind: "opinion",
    });
  });
});

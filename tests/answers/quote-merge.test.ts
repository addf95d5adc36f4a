/**
 * The same quote in several outlets is one line with every citation; quotes whose speaker is unclear
 * never appear in the main list. Articles written for this test.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Analysis } from "../../src/analysis/types.js";
import { answerCommand } from "../../src/answers/dispatch.js";
import { exportAnalysis } from "../../src/answers/export.js";
import type { Answer, AnswerItem, Reply } from "../../src/answers/types.js";
import { wordOverlap } from "../../src/corpus/quote-reprints.js";
import { truncate } from "../../src/discord/escape.js";
import { alsoLine } from "../../src/discord/render-answer.js";
import type { KnowledgeBase } from "../../src/index/knowledge-base.js";
import { loadKnowledge } from "../../src/knowledge/load.js";
import { buildKnowledgeBase } from "../../src/store/build.js";

const CLAIM = '"We are closer to an agreement than at any time this year,"';
const ARTICLES: Record<string, string> = {
  "2025-01-10-wire-one": `---
title: Mediators see progress in truce talks
published: 2025-01-10
outlet: Wire One
---

Negotiators met in the capital on Thursday for a third day of talks on a truce.

${CLAIM} said Mara Ellison, the chief mediator.
`,
  "2025-01-11-daily-post": `---
title: Truce within reach, mediator says
published: 2025-01-11
outlet: The Daily Post of the Northern Provinces and the Eastern Coast
---

Negotiators met again in the capital for a fourth day of talks.

${CLAIM} said Mara Ellison, the chief mediator.
`,
  "2025-01-12-evening": `---
title: Ministry doubts truce claims
published: 2025-01-12
outlet: Evening Ledger
---

${CLAIM} said Tomas Varga, repeating the mediator's words with a shrug.

"Nothing is signed until it is signed," Varga told reporters.
`,
};

let dir: string;
let kb: KnowledgeBase;

function answer(reply: Reply): Answer {
  if (reply.kind !== "answer") throw new Error(`expected an answer, got: ${reply.message}`);
  return reply;
}
const items = (reply: Reply): AnswerItem[] => answer(reply).sections.flatMap((s) => s.items);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "parley-quote-merge-"));
  mkdirSync(dir, { recursive: true });
  for (const [id, text] of Object.entries(ARTICLES)) writeFileSync(join(dir, `${id}.md`), text);
  kb = buildKnowledgeBase((await loadKnowledge(dir)).articles);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the same quote in several outlets", () => {
  it("is one line under its earliest report, citing the others", () => {
    const [item, ...rest] = items(answerCommand(kb, "quote", { name: "Ellison" }));
    expect(rest).toEqual([]);
    expect(item?.citation.outlet).toBe("Wire One");
    expect(item?.also?.map((citation) => [citation.articleId, citation.paragraph])).toEqual([
      ["2025-01-11-daily-post", 2],
    ]);
  });

  it("is never merged with the same words from another speaker", () => {
    const varga = items(answerCommand(kb, "quote", { name: "Varga" }));
    expect(varga.map((item) => item.citation.articleId)).toEqual([
      "2025-01-12-evening",
      "2025-01-12-evening",
    ]);
    expect(varga.every((item) => item.also === undefined)).toBe(true);
  });

  it("stays one quote per article in the export", () => {
    const exported = exportAnalysis(kb).quotes.filter((quote) => CLAIM.includes(quote.text));
    expect(exported.map((quote) => quote.articleId).sort()).toEqual(Object.keys(ARTICLES).sort());
  });

  it("needs 90% of the words: a quote that only shares its opening is not a reprint", () => {
    const words = (text: string) => text.toLowerCase().split(/\W+/).filter(Boolean);
    expect(wordOverlap(words("we are close to a deal now"), words("we are close to a deal now"))).toBe(1);
    expect(
      wordOverlap(words("we are close to a deal"), words("we are close to walking away from it all")),
    ).toBeLessThan(0.9);
  });

  it("renders the other reports on Discord with long outlet names shortened at a word", () => {
    const [item] = items(answerCommand(kb, "quote", { name: "Ellison" }));
    const line = alsoLine(item?.also ?? []);
    expect(line).toMatch(/^also: The Daily Post of the Northern…, 11 Jan 2025$/);
    expect(truncate("the ceasefire negotiations", 20)).toBe("the ceasefire…");
  });
});

describe("a quote whose speaker is unclear", () => {
  /** The knowledge base with Varga's second quote left below the attribution threshold. */
  function withUnclearQuote(): KnowledgeBase {
    const analysis = kb.analysis;
    const varga = analysis.entities.find((entity) => entity.name === "Tomas Varga")!;
    const changed: Analysis = {
      ...analysis,
      quotes: analysis.quotes.map((quote) =>
        quote.text.startsWith("Nothing is signed")
          ? {
              ...quote,
              speakerId: null,
              speaker: null,
              candidateId: varga.id,
              candidate: varga.name,
              confidence: 0.4,
            }
          : quote,
      ),
    };
    return Object.assign(Object.create(Object.getPrototypeOf(kb) as object) as KnowledgeBase, kb, {
      analysis: changed,
    });
  }

  it("is not under what they said, but counted in a note", () => {
    const unclear = withUnclearQuote();
    const reply = answer(answerCommand(unclear, "quote", { name: "Varga" }));
    expect(reply.sections.flatMap((s) => s.items).map((item) => item.text)).not.toContain(
      '"Nothing is signed until it is signed," Varga told reporters.',
    );
    expect(reply.notes.join(" ")).toContain("/quote Tomas Varga unclear:true");
    const who = answer(answerCommand(unclear, "who", { name: "Varga" }));
    const said = who.sections.find((s) => s.heading === "What they said")?.items ?? [];
    expect(said.some((item) => item.text.startsWith('"Nothing is signed'))).toBe(false);
  });

  it("is listed apart, labelled, when asked for", () => {
    const reply = answer(answerCommand(withUnclearQuote(), "quote", { name: "Varga", unclear: true }));
    const apart = reply.sections.find((s) => s.heading === "Speaker unclear");
    expect(apart?.items.map((item) => item.label)).toEqual(["speaker unclear · direct"]);
    expect(apart?.items[0]?.data).toMatchObject({ kind: "quote", speaker: null, speakerName: null });
  });
});

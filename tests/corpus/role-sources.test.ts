/**
 * A role is kept with the article that wrote it, across articles: `/who` can tell an old title from
 * today's, and `--json` gives each role's article. Articles written for this test.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parsePeopleFile } from "../../src/analysis/entities/people-file.js";
import { answerCommand } from "../../src/answers/dispatch.js";
import type { Answer } from "../../src/answers/types.js";
import { applyPeopleFile } from "../../src/corpus/people.js";
import type { KnowledgeBase } from "../../src/index/knowledge-base.js";
import { loadKnowledge } from "../../src/knowledge/load.js";
import { buildKnowledgeBase } from "../../src/store/build.js";

const ARTICLES: Record<string, string> = {
  "2025-02-03-first": `---
title: Envoy opens talks
published: 2025-02-03
outlet: Wire One
---

Deputy Foreign Minister Lena Varo opened the talks in the capital on Monday.
`,
  "2025-03-10-second": `---
title: New envoy named
published: 2025-03-10
outlet: Evening Ledger
---

Foreign Minister Lena Varo said the talks would resume next week.
`,
};

let dir: string;
let kb: KnowledgeBase;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "parley-role-sources-"));
  for (const [id, text] of Object.entries(ARTICLES)) writeFileSync(join(dir, `${id}.md`), text);
  kb = buildKnowledgeBase((await loadKnowledge(dir)).articles);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const varo = () => kb.analysis.entities.find((entity) => entity.name === "Lena Varo")!;

describe("role sources", () => {
  it("keeps each role with its article, the most recent first", () => {
    expect(varo().roleSources).toEqual([
      { role: "Foreign Minister", articleId: "2025-03-10-second", published: "2025-03-10" },
      { role: "Deputy Foreign Minister", articleId: "2025-02-03-first", published: "2025-02-03" },
    ]);
  });

  it("/who says where each role was written when the articles differ", () => {
    const reply = answerCommand(kb, "who", { name: "Varo" }) as Answer;
    expect(reply.facts.find((fact) => fact.label === "Roles")?.value).toBe(
      "Foreign Minister (Evening Ledger, 10 Mar 2025); Deputy Foreign Minister (Wire One, 3 Feb 2025)",
    );
    expect(reply.entity?.roleSources.map((source) => source.articleId)).toEqual([
      "2025-03-10-second",
      "2025-02-03-first",
    ]);
  });

  it("an operator's role from people.yaml comes first, with no article", () => {
    const { entries } = parsePeopleFile("- name: Lena Varo\n  role: Chief negotiator\n");
    const entity = applyPeopleFile(kb.analysis, entries).entities.find((e) => e.name === "Lena Varo")!;
    expect(entity.roles[0]).toBe("Chief negotiator");
    expect(entity.roleSources?.[0]).toEqual({ role: "Chief negotiator", articleId: null, published: null });
    expect(entity.roleSources?.map((source) => source.role)).toEqual(entity.roles);
  });
});

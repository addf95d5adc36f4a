import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseArticleFile } from "../../src/knowledge/parse-article.js";

/** Every parse ends in an article or an error, never an exception; lines point into the file. */
function checkParse(path: string, raw: string | Uint8Array): void {
  const { article, problems } = parseArticleFile(path, raw);
  const lineCount =
    (typeof raw === "string" ? raw : Buffer.from(raw).toString("latin1")).split(/\r\n|\r|\n/).length + 1;
  for (const problem of problems) {
    expect(problem.path).toBe(path);
    expect(problem.line).toBeGreaterThanOrEqual(1);
    expect(problem.line).toBeLessThanOrEqual(lineCount);
    expect(problem.message.length).toBeGreaterThan(0);
  }
  if (article) {
    expect(article.paragraphs.length).toBeGreaterThan(0);
    expect(article.paragraphs.every((p) => p.trim() !== "")).toBe(true);
    expect(article.published).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  } else {
    expect(problems.some((problem) => problem.severity === "error")).toBe(true);
  }
}

const frontMatterValue = fc.oneof(
  fc.string(),
  fc.constantFrom(
    "2024-10-24",
    "2024-02-30",
    "'2024-10-24'",
    "[a, b]",
    "{x: 1}",
    "|",
    ">",
    "*anchor",
    "&a x",
    "~",
    "null",
    '"',
  ),
);

describe("the knowledge loader on generated input", () => {
  it("never throws on random bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => checkParse("random.md", bytes)),
      { numRuns: 300, interruptAfterTimeLimit: 20_000 },
    );
  });

  it("never throws on front matter edge cases and unbalanced quotation marks", () => {
    fc.assert(
      fc.property(
        fc.record({
          opening: fc.constantFrom("---\n", "--- \n", "---\r\n", "", "\uFEFF---\n"),
          title: frontMatterValue,
          published: frontMatterValue,
          extra: fc.array(fc.tuple(fc.string({ maxLength: 10 }), frontMatterValue), { maxLength: 3 }),
          closing: fc.constantFrom("---\n", "---", "", "--\n"),
          body: fc.array(
            fc
              .array(fc.constantFrom("a", " ", "“", "”", '"', ".", "\n", "U.S.", "?"))
              .map((units) => units.join("")),
            { maxLength: 5 },
          ),
        }),
        ({ opening, title, published, extra, closing, body }) => {
          const lines = [
            `title: ${title}`,
            `published: ${published}`,
            ...extra.map(([k, v]) => `${k}: ${v}`),
          ];
          checkParse("generated.md", `${opening}${lines.join("\n")}\n${closing}${body.join("\n\n")}`);
        },
      ),
      { numRuns: 300, interruptAfterTimeLimit: 20_000 },
    );
  });

  it("loads a 1 MB paragraph as one paragraph", () => {
    const paragraph = "The talks went on. ".repeat(55_000).trim();
    const { article, problems } = parseArticleFile(
      "big.md",
      `---\ntitle: Big\npublished: 2024-01-01\n---\n\n${paragraph}\n`,
    );
    expect(problems).toEqual([]);
    expect(article?.paragraphs).toEqual([paragraph]);
  });
});

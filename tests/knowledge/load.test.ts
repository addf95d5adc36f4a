import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadKnowledge } from "../../src/knowledge/load.js";
import { parseArticleFile } from "../../src/knowledge/parse-article.js";

const VALID =
  "---\ntitle: Talks resume\npublished: 2024-10-24\n---\n\nFirst paragraph.\n\nSecond paragraph.\n";

async function folderWith(files: Record<string, string | Buffer>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "parley-load-"));
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(dir, path, ".."), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  return dir;
}

describe("parseArticleFile", () => {
  it("reads front matter and paragraphs, with defaults for optional fields", () => {
    const { article, problems } = parseArticleFile("a.md", VALID);
    expect(problems).toEqual([]);
    expect(article).toMatchObject({
      id: "a",
      title: "Talks resume",
      published: "2024-10-24",
      outlet: null,
      url: null,
      language: "en",
      paragraphs: ["First paragraph.", "Second paragraph."],
    });
    expect(article?.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("joins soft-wrapped lines, accepts CRLF and a BOM", () => {
    const text =
      "\uFEFF---\r\ntitle: T\r\npublished: 2024-01-02\r\nurl: https://example.com/x\r\n---\r\nOne\r\nline.\r\n\r\nTwo.";
    const { article } = parseArticleFile("b.md", text);
    expect(article?.paragraphs).toEqual(["One line.", "Two."]);
    expect(article?.url).toBe("https://example.com/x");
  });

  it.each([
    ["no front matter", "Just text.", 1, /missing front matter/],
    ["unclosed front matter", "---\ntitle: T\npublished: 2024-01-01\nBody", 1, /not closed/],
    ["invalid YAML", "---\ntitle: [unclosed\npublished: 2024-01-01\n---\nBody", 3, /not valid YAML/],
    ["missing title", "---\npublished: 2024-01-01\n---\nBody", 1, /missing required field "title"/],
    ["missing published", "---\ntitle: T\n---\nBody", 1, /missing required field "published"/],
    ["bad date", "---\ntitle: T\npublished: 24/10/2024\n---\nBody", 3, /ISO date/],
    ["impossible date", "---\ntitle: T\npublished: 2024-02-30\n---\nBody", 3, /ISO date/],
    ["bad url", "---\ntitle: T\npublished: 2024-01-01\nurl: not a url\n---\nBody", 4, /http\(s\) URL/],
    ["title not text", "---\ntitle: [a, b]\npublished: 2024-01-01\n---\nBody", 2, /must be text, got a list/],
    ["empty body", "---\ntitle: T\npublished: 2024-01-01\n---\n\n  \n", 5, /body is empty/],
    ["front matter not a map", "---\n- a\n- b\n---\nBody", 2, /must be a map/],
  ])("rejects %s with its line and reason", (_name, text, line, reason) => {
    const { article, problems } = parseArticleFile("bad.md", text);
    expect(article).toBeNull();
    const errors = problems.filter((p) => p.severity === "error");
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toMatchObject({ path: "bad.md", line, severity: "error" });
    expect(errors.map((p) => p.message).join("\n")).toMatch(reason);
  });

  it("warns about unknown fields but still loads the article", () => {
    const { article, problems } = parseArticleFile(
      "c.md",
      "---\ntitle: T\npublished: 2024-01-01\nauthor: X\n---\nBody",
    );
    expect(article).not.toBeNull();
    expect(problems).toEqual([
      expect.objectContaining({ severity: "warning", line: 4, message: expect.stringMatching(/author/) }),
    ]);
  });

  it("rejects binary and non-UTF-8 files", () => {
    expect(parseArticleFile("d.md", Buffer.from([0xff, 0xfe, 0x00, 0x41])).problems[0]?.message).toMatch(
      /UTF-8|binary/,
    );
  });
});

describe("loadKnowledge", () => {
  it("loads the valid files and reports every invalid one, nothing dropped silently", async () => {
    const dir = await folderWith({
      "good.md": VALID,
      "nested/also-good.md": VALID.replace("Talks resume", "Other"),
      "broken.md": "---\ntitle: T\n---\nBody",
      "nested/good.md": VALID,
      "people.yaml": "aliases: {}\n",
      ".hidden/x.md": "not an article",
      "notes.txt": "ignored",
    });
    const { articles, problems } = await loadKnowledge(dir);
    expect(articles.map((a) => a.id)).toEqual(["also-good", "good"]);
    expect(problems.map((p) => `${p.path}:${p.line}`)).toEqual(["broken.md:1", "nested/good.md:1"]);
    expect(problems[1]?.message).toMatch(/duplicate article id "good"/);
  });

  it("says clearly when the folder does not exist", async () => {
    await expect(loadKnowledge("/nonexistent/parley-knowledge")).rejects.toThrow(
      /^Parley: knowledge folder .* not found/,
    );
  });

  it("loads the shipped article verbatim", async () => {
    const { articles, problems } = await loadKnowledge("knowledge");
    expect(problems).toEqual([]);
    const seed = (await import("node:fs")).readFileSync("../shared/seed/doha-talks-2024-10-24.txt", "utf8");
    const doha = articles.find((a) => a.id === "2024-10-24-doha-talks");
    expect(doha?.published).toBe("2024-10-24");
    expect(doha?.outlet).toBeNull();
    expect(doha?.paragraphs).toEqual(seed.split("\n").filter((line) => line.trim() !== ""));
  });
});

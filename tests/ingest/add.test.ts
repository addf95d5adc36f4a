/**
 * `parley add` against the test's own news site on 127.0.0.1 (INGEST_ALLOW_PRIVATE=true lifts the
 * address guard for it; tests/ingest-guard.test.ts tests the guard itself).
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import { loadKnowledge } from "../../src/knowledge/load.js";
import { jsonLdPage, OG_PARAGRAPHS, TALKS_PARAGRAPHS, WINDOWS_1252_PARAGRAPHS } from "./pages.js";
import { type NewsServer, startNewsServer } from "./server.js";

let server: NewsServer;
let dir: string;
const env = { INGEST_ALLOW_PRIVATE: "true" };

async function parley(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, env, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

async function files(): Promise<string[]> {
  return (await readdir(dir)).filter((name) => !name.startsWith(".parley-feeds"));
}

beforeAll(async () => {
  server = await startNewsServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "parley-add-"));
  return () => rm(dir, { recursive: true, force: true });
});

describe("parley add: pages that make articles", () => {
  it("a JSON-LD page: its metadata first, the offset date kept as the publisher's day, no furniture", async () => {
    const result = await parley("add", `${server.base}/news/talks-resume`, "--knowledge", dir);
    expect(result.err).toBe("");
    expect(result.code).toBe(0);
    const name = "2025-01-15-mediators-report-progress-on-gaza-truce-as-cairo-round-ends.md";
    expect(await files()).toEqual([name]);
    expect(result.out).toContain(`added ${name}`);
    expect(result.out).toContain("(The Harbour Times, 2025-01-15, 7 paragraphs)");
    const { articles, problems } = await loadKnowledge(dir);
    expect(problems).toEqual([]);
    const article = articles[0];
    expect(article?.title).toBe("Mediators report progress on Gaza truce as Cairo round ends");
    expect(article?.published).toBe("2025-01-15");
    expect(article?.outlet).toBe("The Harbour Times");
    expect(article?.url).toBe(`${server.base}/news/talks-resume`);
    expect(article?.language).toBe("en");
    expect(article?.paragraphs).toEqual(TALKS_PARAGRAPHS);
    // The request named Parley.
    expect(server.requests.at(-1)?.userAgent).toMatch(/^Parley\//);
  });

  it("OpenGraph and article meta when there is no JSON-LD; a block quote is kept", async () => {
    const result = await parley("add", `${server.base}/news/og`, "--knowledge", dir);
    expect(result.code).toBe(0);
    const [article] = (await loadKnowledge(dir)).articles;
    expect(article?.title).toBe("Thousands march to urge acceptance of hostage framework");
    expect(article?.published).toBe("2025-02-03");
    expect(article?.outlet).toBe("Northern Ledger");
    expect(article?.url).toBe("https://ledger.example/news/hostage-march");
    expect(article?.paragraphs.slice(0, 4)).toEqual(OG_PARAGRAPHS);
    expect(article?.paragraphs.at(-2)).toMatch(/^“We will not stop/);
    expect(article?.paragraphs).toHaveLength(6);
  });

  it("the date from <time datetime> and the title from <title> when nothing better is there", async () => {
    const result = await parley("add", `${server.base}/news/time-only`, "--knowledge", dir);
    expect(result.code).toBe(0);
    const [article] = (await loadKnowledge(dir)).articles;
    expect(article?.id).toBe("2025-03-10-crossing-reopens-for-aid-trucks");
    expect(article?.outlet).toBeNull();
    expect(article?.paragraphs).toHaveLength(4);
    expect(article?.paragraphs.join(" ")).not.toContain("Contact the newsroom");
  });

  it("a windows-1252 page is decoded by its <meta charset>, and by the HTTP header", async () => {
    for (const path of ["/news/latin", "/news/latin-header"]) {
      const out = join(dir, path.slice(6));
      expect((await parley("add", `${server.base}${path}`, "--knowledge", out)).code).toBe(0);
      const [article] = (await loadKnowledge(out)).articles;
      expect(article?.paragraphs).toEqual(WINDOWS_1252_PARAGRAPHS);
    }
  });

  it("a French page is added with its language, and check says the analysis reads English only", async () => {
    expect((await parley("add", `${server.base}/news/french`, "--knowledge", dir)).code).toBe(0);
    const [article] = (await loadKnowledge(dir)).articles;
    expect(article?.language).toBe("fr");
    const check = await parley("check", "--knowledge", dir);
    expect(check.code).toBe(0);
    expect(check.err).toMatch(/1 article is not in English \(fr\): \/quote and \/status read English only/);
  });

  it("a page inside a <form>, its article in a box named has-comments: the article is still found", async () => {
    const result = await parley("add", `${server.base}/news/wrapped`, "--knowledge", dir);
    expect(result.err).toBe("");
    const [article] = (await loadKnowledge(dir)).articles;
    expect(article?.title).toBe("Prisoner lists exchanged");
    expect(article?.outlet).toBe("Gulf Monitor");
    expect(article?.paragraphs).toHaveLength(3);
    expect(article?.paragraphs[1]).toMatch(/^“The lists are long/);
  });

  it("five redirects are followed; the file keeps the page's canonical link", async () => {
    const result = await parley("add", `${server.base}/chain/5`, "--knowledge", dir);
    expect(result.code).toBe(0);
    expect((await loadKnowledge(dir)).articles[0]?.url).toBe(`${server.base}/chain/done`);
  });

  it("a saved .html file, with --published and --outlet overriding the page", async () => {
    const saved = join(dir, "..", `${dir.split("/").pop()}-saved.html`);
    await writeFile(saved, jsonLdPage({ canonical: "https://harbour.example/saved" }));
    try {
      const result = await parley(
        "add",
        saved,
        "--knowledge",
        dir,
        "--published",
        "2025-01-16",
        "--outlet",
        "Harbour Times (print)",
      );
      expect(result.code).toBe(0);
      const [article] = (await loadKnowledge(dir)).articles;
      expect(article?.published).toBe("2025-01-16");
      expect(article?.outlet).toBe("Harbour Times (print)");
      expect(article?.url).toBe("https://harbour.example/saved");
    } finally {
      await rm(saved, { force: true });
    }
  });

  it("--dry-run prints the file and writes nothing", async () => {
    const result = await parley("add", `${server.base}/news/talks-resume`, "--knowledge", dir, "--dry-run");
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^---\ntitle: Mediators report progress/);
    expect(result.out).toContain(`\n\n${TALKS_PARAGRAPHS[1]}\n\n`);
    expect(result.err).toContain("would add 2025-01-15-");
    expect(await files()).toEqual([]);
  });
});

describe("parley add: the same article twice", () => {
  it("the same canonical link, or the same body from the same outlet, is not added again", async () => {
    expect((await parley("add", `${server.base}/news/talks-resume`, "--knowledge", dir)).code).toBe(0);
    const [name] = await files();
    const again = await parley(
      "add",
      `${server.base}/news/old-link`,
      `${server.base}/news/talks-resume-copy`,
      "--knowledge",
      dir,
    );
    expect(again.code).toBe(0);
    expect(again.out).toBe(
      `${server.base}/news/old-link: already added, in ${name}\n${server.base}/news/talks-resume-copy: already added, in ${name}`,
    );
    expect(again.err).toBe("0 added, 2 already there, 0 failed");
    expect(await files()).toEqual([name]);
  });

  it("the same wire text from another outlet is a different article", async () => {
    const result = await parley(
      "add",
      `${server.base}/news/talks-resume`,
      `${server.base}/wire/talks-resume`,
      "--knowledge",
      dir,
    );
    expect(result.code).toBe(0);
    expect(result.err).toBe("2 added, 0 already there, 0 failed");
    const articles = (await loadKnowledge(dir)).articles;
    expect(articles.map((a) => a.outlet).sort()).toEqual(["Coastal Wire Daily", "The Harbour Times"]);
    // Same title and day: the second file gets its own name.
    expect(articles.map((a) => a.id).sort()).toEqual([
      "2025-01-15-mediators-report-progress-on-gaza-truce-as-cairo-round-ends",
      "2025-01-15-mediators-report-progress-on-gaza-truce-as-cairo-round-ends-2",
    ]);
  });
});

describe("parley add: every failure is one line and writes nothing", () => {
  const failures: [string, string, RegExp][] = [
    ["HTTP 404", "/missing", /^http:\/\/127\.0\.0\.1:\d+\/missing: not added: HTTP 404 Not Found$/],
    ["HTTP 5xx", "/error", /: not added: HTTP 503 Service Unavailable$/],
    ["not HTML", "/report.pdf", /: not added: not an HTML page \(application\/pdf\)$/],
    ["too large", "/huge", /: not added: too large: over 5 MB$/],
    ["too large once decompressed", "/huge-gzip", /: not added: too large: over 5 MB$/],
    ["a redirect loop", "/loop/a", /: not added: redirect loop at http:\/\/127\.0\.0\.1:\d+\/loop\/a$/],
    ["six redirects", "/chain/6", /: not added: more than 5 redirects$/],
    [
      "a redirect to a file: link",
      "/news/to-file",
      /: not added: only http and https links are followed, not file:$/,
    ],
    ["no article", "/news/short", /: not added: no article found \(2 paragraphs, 40 characters; .*\)$/],
    ["no date", "/news/no-date", /: not added: no publication date found: pass --published YYYY-MM-DD$/],
  ];
  for (const [what, path, message] of failures) {
    it(what, async () => {
      const result = await parley("add", `${server.base}${path}`, "--knowledge", dir);
      expect(result.code).toBe(1);
      expect(result.out).toBe("");
      expect(result.err).toMatch(message);
      expect(result.err.split("\n")).toHaveLength(1);
      expect(await readdir(dir)).toEqual([]);
    });
  }

  it("a network error: nothing listens on the port", async () => {
    const closed = await startNewsServer();
    const base = closed.base;
    await closed.close();
    const result = await parley("add", `${base}/news/talks-resume`, "--knowledge", dir);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/: not added: network error: ECONNREFUSED$/);
    expect(await readdir(dir)).toEqual([]);
  });

  it("a time-out: the page never answers", async () => {
    const { addSource } = await import("../../src/ingest/add.js");
    const result = await addSource(`${server.base}/hang`, { dir, allowPrivate: true, timeLimitMs: 300 });
    expect(result).toEqual({
      status: "failed",
      source: `${server.base}/hang`,
      message: "timed out after 300 ms",
    });
    expect(await readdir(dir)).toEqual([]);
  });

  it("an invalid --published is refused before anything is fetched", async () => {
    const before = server.requests.length;
    const result = await parley(
      "add",
      `${server.base}/news/no-date`,
      "--knowledge",
      dir,
      "--published",
      "2025-02-30",
    );
    expect(result.code).toBe(2);
    expect(result.err).toBe('Parley: invalid --published "2025-02-30": use YYYY-MM-DD, e.g. 2025-01-15');
    expect(server.requests.length).toBe(before);
    expect(await readdir(dir)).toEqual([]);
  });

  it("not a link or an .html file", async () => {
    for (const source of ["ftp://127.0.0.1/a.html", "notes.txt"]) {
      const result = await parley("add", source, "--knowledge", dir);
      expect(result.code).toBe(1);
      expect(result.err).toMatch(/: not added: (only http and https links|not an http\(s\) link)/);
    }
    expect(await readdir(dir)).toEqual([]);
  });

  it("with several sources, each gets its line, a summary ends the run, and the exit code is 1", async () => {
    const result = await parley(
      "add",
      `${server.base}/missing`,
      `${server.base}/news/og`,
      "--knowledge",
      dir,
    );
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/\/news\/og: added 2025-02-03-thousands-march/);
    expect(result.err).toMatch(
      /\/missing: not added: HTTP 404 Not Found\n1 added, 0 already there, 1 failed$/,
    );
    expect(await files()).toHaveLength(1);
  });

  it("--published fills in a page without a date", async () => {
    const result = await parley(
      "add",
      `${server.base}/news/no-date`,
      "--knowledge",
      dir,
      "--published",
      "2025-01-24",
    );
    expect(result.code).toBe(0);
    expect(await files()).toEqual(["2025-01-24-talks-to-continue-next-week.md"]);
    expect(await readFile(join(dir, "2025-01-24-talks-to-continue-next-week.md"), "utf8")).toContain(
      "outlet: Delta Courier",
    );
  });
});

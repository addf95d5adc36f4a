import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ConsoleSession, consoleEnv, runParley } from "../helpers/run-parley.js";

describe("the console, as a real process", () => {
  const session = new ConsoleSession();
  afterAll(async () => {
    await session.close();
  });

  it("says in one line that it is the local console when there is no token", async () => {
    // The first prompt waits for the knowledge to load: allow a busy machine's start.
    const text = await session.waitFor(/parley> /, 0, 60_000);
    expect(text).toMatch(/no DISCORD_TOKEN set, so this is the local console/);
  });

  it("answers /sources and /ask with cited verbatim sentences", async () => {
    let mark = session.type("/sources");
    expect(await session.waitFor(/parley> $/, mark)).toMatch(
      /1 article in the knowledge base[\s\S]*24 Oct 2024 · unknown outlet: Doha to host new round/,
    );
    mark = session.type("/ask next Sunday Barnea");
    const answer = await session.waitFor(/parley> $/, mark);
    expect(answer).toContain("David Barnea, will go to Doha next Sunday");
    expect(answer).toMatch(/— Doha to host .*\(unknown outlet\), 24 Oct 2024, ¶9/);
  });

  it("explains unknown commands and empty input", async () => {
    let mark = session.type("/frobnicate now");
    expect(await session.waitFor(/parley> $/, mark)).toMatch(/Unknown command “\/frobnicate”/);
    mark = session.type("   ");
    expect(await session.waitFor(/parley> $/, mark)).toMatch(/Type a command, e\.g\. \/who Barnea/);
    mark = session.type("/ask");
    expect(await session.waitFor(/parley> $/, mark)).toMatch(/Please give the question/);
  });
});

describe("one-shot commands", () => {
  it("answers and exits 0; --json prints the answer object", async () => {
    const text = await runParley(["ask", "ceasefire", "plan"]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(
      "the ceasefire plan proposed by US President Joe Biden on May 31 is still on the table",
    );

    const json = await runParley(["sources", "--json"]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({
      kind: "answer",
      command: "sources",
      facts: [expect.any(Object)],
    });
  });

  it("exits 1 with a helpful message when nothing matches, 2 on bad usage", async () => {
    const none = await runParley(["ask", "zzzqqq"]);
    expect(none.code).toBe(1);
    expect(none.stdout).toMatch(/Nothing in the articles matches/);
    const bad = await runParley(["--bogus"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Parley: Unknown option '--bogus'[\s\S]*Usage: parley/);
  });

  it("reads another folder with --knowledge, and parley check reports every problem with exit 1", async () => {
    const dir = await mkdtemp(join(tmpdir(), "parley-cli-"));
    await writeFile(
      join(dir, "ok.md"),
      "---\ntitle: Ok\npublished: 2024-01-01\n---\n\nCairo talks resumed.\n",
    );
    await writeFile(join(dir, "bad.md"), "---\ntitle: Bad\n---\n\nText.\n");
    await writeFile(join(dir, "worse.md"), "no front matter\n");
    const check = await runParley(["check", "--knowledge", dir]);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('bad.md:1: error: missing required field "published"');
    expect(check.stderr).toContain("worse.md:1: error: missing front matter");
    expect(check.stdout).toMatch(/1 article valid, 2 invalid/);

    const ask = await runParley(["ask", "Cairo"], { env: consoleEnv({ KNOWLEDGE_DIR: dir }) });
    expect(ask.stdout).toContain("Cairo talks resumed.");
    expect((await runParley(["check"])).code).toBe(0);
  });
});

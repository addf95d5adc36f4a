/**
 * The command line around snapshots: `parley build --out DIR`, answering from PARLEY_SNAPSHOT with
 * no knowledge folder, refusing a damaged one, `parley check` naming a damaged cache, PARLEY_ROLE.
 * Runs the CLI in process on a copy of the shipped article.
 */
import { cp, mkdtemp, rm, truncate } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import { parseDeployment } from "../../src/cli/snapshot-cli.js";
import { readManifest } from "../../src/store/snapshot-shards.js";
import { REPO } from "../helpers/run-parley.js";

let work: string;
let knowledge: string;
let out: string;

/** Runs the CLI in process and collects what it prints. */
async function cli(
  argv: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; out: string; err: string }> {
  const printed = { out: [] as string[], err: [] as string[] };
  const code = await runCli(argv, env, {
    out: (text) => printed.out.push(text),
    err: (text) => printed.err.push(text),
  });
  return { code, out: printed.out.join("\n"), err: printed.err.join("\n") };
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "parley-snapshot-cli-"));
  knowledge = join(work, "knowledge");
  await cp(join(REPO, "knowledge"), knowledge, { recursive: true });
  out = join(work, "published");
  const built = await cli(["build", "--knowledge", knowledge, "--out", out]);
  expect(built.code).toBe(0);
  expect(built.out).toMatch(/snapshot .* written: 1 articles/);
}, 60_000);

afterAll(() => rm(work, { recursive: true, force: true }));

describe("parley build --out and PARLEY_SNAPSHOT", () => {
  it("answers from the published snapshot exactly as from the knowledge folder, with no folder", async () => {
    for (const words of [
      ["who", "Barnea"],
      ["quote", "Blinken"],
      ["status", "talks"],
      ["ask", "Doha"],
    ]) {
      const fromFolder = await cli([...words, "--json", "--knowledge", knowledge, "--no-snapshot"]);
      const fromSnapshot = await cli([...words, "--json", "--knowledge", join(work, "absent")], {
        PARLEY_SNAPSHOT: out,
      });
      expect(fromFolder.code).toBe(0);
      expect(fromSnapshot).toEqual(fromFolder);
    }
  });

  it("build needs --out", async () => {
    const result = await cli(["build", "--knowledge", knowledge]);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/build needs --out DIR/);
  });

  it("refuses to start from a damaged PARLEY_SNAPSHOT and says which shard and why", async () => {
    const damaged = join(work, "damaged");
    await cp(out, damaged, { recursive: true });
    const manifest = await readManifest(damaged);
    const shard = manifest.sections.articles![0]!.file;
    await truncate(join(damaged, manifest.folder, shard), 10);
    const result = await cli(["who", "Barnea"], { PARLEY_SNAPSHOT: damaged });
    expect(result.code).toBe(1);
    expect(result.err).toContain(shard);
    expect(result.err).toMatch(/cut short.*refusing to start/);
    const check = await cli(["check"], { PARLEY_SNAPSHOT: damaged });
    expect(check.code).toBe(1);
    expect(check.out).toMatch(/not usable \(corrupt\)/);
  });

  it("parley check names a damaged cache snapshot and exits 1", async () => {
    const folder = join(work, "checked");
    await cp(knowledge, folder, { recursive: true });
    expect((await cli(["who", "Barnea", "--knowledge", folder])).code).toBe(0);
    const good = await cli(["check", "--knowledge", folder]);
    expect(good.code).toBe(0);
    expect(good.err).toMatch(/cache snapshot .* usable \(1 articles/);
    const cache = join(folder, ".parley-cache");
    const manifest = await readManifest(cache);
    await truncate(join(cache, manifest.folder, manifest.sections.quotes![0]!.file), 5);
    const bad = await cli(["check", "--knowledge", folder]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/cache snapshot not usable \(corrupt\).*cut short/);
  });
});

describe("PARLEY_ROLE", () => {
  it("defaults to writer, and to replica when PARLEY_SNAPSHOT is set", () => {
    expect(parseDeployment({})).toEqual({ role: "writer", snapshot: null });
    expect(parseDeployment({ PARLEY_SNAPSHOT: "/srv/snap" })).toEqual({
      role: "replica",
      snapshot: "/srv/snap",
    });
    expect(parseDeployment({ PARLEY_ROLE: "Replica" })).toEqual({ role: "replica", snapshot: null });
  });

  it("refuses an unknown role, and a writer without the knowledge folder", async () => {
    expect(() => parseDeployment({ PARLEY_ROLE: "reader" })).toThrow(/writer or replica/);
    const result = await cli(["who", "Barnea"], { PARLEY_ROLE: "writer", PARLEY_SNAPSHOT: out });
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/PARLEY_SNAPSHOT is for replicas/);
  });
});

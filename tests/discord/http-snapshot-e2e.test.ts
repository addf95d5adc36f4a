/**
 * One writer, many readers, end to end: `parley build --out` writes a snapshot, two HTTP replicas
 * (`PARLEY_SNAPSHOT`, no knowledge folder, no bot token) answer from it, and when the writer
 * publishes a new one (built again into the same folder) both switch to it without a restart and
 * without a half-loaded state. A replica's /add says where adding happens.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createSigner,
  HttpSender,
  knowledgeCopy,
  type Replica,
  spawnReplica,
  untilReady,
} from "../discord-standin/http-interactions.js";
import { MODERATOR_PERMISSIONS, type StandinUser, slashCommand } from "../discord-standin/payloads.js";
import { snowflake } from "../discord-standin/snowflake.js";
import { killIfRunning, REPO_ROOT } from "../discord-standin/spawn-bot.js";
import { type Standin, startStandin } from "../discord-standin/standin.js";
import { finalReply, isEphemeral, shownText } from "../helpers/reliability/replies.js";

const START_TIMEOUT_MS = 60_000;
const run = promisify(execFile);

/** Our own article (invented text), published by the writer after the replicas started. */
const LATER_ARTICLE = `---
title: Harbour talks move to a second round
published: 2025-03-10
language: en
---

The mediator Oskar Lindqvist said on Monday that the harbour talks would resume in Valletta.

“Both sides have sent their answers in writing,” Lindqvist said.
`;

const moderator: StandinUser = { id: snowflake(), username: "mod", permissions: MODERATOR_PERMISSIONS };

/** `npx parley build --knowledge DIR --out OUT`, as an operator runs it. */
async function publish(knowledgeDir: string, out: string): Promise<void> {
  await run(
    process.execPath,
    ["--import", "tsx", "src/main.ts", "build", "--knowledge", knowledgeDir, "--out", out],
    {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
    },
  );
}

describe("a writer's snapshot served by two HTTP replicas", () => {
  let standin: Standin;
  let sender: HttpSender;
  let writerDir: string;
  let out: string;
  const replicas: Replica[] = [];
  const place = () => ({
    applicationId: standin.applicationId,
    guildId: standin.guildId,
    channelId: standin.channelId,
  });

  async function ask(replica: Replica, name: string, options: Record<string, string>, user?: StandinUser) {
    const interaction = slashCommand(place(), user ?? { id: snowflake(), username: "reader" }, name, options);
    const answer = await sender.send(replica.url, interaction);
    expect(answer.status).toBe(200);
    const reply = await finalReply(standin, interaction, 20_000);
    return { text: shownText(reply.message), private: isEphemeral(reply.message) };
  }

  beforeAll(async () => {
    standin = await startStandin();
    sender = new HttpSender(standin, createSigner());
    writerDir = await knowledgeCopy();
    out = await mkdtemp(join(tmpdir(), "parley-published-"));
    await publish(writerDir, out);
    for (let i = 0; i < 2; i++) {
      const replica = await spawnReplica(standin, sender.signer, {
        env: { PARLEY_SNAPSHOT: out, KNOWLEDGE_DIR: join(out, "no-knowledge-here") },
      });
      replicas.push(replica);
    }
    for (const replica of replicas) await untilReady(replica, START_TIMEOUT_MS);
  }, 3 * START_TIMEOUT_MS);

  afterAll(async () => {
    for (const replica of replicas) {
      if (replica.bot.child.exitCode === null) replica.bot.child.kill("SIGTERM");
      await replica.bot.exited;
      await killIfRunning(replica.bot);
      await replica.cleanUp();
    }
    await standin?.close();
    await rm(writerDir, { recursive: true, force: true });
    await rm(out, { recursive: true, force: true });
  });

  it("answers from the snapshot alone, then from the new one on both replicas once it is published", async () => {
    for (const replica of replicas) {
      expect((await ask(replica, "who", { name: "Barnea" })).text).toContain("Barnea");
      const before = await ask(replica, "quote", { name: "Lindqvist" });
      expect(before.private).toBe(true);
      expect(before.text).toContain("not in the articles");
    }
    const seen = replicas.map((replica) => replica.bot.logs.length);
    await writeFile(join(writerDir, "2025-03-10-harbour.md"), LATER_ARTICLE);
    await publish(writerDir, out);
    for (const [i, replica] of replicas.entries())
      await replica.bot.waitForLog(
        (line) => line.event === "snapshot-switched" && replica.bot.logs.indexOf(line) >= (seen[i] ?? 0),
        30_000,
      );
    for (const replica of replicas) {
      const after = await ask(replica, "quote", { name: "Lindqvist" });
      expect(after.private).toBe(false);
      expect(after.text).toContain("Both sides have sent their answers in writing");
      // The old articles are all still there: the switch is whole, never half a snapshot.
      expect((await ask(replica, "who", { name: "Barnea" })).text).toContain("Barnea");
    }
    for (const replica of replicas) expect(replica.bot.child.exitCode).toBeNull();
  });

  it("answers /add on a replica with where adding happens", async () => {
    const shown = await ask(replicas[0]!, "add", { url: "https://news.example/a" }, moderator);
    expect(shown.private).toBe(true);
    expect(shown.text).toContain("read-only replica: articles are added on the writer");
  });
});

/**
 * `/add` end to end: the real Parley process against the Discord stand-in, adding a page from the
 * test's own news site on 127.0.0.1. A moderator's /add is answered privately, then /quote answers
 * from the new article without a restart; a member without Manage Server is refused.
 */
import { copyFile, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commandRegistrationBody } from "../../src/discord/command-registration.js";
import { asShown } from "../discord-standin/as-shown.js";
import { MODERATOR_PERMISSIONS, type StandinUser } from "../discord-standin/payloads.js";
import { snowflake } from "../discord-standin/snowflake.js";
import {
  killIfRunning,
  REPO_ROOT,
  readyOrExited,
  type SpawnedBot,
  spawnScript,
  standinEnv,
} from "../discord-standin/spawn-bot.js";
import { type RawInteraction, type Standin, startStandin } from "../discord-standin/standin.js";
import { type NewsServer, startNewsServer } from "./server.js";

const START_TIMEOUT_MS = 60_000;
type Message = Record<string, unknown>;

async function replyTo(standin: Standin, interaction: RawInteraction): Promise<Message> {
  const first = await standin.waitForCallback(interaction, 30_000);
  const body = first.body as { type: number; data?: Message };
  if (body.type !== 5) return body.data ?? {};
  const edit = await standin.waitForRequest(
    (r) =>
      (r.method === "PATCH" || r.method === "POST") &&
      r.path.startsWith(`/webhooks/${standin.applicationId}/${interaction.token}`),
    30_000,
  );
  return { ...(edit.body as Message), flags: body.data?.flags };
}

function text(message: Message): string {
  const embeds = (message.embeds ?? []) as {
    title?: string;
    description?: string;
    fields?: { name: string; value: string }[];
  }[];
  return asShown(
    embeds
      .map((e) =>
        [e.title, e.description, ...(e.fields ?? []).map((f) => `${f.name}: ${f.value}`)]
          .filter(Boolean)
          .join("\n"),
      )
      .join("\n"),
  );
}

describe("/add on Discord", () => {
  let standin: Standin;
  let news: NewsServer;
  let bot: SpawnedBot;
  let dir: string;
  const moderator: StandinUser = {
    id: snowflake(),
    username: "moderator",
    permissions: MODERATOR_PERMISSIONS,
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "parley-add-e2e-"));
    // The shipped article only (a snapshot cache may sit beside it in a developer's checkout).
    const [seedFile] = (await readdir(resolve(REPO_ROOT, "knowledge"))).filter((name) =>
      name.endsWith(".md"),
    );
    await copyFile(resolve(REPO_ROOT, "knowledge", seedFile ?? ""), join(dir, seedFile ?? ""));
    news = await startNewsServer();
    standin = await startStandin();
    bot = spawnScript(
      "src/main.ts",
      standinEnv(standin, {
        KNOWLEDGE_DIR: dir,
        INGEST_ALLOW_PRIVATE: "true",
        FEEDS: `${news.base}/feeds/atom.xml`,
        FEED_FILTER: "hostage|ceasefire",
        FEED_INTERVAL_MINUTES: "30",
      }),
    );
    await readyOrExited(standin, bot, START_TIMEOUT_MS);
  }, START_TIMEOUT_MS + 5000);

  afterAll(async () => {
    await killIfRunning(bot);
    await standin?.close();
    await news?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("is registered for Manage Server only, in servers", () => {
    const add = commandRegistrationBody().find((command) => command.name === "add");
    expect(add).toMatchObject({ default_member_permissions: "32", contexts: [0] });
  });

  it("a member without Manage Server is refused, privately, and nothing is fetched", async () => {
    const asked = () => news.requests.filter((r) => r.path === "/news/talks-resume").length;
    const before = asked();
    const interaction = await standin.sendCommand("add", { url: `${news.base}/news/talks-resume` });
    const message = await replyTo(standin, interaction);
    expect(message.flags).toBe(64);
    expect(text(message)).toContain("Only moderators (Manage Server) can add articles.");
    expect(asked()).toBe(before);
    expect((await readdir(dir)).filter((name) => name.endsWith(".md"))).toHaveLength(1);
  });

  it("a moderator's /add is answered privately, and /quote answers from it without a restart", async () => {
    const interaction = await standin.sendCommand(
      "add",
      { url: `${news.base}/news/talks-resume` },
      moderator,
    );
    const message = await replyTo(standin, interaction);
    expect(message.flags).toBe(64);
    const shown = text(message);
    expect(shown).toContain("Added: Mediators report progress on Gaza truce as Cairo round ends");
    expect(shown).toMatch(/Date:?\**:? 2025-01-15/);
    expect(shown).toMatch(/Outlet:?\**:? The Harbour Times/);
    expect(shown).toMatch(/Paragraphs:?\**:? 7/);
    await bot.waitForLog(
      (line) => line.msg === "knowledge-reloaded" || line.event === "knowledge-reloaded",
      30_000,
    );

    const quote = await replyTo(standin, await standin.sendCommand("quote", { name: "Haddad" }));
    const answer = text(quote);
    expect(answer).toContain("We are closer than we have been in weeks, but closer is not done");
    expect(answer).toContain("Farid Haddad");

    // The same link again: not added twice, and the reply says which file holds it.
    const again = await replyTo(
      standin,
      await standin.sendCommand("add", { url: `${news.base}/news/talks-resume` }, moderator),
    );
    expect(text(again)).toContain("Already in Parley's sources, as 2025-01-15-mediators-report-progress");
  }, 90_000);

  it("FEEDS are polled in the bot: the matching item is added, logged, and answered from", async () => {
    const added = await bot.waitForLog((line) => line.event === "feed-article-added", 30_000);
    expect(added).toMatchObject({
      level: "info",
      feed: `${news.base}/feeds/atom.xml`,
      file: "2025-02-03-thousands-march-to-urge-acceptance-of-hostage-framework.md",
      outlet: "Northern Ledger",
      paragraphs: 6,
    });
    // FEED_FILTER left the other entry out.
    expect(news.requests.some((r) => r.path === "/news/time-only")).toBe(false);
    await bot.waitForLog(
      (line) =>
        line.event === "knowledge-reloaded" &&
        Number(line.articles) >= 2 &&
        bot.logs.indexOf(line) > bot.logs.indexOf(added),
      30_000,
    );
    const quote = await replyTo(standin, await standin.sendCommand("quote", { name: "Levanon" }));
    expect(text(quote)).toContain("Every day of delay is a day our children may not have");
  }, 90_000);

  it("a failure is one private line", async () => {
    const message = await replyTo(
      standin,
      await standin.sendCommand("add", { url: `${news.base}/report.pdf` }, moderator),
    );
    expect(message.flags).toBe(64);
    expect(text(message)).toContain("Not added: not an HTML page (application/pdf).");
  });
});

/**
 * `/add` in-process against the Discord stand-in with a fake ingest (no fetching): the permission
 * check, one add at a time per server, the private reply through the one chokepoint, the deferral
 * when the fetch is slow. (tests/ingest/discord-e2e.test.ts runs the real process end to end.)
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Reply } from "../../src/answers/types.js";
import { ADD_ELSEWHERE } from "../../src/cli/snapshot-cli.js";
import { type Bot, createBot } from "../../src/discord/bot.js";
import { validateMessage } from "../../src/discord/limits.js";
import type { KnowledgeBase } from "../../src/index/knowledge-base.js";
import type { AddResult } from "../../src/ingest/add.js";
import { createLogger } from "../../src/log/logger.js";
import { asShown } from "../discord-standin/as-shown.js";
import { MODERATOR_PERMISSIONS, type StandinUser } from "../discord-standin/payloads.js";
import { snowflake } from "../discord-standin/snowflake.js";
import { type RawInteraction, type Standin, startStandin } from "../discord-standin/standin.js";

const moderator: StandinUser = { id: snowflake(), username: "mod", permissions: MODERATOR_PERMISSIONS };

const added: AddResult = {
  status: "added",
  source: "https://news.example/a",
  file: "2025-01-15-cairo-talks.md",
  title: "Cairo talks end with progress",
  published: "2025-01-15",
  outlet: "The Harbour Times",
  language: "en",
  paragraphs: 7,
  text: "",
};

interface Running {
  standin: Standin;
  bot: Bot;
  calls: string[];
  logs: Record<string, unknown>[];
  /** Resolves the pending add calls, in order. */
  finish: ((result: AddResult) => void)[];
}

let running: Running | undefined;

async function run(options: {
  ingest: boolean;
  deferAfterMs?: number;
  addElsewhere?: string;
}): Promise<Running> {
  const standin = await startStandin();
  const calls: string[] = [];
  const finish: ((result: AddResult) => void)[] = [];
  const logs: Record<string, unknown>[] = [];
  const bot = createBot({
    settings: {
      token: standin.token,
      applicationId: standin.applicationId,
      guildId: null,
      restApi: standin.restApi,
      logLevel: "info",
      rateLimit: { commands: 100, windowSeconds: 10 },
    },
    knowledge: { current: () => ({}) as unknown as KnowledgeBase },
    log: createLogger({ write: (line) => logs.push(JSON.parse(line) as Record<string, unknown>) }),
    answer: (): Reply => ({ kind: "user-error", command: null, message: "not used", suggestions: [] }),
    complete: () => [],
    deferAfterMs: options.deferAfterMs,
    addElsewhere: options.addElsewhere,
    ingest: options.ingest
      ? {
          add: (url) => {
            calls.push(url);
            return new Promise((resolve) => finish.push(resolve));
          },
        }
      : undefined,
  });
  await bot.login();
  running = { standin, bot, calls, logs, finish };
  return running;
}

afterEach(async () => {
  await running?.bot.stop(1000);
  await running?.standin.close();
  running = undefined;
});

/** The reply's shown text and flags: the callback's data, or the edit after a deferral. */
async function reply(
  standin: Standin,
  interaction: RawInteraction,
): Promise<{ text: string; flags: unknown }> {
  const first = await standin.waitForCallback(interaction);
  const body = first.body as { type: number; data?: Record<string, unknown> };
  let message = body.data ?? {};
  if (body.type === 5) {
    const edit = await standin.waitForRequest(
      (r) =>
        r.method === "PATCH" && r.path.startsWith(`/webhooks/${standin.applicationId}/${interaction.token}`),
    );
    message = { ...(edit.body as Record<string, unknown>), flags: body.data?.flags };
  }
  expect(message.allowed_mentions).toEqual({ parse: [] });
  expect(validateMessage(message)).toEqual([]);
  const embeds = (message.embeds ?? []) as {
    title?: string;
    description?: string;
    fields?: { name: string; value: string }[];
  }[];
  const text = embeds
    .map((e) => [e.title, e.description, ...(e.fields ?? []).map((f) => `${f.name} ${f.value}`)].join("\n"))
    .join("\n");
  return { text: asShown(text), flags: message.flags };
}

/** Polls recorded state (not time) until `check` holds. */
async function until(check: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("Parley test: condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("/add in the Discord edge", () => {
  it("a member without Manage Server is refused privately, and nothing is fetched", async () => {
    const { standin, calls, logs } = await run({ ingest: true });
    const shown = await reply(standin, await standin.sendCommand("add", { url: "https://news.example/a" }));
    expect(shown.flags).toBe(64);
    expect(shown.text).toContain("Only moderators (Manage Server) can add articles.");
    expect(calls).toEqual([]);
    await until(() => logs.some((l) => l.event === "interaction"));
    expect(logs.find((l) => l.event === "interaction")).toMatchObject({
      command: "add",
      refused: "permission",
    });
  });

  it("a moderator's add: private reply with title, date, outlet and paragraphs; a second one in the server waits its turn", async () => {
    const { standin, calls, finish } = await run({ ingest: true, deferAfterMs: 50 });
    const first = await standin.sendCommand("add", { url: "https://news.example/a" }, moderator);
    await until(() => calls.length === 1);
    // While the first is fetching, another moderator's /add in the same server is turned away.
    const second = await reply(
      standin,
      await standin.sendCommand("add", { url: "https://news.example/b" }, moderator),
    );
    expect(second.flags).toBe(64);
    expect(second.text).toContain("Another /add is running in this server");
    expect(calls).toEqual(["https://news.example/a"]);
    finish[0]?.(added);
    const shown = await reply(standin, first);
    expect(shown.flags).toBe(64);
    expect(shown.text).toContain("Added: Cairo talks end with progress");
    expect(shown.text).toMatch(/Date:?\**:? 2025-01-15/);
    expect(shown.text).toMatch(/Outlet:?\**:? The Harbour Times/);
    expect(shown.text).toMatch(/Paragraphs:?\**:? 7/);
    // Its turn over, the next /add runs.
    const third = await standin.sendCommand("add", { url: "https://news.example/c" }, moderator);
    await until(() => calls.length === 2);
    finish[1]?.({ status: "failed", source: "https://news.example/c", message: "HTTP 404 Not Found" });
    expect((await reply(standin, third)).text).toContain("Not added: HTTP 404 Not Found.");
  });

  it("without ingest set up, /add says so", async () => {
    const { standin } = await run({ ingest: false });
    const shown = await reply(
      standin,
      await standin.sendCommand("add", { url: "https://news.example/a" }, moderator),
    );
    expect(shown.text).toContain("Adding articles is not set up on this bot.");
  });

  it("on a replica (PARLEY_ROLE=replica), /add says where adding happens", async () => {
    const { standin } = await run({ ingest: false, addElsewhere: ADD_ELSEWHERE });
    const shown = await reply(
      standin,
      await standin.sendCommand("add", { url: "https://news.example/a" }, moderator),
    );
    expect(shown.text).toContain("read-only replica: articles are added on the writer");
    expect(shown.text).not.toContain("not set up");
  });
});

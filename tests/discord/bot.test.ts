/**
 * The bot in-process against the Discord stand-in, with fake answers: the reply chokepoint,
 * paging buttons, privacy, errors, deferral, autocomplete limits and the rate limit, asserted on
 * the wire. (tests/discord-e2e.test.ts runs the real process with the real answers.)
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answer, Reply } from "../../src/answers/types.js";
import type { CommandOptions } from "../../src/commands/definitions.js";
import type { DiscordSettings } from "../../src/config/settings.js";
import { type Bot, createBot } from "../../src/discord/bot.js";
import { validateMessage } from "../../src/discord/limits.js";
import { encodePageId, pageCodecOf } from "../../src/discord/paging-id.js";
import type { KnowledgeBase } from "../../src/index/knowledge-base.js";
import { createLogger } from "../../src/log/logger.js";
import { asShown } from "../discord-standin/as-shown.js";
import {
  type RawInteraction,
  type RecordedRequest,
  type Standin,
  startStandin,
} from "../discord-standin/standin.js";

/** The fakes never look at the knowledge base. */
const emptyKnowledge = { current: () => ({}) as unknown as KnowledgeBase };

/** A quote answer with `count` items whose text carries markdown and mentions. */
function fakeAnswer(name: string, count: number): Answer {
  return {
    kind: "answer",
    command: "quote",
    title: `What ${name} said`,
    facts: [{ label: "Role", value: "US Secretary of State" }],
    sections: [
      {
        heading: "Direct quotes",
        items: Array.from({ length: count }, (_, i) => ({
          text: `Quote ${i + 1}: **not bold** @everyone <@123> ${"words ".repeat(30)}`,
          label: `direct · ${name} said`,
          citation: {
            articleId: "a",
            title: "Doha talks",
            outlet: null,
            published: "2024-10-24",
            paragraph: i + 1,
            sentence: 1,
            url: "https://example.com/a",
            link: "https://example.com/a#:~:text=Quote",
            label: `Doha talks (unknown outlet), 24 Oct 2024, ¶${i + 1}`,
          },
        })),
      },
    ],
    notes: [],
  };
}

function fakeAnswerCommand(_kb: KnowledgeBase, name: string, options: CommandOptions): Reply {
  const who = String(options.name ?? "");
  if (who === "crash") throw new Error("boom: a bug in an answer");
  if (name === "quote" && who === "nobody")
    return {
      kind: "user-error",
      command: "quote",
      message: "No one called “nobody”.",
      suggestions: ["/quote Blinken"],
    };
  return fakeAnswer(who, who === "many" ? 12 : 2);
}

const fakeComplete = (): string[] => Array.from({ length: 40 }, (_, i) => `Choice ${i} ${"x".repeat(150)}`);

interface Running {
  standin: Standin;
  bot: Bot;
  logs: Record<string, unknown>[];
}

async function run(overrides: Partial<DiscordSettings> = {}, deferAfterMs?: number): Promise<Running> {
  const standin = await startStandin();
  const logs: Record<string, unknown>[] = [];
  const settings: DiscordSettings = {
    token: standin.token,
    applicationId: standin.applicationId,
    guildId: null,
    restApi: standin.restApi,
    logLevel: "info",
    rateLimit: { commands: 100, windowSeconds: 10 },
    ...overrides,
  };
  const bot = createBot({
    settings,
    knowledge: emptyKnowledge,
    log: createLogger({ write: (line) => logs.push(JSON.parse(line) as Record<string, unknown>) }),
    answer: fakeAnswerCommand,
    complete: fakeComplete,
    deferAfterMs,
  });
  await bot.login();
  return { standin, bot, logs };
}

async function stop(running: Running | undefined): Promise<void> {
  await running?.bot.stop(1000);
  await running?.standin.close();
}

/** Polls until `check` holds (a condition on recorded state, not on time). */
async function until(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("Parley test: condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const callbackPath = (interaction: RawInteraction): string =>
  `/interactions/${interaction.id}/${interaction.token}/callback`;

function callback(standin: Standin, interaction: RawInteraction): Promise<RecordedRequest> {
  return standin.waitForCallback(interaction);
}

/** The `data` of an interaction callback body. */
function data(request: RecordedRequest): Record<string, unknown> {
  return ((request.body as { data?: Record<string, unknown> }).data ?? {}) as Record<string, unknown>;
}

function description(message: Record<string, unknown>): string {
  return ((message.embeds as { description?: string }[] | undefined)?.[0]?.description ?? "") as string;
}

function buttons(message: Record<string, unknown>): { custom_id: string; disabled?: boolean }[] {
  const rows = (message.components ?? []) as { components: { custom_id: string; disabled?: boolean }[] }[];
  return rows.flatMap((row) => row.components);
}

/** Every message the bot sent: mentions off and within Discord's limits. */
function expectSafeWire(standin: Standin): void {
  const messages = standin.requests.filter(
    (r) =>
      (r.path.endsWith("/callback") && [4, 7].includes((r.body as { type: number }).type)) ||
      (r.path.startsWith("/webhooks/") && (r.method === "PATCH" || r.method === "POST")),
  );
  expect(messages.length).toBeGreaterThan(0);
  for (const request of messages) {
    const body = request.path.endsWith("/callback")
      ? data(request)
      : (request.body as Record<string, unknown>);
    expect(body.allowed_mentions, `${request.method} ${request.path}`).toEqual({ parse: [] });
    expect(validateMessage(body)).toEqual([]);
  }
}

describe("Parley bot on the stand-in (fake answers)", () => {
  let running: Running | undefined;
  beforeAll(async () => {
    running = await run();
  });
  afterAll(async () => {
    if (running) expectSafeWire(running.standin);
    await stop(running);
  });

  it("identifies with the Guilds intent only", () => {
    const identify = running!.standin.gatewayReceived.find((payload) => payload.op === 2);
    expect(identify?.d).toMatchObject({ intents: 1 });
  });

  it("answers a command publicly with escaped verbatim text and a cited link", async () => {
    const { standin } = running!;
    const interaction = await standin.sendCommand("quote", { name: "Blinken" });
    const request = await callback(standin, interaction);
    expect((request.body as { type: number }).type).toBe(4);
    const message = data(request);
    expect(message.flags ?? 0).toBe(0);
    expect(asShown(description(message))).toContain("Quote 1: **not bold** @everyone <@123>");
    expect(description(message)).toContain("\\@everyone \\<\\@123>");
    expect(description(message)).toContain("(https://example.com/a#:~:text=Quote)");
    expect(buttons(message)).toEqual([]);
  });

  it("answers privately (flag 64) when hide is set", async () => {
    const { standin } = running!;
    const interaction = await standin.sendCommand("quote", { name: "Blinken", hide: true });
    expect(data(await callback(standin, interaction)).flags).toBe(64);
  });

  it("pages a long answer; Next turns the page for the owner, privately for anyone else", async () => {
    const { standin } = running!;
    const interaction = await standin.sendCommand("quote", { name: "many" });
    const first = data(await callback(standin, interaction));
    const [previous, next] = buttons(first);
    expect(previous?.disabled).toBe(true);
    expect(next?.disabled).toBe(false);
    expect(asShown(description(first))).toContain("Quote 1:");
    const original = standin.interaction(interaction.id)!.original!;

    const click = await standin.sendButton(next!.custom_id, {
      id: String(original.id),
      ownerId: standin.user.id,
    });
    const turned = await callback(standin, click);
    expect((turned.body as { type: number }).type).toBe(7);
    expect(asShown(description(data(turned)))).toContain("Quote 6:");
    expect(asShown(description(data(turned)))).not.toContain("Quote 1:");

    const stranger = { id: "999999999999999999", username: "stranger" };
    const peek = await standin.sendButton(
      next!.custom_id,
      { id: String(original.id), ownerId: standin.user.id },
      stranger,
    );
    const peeked = await callback(standin, peek);
    expect((peeked.body as { type: number }).type).toBe(4);
    expect(data(peeked).flags).toBe(64);
    expect(asShown(description(data(peeked)))).toContain("Quote 6:");
  });

  it("answers stale and foreign buttons with a clear private message", async () => {
    const { standin } = running!;
    const message = { id: "1", ownerId: standin.user.id };
    // An older Parley's layout, and another knowledge version's id: the answer may have changed.
    for (const stale of [`pg1|who|1|#${"A".repeat(16)}`, "p2|zzzzzz|01|0Barnea"]) {
      const clicked = await standin.sendButton(stale, message);
      const body = data(await callback(standin, clicked));
      expect(body.flags).toBe(64);
      expect(asShown(description(body))).toContain(
        "This answer has been updated since these buttons were made: run /who again",
      );
    }
    const foreign = await standin.sendButton("poll:vote:1", message);
    expect(asShown(description(data(await callback(standin, foreign))))).toContain(
      "Parley does not know this button",
    );
  });

  it("shows user errors privately with suggestions", async () => {
    const { standin } = running!;
    const interaction = await standin.sendCommand("quote", { name: "nobody" });
    const body = data(await callback(standin, interaction));
    expect(body.flags).toBe(64);
    expect(asShown(description(body))).toContain("/quote Blinken");
  });

  it("logs an internal error with an id, apologises privately with it, and keeps answering", async () => {
    const { standin, logs } = running!;
    const interaction = await standin.sendCommand("quote", { name: "crash" });
    const body = data(await callback(standin, interaction));
    expect(body.flags).toBe(64);
    const errorId = /error (\w{8})/.exec(asShown(description(body)))?.[1];
    expect(errorId).toBeDefined();
    const logged = logs.find((line) => line.errorId === errorId);
    expect(logged).toMatchObject({
      level: "error",
      event: "interaction",
      outcome: "internal-error",
      command: "quote",
    });
    expect(JSON.stringify(logged)).toContain("boom: a bug in an answer");
    const after = await standin.sendCommand("quote", { name: "Blinken" });
    expect((await callback(standin, after)).status).toBe(204);
  });

  it("answers autocomplete with at most 25 choices of at most 100 characters", async () => {
    const { standin } = running!;
    const interaction = await standin.sendAutocomplete("who", { name: "Bli" }, "name");
    const request = await callback(standin, interaction);
    expect((request.body as { type: number }).type).toBe(8);
    const choices = data(request).choices as { name: string; value: string }[];
    expect(choices).toHaveLength(25);
    for (const choice of choices) {
      expect([...choice.name].length).toBeLessThanOrEqual(100);
      expect([...choice.value].length).toBeLessThanOrEqual(100);
    }
    expect(validateMessage(request.body)).toEqual([]);
  });

  it("logs one line per interaction with id, command, latency and outcome, and no token", () => {
    const { logs, standin } = running!;
    const lines = logs.filter((line) => line.event === "interaction");
    expect(lines.length).toBeGreaterThanOrEqual(8);
    for (const line of lines) {
      expect(line).toEqual(
        expect.objectContaining({
          id: expect.any(String),
          latencyMs: expect.any(Number),
          outcome: expect.any(String),
        }),
      );
    }
    expect(JSON.stringify(logs)).not.toContain(standin.token);
  });

  it("resumes after the gateway drops the socket and answers the next interaction", async () => {
    const { standin } = running!;
    standin.faults.dropSocket();
    const interaction = await standin.sendCommand("quote", { name: "Blinken" });
    expect((await callback(standin, interaction)).status).toBe(204);
    expect(standin.gatewayReceived.some((payload) => payload.op === 6)).toBe(true);
  });
});

describe("Discord faults", () => {
  let running: Running | undefined;
  beforeAll(async () => {
    running = await run();
  });
  afterAll(async () => {
    if (running) expectSafeWire(running.standin);
    await stop(running);
  });

  const callbacks = (standin: Standin, interaction: RawInteraction): RecordedRequest[] =>
    standin.requests.filter((r) => r.path === callbackPath(interaction));

  it("retries a reply after a 429 as long as retry_after says", async () => {
    const { standin } = running!;
    standin.faults.failNext({ path: "/callback", status: 429, retryAfter: 1 });
    const interaction = await standin.sendCommand("quote", { name: "Blinken" });
    await standin.waitForRequest((r) => r.path === callbackPath(interaction) && r.status === 204);
    const [limited, retried] = callbacks(standin, interaction);
    expect(limited?.status).toBe(429);
    expect(retried!.at - limited!.at).toBeGreaterThanOrEqual(900);
  });

  it("logs a reply that keeps failing with 500 as an internal error, and answers the next interaction", async () => {
    const { standin, logs } = running!;
    // discord.js retries a 5xx three times: fail the reply and the apology for good.
    standin.faults.failNext({ path: "/callback", status: 500, times: 8 });
    const failed = await standin.sendCommand("quote", { name: "Blinken" });
    await until(() => logs.some((line) => line.id === failed.id));
    expect(logs.find((line) => line.id === failed.id)).toMatchObject({
      outcome: "internal-error",
      level: "error",
    });
    expect(callbacks(standin, failed).every((request) => request.status === 500)).toBe(true);
    // The apology gets the same 500s; that failure is logged too, and nothing else happens.
    await until(() => logs.some((line) => line.id === failed.id && line.event === "apology-failed"));
    const next = await standin.sendCommand("quote", { name: "Blinken" });
    expect((await callback(standin, next)).status).toBe(204);
  }, 20_000);
});

describe("gateway faults", () => {
  let running: Running | undefined;
  beforeAll(async () => {
    running = await run();
  });
  afterAll(async () => {
    await stop(running);
  });

  for (const [fault, act] of [
    ["RECONNECT (op 7)", (standin: Standin) => standin.faults.requestReconnect()],
    ["a resumable INVALID SESSION (op 9)", (standin: Standin) => standin.faults.invalidateSession(true)],
    [
      "an INVALID SESSION that cannot resume (op 9)",
      (standin: Standin) => standin.faults.invalidateSession(false),
    ],
  ] as const) {
    it(`reconnects after ${fault} and answers the next interaction`, async () => {
      const { standin } = running!;
      const sessions = (): number =>
        standin.gatewayReceived.filter((payload) => payload.op === 2 || payload.op === 6).length;
      const before = sessions();
      act(standin);
      await until(() => sessions() > before, 15_000);
      const interaction = await standin.sendCommand("quote", { name: "Blinken" });
      expect((await callback(standin, interaction)).status).toBe(204);
    }, 20_000);
  }
});

describe("deferral and the rate limit", () => {
  let running: Running | undefined;
  beforeAll(async () => {
    // Deferring at once exercises the path taken when an answer outlasts ~2 s.
    running = await run({ rateLimit: { commands: 2, windowSeconds: 60 } }, 0);
  });
  afterAll(async () => {
    if (running) expectSafeWire(running.standin);
    await stop(running);
  });

  it("defers, then edits the original reply", async () => {
    const { standin } = running!;
    const interaction = await standin.sendCommand("quote", { name: "Blinken", hide: true });
    const deferred = await callback(standin, interaction);
    expect(deferred.body).toEqual({ type: 5, data: { flags: 64 } });
    const edit = await standin.waitForRequest(
      (r) =>
        r.method === "PATCH" &&
        r.path === `/webhooks/${standin.applicationId}/${interaction.token}/messages/@original`,
    );
    expect(asShown(description(edit.body as Record<string, unknown>))).toContain("Quote 1:");
  });

  it("replaces a public 'thinking…' with a private answer for a user error", async () => {
    const { standin } = running!;
    const interaction = await standin.sendCommand("quote", { name: "nobody" });
    const base = `/webhooks/${standin.applicationId}/${interaction.token}`;
    await standin.waitForRequest((r) => r.method === "DELETE" && r.path === `${base}/messages/@original`);
    const followUp = await standin.waitForRequest((r) => r.method === "POST" && r.path === base);
    expect((followUp.body as { flags: number }).flags).toBe(64);
  });

  it("tells a user over the limit to slow down, privately, while others are answered", async () => {
    const { standin } = running!;
    const limited = await standin.sendCommand("quote", { name: "Blinken" });
    const body = data(await callback(standin, limited));
    expect(body.flags).toBe(64);
    expect(asShown(description(body))).toMatch(/Slow down a little: you can ask again in \d+ s\./);
    const other = await standin.sendCommand(
      "quote",
      { name: "Blinken" },
      { id: "888888888888888888", username: "other" },
    );
    expect(((await callback(standin, other)).body as { type: number }).type).toBe(5);
  });

  it("still lets a user over the command limit turn pages (paging has its own limit)", async () => {
    const { standin } = running!;
    const first = standin.requests.find((r) => r.path.endsWith("/callback"))!;
    const interactionId = first.path.split("/")[2]!;
    const original = standin.interaction(interactionId)!.original!;
    const id = encodePageId(
      { command: "quote", page: 1, options: { name: "many" } },
      pageCodecOf(emptyKnowledge.current()),
    );
    const click = await standin.sendButton(id!, {
      id: String(original.id),
      ownerId: standin.user.id,
    });
    // Deferred as an update (type 6), not answered with a private "slow down" (type 4).
    expect(((await callback(standin, click)).body as { type: number }).type).toBe(6);
  });
});

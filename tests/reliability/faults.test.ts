/**
 * Discord faults, end to end: the real Parley process (as `npm start` runs it) against the
 * stand-in, which drops the gateway socket, asks for a reconnect (op 7), stops acknowledging
 * heartbeats, invalidates the session (op 9), rate-limits a reply (429 with retry_after), fails it
 * (500) or drops its connection. After each, the bot recovers on its own and answers the next
 * interaction; every failure is in the structured log.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { slashCommand } from "../discord-standin/payloads.js";
import type { Standin } from "../discord-standin/standin.js";
import { isRunning, type RunningBot, START_TIMEOUT_MS, startBot } from "../helpers/reliability/harness.js";
import {
  Callback,
  callbacksOf,
  finalReply,
  isAccepted,
  isEphemeral,
  shownText,
} from "../helpers/reliability/replies.js";
import { until } from "../helpers/reliability/wait.js";

const IDENTIFY = 2;
const RESUME = 6;

/** Asks /who Barnea and checks the whole answer arrived (the shipped article names his role). */
async function expectAnswered(standin: Standin): Promise<string> {
  const interaction = await standin.sendCommand("who", { name: "Barnea" });
  const reply = await finalReply(standin, interaction);
  expect(reply.callbackType).toBe(Callback.Message);
  expect(shownText(reply.message)).toContain("Who is David Barnea?");
  expect(callbacksOf(standin, interaction).filter(isAccepted)).toHaveLength(1);
  return interaction.id;
}

describe("gateway faults on the real process", () => {
  let running: RunningBot;
  beforeAll(async () => {
    // Heartbeats every second, so a connection that stops acknowledging them is noticed quickly.
    running = await startBot({ heartbeatIntervalMs: 1000 });
  }, START_TIMEOUT_MS + 5000);
  afterAll(async () => {
    await running?.stop();
  });

  /** Gateway opcodes the bot sent after index `from`. */
  const sentSince = (from: number): number[] =>
    running.standin.gatewayReceived.slice(from).map((payload) => payload.op);

  for (const [fault, act, expectedOp] of [
    ["the socket drops", (standin: Standin) => standin.faults.dropSocket(), RESUME],
    ["RECONNECT (op 7)", (standin: Standin) => standin.faults.requestReconnect(), RESUME],
    [
      "heartbeats go unacknowledged (a zombie connection)",
      (standin: Standin) => standin.faults.stopHeartbeatAcks(),
      RESUME,
    ],
    [
      "INVALID SESSION, resumable (op 9, true)",
      (standin: Standin) => standin.faults.invalidateSession(true),
      RESUME,
    ],
    [
      "INVALID SESSION, not resumable (op 9, false)",
      (standin: Standin) => standin.faults.invalidateSession(false),
      IDENTIFY,
    ],
  ] as const) {
    it(`after ${fault} it ${expectedOp === RESUME ? "resumes" : "identifies again"} and answers the next interaction`, async () => {
      const { standin, bot } = running;
      await expectAnswered(standin);
      const from = standin.gatewayReceived.length;
      act(standin);
      await until(() => sentSince(from).some((op) => op === IDENTIFY || op === RESUME), "a new session");
      expect(sentSince(from).find((op) => op === IDENTIFY || op === RESUME)).toBe(expectedOp);
      await standin.waitForBot(15_000);
      await expectAnswered(standin);
      expect(isRunning(bot)).toBe(true);
    }, 30_000);
  }

  it("answers an interaction sent while the socket was down: Discord replays it on RESUME", async () => {
    const { standin } = running;
    await expectAnswered(standin);
    const from = standin.gatewayReceived.length;
    standin.faults.dropSocket();
    const place = {
      applicationId: standin.applicationId,
      guildId: standin.guildId,
      channelId: standin.channelId,
    };
    const dispatchedAt = Date.now();
    const interaction = await standin.sendInteraction(
      slashCommand(place, standin.user, "who", { name: "Barnea" }),
      {
        waitForBot: false,
      },
    );
    const reply = await finalReply(standin, interaction);
    expect(sentSince(from)).toContain(RESUME);
    expect(reply.callback.at - dispatchedAt).toBeLessThan(3000);
    expect(shownText(reply.message)).toContain("Who is David Barnea?");
  }, 30_000);

  it("logged the reconnections and resumptions as structured lines", () => {
    const events = running.bot.logs.map((line) => line.event);
    // Socket drop, op 7, the zombie and op 9 (not resumable) each reconnect; four of the faults resume.
    expect(events.filter((event) => event === "gateway-reconnecting").length).toBeGreaterThanOrEqual(4);
    expect(events.filter((event) => event === "gateway-resumed").length).toBeGreaterThanOrEqual(4);
    for (const line of running.bot.logs)
      expect(line).toMatchObject({ time: expect.any(String), level: expect.any(String) });
  });
});

describe("REST faults on the real process", () => {
  let running: RunningBot;
  beforeAll(async () => {
    running = await startBot();
  }, START_TIMEOUT_MS + 5000);
  afterAll(async () => {
    await running?.stop();
  });

  const logFor = (id: string) =>
    running.bot.waitForLog((line) => line.event === "interaction" && line.id === id, 20_000);

  it("retries a reply rate-limited with 429 after retry_after, once, and answers", async () => {
    const { standin } = running;
    const retryAfterSeconds = 1;
    standin.faults.failNext({ path: "/callback", status: 429, retryAfter: retryAfterSeconds });
    const interaction = await standin.sendCommand("quote", { name: "Blinken" });
    const reply = await finalReply(standin, interaction);
    const attempts = callbacksOf(standin, interaction);
    expect(attempts.map((request) => request.status)).toEqual([429, 204]);
    const [limited, retried] = attempts;
    // Discord said "retry after 1 s": the second attempt on the wire comes no sooner.
    expect(retried!.at - limited!.at).toBeGreaterThanOrEqual(retryAfterSeconds * 1000 - 50);
    expect(retried!.body).toEqual(limited!.body);
    expect(shownText(reply.message)).toContain("What Anthony Blinken said");
    expect(await logFor(interaction.id)).toMatchObject({ outcome: "answered", command: "quote" });
  }, 20_000);

  it("retries a reply that failed once with 500 and answers exactly once", async () => {
    const { standin } = running;
    standin.faults.failNext({ path: "/callback", status: 500 });
    const interaction = await standin.sendCommand("who", { name: "Barnea" });
    await finalReply(standin, interaction);
    expect(callbacksOf(standin, interaction).map((request) => request.status)).toEqual([500, 204]);
    expect(await logFor(interaction.id)).toMatchObject({ outcome: "answered" });
  }, 20_000);

  it("retries a reply whose connection was reset (ECONNRESET) and answers exactly once", async () => {
    const { standin } = running;
    standin.faults.failNext({ path: "/callback", drop: "reset" });
    const interaction = await standin.sendCommand("who", { name: "Barnea" });
    const reply = await finalReply(standin, interaction);
    expect(callbacksOf(standin, interaction).map((request) => request.status)).toEqual([0, 204]);
    expect(shownText(reply.message)).toContain("Who is David Barnea?");
    expect(await logFor(interaction.id)).toMatchObject({ outcome: "answered" });
  }, 20_000);

  it("logs a reply whose connection was closed unanswered, apologises privately, and answers the next", async () => {
    const { standin } = running;
    // Closed without an answer, Discord may or may not have taken the reply: it is not sent twice.
    standin.faults.failNext({ path: "/callback", drop: "close" });
    const interaction = await standin.sendCommand("who", { name: "Barnea" });
    const line = await logFor(interaction.id);
    expect(line).toMatchObject({ level: "error", outcome: "internal-error", errorId: expect.any(String) });
    const apology = await finalReply(standin, interaction);
    expect(isEphemeral(apology.message)).toBe(true);
    expect(shownText(apology.message)).toContain(`error ${String(line.errorId)}`);
    await expectAnswered(standin);
  }, 20_000);

  it("logs a reply that keeps failing with 500 (id, outcome, error id) and answers the next interaction", async () => {
    const { standin, bot } = running;
    // discord.js tries a request 4 times on 5xx; the reply and then the apology both fail for good.
    standin.faults.failNext({ path: "/callback", status: 500, times: 8 });
    const failed = await standin.sendCommand("who", { name: "Barnea" });
    const line = await logFor(failed.id);
    expect(line).toMatchObject({
      level: "error",
      event: "interaction",
      id: failed.id,
      command: "who",
      outcome: "internal-error",
      errorId: expect.stringMatching(/^[0-9a-f]{8}$/),
    });
    await bot.waitForLog((entry) => entry.event === "apology-failed" && entry.id === failed.id, 20_000);
    expect(callbacksOf(standin, failed).every((request) => request.status === 500)).toBe(true);
    expect(isRunning(bot)).toBe(true);
    const next = await expectAnswered(standin);
    expect(await logFor(next)).toMatchObject({ outcome: "answered" });
  }, 40_000);

  it("never wrote the token to its output", () => {
    expect(running.bot.stdout() + running.bot.stderr()).not.toContain(running.standin.token);
  });
});

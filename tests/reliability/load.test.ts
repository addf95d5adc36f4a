/**
 * Load on the real Parley process through the stand-in: 2,000 interactions from 2,000 users, 100 in
 * flight at a time. Every one is answered exactly once, none with an error, each first response
 * inside Discord's 3 s window (a correctness requirement, not a speed target: the p99 is printed,
 * speed belongs to `npm run bench`). Then one user floods while another keeps asking: the flood
 * gets private "slow down" answers, the other user is answered normally.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { snowflake } from "../discord-standin/snowflake.js";
import type { Standin, StandinUser } from "../discord-standin/standin.js";
import { type RunningBot, START_TIMEOUT_MS, startBot } from "../helpers/reliability/harness.js";
import {
  DISCORD_WINDOW_MS,
  expectEveryAnswerOnce,
  loadInteraction,
  measured,
} from "../helpers/reliability/load-checks.js";
import { percentile, runPool } from "../helpers/reliability/pool.js";
import { Callback, finalReply } from "../helpers/reliability/replies.js";
import { until } from "../helpers/reliability/wait.js";

const TOTAL = 2000;
const IN_FLIGHT = 100;

function place(standin: Standin) {
  return { applicationId: standin.applicationId, guildId: standin.guildId, channelId: standin.channelId };
}

type Measured = ReturnType<typeof measured>;

async function sendAndMeasure(standin: Standin, index: number) {
  const dispatchedAt = Date.now();
  const interaction = await standin.sendInteraction(loadInteraction(place(standin), index));
  return measured(interaction, await finalReply(standin, interaction, 30_000), dispatchedAt);
}

describe(`load: ${TOTAL} interactions, ${IN_FLIGHT} in flight`, () => {
  let running: RunningBot;
  beforeAll(async () => {
    // Discord's default per-user limit: 2,000 different users must not trip it.
    running = await startBot({ env: { RATE_LIMIT_COMMANDS: "5", RATE_LIMIT_WINDOW_SECONDS: "10" } });
  }, START_TIMEOUT_MS + 5000);
  afterAll(async () => {
    await running?.stop();
  });

  it("answers every one exactly once, without an error, within Discord's 3 s", async () => {
    const { standin, bot } = running;
    const results = await runPool(TOTAL, IN_FLIGHT, (index) => sendAndMeasure(standin, index));

    const handlingMs = await expectEveryAnswerOnce(standin, bot, results, TOTAL);

    const first = results.map((result) => result.firstResponseMs);
    const complete = results.map((result) => result.completeMs);
    const deferred = results.filter((result) => result.callbackType === Callback.DeferredMessage).length;
    console.log(
      `Parley load: ${TOTAL} interactions, ${IN_FLIGHT} in flight: first response p50 ${percentile(first, 50)} ms, ` +
        `p99 ${percentile(first, 99)} ms, max ${Math.max(...first)} ms; complete p99 ${percentile(complete, 99)} ms; ` +
        `${deferred} deferred; inside the bot (log latencyMs) p50 ${percentile(handlingMs, 50)} ms, p99 ${percentile(handlingMs, 99)} ms`,
    );
  }, 180_000);
});

describe("per-user rate limit under a flood", () => {
  const LIMIT = 3;
  let running: RunningBot;
  beforeAll(async () => {
    running = await startBot({
      env: { RATE_LIMIT_COMMANDS: String(LIMIT), RATE_LIMIT_WINDOW_SECONDS: "60" },
    });
  }, START_TIMEOUT_MS + 5000);
  afterAll(async () => {
    await running?.stop();
  });

  it("answers a flooding user's excess privately with 'slow down' while another user is answered", async () => {
    const { standin, bot } = running;
    const flooder: StandinUser = { id: snowflake(), username: "flooder" };
    const other: StandinUser = { id: snowflake(), username: "patient" };
    const flood: Promise<Measured>[] = [];
    const calm: Promise<Measured>[] = [];
    const measure = async (who: StandinUser): Promise<Measured> => {
      const dispatchedAt = Date.now();
      const interaction = await standin.sendCommand("who", { name: "Barnea" }, who);
      return measured(interaction, await finalReply(standin, interaction), dispatchedAt);
    };
    // Twenty from the flooder, with the other user's three in the middle of them.
    for (let i = 0; i < 20; i += 1) {
      flood.push(measure(flooder));
      if (i % 7 === 3) calm.push(measure(other));
    }
    const flooded = await Promise.all(flood);
    const answered = flooded.filter((result) => result.shown.includes("Who is David Barnea?"));
    const slowed = flooded.filter((result) =>
      /Slow down a little: you can ask again in \d+ s\./.test(result.shown),
    );
    expect(answered).toHaveLength(LIMIT);
    expect(slowed).toHaveLength(20 - LIMIT);
    for (const result of slowed) expect(result.ephemeral).toBe(true);
    for (const result of await Promise.all(calm)) {
      expect(result.shown).toContain("Who is David Barnea?");
      expect(result.ephemeral).toBe(false);
    }
    for (const result of [...flooded, ...(await Promise.all(calm))]) {
      expect(result.firstResponseMs).toBeLessThan(DISCORD_WINDOW_MS);
    }
    await until(
      () => bot.logs.filter((line) => line.outcome === "rate-limited").length >= 20 - LIMIT,
      "the rate-limited log lines",
    );
  }, 60_000);
});

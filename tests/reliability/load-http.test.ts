/**
 * The load test in HTTP mode: the real Parley process serving POST /interactions alone (no bot
 * token), 2,000 signed interactions from 2,000 users, 100 in flight at a time. Every one is
 * answered exactly once (in the HTTP response, or deferred then through the webhook), none with
 * an error, each first response inside Discord's 3 s window (a correctness requirement: the p99 is
 * printed, speed belongs to `npm run bench`).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpSender, type Replica, spawnReplica, untilReady } from "../discord-standin/http-interactions.js";
import { killIfRunning } from "../discord-standin/spawn-bot.js";
import { type Standin, startStandin } from "../discord-standin/standin.js";
import { START_TIMEOUT_MS } from "../helpers/reliability/harness.js";
import { expectEveryAnswerOnce, loadInteraction, measured } from "../helpers/reliability/load-checks.js";
import { percentile, runPool } from "../helpers/reliability/pool.js";
import { Callback, finalReply } from "../helpers/reliability/replies.js";

const TOTAL = 2000;
const IN_FLIGHT = 100;

describe(`load over HTTP: ${TOTAL} interactions, ${IN_FLIGHT} in flight`, () => {
  let standin: Standin;
  let sender: HttpSender;
  let replica: Replica | undefined;
  beforeAll(async () => {
    standin = await startStandin();
    sender = new HttpSender(standin);
    // Discord's default per-user limit: 2,000 different users must not trip it.
    replica = await spawnReplica(standin, sender.signer, {
      env: { RATE_LIMIT_COMMANDS: "5", RATE_LIMIT_WINDOW_SECONDS: "10" },
    });
    await untilReady(replica, START_TIMEOUT_MS);
  }, START_TIMEOUT_MS + 5000);
  afterAll(async () => {
    if (replica && replica.bot.child.exitCode === null) replica.bot.child.kill("SIGTERM");
    await replica?.bot.exited;
    await killIfRunning(replica?.bot);
    await replica?.cleanUp();
    await standin?.close();
  });

  it("answers every one exactly once, without an error, within Discord's 3 s", async () => {
    const place = {
      applicationId: standin.applicationId,
      guildId: standin.guildId,
      channelId: standin.channelId,
    };
    const results = await runPool(TOTAL, IN_FLIGHT, async (index) => {
      const interaction = loadInteraction(place, index);
      const sentAt = Date.now();
      const answer = await sender.send(replica!.url, interaction);
      expect(answer.status).toBe(200);
      return measured(interaction, await finalReply(standin, interaction, 30_000), sentAt);
    });

    await expectEveryAnswerOnce(standin, replica!.bot, results, TOTAL);

    const first = results.map((result) => result.firstResponseMs);
    const complete = results.map((result) => result.completeMs);
    const deferred = results.filter((result) => result.callbackType === Callback.DeferredMessage).length;
    console.log(
      `Parley load (HTTP): ${TOTAL} interactions, ${IN_FLIGHT} in flight: first response p50 ${percentile(first, 50)} ms, ` +
        `p99 ${percentile(first, 99)} ms, max ${Math.max(...first)} ms; complete p99 ${percentile(complete, 99)} ms; ${deferred} deferred`,
    );
  }, 180_000);
});

/**
 * Gateway sharding end to end: the real Parley process started with `SHARDS=auto` against a
 * stand-in that recommends two shards becomes discord.js's ShardingManager with one process per
 * shard. Interactions for guilds on both shards are answered, a killed shard is restarted and
 * answers again, and SIGTERM to the manager reaches every shard and loses nothing in flight.
 */
import { describe, expect, it } from "vitest";
import { autocomplete, type RawInteraction, slashCommand } from "../discord-standin/payloads.js";
import { snowflake } from "../discord-standin/snowflake.js";
import { exitWithin } from "../discord-standin/spawn-bot.js";
import type { Standin } from "../discord-standin/standin.js";
import { START_TIMEOUT_MS, startBot } from "../helpers/reliability/harness.js";
import { finalReply, isEphemeral, shownText } from "../helpers/reliability/replies.js";

/** Asks on the guild and returns what the user saw. */
async function whoIn(standin: Standin, guildId: string): Promise<string> {
  const interaction = await standin.sendCommandIn(guildId, "who", { name: "Barnea" });
  const reply = await finalReply(standin, interaction, 20_000);
  expect(isEphemeral(reply.message)).toBe(false);
  return shownText(reply.message);
}

/** A /who from a guild on the given shard whose reply the stand-in accepts only after `delayMs`. */
function slowCommandIn(standin: Standin, guildId: string, delayMs: number): RawInteraction {
  const raw = slashCommand(
    { applicationId: standin.applicationId, guildId, channelId: standin.channelId },
    { id: snowflake(), username: "waiting" },
    "who",
    { name: "Barnea" },
  );
  standin.faults.failNext({ path: `/interactions/${raw.id}/`, delayMs });
  return raw;
}

describe("gateway sharding (SHARDS=auto, two shards)", () => {
  it("answers guilds on both shards, restarts a killed shard, and stops every shard on SIGTERM", {
    timeout: 4 * START_TIMEOUT_MS,
  }, async () => {
    const running = await startBot({ shardCount: 2, env: { SHARDS: "auto", SHARD_SPAWN_DELAY_MS: "200" } });
    const { standin, bot } = running;
    try {
      // The manager asked the stand-in, not discord.com, and each shard identified as itself.
      expect(bot.logs.find((line) => line.event === "sharding")).toMatchObject({ shards: 2 });
      const identified = standin.gatewayReceived.filter((payload) => payload.op === 2);
      expect(identified.map((payload) => (payload.d as { shard: number[] }).shard).sort()).toEqual([
        [0, 2],
        [1, 2],
      ]);

      const guilds = [standin.guildOnShard(0), standin.guildOnShard(1)];
      for (const guildId of guilds) expect(await whoIn(standin, guildId)).toContain("Barnea");

      // Every shard's log lines say which shard wrote them.
      const starts = bot.logs.filter((line) => line.event === "starting");
      expect(starts.map((line) => line.shard).sort()).toEqual([0, 1]);

      // Kill shard 1 outright: the manager restarts it and it answers again.
      const victim = starts.find((line) => line.shard === 1)?.pid as number;
      const seen = bot.logs.length;
      process.kill(victim, "SIGKILL");
      await bot.waitForLog((line) => line.event === "shard-died" && line.shard === 1, 10_000);
      await bot.waitForLog(
        (line) => line.event === "ready" && line.shard === 1 && bot.logs.indexOf(line) >= seen,
        START_TIMEOUT_MS,
      );
      await standin.waitForShard(1, 10_000);
      expect(await whoIn(standin, guilds[1] as string)).toContain("Barnea");
      expect(await whoIn(standin, guilds[0] as string)).toContain("Barnea");

      // SIGTERM with slow replies in flight on both shards: all answered, clean exit.
      const inFlight = guilds.flatMap((guildId) =>
        Array.from({ length: 5 }, () => slowCommandIn(standin, guildId, 1200)),
      );
      for (const interaction of inFlight) await standin.sendInteraction(interaction);
      // Autocomplete is answered in order after what was sent before it: each shard holds its five.
      for (const guildId of guilds) {
        const probe = autocomplete(
          { applicationId: standin.applicationId, guildId, channelId: standin.channelId },
          standin.user,
          "quote",
          { name: "Bli" },
          "name",
        );
        await finalReply(standin, await standin.sendInteraction(probe));
      }
      bot.child.kill("SIGTERM");
      const exit = await exitWithin(bot, 15_000);
      expect(exit, `${JSON.stringify(bot.logs.slice(-8))}\n${bot.stderr()}`).toEqual({
        code: 0,
        signal: null,
      });
      for (const interaction of inFlight) {
        const reply = await finalReply(standin, interaction, 1000);
        expect(shownText(reply.message)).toContain("Barnea");
      }
      const stops = bot.logs.filter((line) => line.event === "stopped" && typeof line.shard === "number");
      expect(stops.map((line) => line.shard).sort()).toEqual([0, 1]);
      expect(stops.every((line) => line.unfinished === 0)).toBe(true);
    } finally {
      await running.stop();
    }
  });
});

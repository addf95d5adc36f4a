/**
 * Shutdown of the real Parley process with many interactions in flight (tests/discord-e2e.test.ts
 * covers one): on SIGTERM every interaction already received is answered in full, one arriving
 * after the signal gets a short private "restarting" notice, and the process exits 0 within 5 s.
 * If Discord never accepts a reply, the process still exits within 5 s, non-zero, saying so.
 */
import { describe, expect, it } from "vitest";
import { type RawInteraction, slashCommand } from "./discord-standin/payloads.js";
import { snowflake } from "./discord-standin/snowflake.js";
import { exitWithin } from "./discord-standin/spawn-bot.js";
import type { Standin } from "./discord-standin/standin.js";
import { START_TIMEOUT_MS, startBot } from "./helpers/reliability/harness.js";
import { Callback, callbacksOf, finalReply, isEphemeral, shownText } from "./helpers/reliability/replies.js";

const SHUTDOWN_LIMIT_MS = 5000;

/** A /who Barnea from a fresh user whose reply Discord (the stand-in) accepts only after `delayMs`. */
function slowCommand(standin: Standin, delayMs: number): RawInteraction {
  const place = {
    applicationId: standin.applicationId,
    guildId: standin.guildId,
    channelId: standin.channelId,
  };
  const raw = slashCommand(place, { id: snowflake(), username: "waiting" }, "who", { name: "Barnea" });
  standin.faults.failNext({ path: `/interactions/${raw.id}/`, delayMs });
  return raw;
}

/**
 * Autocomplete is answered in order after the commands sent before it were received, so its
 * answer means the bot is holding all of them.
 */
async function barrier(standin: Standin): Promise<void> {
  const probe = await standin.sendAutocomplete("quote", { name: "Bli" }, "name");
  await finalReply(standin, probe);
}

describe("SIGTERM with interactions in flight", () => {
  it(
    "answers all of them, tells a late one Parley is restarting, then exits 0 within 5 s",
    async () => {
      const running = await startBot();
      const { standin, bot } = running;
      try {
        const inFlight = Array.from({ length: 30 }, () => slowCommand(standin, 1500));
        for (const interaction of inFlight) await standin.sendInteraction(interaction);
        await barrier(standin);

        const signalledAt = Date.now();
        bot.child.kill("SIGTERM");
        const shutdown = await bot.waitForLog((line) => line.event === "shutdown");
        expect(shutdown).toMatchObject({ signal: "SIGTERM", inFlight: inFlight.length });
        const late = await standin.sendCommand("who", { name: "Barnea" });

        const exit = await exitWithin(bot, 10_000);
        const stoppedWithinMs = Date.now() - signalledAt;
        expect(exit).toEqual({ code: 0, signal: null });
        expect(stoppedWithinMs).toBeLessThan(SHUTDOWN_LIMIT_MS);

        for (const interaction of inFlight) {
          const reply = await finalReply(standin, interaction, 1000);
          expect(reply.callbackType).toBe(Callback.Message);
          expect(shownText(reply.message)).toContain("Who is David Barnea?");
          expect(callbacksOf(standin, interaction)).toHaveLength(1);
          expect(
            bot.logs.find((line) => line.event === "interaction" && line.id === interaction.id),
          ).toMatchObject({ outcome: "answered" });
        }
        const lateReply = await finalReply(standin, late, 1000);
        expect(isEphemeral(lateReply.message)).toBe(true);
        expect(shownText(lateReply.message)).toContain(
          "Parley is restarting. Please ask again in a few seconds.",
        );
        expect(bot.logs.find((line) => line.event === "stopped")).toMatchObject({ unfinished: 0 });
        console.log(
          `Parley shutdown: ${inFlight.length} in flight answered, exit 0 after ${stoppedWithinMs} ms`,
        );
      } finally {
        await running.stop();
      }
    },
    START_TIMEOUT_MS + 30_000,
  );

  it(
    "still exits within 5 s, non-zero and saying why, when Discord never accepts a reply",
    async () => {
      const running = await startBot();
      const { standin, bot } = running;
      try {
        const stuck = slowCommand(standin, 20_000);
        await standin.sendInteraction(stuck);
        await barrier(standin);
        const signalledAt = Date.now();
        bot.child.kill("SIGTERM");
        const exit = await exitWithin(bot, 10_000);
        expect(Date.now() - signalledAt).toBeLessThan(SHUTDOWN_LIMIT_MS);
        expect(exit.code).not.toBe(0);
        expect(bot.logs.find((line) => line.event === "stopped")).toMatchObject({ unfinished: 1 });
        expect(bot.stderr()).toContain("Parley: stopped with 1 interaction(s) unanswered");
      } finally {
        await running.stop();
      }
    },
    START_TIMEOUT_MS + 30_000,
  );
});

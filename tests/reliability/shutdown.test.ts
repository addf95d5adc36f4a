/**
 * Shutdown of the real Parley process with many interactions in flight (tests/discord-e2e.test.ts
 * covers one): on SIGTERM every interaction already received is answered in full, one arriving
 * after the signal gets a short private "restarting" notice, and the process exits 0 within 5 s.
 * If Discord never accepts a reply, the process still exits within 5 s, non-zero, saying so.
 */
import { describe, expect, it } from "vitest";
import { type RawInteraction, slashCommand } from "../discord-standin/payloads.js";
import { snowflake } from "../discord-standin/snowflake.js";
import { exitWithin } from "../discord-standin/spawn-bot.js";
import type { Standin } from "../discord-standin/standin.js";
import { START_TIMEOUT_MS, startBot } from "../helpers/reliability/harness.js";
import {
  Callback,
  callbacksOf,
  finalReply,
  isAccepted,
  isEphemeral,
  shownText,
} from "../helpers/reliability/replies.js";
import { until } from "../helpers/reliability/wait.js";

const SHUTDOWN_LIMIT_MS = 5000;

/** Discord drops an interaction not answered within this. */
const DISCORD_WINDOW_MS = 3000;

function place(standin: Standin) {
  return { applicationId: standin.applicationId, guildId: standin.guildId, channelId: standin.channelId };
}

/** A /who Barnea from a fresh user whose reply Discord (the stand-in) accepts only after `delayMs`. */
function slowCommand(standin: Standin, delayMs: number): RawInteraction {
  const raw = slashCommand(place(standin), { id: snowflake(), username: "waiting" }, "who", {
    name: "Barnea",
  });
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

describe("shutdown with interactions in flight", () => {
  it.each(["SIGTERM", "SIGINT"] as const)(
    "on %s answers all of them, tells a late one Parley is restarting, then exits 0 within 5 s",
    async (signal) => {
      const running = await startBot();
      const { standin, bot } = running;
      try {
        const inFlight = Array.from({ length: 30 }, () => slowCommand(standin, 1500));
        for (const interaction of inFlight) await standin.sendInteraction(interaction);
        await barrier(standin);

        const signalledAt = Date.now();
        bot.child.kill(signal);
        const shutdown = await bot.waitForLog((line) => line.event === "shutdown");
        expect(shutdown).toMatchObject({ signal, inFlight: inFlight.length });
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
          `Parley shutdown on ${signal}: ${inFlight.length} in flight answered, exit 0 after ${stoppedWithinMs} ms`,
        );
      } finally {
        await running.stop();
      }
    },
    START_TIMEOUT_MS + 30_000,
  );

  it(
    "under steady traffic (100 in flight) answers everything it received exactly once and exits 0 within 5 s",
    async () => {
      const running = await startBot();
      const { standin, bot } = running;
      try {
        let sending = true;
        const sent: RawInteraction[] = [];
        const workers = Array.from({ length: 100 }, async (_, worker) => {
          const user = { id: `9${String(worker).padStart(17, "0")}`, username: `steady-${worker}` };
          while (sending) {
            // Not waiting for the bot: once it has left, the interaction is simply never answered.
            const interaction = await standin.sendInteraction(
              slashCommand(place(standin), user, "ask", { question: "Doha ceasefire hostages" }),
              { waitForBot: false },
            );
            sent.push(interaction);
            await finalReply(standin, interaction, DISCORD_WINDOW_MS).catch(() => undefined);
          }
        });
        await until(() => sent.length > 300, "steady traffic");
        const signalledAt = Date.now();
        bot.child.kill("SIGTERM");
        const exit = await exitWithin(bot, 10_000);
        const stoppedWithinMs = Date.now() - signalledAt;
        sending = false;
        await Promise.all(workers);
        expect(exit).toEqual({ code: 0, signal: null });
        expect(stoppedWithinMs).toBeLessThan(SHUTDOWN_LIMIT_MS);
        expect(bot.logs.find((line) => line.event === "stopped")).toMatchObject({ unfinished: 0 });
        // Everything the bot received was answered once: in full before the signal, or with the
        // short "restarting" notice after it.
        const received = bot.logs.filter((line) => line.event === "interaction");
        expect(received.length).toBeGreaterThan(300);
        const byId = new Map(sent.map((interaction) => [interaction.id, interaction]));
        for (const line of received) {
          expect(["answered", "shutting-down"]).toContain(line.outcome);
          const interaction = byId.get(String(line.id))!;
          expect(callbacksOf(standin, interaction).filter(isAccepted)).toHaveLength(1);
        }
        const notices = received.filter((line) => line.outcome === "shutting-down").length;
        console.log(
          `Parley shutdown under traffic: ${received.length} received, ${notices} told to ask again, exit 0 after ${stoppedWithinMs} ms`,
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

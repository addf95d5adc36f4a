/**
 * Soak: the real Parley process answers a steady stream of interactions for a minute (15 s under
 * CI=true) and its heap after garbage collection ends within 10% of where it started. The figures
 * come from the bot itself: with PARLEY_DEBUG_HEAP=1 and node's --expose-gc it logs a `heap` line
 * on SIGUSR2 (src/discord/heap-report.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OptionValue, slashCommand } from "../discord-standin/payloads.js";
import { snowflake } from "../discord-standin/snowflake.js";
import type { Standin, StandinUser } from "../discord-standin/standin.js";
import { type RunningBot, START_TIMEOUT_MS, startBot } from "../helpers/reliability/harness.js";
import { runPool } from "../helpers/reliability/pool.js";
import { finalReply, type Message, shownText } from "../helpers/reliability/replies.js";

const SOAK_MS = process.env.CI === "true" ? 15_000 : 60_000;
const IN_FLIGHT = 50;
/** Users the traffic comes from (more than the bot's user cache holds). */
const USERS: StandinUser[] = Array.from({ length: 500 }, (_, i) => ({
  id: snowflake(),
  username: `soak-${i}`,
}));

/** Words from the shipped article, for /ask questions that differ from one interaction to the next. */
const WORDS = [
  "Doha",
  "ceasefire",
  "hostages",
  "Blinken",
  "Mossad",
  "Hamas",
  "Qatar",
  "negotiations",
  "Biden",
  "August",
];

function command(index: number): { name: string; options: Record<string, OptionValue> } {
  switch (index % 6) {
    case 0:
      return { name: "who", options: { name: index % 12 === 0 ? "Barnea" : "Blinken" } };
    case 1:
      return { name: "quote", options: { name: "Blinken" } };
    case 2:
      return { name: "status", options: { topic: "talks" } };
    case 3:
      return {
        name: "ask",
        options: { question: `${WORDS[index % 10]} ${WORDS[(index * 7) % 10]} ${index % 97}` },
      };
    case 4:
      return { name: "who", options: { name: `Nobody${index % 50}` } }; // a user error, privately
    default:
      return { name: "sources", options: {} };
  }
}

/** Sends one command and, when the answer pages, clicks Next on it (exercises the paging ids). */
async function exchange(standin: Standin, index: number): Promise<void> {
  const { name, options } = command(index);
  const user = USERS[index % USERS.length]!;
  const place = {
    applicationId: standin.applicationId,
    guildId: standin.guildId,
    channelId: standin.channelId,
  };
  const interaction = await standin.sendInteraction(slashCommand(place, user, name, options));
  const reply = await finalReply(standin, interaction, 30_000);
  expect(shownText(reply.message)).not.toMatch(/Sorry, something went wrong/);
  const next = nextButton(reply.message);
  const original = standin.interaction(interaction.id)?.original;
  if (next && original && index % 3 === 0) {
    const click = await standin.sendButton(next, { id: String(original.id), ownerId: user.id }, user);
    expect(shownText((await finalReply(standin, click, 30_000)).message)).toMatch(/Page 2\//);
  }
}

function nextButton(message: Message): string | undefined {
  const rows = (message.components ?? []) as {
    components: { custom_id: string; label?: string; disabled?: boolean }[];
  }[];
  return rows
    .flatMap((row) => row.components)
    .find((button) => button.label?.includes("Next") && !button.disabled)?.custom_id;
}

describe(`soak: ${SOAK_MS / 1000} s of traffic`, () => {
  let running: RunningBot;
  let pid = 0;
  beforeAll(async () => {
    running = await startBot({ env: { PARLEY_DEBUG_HEAP: "1", NODE_OPTIONS: "--expose-gc" } });
    pid = Number((await running.bot.waitForLog((line) => line.event === "heap-report")).pid);
  }, START_TIMEOUT_MS + 5000);
  afterAll(async () => {
    await running?.stop();
  });

  /** Heap in use after a full GC, as the bot reports it. */
  async function heapAfterGc(): Promise<number> {
    const seen = running.bot.logs.filter((line) => line.event === "heap").length;
    process.kill(pid, "SIGUSR2");
    await running.bot.waitForLog(
      (line) => line.event === "heap" && running.bot.logs.filter((l) => l.event === "heap").length > seen,
    );
    const line = running.bot.logs.filter((l) => l.event === "heap").at(-1)!;
    expect(line.afterGc).toBe(true);
    return Number(line.heapUsed);
  }

  it(
    "keeps the heap after GC within 10% of the start",
    async () => {
      const { standin } = running;
      // Warm up first: compiled code, caches that fill to their bound, the paging memory.
      let sent = 0;
      await runPool(600, IN_FLIGHT, () => exchange(standin, sent++));
      const start = await heapAfterGc();

      const endAt = Date.now() + SOAK_MS;
      let soaked = 0;
      await runPool(IN_FLIGHT, IN_FLIGHT, async () => {
        while (Date.now() < endAt) {
          await exchange(standin, sent++);
          soaked += 1;
        }
      });
      const end = await heapAfterGc();
      const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);
      console.log(
        `Parley soak: ${soaked} exchanges in ${SOAK_MS / 1000} s; heap after GC ${mb(start)} MB -> ${mb(end)} MB ` +
          `(${(((end - start) / start) * 100).toFixed(1)}%)`,
      );
      expect(soaked).toBeGreaterThan(0);
      expect(end).toBeLessThanOrEqual(start * 1.1);
      expect(running.bot.logs.filter((line) => line.level === "error")).toEqual([]);
    },
    SOAK_MS + 120_000,
  );
});

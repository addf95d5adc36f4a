/**
 * What both load tests (gateway and HTTP) require of every interaction, and the mix they send:
 * answered exactly once, a real answer (never an error, a "slow down" or a "restarting"), inside
 * Discord's 3 s, and logged as answered.
 */
import { expect } from "vitest";
import {
  autocomplete,
  type InteractionPlace,
  type OptionValue,
  slashCommand,
} from "../../discord-standin/payloads.js";
import { snowflake } from "../../discord-standin/snowflake.js";
import type { SpawnedBot } from "../../discord-standin/spawn-bot.js";
import type { RawInteraction, Standin } from "../../discord-standin/standin.js";
import { Callback, type FinalReply, isAccepted, isEphemeral, shownText } from "./replies.js";
import { until } from "./wait.js";

/** Discord drops an interaction whose first response comes later than this. */
export const DISCORD_WINDOW_MS = 3000;

export interface LoadCommand {
  name: string;
  options: Record<string, OptionValue>;
  focused?: string;
}

/** Commands that all have an answer in the shipped article (no user errors). */
export const LOAD_MIX: readonly LoadCommand[] = [
  { name: "who", options: { name: "Barnea" } },
  { name: "who", options: { name: "Blinken" } },
  { name: "quote", options: { name: "Blinken" } },
  { name: "quote", options: { name: "Netanyahu’s office", hide: true } },
  { name: "status", options: { topic: "talks" } },
  { name: "status", options: {} },
  { name: "ask", options: { question: "Doha ceasefire hostages" } },
  { name: "sources", options: {} },
  { name: "help", options: {} },
  { name: "quote", options: { name: "Bli" }, focused: "name" },
];

/** One interaction of a load run, as the user saw it. */
export interface LoadResult {
  interaction: RawInteraction;
  /** Dispatch to the accepted first response. */
  firstResponseMs: number;
  callbackType: number;
  ephemeral: boolean;
  shown: string;
}

/** The `index`th interaction of a load run: the mix's command, from a user of its own. */
export function loadInteraction(place: InteractionPlace, index: number): RawInteraction {
  const command = LOAD_MIX[index % LOAD_MIX.length]!;
  const user = { id: snowflake(), username: `load-${index}` };
  return command.focused
    ? autocomplete(place, user, command.name, command.options, command.focused)
    : slashCommand(place, user, command.name, command.options);
}

/** What the user saw of one interaction sent at `sentAt`, and how long it took. */
export function measured(
  interaction: RawInteraction,
  reply: FinalReply,
  sentAt: number,
): LoadResult & { completeMs: number } {
  return {
    interaction,
    firstResponseMs: reply.callback.at - sentAt,
    completeMs: reply.carrier.at - sentAt,
    callbackType: reply.callbackType,
    ephemeral: isEphemeral(reply.message),
    shown:
      reply.callbackType === Callback.Autocomplete ? JSON.stringify(reply.message) : shownText(reply.message),
  };
}

/**
 * Asserts every interaction got exactly one first response and a real answer in time, and that
 * the bot logged each as answered with no error line. Returns the bot's own handling times.
 */
export async function expectEveryAnswerOnce(
  standin: Standin,
  bot: SpawnedBot,
  results: readonly LoadResult[],
  total: number,
): Promise<number[]> {
  const callbacks = new Map<string, number>();
  for (const request of standin.requests) {
    const id = /^\/interactions\/(\d+)\//.exec(request.path)?.[1];
    if (id) callbacks.set(id, (callbacks.get(id) ?? 0) + 1);
  }
  expect(callbacks.size).toBe(total);
  for (const { interaction } of results) expect(callbacks.get(interaction.id)).toBe(1);
  expect(standin.requests.every(isAccepted)).toBe(true);

  for (const [index, result] of results.entries()) {
    const command = LOAD_MIX[index % LOAD_MIX.length]!;
    expect(result.firstResponseMs).toBeLessThan(DISCORD_WINDOW_MS);
    if (command.focused) {
      expect(result.callbackType).toBe(Callback.Autocomplete);
      expect(result.shown).toContain("Anthony Blinken");
      continue;
    }
    expect(result.ephemeral).toBe(command.options.hide === true);
    expect(result.shown).not.toMatch(/Sorry, something went wrong|Slow down|restarting/);
  }
  await until(
    () => bot.logs.filter((line) => line.event === "interaction").length >= total,
    "a log line for every interaction",
  );
  const outcomes = new Map<string, unknown>();
  const handlingMs: number[] = [];
  for (const line of bot.logs) {
    if (line.event !== "interaction") continue;
    outcomes.set(String(line.id), line.outcome);
    handlingMs.push(Number(line.latencyMs));
  }
  for (const { interaction } of results) expect(outcomes.get(interaction.id)).toBe("answered");
  expect(bot.logs.filter((line) => line.level === "error")).toEqual([]);
  return handlingMs;
}

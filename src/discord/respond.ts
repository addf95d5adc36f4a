/**
 * The one place that sends anything to Discord in answer to an interaction. It sets
 * `allowedMentions: { parse: [] }` and the ephemeral flag on every message, defers when the work
 * is not done within ~2 s (Discord allows 3 s for the first response) and edits the reply after,
 * and answers autocomplete with choices that fit Discord's limits.
 */
import {
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type InteractionReplyOptions,
  MessageFlags,
} from "discord.js";
import { plainLine, truncate } from "./escape.js";
import { LIMITS } from "./limits.js";
import type { OutgoingMessage } from "./render-message.js";

/** No text Parley sends can ping anyone: no users, roles, @everyone or @here. */
export const NO_MENTIONS = { parse: [] as [] };

/** Start of the deferral: the first response must reach Discord within 3 s of the interaction. */
export const DEFER_AFTER_MS = 2000;

export type RepliableInteraction = ChatInputCommandInteraction | ButtonInteraction;

/** `reply`: a new message; `update`: replace the message the clicked button is on. */
export type DeliveryMode = "reply" | "update";

export interface Delivery {
  message: OutgoingMessage;
  mode: DeliveryMode;
}

export interface RespondOptions {
  /** When Discord's 3 s clock started for this interaction (ms since epoch). */
  startedAt: number;
  /** How to defer if it comes to that: the mode and privacy expected before the work is done. */
  expected: { mode: DeliveryMode; ephemeral: boolean };
  deferAfterMs?: number;
  /** How long the work is expected to take (see work-estimate.ts); 0 when unknown. */
  expectedWorkMs?: number;
}

export interface RespondResult {
  deferred: boolean;
  /** How long `produce` took. */
  workMs: number;
}

type DeferredAs = "reply-public" | "reply-ephemeral" | "update" | null;

function payload(message: OutgoingMessage) {
  return { embeds: message.embeds, components: message.components, allowedMentions: NO_MENTIONS };
}

function replyOptions(message: OutgoingMessage): InteractionReplyOptions {
  return { ...payload(message), ...(message.ephemeral ? { flags: MessageFlags.Ephemeral as const } : {}) };
}

async function defer(
  interaction: RepliableInteraction,
  expected: RespondOptions["expected"],
): Promise<DeferredAs> {
  if (expected.mode === "update" && interaction.isButton()) {
    await interaction.deferUpdate();
    return "update";
  }
  await interaction.deferReply(expected.ephemeral ? { flags: MessageFlags.Ephemeral } : {});
  return expected.ephemeral ? "reply-ephemeral" : "reply-public";
}

/**
 * Sends `delivery` whatever state the interaction is in: first response, after a deferral, or as a
 * follow-up once something was already sent (e.g. an apology after a failed reply).
 */
export async function deliver(
  interaction: RepliableInteraction,
  delivery: Delivery,
  deferredAs: DeferredAs = null,
): Promise<void> {
  const { message, mode } = delivery;
  if (!interaction.deferred && !interaction.replied) {
    if (mode === "update" && interaction.isButton()) await interaction.update(payload(message));
    else await interaction.reply(replyOptions(message));
    return;
  }
  if (interaction.deferred && !interaction.replied) {
    const as =
      deferredAs ??
      (interaction.ephemeral ? "reply-ephemeral" : interaction.isButton() ? "update" : "reply-public");
    if (as === "update" && mode === "update") {
      await interaction.editReply(payload(message));
      return;
    }
    if (as === "reply-ephemeral" || (as === "reply-public" && !message.ephemeral)) {
      await interaction.editReply(payload(message));
      return;
    }
    if (as === "reply-public") {
      // A private message cannot replace a public "thinking…": remove it, then answer privately.
      await interaction.deleteReply();
    }
  }
  await interaction.followUp(replyOptions(message));
}

/**
 * Runs `produce` and sends what it returns. Defers first when the work is expected to end past the
 * deferral point (counting the time the interaction already waited), and also when asynchronous
 * work turns out to outlast it. Errors from `produce` or from Discord propagate to the caller, which
 * logs them and apologises (see handle-interaction.ts).
 *
 * @example
 * await respond(interaction, () => ({ message, mode: "reply" }), {
 *   startedAt: interaction.createdTimestamp,
 *   expected: { mode: "reply", ephemeral: false },
 * });
 */
export async function respond(
  interaction: RepliableInteraction,
  produce: () => Delivery | Promise<Delivery>,
  options: RespondOptions,
): Promise<RespondResult> {
  const deferAfter = options.deferAfterMs ?? DEFER_AFTER_MS;
  const remaining = deferAfter - (Date.now() - options.startedAt);
  let workMs = 0;
  const timed = async (): Promise<Delivery> => {
    const started = performance.now();
    try {
      return await produce();
    } finally {
      workMs = performance.now() - started;
    }
  };
  if ((options.expectedWorkMs ?? 0) >= remaining) {
    const deferredAs = await defer(interaction, options.expected);
    await deliver(interaction, await timed(), deferredAs);
    return { deferred: true, workMs };
  }
  const work = timed();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), remaining);
  });
  try {
    const early = await Promise.race([work, deadline]);
    if (early) {
      await deliver(interaction, early);
      return { deferred: false, workMs };
    }
  } finally {
    clearTimeout(timer);
  }
  const deferredAs = await defer(interaction, options.expected);
  await deliver(interaction, await work, deferredAs);
  return { deferred: true, workMs };
}

/**
 * Answers an autocomplete request: at most 25 choices, each at most 100 characters, no blanks
 * or duplicates.
 *
 * @example
 * await respondChoices(interaction, ["Anthony Blinken"]);
 */
export async function respondChoices(
  interaction: AutocompleteInteraction,
  choices: readonly string[],
): Promise<number> {
  const clean = [
    ...new Set(
      choices.map((choice) => truncate(plainLine(choice).trim(), LIMITS.choiceName)).filter(Boolean),
    ),
  ].slice(0, LIMITS.autocompleteChoices);
  await interaction.respond(clean.map((choice) => ({ name: choice, value: choice })));
  return clean.length;
}

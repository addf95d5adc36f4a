/**
 * The one place that sends anything to Discord in answer to an interaction, whichever transport it
 * came by (gateway or HTTP: see interaction.ts). It sets `allowed_mentions: { parse: [] }` and the
 * ephemeral flag on every message, defers when the work
 * is not done within ~2 s (Discord allows 3 s for the first response) and edits the reply after,
 * and answers autocomplete with choices that fit Discord's limits.
 */
import type { APIInteractionResponse } from "discord.js";
import { plainLine, truncate } from "./escape.js";
import type { InteractionTransport } from "./interaction.js";
import { LIMITS } from "./limits.js";
import type { OutgoingMessage } from "./render-message.js";

/** No text Parley sends can ping anyone: no users, roles, @everyone or @here. */
export const NO_MENTIONS = { parse: [] as [] };

/** Start of the deferral: the first response must reach Discord within 3 s of the interaction. */
export const DEFER_AFTER_MS = 2000;

const EPHEMERAL = 64;

/** Interaction callback types (Discord API). */
const CALLBACK = { message: 4, deferredMessage: 5, deferredUpdate: 6, update: 7, autocomplete: 8 } as const;

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
  return { embeds: message.embeds, components: message.components, allowed_mentions: NO_MENTIONS };
}

function replyData(message: OutgoingMessage) {
  return { ...payload(message), ...(message.ephemeral ? { flags: EPHEMERAL } : {}) };
}

/**
 * What has been sent for one interaction, and the calls that send more, over either transport
 * (gateway or HTTP): the one interface every reply goes through.
 */
export class Responder {
  deferred = false;
  replied = false;
  ephemeral = false;

  constructor(
    private readonly transport: InteractionTransport,
    /** A button click may update the message it is on. */
    readonly isButton: boolean,
  ) {}

  private async first(body: APIInteractionResponse): Promise<void> {
    await this.transport.callback(body);
  }

  async reply(message: OutgoingMessage): Promise<void> {
    // Cast: our embeds and rows are API-shaped already; the union of callback bodies is not worth spelling out.
    await this.first({ type: CALLBACK.message, data: replyData(message) } as APIInteractionResponse);
    this.replied = true;
    this.ephemeral = message.ephemeral;
  }

  async update(message: OutgoingMessage): Promise<void> {
    await this.first({ type: CALLBACK.update, data: payload(message) } as APIInteractionResponse);
    this.replied = true;
  }

  async deferReply(ephemeral: boolean): Promise<void> {
    await this.first({
      type: CALLBACK.deferredMessage,
      data: { flags: ephemeral ? EPHEMERAL : 0 },
    } as APIInteractionResponse);
    this.deferred = true;
    this.ephemeral = ephemeral;
  }

  async deferUpdate(): Promise<void> {
    await this.first({ type: CALLBACK.deferredUpdate } as APIInteractionResponse);
    this.deferred = true;
  }

  async editReply(message: OutgoingMessage): Promise<void> {
    await this.transport.webhook("PATCH", "@original", payload(message));
    this.replied = true;
  }

  async deleteReply(): Promise<void> {
    await this.transport.webhook("DELETE", "@original");
  }

  async followUp(message: OutgoingMessage): Promise<void> {
    await this.transport.webhook("POST", "", replyData(message));
    this.replied = true;
  }

  async choices(choices: { name: string; value: string }[]): Promise<void> {
    await this.first({ type: CALLBACK.autocomplete, data: { choices } } as APIInteractionResponse);
    this.replied = true;
  }
}

async function defer(responder: Responder, expected: RespondOptions["expected"]): Promise<DeferredAs> {
  if (expected.mode === "update" && responder.isButton) {
    await responder.deferUpdate();
    return "update";
  }
  await responder.deferReply(expected.ephemeral);
  return expected.ephemeral ? "reply-ephemeral" : "reply-public";
}

/**
 * Sends `delivery` whatever state the interaction is in: first response, after a deferral, or as a
 * follow-up once something was already sent (e.g. an apology after a failed reply).
 */
export async function deliver(
  responder: Responder,
  delivery: Delivery,
  deferredAs: DeferredAs = null,
): Promise<void> {
  const { message, mode } = delivery;
  if (!responder.deferred && !responder.replied) {
    if (mode === "update" && responder.isButton) await responder.update(message);
    else await responder.reply(message);
    return;
  }
  if (responder.deferred && !responder.replied) {
    const as =
      deferredAs ??
      (responder.ephemeral ? "reply-ephemeral" : responder.isButton ? "update" : "reply-public");
    if (as === "update" && mode === "update") {
      await responder.editReply(message);
      return;
    }
    if (as === "reply-ephemeral" || (as === "reply-public" && !message.ephemeral)) {
      await responder.editReply(message);
      return;
    }
    if (as === "reply-public") {
      // A private message cannot replace a public "thinking…": remove it, then answer privately.
      await responder.deleteReply();
    }
  }
  await responder.followUp(message);
}

/**
 * Runs `produce` and sends what it returns. Defers first when the work is expected to end past the
 * deferral point (counting the time the interaction already waited), and also when asynchronous
 * work turns out to outlast it. Errors from `produce` or from Discord propagate to the caller, which
 * logs them and apologises (see handle-interaction.ts).
 *
 * @example
 * await respond(responder, () => ({ message, mode: "reply" }), {
 *   startedAt: interaction.createdTimestamp,
 *   expected: { mode: "reply", ephemeral: false },
 * });
 */
export async function respond(
  interaction: Responder,
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
 * await respondChoices(responder, ["Anthony Blinken"]);
 */
export async function respondChoices(interaction: Responder, choices: readonly string[]): Promise<number> {
  const clean = [
    ...new Set(
      choices.map((choice) => truncate(plainLine(choice).trim(), LIMITS.choiceName)).filter(Boolean),
    ),
  ].slice(0, LIMITS.autocompleteChoices);
  await interaction.choices(clean.map((choice) => ({ name: choice, value: choice })));
  return clean.length;
}

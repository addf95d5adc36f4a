/**
 * Routes one interaction (slash command, autocomplete or paging button) to the answers, sends the
 * result through respond.ts, and logs one line for it. Never throws: an internal error is logged
 * with an id and the user gets a short private apology quoting that id.
 */
import { randomUUID } from "node:crypto";
import {
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  MessageFlags,
} from "discord.js";
import type { Reply } from "../answers/types.js";
import type { CommandOptions, CompletionSource } from "../commands/definitions.js";
import { findCommand } from "../commands/definitions.js";
import type { KnowledgeBase } from "../index/knowledge-base.js";
import type { IngestService } from "../ingest/ingest-worker.js";
import type { LogFields, Logger } from "../log/logger.js";
import { handleAdd } from "./handle-add.js";
import { decodePageId, type PageMemory } from "./paging-id.js";
import type { RateLimiter } from "./rate-limit.js";
import { notices, type OutgoingMessage, renderReplyMessage } from "./render-message.js";
import { deliver, type RepliableInteraction, respond, respondChoices } from "./respond.js";
import type { WorkEstimates } from "./work-estimate.js";

export interface BotContext {
  /** The live knowledge base, read once per interaction (it may be swapped by a reload). */
  knowledge: { current(): KnowledgeBase };
  answer: (kb: KnowledgeBase, name: string, options: CommandOptions) => Reply;
  complete: (kb: KnowledgeBase, source: CompletionSource, prefix: string) => string[];
  log: Logger;
  limiter: RateLimiter;
  /** Paging is cheap and comes in quick runs of clicks: it has its own, roomier limit. */
  pagingLimiter: RateLimiter;
  memory: PageMemory;
  /** Recent answer times per command, to defer before slow work. */
  estimates: WorkEstimates;
  /** True once shutdown started: new interactions get a short "restarting" answer. */
  isShuttingDown: () => boolean;
  deferAfterMs?: number;
  /** `/add` and feeds (src/ingest/); absent: /add says it is not set up. */
  ingest?: Pick<IngestService, "add">;
  /** Replicas: where /add happens (handle-add.ts). */
  addElsewhere?: string;
}

type Outcome =
  | "answered"
  | "user-error"
  | "rate-limited"
  | "shutting-down"
  | "expired-button"
  | "foreign-button"
  | "internal-error";

/** What one interaction's log line says, filled in as it is handled. */
interface Trace extends LogFields {
  id: string;
  type: "command" | "autocomplete" | "button";
  command: string | null;
  outcome: Outcome;
  deferred?: boolean;
}

/** A longer wait than this means the clocks disagree, not that the interaction is that old. */
const MAX_BELIEVABLE_WAIT_MS = 10_000;

/** Longest option value written to the logs. */
const LOGGED_OPTION_MAX = 100;

/**
 * The command's options as given, as text (for the answer and for paging ids: a boolean other than
 * `hide` is kept as "true" when set), and `hide`.
 */
function readOptions(interaction: ChatInputCommandInteraction): {
  text: Record<string, string>;
  hide: boolean;
} {
  const text: Record<string, string> = {};
  for (const option of findCommand(interaction.commandName)?.options ?? []) {
    if (option.type === "boolean") {
      if (option.name !== "hide" && interaction.options.getBoolean(option.name)) text[option.name] = "true";
      continue;
    }
    const value = interaction.options.getString(option.name);
    if (value !== null) text[option.name] = value;
  }
  return { text, hide: interaction.options.getBoolean("hide") ?? false };
}

function loggedOptions(text: Record<string, string>, hide: boolean): Record<string, string | boolean> {
  const logged: Record<string, string | boolean> = {};
  for (const [name, value] of Object.entries(text)) logged[name] = value.slice(0, LOGGED_OPTION_MAX);
  if (hide) logged.hide = true;
  return logged;
}

function privately(message: OutgoingMessage): { message: OutgoingMessage; mode: "reply" } {
  return { message: { ...message, ephemeral: true }, mode: "reply" };
}

async function handleCommand(
  context: BotContext,
  interaction: ChatInputCommandInteraction,
  startedAt: number,
  trace: Trace,
): Promise<void> {
  const { text, hide } = readOptions(interaction);
  trace.options = loggedOptions(text, hide);
  if (context.isShuttingDown()) {
    trace.outcome = "shutting-down";
    await deliver(interaction, privately(notices.shuttingDown()));
    return;
  }
  const decision = context.limiter.take(interaction.user.id);
  if (!decision.allowed) {
    trace.outcome = "rate-limited";
    await deliver(interaction, privately(notices.slowDown(decision.retryAfterSeconds)));
    return;
  }
  if (interaction.commandName === "add") {
    await handleAdd(context, interaction, startedAt, trace);
    return;
  }
  const result = await respond(
    interaction,
    () => {
      const reply = context.answer(context.knowledge.current(), interaction.commandName, { ...text, hide });
      trace.outcome = reply.kind === "answer" ? "answered" : "user-error";
      const rendered = renderReplyMessage(reply, { options: text, page: 0, memory: context.memory }, hide);
      if (rendered.pageCount > 1) trace.pages = rendered.pageCount;
      return { message: rendered.message, mode: "reply" };
    },
    {
      startedAt,
      expected: { mode: "reply", ephemeral: hide },
      deferAfterMs: context.deferAfterMs,
      expectedWorkMs: context.estimates.expected(interaction.commandName),
    },
  );
  context.estimates.record(interaction.commandName, result.workMs);
  trace.deferred = result.deferred;
}

async function handleButton(
  context: BotContext,
  interaction: ButtonInteraction,
  startedAt: number,
  trace: Trace,
): Promise<void> {
  const decoded = decodePageId(interaction.customId, context.memory);
  if (!decoded.ok) {
    trace.outcome = decoded.reason === "expired" ? "expired-button" : "foreign-button";
    const command = interaction.customId.split("|")[1] ?? "the command";
    const message =
      decoded.reason === "expired"
        ? notices.expiredButton(command)
        : decoded.reason === "old-version"
          ? notices.oldButton()
          : notices.foreignButton();
    await deliver(interaction, privately(message));
    return;
  }
  const { request } = decoded;
  trace.command = request.command;
  trace.page = request.page + 1;
  if (context.isShuttingDown()) {
    trace.outcome = "shutting-down";
    await deliver(interaction, privately(notices.shuttingDown()));
    return;
  }
  const decision = context.pagingLimiter.take(interaction.user.id);
  if (!decision.allowed) {
    trace.outcome = "rate-limited";
    await deliver(interaction, privately(notices.slowDown(decision.retryAfterSeconds)));
    return;
  }
  // Someone else's answer: show them the page privately rather than turning it for everyone.
  const owner = interaction.message.interactionMetadata?.user.id;
  const foreign = owner !== undefined && owner !== interaction.user.id;
  const wasPrivate = interaction.message.flags.has(MessageFlags.Ephemeral);
  const result = await respond(
    interaction,
    () => {
      const reply = context.answer(context.knowledge.current(), request.command, request.options);
      trace.outcome = reply.kind === "answer" ? "answered" : "user-error";
      const page = { options: request.options, page: request.page, memory: context.memory };
      const rendered = renderReplyMessage(reply, page, foreign || wasPrivate);
      if (reply.kind === "user-error" || foreign) return { message: rendered.message, mode: "reply" };
      return { message: rendered.message, mode: "update" };
    },
    {
      startedAt,
      expected: foreign ? { mode: "reply", ephemeral: true } : { mode: "update", ephemeral: wasPrivate },
      deferAfterMs: context.deferAfterMs,
      expectedWorkMs: context.estimates.expected(request.command),
    },
  );
  context.estimates.record(request.command, result.workMs);
  trace.deferred = result.deferred;
}

async function handleAutocomplete(
  context: BotContext,
  interaction: AutocompleteInteraction,
  trace: Trace,
): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const option = findCommand(interaction.commandName)?.options.find((o) => o.name === focused.name);
  trace.options = { [focused.name]: String(focused.value).slice(0, LOGGED_OPTION_MAX) };
  const choices =
    option?.autocomplete && !context.isShuttingDown()
      ? context.complete(context.knowledge.current(), option.autocomplete, String(focused.value))
      : [];
  trace.choices = await respondChoices(interaction, choices);
  trace.outcome = "answered";
}

async function apologise(interaction: Interaction, errorId: string, log: Logger): Promise<void> {
  try {
    if (interaction.isAutocomplete()) {
      if (!interaction.responded) await interaction.respond([]);
      return;
    }
    if (interaction.isChatInputCommand() || interaction.isButton()) {
      await deliver(interaction as RepliableInteraction, privately(notices.apology(errorId)));
    }
  } catch (error) {
    log.warn("apology-failed", { id: interaction.id, errorId, error });
  }
}

/**
 * Handles one interaction end to end. Resolves when the answer has been sent (or failed and was
 * logged); never rejects.
 *
 * @example
 * client.on(Events.InteractionCreate, (interaction) => void handleInteraction(context, interaction));
 */
export async function handleInteraction(context: BotContext, interaction: Interaction): Promise<void> {
  const receivedAt = Date.now();
  // Discord's 3 s start when it creates the interaction (its id's timestamp); a clock far off is ignored.
  const waited = receivedAt - interaction.createdTimestamp;
  const startedAt =
    waited >= 0 && waited < MAX_BELIEVABLE_WAIT_MS ? interaction.createdTimestamp : receivedAt;
  const trace: Trace = {
    id: interaction.id,
    type: interaction.isAutocomplete() ? "autocomplete" : interaction.isButton() ? "button" : "command",
    command: interaction.isCommand() || interaction.isAutocomplete() ? interaction.commandName : null,
    outcome: "answered",
    queuedMs: receivedAt - startedAt,
  };
  try {
    if (interaction.isChatInputCommand()) await handleCommand(context, interaction, startedAt, trace);
    else if (interaction.isAutocomplete()) await handleAutocomplete(context, interaction, trace);
    else if (interaction.isButton()) await handleButton(context, interaction, startedAt, trace);
    else return; // Nothing else is registered (no modals, no menus).
    context.log.info("interaction", { ...trace, latencyMs: Date.now() - receivedAt });
  } catch (error) {
    const errorId = randomUUID().slice(0, 8);
    trace.outcome = "internal-error";
    context.log.error("interaction", { ...trace, errorId, latencyMs: Date.now() - receivedAt, error });
    await apologise(interaction, errorId, context.log);
  }
}

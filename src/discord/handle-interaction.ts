/**
 * Routes one interaction (slash command, autocomplete or paging button) to the answers, sends the
 * result through respond.ts over whichever transport it came by (gateway or HTTP), and logs one
 * line for it. Never throws: an internal error is logged
 * with an id and the user gets a short private apology quoting that id.
 */
import { randomUUID } from "node:crypto";
import type { Reply } from "../answers/types.js";
import type { CommandOptions, CompletionSource } from "../commands/definitions.js";
import { findCommand } from "../commands/definitions.js";
import type { KnowledgeBase } from "../index/knowledge-base.js";
import type { IngestService } from "../ingest/ingest-worker.js";
import type { LogFields, Logger } from "../log/logger.js";
import { handleAdd } from "./handle-add.js";
import type { IncomingInteraction, InteractionTransport } from "./interaction.js";
import { decodePageId, type PageCodec } from "./paging-id.js";
import type { RateLimiter } from "./rate-limit.js";
import { notices, type OutgoingMessage, renderReplyMessage } from "./render-message.js";
import { deliver, Responder, respond, respondChoices } from "./respond.js";
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
  /** The version and names paging ids are written against, for a knowledge base (paging-id.ts). */
  codec: (kb: KnowledgeBase) => PageCodec;
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
  | "old-button"
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
function readOptions(interaction: IncomingInteraction): {
  text: Record<string, string>;
  hide: boolean;
} {
  const text: Record<string, string> = {};
  for (const option of findCommand(interaction.commandName ?? "")?.options ?? []) {
    const value = interaction.options[option.name];
    if (option.type === "boolean") {
      if (option.name !== "hide" && value === true) text[option.name] = "true";
      continue;
    }
    if (typeof value === "string") text[option.name] = value;
  }
  return { text, hide: interaction.options.hide === true };
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
  interaction: IncomingInteraction,
  responder: Responder,
  startedAt: number,
  trace: Trace,
): Promise<void> {
  const command = interaction.commandName ?? "";
  const { text, hide } = readOptions(interaction);
  trace.options = loggedOptions(text, hide);
  if (context.isShuttingDown()) {
    trace.outcome = "shutting-down";
    await deliver(responder, privately(notices.shuttingDown()));
    return;
  }
  const decision = context.limiter.take(interaction.userId);
  if (!decision.allowed) {
    trace.outcome = "rate-limited";
    await deliver(responder, privately(notices.slowDown(decision.retryAfterSeconds)));
    return;
  }
  if (command === "add") {
    await handleAdd(context, interaction, responder, startedAt, trace);
    return;
  }
  const result = await respond(
    responder,
    () => {
      const kb = context.knowledge.current();
      const reply = context.answer(kb, command, { ...text, hide });
      trace.outcome = reply.kind === "answer" ? "answered" : "user-error";
      const rendered = renderReplyMessage(reply, { options: text, page: 0, codec: context.codec(kb) }, hide);
      if (rendered.pageCount > 1) trace.pages = rendered.pageCount;
      return { message: rendered.message, mode: "reply" };
    },
    {
      startedAt,
      expected: { mode: "reply", ephemeral: hide },
      deferAfterMs: context.deferAfterMs,
      expectedWorkMs: context.estimates.expected(command),
    },
  );
  context.estimates.record(command, result.workMs);
  trace.deferred = result.deferred;
}

async function handleButton(
  context: BotContext,
  interaction: IncomingInteraction,
  responder: Responder,
  startedAt: number,
  trace: Trace,
): Promise<void> {
  // One knowledge base for the decoding and the answer: a reload meanwhile cannot mismatch them.
  const kb = context.knowledge.current();
  const codec = context.codec(kb);
  const decoded = decodePageId(interaction.customId ?? "", codec);
  if (!decoded.ok) {
    trace.outcome = decoded.reason === "old-version" ? "old-button" : "foreign-button";
    const message =
      decoded.reason === "old-version" ? notices.updatedAnswer(decoded.command) : notices.foreignButton();
    await deliver(responder, privately(message));
    return;
  }
  const { request } = decoded;
  trace.command = request.command;
  trace.page = request.page + 1;
  if (context.isShuttingDown()) {
    trace.outcome = "shutting-down";
    await deliver(responder, privately(notices.shuttingDown()));
    return;
  }
  const decision = context.pagingLimiter.take(interaction.userId);
  if (!decision.allowed) {
    trace.outcome = "rate-limited";
    await deliver(responder, privately(notices.slowDown(decision.retryAfterSeconds)));
    return;
  }
  // Someone else's answer: show them the page privately rather than turning it for everyone.
  const owner = interaction.message?.ownerId;
  const foreign = owner !== undefined && owner !== interaction.userId;
  const wasPrivate = interaction.message?.ephemeral ?? false;
  const result = await respond(
    responder,
    () => {
      const reply = context.answer(kb, request.command, request.options);
      trace.outcome = reply.kind === "answer" ? "answered" : "user-error";
      const page = { options: request.options, page: request.page, codec };
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
  interaction: IncomingInteraction,
  responder: Responder,
  trace: Trace,
): Promise<void> {
  const focused = interaction.focused ?? { name: "", value: "" };
  const option = findCommand(interaction.commandName ?? "")?.options.find((o) => o.name === focused.name);
  trace.options = { [focused.name]: focused.value.slice(0, LOGGED_OPTION_MAX) };
  const choices =
    option?.autocomplete && !context.isShuttingDown()
      ? context.complete(context.knowledge.current(), option.autocomplete, focused.value)
      : [];
  trace.choices = await respondChoices(responder, choices);
  trace.outcome = "answered";
}

async function apologise(
  interaction: IncomingInteraction,
  responder: Responder,
  errorId: string,
  log: Logger,
): Promise<void> {
  try {
    if (interaction.kind === "autocomplete") {
      if (!responder.replied) await responder.choices([]);
      return;
    }
    if (interaction.kind === "command" || interaction.kind === "button") {
      await deliver(responder, privately(notices.apology(errorId)));
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
 * void handleInteraction(context, parseInteraction(packet.d), transport);
 */
export async function handleInteraction(
  context: BotContext,
  interaction: IncomingInteraction,
  transport: InteractionTransport,
): Promise<void> {
  const responder = new Responder(transport, interaction.kind === "button");
  const receivedAt = Date.now();
  // Discord's 3 s start when it creates the interaction (its id's timestamp); a clock far off is ignored.
  const waited = receivedAt - interaction.createdTimestamp;
  const startedAt =
    waited >= 0 && waited < MAX_BELIEVABLE_WAIT_MS ? interaction.createdTimestamp : receivedAt;
  const trace: Trace = {
    id: interaction.id,
    type: interaction.kind === "autocomplete" || interaction.kind === "button" ? interaction.kind : "command",
    command: interaction.commandName,
    outcome: "answered",
    queuedMs: receivedAt - startedAt,
  };
  try {
    if (interaction.kind === "command")
      await handleCommand(context, interaction, responder, startedAt, trace);
    else if (interaction.kind === "autocomplete")
      await handleAutocomplete(context, interaction, responder, trace);
    else if (interaction.kind === "button")
      await handleButton(context, interaction, responder, startedAt, trace);
    else return; // Nothing else is registered (no modals, no menus).
    context.log.info("interaction", { ...trace, latencyMs: Date.now() - receivedAt });
  } catch (error) {
    const errorId = randomUUID().slice(0, 8);
    trace.outcome = "internal-error";
    context.log.error("interaction", { ...trace, errorId, latencyMs: Date.now() - receivedAt, error });
    await apologise(interaction, responder, errorId, context.log);
  }
}

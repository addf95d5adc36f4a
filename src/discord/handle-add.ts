/**
 * `/add url` on Discord: moderators only. Registered with default_member_permissions (Manage
 * Server), and the permission is checked again here, since a server can change who sees a command.
 * One add at a time per server; the reply is always private and goes through respond.ts.
 */
import type { Reply } from "../answers/types.js";
import { userError } from "../answers/user-error.js";
import type { AddResult } from "../ingest/add.js";
import type { IngestService } from "../ingest/ingest-worker.js";
import type { LogFields } from "../log/logger.js";
import type { IncomingInteraction } from "./interaction.js";
import { renderAnswerPages } from "./render-answer.js";
import { renderUserErrorMessage } from "./render-message.js";
import { deliver, type Responder, respond } from "./respond.js";
import type { WorkEstimates } from "./work-estimate.js";

/** The parts of the bot's context /add uses (BotContext has them all). */
export interface AddContext {
  ingest?: Pick<IngestService, "add">;
  /** On a read-only replica (PARLEY_ROLE=replica): where adding happens, said instead of adding. */
  addElsewhere?: string;
  estimates: WorkEstimates;
  deferAfterMs?: number;
}

/** Servers with an /add in progress, per bot. */
const busy = new WeakMap<AddContext, Set<string>>();

/** What a moderator sees: the title, date, outlet and paragraph count, or why it was not added. */
export function addReply(result: AddResult): Reply {
  if (result.status === "failed") return userError("add", `Not added: ${result.message}.`);
  if (result.status === "duplicate")
    return userError("add", `Already in Parley's sources, as ${result.file}; not added again.`);
  return {
    kind: "answer",
    command: "add",
    title: `Added: ${result.title}`,
    facts: [
      { label: "Date", value: result.published },
      { label: "Outlet", value: result.outlet ?? "unknown" },
      { label: "Paragraphs", value: String(result.paragraphs) },
      { label: "File", value: result.file },
    ],
    sections: [],
    notes: ["Parley answers from it once the knowledge has reloaded, within seconds."],
  };
}

/**
 * Handles `/add` after the rate limit (see handle-interaction.ts).
 */
export async function handleAdd(
  context: AddContext,
  interaction: IncomingInteraction,
  responder: Responder,
  startedAt: number,
  trace: LogFields & { outcome: string; deferred?: boolean },
): Promise<void> {
  const privately = (reply: Reply) => ({
    message:
      reply.kind === "user-error"
        ? renderUserErrorMessage(reply)
        : // One short page (four facts): no paging.
          { embeds: renderAnswerPages(reply).slice(0, 1), components: [], ephemeral: true },
    mode: "reply" as const,
  });
  const guildId = interaction.guildId;
  if (!guildId || !interaction.canManageGuild) {
    trace.outcome = "user-error";
    trace.refused = "permission";
    await deliver(
      responder,
      privately(userError("add", "Only moderators (Manage Server) can add articles.")),
    );
    return;
  }
  const ingest = context.ingest;
  if (!ingest) {
    trace.outcome = "user-error";
    const message = context.addElsewhere ?? "Adding articles is not set up on this bot.";
    await deliver(responder, privately(userError("add", message)));
    return;
  }
  const inProgress = busy.get(context) ?? new Set<string>();
  busy.set(context, inProgress);
  if (inProgress.has(guildId)) {
    trace.outcome = "user-error";
    trace.refused = "busy";
    await deliver(
      responder,
      privately(userError("add", "Another /add is running in this server: try again when it has finished.")),
    );
    return;
  }
  inProgress.add(guildId);
  try {
    const url = typeof interaction.options.url === "string" ? interaction.options.url : "";
    const result = await respond(
      responder,
      async () => {
        const added = await ingest.add(url);
        trace.outcome = added.status === "added" ? "answered" : "user-error";
        trace.added = added.status;
        if (added.status === "added") trace.file = added.file;
        return privately(addReply(added));
      },
      {
        startedAt,
        expected: { mode: "reply", ephemeral: true },
        deferAfterMs: context.deferAfterMs,
        expectedWorkMs: context.estimates.expected("add"),
      },
    );
    context.estimates.record("add", result.workMs);
    trace.deferred = result.deferred;
  } finally {
    inProgress.delete(guildId);
  }
}

/**
 * What the bot sent back for an interaction, read from the stand-in's record of the wire: the
 * interaction callback, and for a deferred answer the edit or follow-up that completed it.
 */
import { asShown } from "../../discord-standin/as-shown.js";
import type { RawInteraction, RecordedRequest, Standin } from "../../discord-standin/standin.js";

export type Message = Record<string, unknown>;

/** Interaction callback types (Discord API). */
export const Callback = {
  Message: 4,
  DeferredMessage: 5,
  DeferredUpdate: 6,
  Update: 7,
  Autocomplete: 8,
} as const;

export interface FinalReply {
  /** The callback Discord accepted (2xx). */
  callback: RecordedRequest;
  callbackType: number;
  /** The message the user ends up seeing (autocomplete: `{ choices }`). */
  message: Message;
  /** The request that carried `message`: the callback, or the edit/follow-up after a deferral. */
  carrier: RecordedRequest;
}

/** Discord accepted the request (2xx; a reset connection is recorded with status 0). */
export function isAccepted(request: RecordedRequest): boolean {
  return request.status >= 200 && request.status < 300;
}

export const callbackPath = (interaction: RawInteraction): string =>
  `/interactions/${interaction.id}/${interaction.token}/callback`;

/** Every callback request for `interaction` so far, accepted or not. */
export function callbacksOf(standin: Standin, interaction: RawInteraction): RecordedRequest[] {
  const path = callbackPath(interaction);
  return standin.requests.filter((request) => request.method === "POST" && request.path === path);
}

/**
 * Waits for the reply the user sees: the accepted callback, and after a deferral the edit of
 * `@original` or the follow-up.
 *
 * @example
 * const reply = await finalReply(standin, await standin.sendCommand("who", { name: "Barnea" }));
 * shownText(reply.message) // "Who is David Barnea? ..."
 */
export async function finalReply(
  standin: Standin,
  interaction: RawInteraction,
  timeoutMs = 15_000,
): Promise<FinalReply> {
  const path = callbackPath(interaction);
  const callback = await standin.waitForRequest(
    (request) => request.method === "POST" && request.path === path && isAccepted(request),
    timeoutMs,
  );
  const body = callback.body as { type: number; data?: Message };
  if (body.type !== Callback.DeferredMessage && body.type !== Callback.DeferredUpdate) {
    return { callback, callbackType: body.type, message: body.data ?? {}, carrier: callback };
  }
  const webhook = `/webhooks/${standin.applicationId}/${interaction.token}`;
  const carrier = await standin.waitForRequest(
    (request) =>
      isAccepted(request) &&
      ((request.method === "PATCH" && request.path === `${webhook}/messages/@original`) ||
        (request.method === "POST" && request.path === webhook)),
    timeoutMs,
  );
  return { callback, callbackType: body.type, message: carrier.body as Message, carrier };
}

interface LooseEmbed {
  title?: string;
  description?: string;
  fields?: { name?: string; value?: string }[];
  footer?: { text?: string };
}

/**
 * Everything the embeds show, as Discord displays it (markdown escapes removed), one part a line.
 *
 * @example
 * shownText({ embeds: [{ title: "Who is David Barnea?", description: "\\(Mossad\\)" }] })
 * // "Who is David Barnea?\n(Mossad)"
 */
export function shownText(message: Message): string {
  const embeds = (message.embeds ?? []) as LooseEmbed[];
  const parts = embeds.flatMap((embed) => [
    embed.title,
    embed.description,
    ...(embed.fields ?? []).flatMap((field) => [field.name, field.value]),
    embed.footer?.text,
  ]);
  return asShown(parts.filter((part): part is string => Boolean(part)).join("\n"));
}

/** True for Parley's private notices and user errors (flag 64). */
export function isEphemeral(message: Message): boolean {
  return (Number(message.flags ?? 0) & 64) === 64;
}

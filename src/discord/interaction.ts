/**
 * One interaction as Parley handles it, whichever way it arrived: from the gateway (discord.js's
 * raw INTERACTION_CREATE) or from Discord's POST to /interactions. Both carry the same API JSON,
 * read here once; the only difference, how the first response is sent, is the transport's.
 */
import { type APIInteractionResponse, type REST, Routes } from "discord.js";

/** How one transport talks back to Discord for one interaction. */
export interface InteractionTransport {
  /** The first response (interaction callback): a REST call on the gateway, the HTTP response in HTTP mode. */
  callback(body: APIInteractionResponse): Promise<void>;
  /** The interaction's webhook (`PATCH|DELETE .../messages/@original`, `POST` a follow-up); no bot token needed. */
  webhook(method: "PATCH" | "DELETE" | "POST", path: "@original" | "", body?: unknown): Promise<void>;
}

export type InteractionKind = "command" | "autocomplete" | "button" | "other";

export interface IncomingInteraction {
  id: string;
  token: string;
  /** The application it is for (its webhook is the reply's address). */
  applicationId: string;
  /** When Discord created it (from the id), ms since epoch: its 3 s clock starts there. */
  createdTimestamp: number;
  kind: InteractionKind;
  userId: string;
  guildId: string | null;
  /** Commands and autocomplete. */
  commandName: string | null;
  /** The command's options by name, as given (strings, booleans; numbers as text). */
  options: Record<string, string | boolean>;
  /** Autocomplete: the option being typed. */
  focused: { name: string; value: string } | null;
  /** Buttons: the custom id, and the message the button is on. */
  customId: string | null;
  message: { ownerId: string | undefined; ephemeral: boolean } | null;
  /** Manage Server (or Administrator) in this guild. */
  canManageGuild: boolean;
}

const DISCORD_EPOCH = 1420070400000n;
const EPHEMERAL = 64;
const MANAGE_GUILD = 1n << 5n;
const ADMINISTRATOR = 1n << 3n;

type Json = Record<string, unknown>;

function record(value: unknown): Json {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Json) : {};
}

function text(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

/** The creation time a snowflake carries; 0 for something that is not one. */
export function snowflakeTime(id: string): number {
  return /^\d{1,20}$/.test(id) ? Number((BigInt(id) >> 22n) + DISCORD_EPOCH) : 0;
}

function permissions(raw: unknown): bigint {
  try {
    return typeof raw === "string" ? BigInt(raw) : 0n;
  } catch {
    return 0n;
  }
}

/** Options of a chat-input command (subcommands are not used by Parley). */
function readOptions(data: Json): {
  options: Record<string, string | boolean>;
  focused: IncomingInteraction["focused"];
} {
  const options: Record<string, string | boolean> = {};
  let focused: IncomingInteraction["focused"] = null;
  for (const entry of Array.isArray(data.options) ? data.options : []) {
    const option = record(entry);
    const name = text(option.name);
    if (name === null) continue;
    const value = option.value;
    if (typeof value === "boolean" || typeof value === "string") options[name] = value;
    else if (typeof value === "number") options[name] = String(value);
    if (option.focused === true) focused = { name, value: String(value ?? "") };
  }
  return { options, focused };
}

/**
 * Reads an interaction from Discord's JSON; null when it lacks an id or token (not Discord's).
 *
 * @example
 * parseInteraction({ id: "1311...", token: "t", type: 2, data: { name: "who", options: [...] }, member: {...} })
 */
export function parseInteraction(raw: unknown): IncomingInteraction | null {
  const json = record(raw);
  const id = text(json.id);
  const token = text(json.token);
  if (!id || !token || typeof json.type !== "number") return null;
  const data = record(json.data);
  const member = record(json.member);
  const user = record(member.user ?? json.user);
  const kind: InteractionKind =
    json.type === 2 && (data.type ?? 1) === 1
      ? "command"
      : json.type === 4
        ? "autocomplete"
        : json.type === 3 && data.component_type === 2
          ? "button"
          : "other";
  const { options, focused } = readOptions(data);
  const message = json.message === undefined ? null : record(json.message);
  const owner = record(record(message?.interaction_metadata).user);
  const granted = permissions(member.permissions);
  return {
    id,
    token,
    applicationId: text(json.application_id) ?? "",
    createdTimestamp: snowflakeTime(id),
    kind,
    userId: text(user.id) ?? "",
    guildId: text(json.guild_id),
    commandName: kind === "command" || kind === "autocomplete" ? text(data.name) : null,
    options,
    focused,
    customId: kind === "button" ? text(data.custom_id) : null,
    message: message
      ? { ownerId: text(owner.id) ?? undefined, ephemeral: (Number(message.flags ?? 0) & EPHEMERAL) !== 0 }
      : null,
    canManageGuild: (granted & (MANAGE_GUILD | ADMINISTRATOR)) !== 0n,
  };
}

/**
 * A transport whose every call goes through discord.js's REST client (which retries 429s, 5xx and
 * reset connections): the gateway's. HTTP mode uses it for the webhook alone (see http-interactions.ts).
 *
 * @example
 * handleInteraction(context, interaction, restTransport(client.rest, interaction));
 */
export function restTransport(
  rest: REST,
  interaction: Pick<IncomingInteraction, "id" | "token" | "applicationId">,
): InteractionTransport {
  const { id, token, applicationId } = interaction;
  return {
    async callback(body) {
      await rest.post(Routes.interactionCallback(id, token), {
        body,
        auth: false,
        query: new URLSearchParams({ with_response: "false" }),
      });
    },
    async webhook(method, path, body) {
      const route =
        path === "@original"
          ? Routes.webhookMessage(applicationId, token, "@original")
          : Routes.webhook(applicationId, token);
      if (method === "PATCH") await rest.patch(route, { body, auth: false });
      else if (method === "DELETE") await rest.delete(route, { auth: false });
      else await rest.post(route, { body, auth: false });
    },
  };
}

/**
 * INTERACTION_CREATE payloads shaped like Discord's (API v10), with every field discord.js 14
 * reads: `entitlements` and `authorizing_integration_owners` must be present or it throws.
 */
import { snowflake } from "./snowflake.js";

export interface StandinUser {
  id: string;
  username: string;
  /** The member's permission bits in the guild (a decimal string, like Discord); a plain member's by default. */
  permissions?: string;
}

/** A plain member's permissions: no Manage Server (bit 5) or Administrator (bit 3). */
export const MEMBER_PERMISSIONS = "2248473465835073";
/** The same plus Manage Server: a moderator. */
export const MODERATOR_PERMISSIONS = String(BigInt(MEMBER_PERMISSIONS) | (1n << 5n));

/** Where interactions happen unless a test says otherwise. */
export interface InteractionPlace {
  applicationId: string;
  guildId: string;
  channelId: string;
}

export type OptionValue = string | boolean | number;

/** A raw interaction as sent on the gateway (snake_case, like Discord). */
export type RawInteraction = Record<string, unknown> & { id: string; token: string; type: number };

const STRING_OPTION = 3;
const BOOLEAN_OPTION = 5;
const NUMBER_OPTION = 10;

function optionType(value: OptionValue): number {
  if (typeof value === "boolean") return BOOLEAN_OPTION;
  if (typeof value === "number") return NUMBER_OPTION;
  return STRING_OPTION;
}

function base(type: number, place: InteractionPlace, user: StandinUser): RawInteraction {
  const apiUser = {
    id: user.id,
    username: user.username,
    discriminator: "0",
    global_name: user.username,
    avatar: null,
  };
  return {
    id: snowflake(),
    token: `itoken-${snowflake()}-${Math.random().toString(36).slice(2)}`,
    type,
    application_id: place.applicationId,
    guild_id: place.guildId,
    channel_id: place.channelId,
    channel: { id: place.channelId, type: 0, guild_id: place.guildId, name: "negotiations" },
    member: {
      user: apiUser,
      roles: [],
      joined_at: "2024-01-01T00:00:00.000Z",
      deaf: false,
      mute: false,
      flags: 0,
      permissions: user.permissions ?? MEMBER_PERMISSIONS,
    },
    app_permissions: "2248473465835073",
    locale: "en-US",
    guild_locale: "en-US",
    entitlements: [],
    authorizing_integration_owners: {},
    context: 0,
    version: 1,
  };
}

/**
 * A slash command (type 2). Options are given as a plain record; order is kept.
 *
 * @example
 * slashCommand(place, user, "who", { name: "Barnea" })
 */
export function slashCommand(
  place: InteractionPlace,
  user: StandinUser,
  name: string,
  options: Record<string, OptionValue> = {},
): RawInteraction {
  return { ...base(2, place, user), data: commandData(place, name, options, null) };
}

/**
 * An autocomplete request (type 4): `focused` names the option being typed.
 *
 * @example
 * autocomplete(place, user, "who", { name: "Bli" }, "name")
 */
export function autocomplete(
  place: InteractionPlace,
  user: StandinUser,
  name: string,
  options: Record<string, OptionValue>,
  focused: string,
): RawInteraction {
  return { ...base(4, place, user), data: commandData(place, name, options, focused) };
}

/** The `data` of a chat-input command, as a slash command and its autocomplete both carry it. */
function commandData(
  place: InteractionPlace,
  name: string,
  options: Record<string, OptionValue>,
  focused: string | null,
): RawInteraction["data"] {
  return {
    id: snowflake(),
    name,
    type: 1,
    guild_id: place.guildId,
    options: Object.entries(options).map(([optionName, value]) => ({
      name: optionName,
      type: optionType(value),
      value,
      ...(optionName === focused ? { focused: true } : {}),
    })),
  };
}

/** The message a button sits on, as Discord would attach it to a component interaction. */
export interface ButtonMessage {
  id: string;
  /** Who ran the command that produced the message (Discord's `interaction_metadata.user`). */
  ownerId: string;
  embeds?: unknown[];
  components?: unknown[];
  flags?: number;
}

/**
 * A button click (type 3, component type 2) on a message.
 *
 * @example
 * buttonClick(place, user, "pg1|w|2|Barnea", { id: messageId, ownerId: user.id })
 */
export function buttonClick(
  place: InteractionPlace,
  user: StandinUser,
  customId: string,
  message: ButtonMessage,
): RawInteraction {
  return {
    ...base(3, place, user),
    data: { custom_id: customId, component_type: 2 },
    message: {
      id: message.id,
      channel_id: place.channelId,
      type: 20,
      content: "",
      author: { id: place.applicationId, username: "Parley", discriminator: "0", avatar: null, bot: true },
      embeds: message.embeds ?? [],
      components: message.components ?? [],
      attachments: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      flags: message.flags ?? 0,
      application_id: place.applicationId,
      webhook_id: place.applicationId,
      interaction_metadata: {
        id: snowflake(),
        type: 2,
        user: { id: message.ownerId, username: "owner", discriminator: "0", avatar: null },
        authorizing_integration_owners: {},
      },
    },
  };
}

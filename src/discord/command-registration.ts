/**
 * Slash-command registration: the command definitions (src/commands/definitions.ts) turned into
 * Discord's JSON, and the one REST call that registers them for a guild or globally.
 */
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  PermissionFlagsBits,
  REST,
  type RESTPutAPIApplicationCommandsJSONBody,
  Routes,
} from "discord.js";
import { COMMANDS, type CommandDefinition } from "../commands/definitions.js";
import type { DiscordSettings } from "../config/settings.js";
import { ParleyError } from "../core/errors.js";

/** Discord's limits for command registration. */
const NAME = /^[-_\p{Ll}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const DESCRIPTION_MAX = 100;
/** Discord caps string options at 6000 characters. */
const STRING_OPTION_MAX = 6000;

function checkText(where: string, name: string, description: string): void {
  if (!NAME.test(name))
    throw new ParleyError(`Parley: ${where} name “${name}” is not a valid Discord command name`);
  if (description.length < 1 || description.length > DESCRIPTION_MAX)
    throw new ParleyError(
      `Parley: ${where} “${name}” needs a description of 1 to ${DESCRIPTION_MAX} characters`,
    );
}

function commandJson(command: CommandDefinition): RESTPutAPIApplicationCommandsJSONBody[number] {
  checkText("command", command.name, command.description);
  return {
    type: ApplicationCommandType.ChatInput,
    name: command.name,
    description: command.description,
    // A moderators' command: hidden from other members, and only in servers (not DMs).
    ...(command.defaultMemberPermissions
      ? {
          default_member_permissions: PermissionFlagsBits[command.defaultMemberPermissions].toString(),
          contexts: [InteractionContextType.Guild],
        }
      : {}),
    // Required options must come before optional ones (Discord rejects the other order).
    options: [...command.options]
      .sort((a, b) => Number(b.required) - Number(a.required))
      .map((option) => {
        checkText(`option of /${command.name}`, option.name, option.description);
        if (option.type === "boolean") {
          return {
            type: ApplicationCommandOptionType.Boolean,
            name: option.name,
            description: option.description,
            required: option.required,
          };
        }
        return {
          type: ApplicationCommandOptionType.String,
          name: option.name,
          description: option.description,
          required: option.required,
          max_length: Math.min(option.maxLength ?? STRING_OPTION_MAX, STRING_OPTION_MAX),
          ...(option.choices
            ? { choices: option.choices.map((choice) => ({ name: choice, value: choice })) }
            : { autocomplete: option.autocomplete !== undefined }),
        };
      }),
  };
}

/**
 * The registration body for every command, from the shared definitions.
 *
 * @example
 * commandRegistrationBody().map((c) => c.name) // ["who", "quote", "status", "ask", "sources", "help"]
 */
export function commandRegistrationBody(
  commands: readonly CommandDefinition[] = COMMANDS,
): RESTPutAPIApplicationCommandsJSONBody {
  return commands.map(commandJson);
}

export interface DeployResult {
  scope: "guild" | "global";
  count: number;
}

/**
 * Registers (replaces) Parley's commands: in `settings.guildId` when set (instant), else globally
 * (Discord may take a while to show global changes).
 *
 * @example
 * await deployCommands(settings) // { scope: "guild", count: 6 }
 */
export async function deployCommands(settings: DiscordSettings): Promise<DeployResult> {
  const rest = new REST(settings.restApi ? { api: settings.restApi } : {}).setToken(settings.token);
  const body = commandRegistrationBody();
  const route = settings.guildId
    ? Routes.applicationGuildCommands(settings.applicationId, settings.guildId)
    : Routes.applicationCommands(settings.applicationId);
  try {
    const registered = (await rest.put(route, { body })) as unknown[];
    return { scope: settings.guildId ? "guild" : "global", count: registered.length };
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 401) {
      throw new ParleyError(
        "Parley: Discord rejected DISCORD_TOKEN (401 Unauthorized): copy the bot token again.",
      );
    }
    if (status === 403 || status === 404) {
      throw new ParleyError(
        `Parley: Discord refused the registration (${status}): check DISCORD_APPLICATION_ID${
          settings.guildId
            ? " and DISCORD_GUILD_ID, and that the bot was invited with the applications.commands scope"
            : ""
        }.`,
      );
    }
    throw new ParleyError(
      `Parley: registering the commands failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

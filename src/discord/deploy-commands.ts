/**
 * `npm run deploy-commands`: registers Parley's slash commands with Discord, for one guild when
 * DISCORD_GUILD_ID is set (instant; for development) or globally. The bot itself never registers.
 */
import { config as loadDotenv } from "dotenv";
import { parseDiscordSettings } from "../config/settings.js";
import { ParleyError } from "../core/errors.js";
import { commandRegistrationBody, deployCommands } from "./command-registration.js";

/**
 * @example
 * process.exitCode = await runDeployCommands(process.env); // 0 on success, 1 otherwise
 */
export async function runDeployCommands(env: NodeJS.ProcessEnv): Promise<number> {
  const parsed = parseDiscordSettings(env);
  if (!parsed.ok) {
    for (const problem of parsed.problems) process.stderr.write(`${problem}\n`);
    return 1;
  }
  try {
    const { scope, count } = await deployCommands(parsed.settings);
    const where =
      scope === "guild"
        ? `guild ${parsed.settings.guildId}`
        : "all guilds (global; may take a while to appear)";
    const names = commandRegistrationBody()
      .map((command) => `/${command.name}`)
      .join(", ");
    process.stdout.write(`Parley: registered ${count} commands for ${where}: ${names}\n`);
    return 0;
  } catch (error) {
    if (error instanceof ParleyError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

loadDotenv({ quiet: true });
process.exitCode = await runDeployCommands(process.env);

/**
 * The discord.js client as Parley needs it: the Guilds intent only (no message content is read),
 * no mentions allowed by default, small caches (interactions need almost nothing cached), and the
 * REST base URL from the settings.
 */
import { Client, GatewayIntentBits, Options } from "discord.js";
import type { DiscordSettings } from "../config/settings.js";
import { NO_MENTIONS } from "./respond.js";

/**
 * @example
 * const client = createClient(settings);
 * await client.login(settings.token);
 */
export function createClient(settings: Pick<DiscordSettings, "restApi">): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: NO_MENTIONS,
    rest: settings.restApi ? { api: settings.restApi } : {},
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 0,
      GuildMemberManager: 0,
      UserManager: { maxSize: 200, keepOverLimit: (user) => user.id === user.client.user.id },
    }),
  });
}

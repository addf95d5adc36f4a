/**
 * The running bot: a client wired to the interaction handler, with the interactions in flight
 * tracked so a shutdown can finish them before logging out.
 */
import { once } from "node:events";
import { type Client, Events } from "discord.js";
import type { DiscordSettings } from "../config/settings.js";
import { ParleyError } from "../core/errors.js";
import type { KnowledgeBase } from "../index/knowledge-base.js";
import type { Logger } from "../log/logger.js";
import { createClient } from "./client.js";
import { createBotContext } from "./context.js";
import { type BotContext, handleInteraction } from "./handle-interaction.js";
import { parseInteraction, restTransport } from "./interaction.js";

export interface BotOptions {
  settings: DiscordSettings;
  knowledge: { current(): KnowledgeBase };
  log: Logger;
  /** The answers (src/answers/dispatch.ts and complete.ts; tests may pass fakes). */
  answer: BotContext["answer"];
  complete: BotContext["complete"];
  deferAfterMs?: number;
  /** `/add` (src/ingest/ingest-worker.ts); absent: /add says it is not set up. */
  ingest?: BotContext["ingest"];
  /** Replicas: where /add happens, said instead of adding. */
  addElsewhere?: string;
  /** Longest wait for Discord to accept the login (default 30 s). */
  loginTimeoutMs?: number;
  /** The process's context when another transport shares it (start.ts); default: the bot's own. */
  context?: BotContext;
}

export interface Bot {
  client: Client;
  /** Logs in and resolves once the gateway is ready. Rejects with a ParleyError saying why not. */
  login(): Promise<void>;
  /** Stops taking new interactions, waits up to `graceMs` for those in flight, logs out. */
  stop(graceMs?: number): Promise<{ unfinished: number }>;
  /** Interactions being handled right now. */
  readonly inFlight: number;
}

function loginError(error: unknown, settings: DiscordSettings): ParleyError {
  const code = (error as { code?: unknown }).code;
  const status = (error as { status?: unknown }).status;
  if (code === "TokenInvalid" || status === 401) {
    return new ParleyError(
      "Parley: Discord rejected DISCORD_TOKEN (401 Unauthorized): copy the bot token again from the Discord Developer Portal (Bot → Reset Token).",
    );
  }
  const where = settings.restApi ?? "Discord";
  const reason = error instanceof Error ? error.message : String(error);
  return new ParleyError(`Parley: could not log in to ${where}: ${reason}`);
}

/**
 * @example
 * const bot = createBot({ settings, knowledge: store, log });
 * await bot.login();
 * // ... later
 * await bot.stop();
 */
export function createBot(options: BotOptions): Bot {
  const { settings, log } = options;
  const client = createClient(settings);
  const inFlight = new Set<Promise<void>>();
  let shuttingDown = false;
  const own = createBotContext({ ...options, isShuttingDown: () => shuttingDown });
  const context: BotContext = options.context
    ? { ...options.context, isShuttingDown: () => shuttingDown || options.context!.isShuttingDown() }
    : own;

  // The raw API JSON, as the HTTP endpoint receives it: one parser and one reply path for both.
  client.on(Events.Raw, (packet: { t?: unknown; d?: unknown }) => {
    if (packet.t !== "INTERACTION_CREATE") return;
    const interaction = parseInteraction(packet.d);
    if (!interaction) return;
    interaction.applicationId ||= settings.applicationId;
    const handling = handleInteraction(context, interaction, restTransport(client.rest, interaction));
    inFlight.add(handling);
    void handling.finally(() => inFlight.delete(handling));
  });
  client.on(Events.ClientReady, (ready) => {
    log.info("ready", { user: ready.user.tag, application: ready.application.id });
    if (ready.application.id !== settings.applicationId) {
      log.warn("application-mismatch", {
        message:
          "DISCORD_APPLICATION_ID differs from the token's application: commands were registered elsewhere",
      });
    }
  });
  client.on(Events.Error, (error) => log.error("discord-error", { error }));
  // discord.js's own trace (gateway, heartbeats, rate limits) at LOG_LEVEL=debug; the token is scrubbed.
  if (settings.logLevel === "debug")
    client.on(Events.Debug, (message) => log.debug("discord-debug", { message }));
  client.on(Events.Warn, (message) => log.warn("discord-warning", { message }));
  client.on(Events.ShardDisconnect, (event, shard) =>
    log.warn("gateway-disconnected", { shard, code: event.code }),
  );
  client.on(Events.ShardReconnecting, (shard) => {
    // discord.js reports its own logout as a reconnect: only real ones are worth a line.
    if (!shuttingDown) log.info("gateway-reconnecting", { shard });
  });
  client.on(Events.ShardResume, (shard, replayed) => log.info("gateway-resumed", { shard, replayed }));
  client.on(Events.ShardError, (error, shard) => log.warn("gateway-error", { shard, error }));
  client.rest.on("rateLimited", (info) =>
    log.warn("rest-rate-limited", { route: info.route, method: info.method, retryAfterMs: info.retryAfter }),
  );

  return {
    client,
    get inFlight() {
      return inFlight.size;
    },
    async login() {
      const timeoutMs = options.loginTimeoutMs ?? 30_000;
      const controller = new AbortController();
      const ready = once(client, Events.ClientReady, { signal: controller.signal });
      const timeout = new Promise<never>((_, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no ready event within ${Math.round(timeoutMs / 1000)} s`)),
          timeoutMs,
        );
        controller.signal.addEventListener("abort", () => clearTimeout(timer));
      });
      try {
        await Promise.race([client.login(settings.token).then(() => ready), timeout]);
      } catch (error) {
        await client.destroy().catch(() => undefined);
        throw loginError(error, settings);
      } finally {
        controller.abort();
      }
    },
    async stop(graceMs = 4000) {
      shuttingDown = true;
      const deadline = Date.now() + graceMs;
      const settle = async (pending: Promise<void>[]): Promise<void> => {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          Promise.allSettled(pending),
          new Promise((resolve) => {
            timer = setTimeout(resolve, Math.max(0, deadline - Date.now()));
          }),
        ]);
        clearTimeout(timer);
      };
      // Finish what arrived before the signal (newcomers meanwhile get a short "restarting" notice),
      // then leave the gateway so nothing more arrives, and let the notices already sent finish:
      // under steady traffic there is always a newcomer, so waiting for an empty set never ends.
      await settle([...inFlight]);
      await client.destroy();
      await settle([...inFlight]);
      return { unfinished: inFlight.size };
    },
  };
}

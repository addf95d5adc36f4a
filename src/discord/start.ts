/**
 * Parley on Discord: validates the settings, logs in, answers interactions until SIGINT or
 * SIGTERM, then finishes the interactions in flight, logs out and returns. Called by the CLI
 * (src/cli/run-cli.ts) when DISCORD_TOKEN is set.
 */
import { complete } from "../answers/complete.js";
import { answerCommand } from "../answers/dispatch.js";
import { parseDiscordSettings, parseFeedSettings } from "../config/settings.js";
import { ParleyError } from "../core/errors.js";
import type { KnowledgeBase } from "../index/knowledge-base.js";
import { allowPrivate } from "../ingest/address-guard.js";
import { type IngestService, startIngest } from "../ingest/ingest-worker.js";
import { createLogger, type Logger } from "../log/logger.js";
import { createBot } from "./bot.js";
import { reportHeapOnSignal } from "./heap-report.js";

export interface StartDiscordOptions {
  env: NodeJS.ProcessEnv;
  store: { current(): KnowledgeBase; close(): Promise<void> };
  /** Default: JSON lines on stdout at LOG_LEVEL. */
  log?: Logger;
  /** The knowledge folder `/add` and the feeds write to; absent: no /add, no feeds. */
  knowledgeDir?: string;
  /** A read-only replica (PARLEY_ROLE=replica): /add answers this, saying where adding happens. */
  addElsewhere?: string;
}

/** Time allowed for interactions in flight at shutdown; the process must be gone within 5 s. */
const SHUTDOWN_GRACE_MS = 3000;
/** Last resort if something still holds the process open after logging out. */
// (4 s, not 4.9: the tsx wrapper and a loaded machine add their own delay before the process is gone.)
const SHUTDOWN_DEADLINE_MS = 4000;
/** After a shutdown that left replies unanswered: time to report it before exiting. */
const ABANDONED_EXIT_MS = 200;

/**
 * Runs the bot; resolves after a clean shutdown (SIGINT/SIGTERM). Rejects with a ParleyError (one
 * line per problem) for invalid settings or a failed login, after closing the knowledge store.
 *
 * @example
 * await startDiscord({ env: process.env, store });
 */
export async function startDiscord(options: StartDiscordOptions): Promise<void> {
  const { env, store } = options;
  const parsed = parseDiscordSettings(env);
  const feeds = parseFeedSettings(env);
  if (!parsed.ok || !feeds.ok) {
    await store.close();
    throw new ParleyError(
      [...(parsed.ok ? [] : parsed.problems), ...(feeds.ok ? [] : feeds.problems)].join("\n"),
    );
  }
  const { settings } = parsed;
  const log = options.log ?? createLogger({ level: settings.logLevel, secrets: [settings.token] });
  // Fetching and parsing run in a worker thread; the store's watcher serves what it writes.
  const ingest: IngestService | undefined = options.knowledgeDir
    ? startIngest({ dir: options.knowledgeDir, log, allowPrivate: allowPrivate(env), feeds: feeds.settings })
    : undefined;
  const bot = createBot({
    settings,
    knowledge: store,
    log,
    answer: answerCommand,
    complete,
    ingest,
    addElsewhere: options.addElsewhere,
  });
  // PARLEY_DEBUG_HEAP=1: heap figures on SIGUSR2 (tests/reliability-soak.test.ts, README Operations).
  const stopHeapReport = reportHeapOnSignal(env, log);

  // A stray rejection inside discord.js must not end the bot; it is logged instead.
  const onRejection = (reason: unknown): void => log.error("unhandled-rejection", { error: reason });
  process.on("unhandledRejection", onRejection);

  log.info("starting", {
    restApi: settings.restApi ?? "discord.com",
    rateLimit: settings.rateLimit,
    articles: store.current().articles.length,
  });
  try {
    await bot.login();
  } catch (error) {
    process.off("unhandledRejection", onRejection);
    log.error("login-failed", { message: error instanceof Error ? error.message : String(error) });
    await ingest?.close();
    await store.close();
    throw error;
  }

  const unfinished = await new Promise<number>((resolve) => {
    const shutdown = (signal: NodeJS.Signals): void => {
      process.off("SIGINT", shutdown);
      process.off("SIGTERM", shutdown);
      const startedAt = Date.now();
      log.info("shutdown", { signal, inFlight: bot.inFlight });
      setTimeout(() => {
        log.error("shutdown-timeout", { ms: Date.now() - startedAt });
        process.exit(1);
      }, SHUTDOWN_DEADLINE_MS).unref();
      void (async () => {
        const { unfinished } = await bot.stop(SHUTDOWN_GRACE_MS).catch((error: unknown) => {
          log.error("logout-failed", { error });
          return { unfinished: -1 };
        });
        await ingest?.close().catch((error: unknown) => log.error("ingest-close-failed", { error }));
        await store.close().catch((error: unknown) => log.error("store-close-failed", { error }));
        process.off("unhandledRejection", onRejection);
        log.info("stopped", { ms: Date.now() - startedAt, unfinished });
        stopHeapReport();
        resolve(unfinished);
      })();
    };
    process.on("SIGINT", shutdown);
    process.on("SIGTERM", shutdown);
  });
  if (unfinished !== 0) {
    // A reply Discord never accepted keeps its request (and the process) open until the deadline:
    // once the error below is reported, exit without waiting for it.
    setTimeout(() => process.exit(1), ABANDONED_EXIT_MS).unref();
    throw new ParleyError(`Parley: stopped with ${unfinished} interaction(s) unanswered (see the log).`);
  }
}

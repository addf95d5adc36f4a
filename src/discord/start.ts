/**
 * Parley on Discord: validates the settings, logs in, answers interactions until SIGINT or
 * SIGTERM, then finishes the interactions in flight, logs out and returns. Called by the CLI
 * (src/cli/run-cli.ts) when DISCORD_TOKEN or PARLEY_HTTP_PORT is set: the gateway with a token, the
 * HTTP endpoint (http-interactions.ts) with a port, or both, sharing one context.
 */
import { complete } from "../answers/complete.js";
import { answerCommand } from "../answers/dispatch.js";
import {
  type HttpSettings,
  parseDiscordSettings,
  parseFeedSettings,
  parseHttpSettings,
} from "../config/settings.js";
import { shardLogFields } from "../config/shards.js";
import { ParleyError } from "../core/errors.js";
import type { KnowledgeBase } from "../index/knowledge-base.js";
import { allowPrivate } from "../ingest/address-guard.js";
import { type IngestService, startIngest } from "../ingest/ingest-worker.js";
import { createLogger, type Logger } from "../log/logger.js";
import { codeFingerprint } from "../store/snapshot.js";
import { createBot } from "./bot.js";
import { createBotContext } from "./context.js";
import { reportHeapOnSignal } from "./heap-report.js";
import { type HttpInteractions, listenHttpInteractions } from "./http-interactions.js";
import { publicKeyFromHex } from "./signature.js";

type Store = { current(): KnowledgeBase; close(): Promise<void> };

export interface StartDiscordOptions {
  env: NodeJS.ProcessEnv;
  /** The knowledge, open; or how to open it (then the HTTP endpoint listens first, `/readyz` 503 meanwhile). */
  store: Store | (() => Promise<Store>);
  /** Default: JSON lines on stdout at LOG_LEVEL. */
  log?: Logger;
  /** The knowledge folder `/add` and the feeds write to; absent: no /add, no feeds. */
  knowledgeDir?: string;
  /** A read-only replica (PARLEY_ROLE=replica): /add answers this, saying where adding happens. */
  addElsewhere?: string;
}

/** A shard leaves SIGINT to its manager. */
function ignoreSignal(): void {}

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
  const { env } = options;
  const http = parseHttpSettings(env);
  const parsed = parseDiscordSettings(env, { tokenRequired: !(http.ok && http.settings) });
  const feeds = parseFeedSettings(env);
  if (!parsed.ok || !feeds.ok || !http.ok) {
    if (typeof options.store !== "function") await options.store.close();
    throw new ParleyError(
      [parsed, feeds, http].flatMap((result) => (result.ok ? [] : result.problems)).join("\n"),
    );
  }
  const { settings } = parsed;
  const shard = shardLogFields(env);
  const log =
    options.log ?? createLogger({ level: settings.logLevel, secrets: [settings.token], fields: shard });
  const endpoint = http.settings ? await listen(http.settings, settings, log, options.store) : null;
  let store: Store;
  try {
    store = typeof options.store === "function" ? await options.store() : options.store;
  } catch (error) {
    // The endpoint must not keep the process alive after a failed load.
    await endpoint?.close(0);
    throw error;
  }
  // Part of every paging id's version: replicas running other code never misread each other's buttons.
  const codeVersion = await codeFingerprint();
  // Under a shard manager only shard 0 polls the feeds (every shard would fetch the same items);
  // /add works on every shard, and every shard's store watcher serves what any of them writes.
  const feedSettings = (shard.shard ?? 0) === 0 ? feeds.settings : { ...feeds.settings, feeds: [] };
  // Fetching and parsing run in a worker thread; the store's watcher serves what it writes.
  const ingest: IngestService | undefined = options.knowledgeDir
    ? startIngest({ dir: options.knowledgeDir, log, allowPrivate: allowPrivate(env), feeds: feedSettings })
    : undefined;
  let shuttingDown = false;
  const context = createBotContext({
    settings,
    knowledge: store,
    log,
    answer: answerCommand,
    complete,
    ingest,
    codeVersion,
    isShuttingDown: () => shuttingDown,
    addElsewhere: options.addElsewhere,
  });
  const bot = settings.token
    ? createBot({ settings, knowledge: store, log, answer: answerCommand, complete, ingest, context })
    : null;
  // PARLEY_DEBUG_HEAP=1: heap figures on SIGUSR2 (tests/reliability-soak.test.ts, README Operations).
  const stopHeapReport = reportHeapOnSignal(env, log);

  // A stray rejection inside discord.js must not end the bot; it is logged instead.
  const onRejection = (reason: unknown): void => log.error("unhandled-rejection", { error: reason });
  process.on("unhandledRejection", onRejection);

  log.info("starting", {
    pid: process.pid,
    restApi: settings.restApi ?? "discord.com",
    rateLimit: settings.rateLimit,
    articles: store.current().articles.length,
  });
  try {
    await bot?.login();
  } catch (error) {
    process.off("unhandledRejection", onRejection);
    log.error("login-failed", { message: error instanceof Error ? error.message : String(error) });
    await endpoint?.close(0);
    await ingest?.close();
    await store.close();
    throw error;
  }
  endpoint?.serve(context);

  const unfinished = await new Promise<number>((resolve) => {
    const shutdown = (signal: NodeJS.Signals | "disconnect"): void => {
      process.off("SIGINT", shutdown);
      process.off("SIGTERM", shutdown);
      process.off("disconnect", onOrphaned);
      const startedAt = Date.now();
      // First of all: a load balancer sees /readyz 503 and sends this replica nothing new.
      shuttingDown = true;
      endpoint?.drain();
      log.info("shutdown", { signal, inFlight: (bot?.inFlight ?? 0) + (endpoint?.inFlight ?? 0) });
      setTimeout(() => {
        log.error("shutdown-timeout", { ms: Date.now() - startedAt });
        process.exit(1);
      }, SHUTDOWN_DEADLINE_MS).unref();
      void (async () => {
        const [gateway, served] = await Promise.all([
          bot?.stop(SHUTDOWN_GRACE_MS).catch((error: unknown) => {
            log.error("logout-failed", { error });
            return { unfinished: -1 };
          }) ?? { unfinished: 0 },
          endpoint?.close(SHUTDOWN_GRACE_MS) ?? { unfinished: 0 },
        ]);
        const unfinished = gateway.unfinished < 0 ? -1 : gateway.unfinished + served.unfinished;
        await ingest?.close().catch((error: unknown) => log.error("ingest-close-failed", { error }));
        await store.close().catch((error: unknown) => log.error("store-close-failed", { error }));
        process.off("unhandledRejection", onRejection);
        log.info("stopped", { ms: Date.now() - startedAt, unfinished });
        // A shard's IPC channel to its manager would keep the process alive.
        if (process.connected) process.disconnect();
        stopHeapReport();
        resolve(unfinished);
      })();
    };
    // A shard stops when its manager says so (SIGTERM), not on a terminal's Ctrl-C, which reaches
    // the whole process group: the manager passes it on once. A shard whose manager is gone
    // (its IPC channel closed) stops too, rather than run on unmanaged.
    const onOrphaned = (): void => shutdown("disconnect");
    if (shard.shard === undefined) process.on("SIGINT", shutdown);
    else {
      process.on("SIGINT", ignoreSignal);
      process.on("disconnect", onOrphaned);
    }
    process.on("SIGTERM", shutdown);
  });
  if (unfinished !== 0) {
    // A reply Discord never accepted keeps its request (and the process) open until the deadline:
    // once the error below is reported, exit without waiting for it.
    setTimeout(() => process.exit(1), ABANDONED_EXIT_MS).unref();
    throw new ParleyError(`Parley: stopped with ${unfinished} interaction(s) unanswered (see the log).`);
  }
}

/** Listens for HTTP interactions; on failure (e.g. the port is taken) closes the store and says why. */
async function listen(
  http: HttpSettings,
  settings: { applicationId: string; restApi: string | null },
  log: Logger,
  store: StartDiscordOptions["store"],
): Promise<HttpInteractions> {
  try {
    return await listenHttpInteractions({
      port: http.port,
      host: http.host ?? undefined,
      publicKey: publicKeyFromHex(http.publicKey),
      applicationId: settings.applicationId,
      restApi: settings.restApi,
      log,
    });
  } catch (error) {
    if (typeof store !== "function") await store.close();
    throw new ParleyError(
      `Parley: cannot serve HTTP interactions on port ${http.port}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

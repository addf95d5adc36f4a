/**
 * Starts the real Parley process (as `npm start` runs it: `node --import tsx src/main.ts`) against a fresh
 * Discord stand-in, reading its own temporary copy of `knowledge/` so a test may edit the files
 * (and no two bots share a snapshot cache). Stopping sends SIGTERM, then SIGKILL as a last resort.
 */
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import {
  type Exit,
  exitWithin,
  REPO_ROOT,
  readyOrExited,
  type SpawnedBot,
  spawnScript,
  standinEnv,
} from "../../discord-standin/spawn-bot.js";
import { type Standin, startStandin } from "../../discord-standin/standin.js";

/** Starting tsx and building the knowledge base takes several seconds on a busy 2-core machine. */
export const START_TIMEOUT_MS = 60_000;

export interface RunningBot {
  standin: Standin;
  bot: SpawnedBot;
  /** The bot's KNOWLEDGE_DIR: a temporary copy of the repository's `knowledge/`. */
  knowledgeDir: string;
  /** SIGTERM (SIGKILL after 10 s), close the stand-in, remove the temporary folder. */
  stop(): Promise<Exit>;
}

export interface StartOptions {
  /** Extra or overriding environment variables for the bot. */
  env?: Record<string, string>;
  /** Gateway heartbeat interval the stand-in asks for (default: Discord's 41.25 s). */
  heartbeatIntervalMs?: number;
  /** Shards the stand-in recommends and expects (default 1). */
  shardCount?: number;
}

/**
 * @example
 * const running = await startBot({ env: { RATE_LIMIT_COMMANDS: "3" } });
 * const interaction = await running.standin.sendCommand("who", { name: "Barnea" });
 * await running.stop();
 */
export async function startBot(options: StartOptions = {}): Promise<RunningBot> {
  const knowledgeDir = await mkdtemp(join(tmpdir(), "parley-reliability-"));
  const source = resolve(REPO_ROOT, "knowledge");
  // Dot-files (the snapshot cache) stay behind: each bot builds its own.
  await cp(source, knowledgeDir, { recursive: true, filter: (path) => !basename(path).startsWith(".") });
  const standin = await startStandin({
    heartbeatIntervalMs: options.heartbeatIntervalMs,
    shardCount: options.shardCount,
  });
  const bot = spawnScript(
    "src/main.ts",
    standinEnv(standin, { KNOWLEDGE_DIR: knowledgeDir, ...options.env }),
  );
  const stop = async (): Promise<Exit> => {
    if (bot.child.exitCode === null && bot.child.signalCode === null) bot.child.kill("SIGTERM");
    const exit = await exitWithin(bot, 10_000).catch(() => bot.exited);
    await standin.close();
    await rm(knowledgeDir, { recursive: true, force: true });
    return exit;
  };
  try {
    await readyOrExited(standin, bot, START_TIMEOUT_MS);
  } catch (error) {
    await stop();
    throw error;
  }
  return { standin, bot, knowledgeDir, stop };
}

/** True while the bot process has neither exited nor been killed. */
export function isRunning(bot: SpawnedBot): boolean {
  return bot.child.exitCode === null && bot.child.signalCode === null;
}

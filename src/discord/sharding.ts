/**
 * Gateway sharding with discord.js's own ShardingManager: with `SHARDS=N` (or `auto`) the process
 * Parley was started as becomes a manager that runs one child process per shard, restarts a shard
 * that dies, and passes SIGTERM on to every shard so each finishes its in-flight interactions.
 * Each child is Parley itself (same entry, arguments and loader), told its shard by the variables
 * the manager sets (`SHARDING_MANAGER`, `SHARDS`, `SHARD_COUNT`), which discord.js's Client reads.
 */

import type { ChildProcess } from "node:child_process";
import { once } from "node:events";
import { ShardingManager } from "discord.js";
import { parseDiscordSettings } from "../config/settings.js";
import { MAX_SHARDS, shardRole } from "../config/shards.js";
import { ParleyError } from "../core/errors.js";
import { createLogger, type Logger } from "../log/logger.js";

/** The manager's own deadline after SIGTERM: every shard has 3 s of grace and a 4 s deadline. */
const MANAGER_SHUTDOWN_MS = 4800;

/**
 * The shard count Discord recommends, asked at the configured REST base. discord.js's own `auto`
 * would always ask discord.com, which a bot pointed elsewhere (a stand-in, a proxy) must not do.
 *
 * @example
 * await recommendedShards("http://127.0.0.1:8080/api", token) // 2
 */
export async function recommendedShards(restApi: string | null, token: string): Promise<number> {
  const url = `${restApi ?? "https://discord.com/api"}/v10/gateway/bot`;
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { authorization: `Bot ${token}` },
      signal: AbortSignal.timeout(15_000),
    });
  } catch (error) {
    throw new ParleyError(
      `Parley: SHARDS=auto could not ask ${url} for the shard count: ${error instanceof Error ? error.message : String(error)}.`,
    );
  }
  if (response.status === 401)
    throw new ParleyError(
      "Parley: Discord rejected DISCORD_TOKEN (401 Unauthorized) when asked for the shard count.",
    );
  if (!response.ok)
    throw new ParleyError(
      `Parley: SHARDS=auto: ${url} answered ${response.status}; set SHARDS to a number instead.`,
    );
  const body = (await response.json().catch(() => null)) as { shards?: unknown } | null;
  const shards = body?.shards;
  if (typeof shards !== "number" || !Number.isInteger(shards) || shards < 1 || shards > MAX_SHARDS)
    throw new ParleyError(
      `Parley: SHARDS=auto: ${url} gave no usable shard count; set SHARDS to a number instead.`,
    );
  return shards;
}

export interface RunShardsOptions {
  env: NodeJS.ProcessEnv;
  /** The entry script, its arguments and Node's own flags (the `tsx` loader), given to every shard. */
  entry: string;
  args: readonly string[];
  execArgv: readonly string[];
  log?: Logger;
}

/**
 * Runs the manager until SIGINT or SIGTERM, then stops every shard and returns. Rejects with a
 * ParleyError for invalid settings, when a shard exits before it ever became ready (a start that
 * would only fail again, so restarting it would loop), or when a shard did not stop cleanly.
 *
 * @example
 * await runShards({ env: process.env, entry: process.argv[1], args: [], execArgv: process.execArgv });
 */
export async function runShards(options: RunShardsOptions): Promise<void> {
  const { env } = options;
  const role = shardRole(env);
  const parsed = parseDiscordSettings(env);
  if (!role.ok || !parsed.ok)
    throw new ParleyError(
      [...(role.ok ? [] : [role.problem]), ...(parsed.ok ? [] : parsed.problems)].join("\n"),
    );
  if (role.role.kind !== "manager") throw new Error("runShards: SHARDS is not set");
  const { settings } = parsed;
  const log = options.log ?? createLogger({ level: settings.logLevel, secrets: [settings.token] });
  const totalShards =
    role.role.shards === "auto"
      ? await recommendedShards(settings.restApi, settings.token)
      : role.role.shards;

  const manager = new ShardingManager(options.entry, {
    totalShards,
    token: settings.token,
    mode: "process",
    respawn: true,
    shardArgs: [...options.args],
    execArgv: [...options.execArgv],
  });
  let stopping = false;
  let failed: ParleyError | null = null;
  const stopped = new Promise<NodeJS.Signals | "failed">((resolve) => {
    const onSignal = (signal: NodeJS.Signals): void => {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      resolve(signal);
    };
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
    manager.on("shardCreate", (shard) => {
      log.info("shard-started", { shard: shard.id, of: totalShards });
      shard.on("ready", () => log.info("shard-ready", { shard: shard.id }));
      shard.on("death", (child) => {
        if (stopping) return;
        const code = "exitCode" in child ? child.exitCode : null;
        if (!shard.ready) {
          failed = new ParleyError(
            `Parley: shard ${shard.id} exited (code ${code}) before it was ready: see its log lines above.`,
          );
          resolve("failed");
          return;
        }
        log.warn("shard-died", { shard: shard.id, code, restarting: true });
      });
    });
  });

  log.info("sharding", { shards: totalShards, spawnDelayMs: role.role.spawnDelayMs });
  // timeout -1: do not wait for each shard's READY here (a large knowledge folder takes a while);
  // the delay alone spaces the IDENTIFYs.
  const spawning = manager
    .spawn({ amount: totalShards, delay: role.role.spawnDelayMs, timeout: -1 })
    .catch((error: unknown) => {
      failed = new ParleyError(
        `Parley: could not start the shards: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
  const reason = await stopped;
  stopping = true;
  log.info("shutdown", { signal: reason, shards: manager.shards.size });
  const unclean = await stopShards(
    [...manager.shards.values()].map((shard) => ({
      id: shard.id,
      child: shard.process,
      kill: () => shard.kill(),
    })),
    log,
  );
  await spawning;
  if (failed) throw failed;
  if (unclean > 0) throw new ParleyError(`Parley: ${unclean} shard(s) did not stop cleanly (see the log).`);
}

/** SIGTERM to every shard at once, then wait (bounded) for each to exit; a straggler is killed. */
async function stopShards(
  shards: { id: number; child: ChildProcess | null; kill(): void }[],
  log: Logger,
): Promise<number> {
  const startedAt = Date.now();
  let unclean = 0;
  const exits = shards.map(async ({ id, child, kill }) => {
    if (!child || child.exitCode !== null) return;
    const exit = once(child, "exit") as Promise<[number | null, NodeJS.Signals | null]>;
    kill();
    const timer = setTimeout(() => child.kill("SIGKILL"), MANAGER_SHUTDOWN_MS);
    const [code, signal] = await exit;
    clearTimeout(timer);
    if (code !== 0) {
      unclean += 1;
      log.error("shard-stopped", { shard: id, code, signal });
    }
  });
  await Promise.all(exits);
  log.info("stopped", { ms: Date.now() - startedAt, unclean });
  return unclean;
}

/**
 * Which part of a sharded bot this process is, from its environment: `SHARDS=N|auto` makes the
 * process a shard manager; the manager starts each shard with `SHARDING_MANAGER`, `SHARDS` (the
 * shard's id) and `SHARD_COUNT` set (discord.js's names, which its Client reads). Kept apart from
 * src/discord/ so that the CLI can ask without loading discord.js.
 */
/** discord.js's own wait between shard starts (Discord allows one IDENTIFY per 5 s per bucket). */
export const DEFAULT_SPAWN_DELAY_MS = 5500;
/** More shards than this is a typo, not a bot (Discord needs one per 2,500 servers). */
export const MAX_SHARDS = 1024;

export type ShardRole =
  /** No sharding: one process, one gateway connection. */
  | { kind: "single" }
  /** The manager: spawns the shards, holds no knowledge and no gateway connection. */
  | { kind: "manager"; shards: number | "auto"; spawnDelayMs: number }
  /** A shard process started by the manager. */
  | { kind: "shard"; id: number; count: number };

/**
 * What this process is, from its environment.
 *
 * @example
 * shardRole({ SHARDS: "2" }) // { ok: true, role: { kind: "manager", shards: 2, spawnDelayMs: 5500 } }
 * shardRole({ SHARDING_MANAGER: "true", SHARDS: "1", SHARD_COUNT: "2" }) // { ok: true, role: { kind: "shard", id: 1, count: 2 } }
 */
export function shardRole(
  env: NodeJS.ProcessEnv,
): { ok: true; role: ShardRole } | { ok: false; problem: string } {
  if (env.SHARDING_MANAGER === "true") {
    const id = Number(env.SHARDS);
    const count = Number(env.SHARD_COUNT);
    if (!Number.isInteger(id) || !Number.isInteger(count) || id < 0 || id >= count)
      return { ok: false, problem: `Parley: started as shard “${env.SHARDS}” of “${env.SHARD_COUNT}”.` };
    return { ok: true, role: { kind: "shard", id, count } };
  }
  const raw = env.SHARDS?.trim();
  if (!raw) return { ok: true, role: { kind: "single" } };
  const delayRaw = env.SHARD_SPAWN_DELAY_MS?.trim();
  const spawnDelayMs = delayRaw ? Number(delayRaw) : DEFAULT_SPAWN_DELAY_MS;
  if (!Number.isInteger(spawnDelayMs) || spawnDelayMs < 0)
    return {
      ok: false,
      problem: `Parley: SHARD_SPAWN_DELAY_MS must be a whole number of milliseconds, got “${delayRaw?.slice(0, 40)}”.`,
    };
  if (raw.toLowerCase() === "auto")
    return { ok: true, role: { kind: "manager", shards: "auto", spawnDelayMs } };
  const shards = Number(raw);
  if (!Number.isInteger(shards) || shards < 1 || shards > MAX_SHARDS)
    return {
      ok: false,
      problem: `Parley: SHARDS must be a whole number from 1 to ${MAX_SHARDS}, or auto, got “${raw.slice(0, 40)}”.`,
    };
  return { ok: true, role: { kind: "manager", shards, spawnDelayMs } };
}

/** Log fields that say which shard wrote a line (none outside sharding). */
export function shardLogFields(env: NodeJS.ProcessEnv): { shard?: number } {
  const parsed = shardRole(env);
  return parsed.ok && parsed.role.kind === "shard" ? { shard: parsed.role.id } : {};
}

/**
 * Sharding settings and the shard count asked of the configured REST base (the stand-in here,
 * never discord.com), and the stand-in's own routing of guilds to shards.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SPAWN_DELAY_MS, shardLogFields, shardRole } from "../../src/config/shards.js";
import { ParleyError } from "../../src/core/errors.js";
import { recommendedShards } from "../../src/discord/sharding.js";
import { shardOf } from "../discord-standin/gateway.js";
import { type Standin, startStandin } from "../discord-standin/standin.js";

describe("shardRole", () => {
  it("is a single process without SHARDS", () => {
    expect(shardRole({})).toEqual({ ok: true, role: { kind: "single" } });
    expect(shardRole({ SHARDS: " " })).toEqual({ ok: true, role: { kind: "single" } });
  });

  it("makes a manager of SHARDS=N or auto, with the spawn delay", () => {
    expect(shardRole({ SHARDS: "3" })).toEqual({
      ok: true,
      role: { kind: "manager", shards: 3, spawnDelayMs: DEFAULT_SPAWN_DELAY_MS },
    });
    expect(shardRole({ SHARDS: "AUTO", SHARD_SPAWN_DELAY_MS: "0" })).toEqual({
      ok: true,
      role: { kind: "manager", shards: "auto", spawnDelayMs: 0 },
    });
  });

  it("reads a shard process's id and count from what the manager set", () => {
    const env = { SHARDING_MANAGER: "true", SHARDS: "1", SHARD_COUNT: "2" };
    expect(shardRole(env)).toEqual({ ok: true, role: { kind: "shard", id: 1, count: 2 } });
    expect(shardLogFields(env)).toEqual({ shard: 1 });
    expect(shardLogFields({ SHARDS: "2" })).toEqual({});
  });

  it.each([
    [{ SHARDS: "0" }, /SHARDS must be a whole number from 1/],
    [{ SHARDS: "two" }, /got “two”/],
    [{ SHARDS: "1.5" }, /SHARDS must be/],
    [{ SHARDS: "5000" }, /from 1 to 1024/],
    [{ SHARDS: "2", SHARD_SPAWN_DELAY_MS: "-1" }, /SHARD_SPAWN_DELAY_MS must be/],
    [{ SHARDING_MANAGER: "true", SHARDS: "2", SHARD_COUNT: "2" }, /shard “2” of “2”/],
  ])("refuses %j with a clear message", (env, message) => {
    const result = shardRole(env);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toMatch(message);
  });
});

describe("recommendedShards", () => {
  let standin: Standin;
  beforeAll(async () => {
    standin = await startStandin({ shardCount: 3 });
  });
  afterAll(() => standin.close());

  it("asks GET /gateway/bot at the configured REST base", async () => {
    expect(await recommendedShards(standin.restApi, standin.token)).toBe(3);
    expect(standin.requests.some((r) => r.method === "GET" && r.path.endsWith("/gateway/bot"))).toBe(true);
  });

  it("says the token was rejected, and what failed when the base is unreachable", async () => {
    await expect(recommendedShards(standin.restApi, "wrong.token")).rejects.toThrow(/401 Unauthorized/);
    const refused = recommendedShards("http://127.0.0.1:9/api", standin.token);
    await expect(refused).rejects.toBeInstanceOf(ParleyError);
    await expect(refused).rejects.toThrow(/SHARDS=auto could not ask http:\/\/127\.0\.0\.1:9\/api/);
  });

  it("routes guilds as Discord does: (guild_id >> 22) % shards", () => {
    for (let shard = 0; shard < 3; shard++) expect(shardOf(standin.guildOnShard(shard), 3)).toBe(shard);
    expect(shardOf(((41n << 22n) | 5n).toString(), 3)).toBe(2);
  });
});

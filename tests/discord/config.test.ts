/** Settings validation, the JSON-lines logger and the per-user rate limit. */
import { describe, expect, it } from "vitest";
import { parseDiscordSettings } from "../../src/config/settings.js";
import { RateLimiter } from "../../src/discord/rate-limit.js";
import { WorkEstimates } from "../../src/discord/work-estimate.js";
import { createLogger } from "../../src/log/logger.js";

const valid = { DISCORD_TOKEN: "MTIz.fake.token-value", DISCORD_APPLICATION_ID: "123456789012345678" };

describe("parseDiscordSettings", () => {
  it("reads valid settings with defaults", () => {
    expect(parseDiscordSettings({ ...valid, DISCORD_REST_API: "http://127.0.0.1:9999/api/" })).toEqual({
      ok: true,
      settings: {
        token: "MTIz.fake.token-value",
        applicationId: "123456789012345678",
        guildId: null,
        restApi: "http://127.0.0.1:9999/api",
        logLevel: "info",
        rateLimit: { commands: 5, windowSeconds: 10 },
      },
    });
  });

  it("reports every problem at once, one clear message each", () => {
    const result = parseDiscordSettings({
      DISCORD_TOKEN: "two words",
      DISCORD_APPLICATION_ID: "my-app",
      DISCORD_GUILD_ID: "42",
      DISCORD_REST_API: "ftp://example",
      LOG_LEVEL: "loud",
      RATE_LIMIT_COMMANDS: "-1",
      RATE_LIMIT_WINDOW_SECONDS: "soon",
    });
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toHaveLength(7);
    for (const [name, problem] of [
      "DISCORD_TOKEN",
      "DISCORD_APPLICATION_ID",
      "DISCORD_GUILD_ID",
      "DISCORD_REST_API",
      "LOG_LEVEL",
      "RATE_LIMIT_COMMANDS",
      "RATE_LIMIT_WINDOW_SECONDS",
    ].map((n, i) => [n, problems[i]] as const)) {
      expect(problem).toMatch(new RegExp(`^Parley: ${name} `));
    }
  });

  it("says what to do when the token or application id is missing", () => {
    const result = parseDiscordSettings({});
    expect(result.ok ? [] : result.problems).toEqual([
      expect.stringContaining("DISCORD_TOKEN is not set"),
      expect.stringContaining("DISCORD_APPLICATION_ID is not set"),
    ]);
  });
});

describe("createLogger", () => {
  it("writes one JSON object per event and never the token", () => {
    const lines: string[] = [];
    const log = createLogger({
      level: "info",
      write: (line) => lines.push(line),
      secrets: [valid.DISCORD_TOKEN],
    });
    log.debug("ignored");
    log.info("interaction", { id: "1", command: "who", outcome: "answered", token: "x" });
    log.error("failed", { error: new Error(`login with ${valid.DISCORD_TOKEN} failed`) });
    expect(lines).toHaveLength(2);
    const [first, second] = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(first).toMatchObject({
      level: "info",
      event: "interaction",
      id: "1",
      command: "who",
      token: "[redacted]",
    });
    expect(second?.error).toMatchObject({ name: "Error", message: "login with [redacted] failed" });
    expect(lines.join("\n")).not.toContain(valid.DISCORD_TOKEN);
  });
});

describe("RateLimiter", () => {
  it("lets each user through up to the limit per window, and others are never held back", () => {
    let now = 1_000_000;
    const limiter = new RateLimiter(3, 10_000, () => now);
    expect([1, 2, 3, 4].map(() => limiter.take("busy").allowed)).toEqual([true, true, true, false]);
    expect(limiter.take("other").allowed).toBe(true);
    const refused = limiter.take("busy");
    expect(refused.retryAfterSeconds).toBeCloseTo(10);
    now += 10_001;
    expect(limiter.take("busy").allowed).toBe(true);
  });

  it("forgets idle users, so memory stays bounded", () => {
    let now = 0;
    const limiter = new RateLimiter(5, 1000, () => now);
    for (let user = 0; user < 1000; user++) limiter.take(String(user));
    now += 5000;
    limiter.take("late");
    expect(limiter.size).toBe(1);
  });
});

describe("WorkEstimates", () => {
  it("expects the slowest recent duration per command, forgetting old ones", () => {
    const estimates = new WorkEstimates();
    expect(estimates.expected("ask")).toBe(0);
    estimates.record("ask", 2500);
    for (let i = 0; i < 19; i++) estimates.record("ask", 10);
    expect(estimates.expected("ask")).toBe(2500);
    estimates.record("ask", 10);
    expect(estimates.expected("ask")).toBe(10);
    expect(estimates.expected("who")).toBe(0);
  });
});

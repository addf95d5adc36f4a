/**
 * Discord settings from the environment (or `.env`, already loaded by main), validated at start
 * with one clear message per problem. Knowledge settings (`KNOWLEDGE_DIR`) are the CLI's.
 */
export type LogLevel = "debug" | "info" | "warn" | "error";

export const LOG_LEVELS: readonly LogLevel[] = ["debug", "info", "warn", "error"];

export interface DiscordSettings {
  /** The bot token, without a `Bot ` prefix. Never log it. */
  token: string;
  applicationId: string;
  /** Register commands in this guild only (instant, for development); null: globally. */
  guildId: string | null;
  /** Base URL of the REST API (discord.js `rest.api`); null: Discord's own. */
  restApi: string | null;
  logLevel: LogLevel;
  /** Per-user rate limit: at most `commands` per `windowSeconds`. */
  rateLimit: { commands: number; windowSeconds: number };
}

export type SettingsResult = { ok: true; settings: DiscordSettings } | { ok: false; problems: string[] };

export const DEFAULT_RATE_LIMIT = { commands: 5, windowSeconds: 10 } as const;

/** Discord ids are 17 to 20 digit snowflakes. */
const SNOWFLAKE = /^\d{17,20}$/;

function value(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const raw = env[name]?.trim();
  return raw ? raw : undefined;
}

function parseToken(raw: string | undefined, required: boolean, problems: string[]): string {
  if (!raw) {
    if (!required) return "";
    problems.push(
      "Parley: DISCORD_TOKEN is not set: copy the bot token from the Discord Developer Portal (Bot → Reset Token) into .env.",
    );
    return "";
  }
  const token = raw.replace(/^Bot\s+/i, "");
  if (/\s/.test(token))
    problems.push("Parley: DISCORD_TOKEN contains spaces: paste the token alone, on one line.");
  return token;
}

function parseSnowflake(
  name: string,
  raw: string | undefined,
  required: boolean,
  problems: string[],
): string | null {
  if (!raw) {
    if (required)
      problems.push(
        `Parley: ${name} is not set: copy the Application ID from the Discord Developer Portal (General Information).`,
      );
    return null;
  }
  if (!SNOWFLAKE.test(raw)) {
    problems.push(`Parley: ${name} must be a Discord id (17 to 20 digits), got “${raw.slice(0, 40)}”.`);
    return null;
  }
  return raw;
}

function parseRestApi(raw: string | undefined, problems: string[]): string | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    problems.push(
      `Parley: DISCORD_REST_API must be a URL such as http://127.0.0.1:8080/api, got “${raw.slice(0, 80)}”.`,
    );
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    problems.push(`Parley: DISCORD_REST_API must start with http:// or https://, got “${url.protocol}”.`);
    return null;
  }
  // discord.js appends `/v10/...` itself.
  return raw.replace(/\/+$/, "");
}

function parseLogLevel(raw: string | undefined, problems: string[]): LogLevel {
  if (!raw) return "info";
  const level = raw.toLowerCase();
  if ((LOG_LEVELS as readonly string[]).includes(level)) return level as LogLevel;
  problems.push(`Parley: LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}, got “${raw.slice(0, 40)}”.`);
  return "info";
}

function parsePositive(
  name: string,
  raw: string | undefined,
  fallback: number,
  integer: boolean,
  problems: string[],
): number {
  if (!raw) return fallback;
  const parsed = Number(raw);
  if (!Number.isFinite(parsed) || parsed <= 0 || (integer && !Number.isInteger(parsed))) {
    problems.push(
      `Parley: ${name} must be a positive ${integer ? "whole number" : "number"}, got “${raw.slice(0, 40)}”.`,
    );
    return fallback;
  }
  return parsed;
}

/**
 * Reads and validates the Discord settings; every problem is reported, not just the first.
 *
 * @example
 * parseDiscordSettings({ DISCORD_TOKEN: "abc.def", DISCORD_APPLICATION_ID: "123456789012345678" })
 * // { ok: true, settings: { token: "abc.def", guildId: null, logLevel: "info", ... } }
 */
export function parseDiscordSettings(
  env: NodeJS.ProcessEnv,
  { tokenRequired = true }: { tokenRequired?: boolean } = {},
): SettingsResult {
  const problems: string[] = [];
  const token = parseToken(value(env, "DISCORD_TOKEN"), tokenRequired, problems);
  const applicationId = parseSnowflake(
    "DISCORD_APPLICATION_ID",
    value(env, "DISCORD_APPLICATION_ID"),
    true,
    problems,
  );
  const guildId = parseSnowflake("DISCORD_GUILD_ID", value(env, "DISCORD_GUILD_ID"), false, problems);
  const restApi = parseRestApi(value(env, "DISCORD_REST_API"), problems);
  const logLevel = parseLogLevel(value(env, "LOG_LEVEL"), problems);
  const commands = parsePositive(
    "RATE_LIMIT_COMMANDS",
    value(env, "RATE_LIMIT_COMMANDS"),
    DEFAULT_RATE_LIMIT.commands,
    true,
    problems,
  );
  const windowSeconds = parsePositive(
    "RATE_LIMIT_WINDOW_SECONDS",
    value(env, "RATE_LIMIT_WINDOW_SECONDS"),
    DEFAULT_RATE_LIMIT.windowSeconds,
    false,
    problems,
  );
  if (problems.length > 0 || !applicationId) return { ok: false, problems };
  return {
    ok: true,
    settings: { token, applicationId, guildId, restApi, logLevel, rateLimit: { commands, windowSeconds } },
  };
}

/** Feed polling in bot mode: FEEDS (comma-separated links), FEED_FILTER, FEED_INTERVAL_MINUTES. */
export interface FeedSettings {
  feeds: string[];
  /** A regular expression (case-insensitive) an item's title or summary must match; null: all. */
  filter: string | null;
  intervalMinutes: number;
}

export const DEFAULT_FEED_INTERVAL_MINUTES = 30;

/**
 * @example
 * parseFeedSettings({ FEEDS: "https://example.org/rss", FEED_FILTER: "ceasefire|hostage" })
 * // { ok: true, settings: { feeds: ["https://example.org/rss"], filter: "ceasefire|hostage", intervalMinutes: 30 } }
 */
export function parseFeedSettings(
  env: NodeJS.ProcessEnv,
): { ok: true; settings: FeedSettings } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const feeds = (value(env, "FEEDS") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const feed of feeds) {
    const url = URL.canParse(feed) ? new URL(feed) : null;
    if (url?.protocol !== "http:" && url?.protocol !== "https:")
      problems.push(`Parley: FEEDS must be http(s) links separated by commas, got “${feed.slice(0, 80)}”.`);
  }
  const filter = value(env, "FEED_FILTER") ?? null;
  if (filter) {
    try {
      new RegExp(filter, "i");
    } catch {
      problems.push(`Parley: FEED_FILTER is not a valid regular expression: “${filter.slice(0, 80)}”.`);
    }
  }
  const intervalMinutes = parsePositive(
    "FEED_INTERVAL_MINUTES",
    value(env, "FEED_INTERVAL_MINUTES"),
    DEFAULT_FEED_INTERVAL_MINUTES,
    false,
    problems,
  );
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, settings: { feeds, filter, intervalMinutes } };
}

/** The HTTP interactions endpoint (`POST /interactions`, `/healthz`, `/readyz`). */
export interface HttpSettings {
  /** 0: any free port (tests read the one chosen from the `http-listening` log line). */
  port: number;
  /** Interface to listen on; null: all of them. */
  host: string | null;
  /** The application's Ed25519 public key, 64 hex digits (Developer Portal → General Information). */
  publicKey: string;
}

/**
 * HTTP mode is on when `PARLEY_HTTP_PORT` is set; it then needs `DISCORD_PUBLIC_KEY`.
 *
 * @example
 * parseHttpSettings({ PARLEY_HTTP_PORT: "8080", DISCORD_PUBLIC_KEY: "ab12…" })
 * // { ok: true, settings: { port: 8080, host: null, publicKey: "ab12…" } }
 */
export function parseHttpSettings(
  env: NodeJS.ProcessEnv,
): { ok: true; settings: HttpSettings | null } | { ok: false; problems: string[] } {
  const rawPort = value(env, "PARLEY_HTTP_PORT");
  if (rawPort === undefined) return { ok: true, settings: null };
  const problems: string[] = [];
  const port = Number(rawPort);
  if (!/^\d{1,5}$/.test(rawPort) || port > 65535)
    problems.push(
      `Parley: PARLEY_HTTP_PORT must be a port number (0 to 65535), got “${rawPort.slice(0, 40)}”.`,
    );
  const publicKey = value(env, "DISCORD_PUBLIC_KEY") ?? "";
  if (!publicKey)
    problems.push(
      "Parley: DISCORD_PUBLIC_KEY is not set: HTTP mode (PARLEY_HTTP_PORT) needs the Public Key from the Discord Developer Portal (General Information).",
    );
  else if (!/^[0-9a-f]{64}$/i.test(publicKey))
    problems.push(
      `Parley: DISCORD_PUBLIC_KEY must be 64 hex digits (the Public Key on General Information), got “${publicKey.slice(0, 80)}”.`,
    );
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, settings: { port, host: value(env, "PARLEY_HTTP_HOST") ?? null, publicKey } };
}

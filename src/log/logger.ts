/**
 * Structured logs: one JSON object per line, one line per event (`{"time","level","event",...}`).
 * Secrets handed to the logger (the bot token) are replaced wherever they appear.
 */
import type { LogLevel } from "../config/settings.js";

export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

export interface LoggerOptions {
  level?: LogLevel;
  /** Where lines go (default: stdout). */
  write?: (line: string) => void;
  /** Strings that must never appear in a log line. */
  secrets?: readonly string[];
  now?: () => Date;
  /** Fields every line carries (a shard's id). */
  fields?: LogFields;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Keys whose values are never logged, whatever they hold. */
const SECRET_KEYS = /^(token|authorization|password|secret)$/i;

function describeError(error: Error): LogFields {
  return { name: error.name, message: error.message, stack: error.stack?.split("\n").slice(0, 8).join("\n") };
}

/**
 * @example
 * const log = createLogger({ level: "info", secrets: [token] });
 * log.info("interaction", { id: "123", command: "who", latencyMs: 12, outcome: "answered" });
 * // {"time":"2024-10-24T10:00:00.000Z","level":"info","event":"interaction","id":"123",...}
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const threshold = RANK[options.level ?? "info"];
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  const secrets = (options.secrets ?? []).filter((secret) => secret.length >= 6);
  const now = options.now ?? (() => new Date());

  const scrub = (text: string): string =>
    secrets.reduce((result, secret) => result.split(secret).join("[redacted]"), text);

  const emit = (level: LogLevel, event: string, fields: LogFields = {}): void => {
    if (RANK[level] < threshold) return;
    const line = JSON.stringify(
      { time: now().toISOString(), level, event, ...options.fields, ...fields },
      (key, value: unknown) => {
        if (SECRET_KEYS.test(key)) return "[redacted]";
        if (value instanceof Error) return describeError(value);
        if (typeof value === "bigint") return value.toString();
        return value;
      },
    );
    try {
      write(scrub(line));
    } catch {
      // A broken log sink must not take the bot down.
    }
  };

  return {
    debug: (event, fields) => emit("debug", event, fields),
    info: (event, fields) => emit("info", event, fields),
    warn: (event, fields) => emit("warn", event, fields),
    error: (event, fields) => emit("error", event, fields),
  };
}

/** A logger that drops everything (for tests and tools that do not log). */
export const silentLogger: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

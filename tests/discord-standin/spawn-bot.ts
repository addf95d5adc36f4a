/**
 * Runs the real Parley process the way the README does (`npm start`, i.e. `node --import tsx
 * src/main.ts`), pointed at a stand-in, and collects its JSON log lines and stderr.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { resolve } from "node:path";
import type { Standin } from "./standin.js";

export const REPO_ROOT = resolve(import.meta.dirname, "../..");

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface SpawnedBot {
  child: ChildProcess;
  /** Parsed JSON lines from stdout (the bot's log). */
  logs: Record<string, unknown>[];
  stdout(): string;
  stderr(): string;
  exited: Promise<Exit>;
  /** Resolves with the first log line that matches. */
  waitForLog(
    match: (line: Record<string, unknown>) => boolean,
    timeoutMs?: number,
  ): Promise<Record<string, unknown>>;
}

/** Every Parley setting, so a developer's own `.env` cannot leak into a test. */
export function standinEnv(standin: Standin, overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    CI: process.env.CI,
    DISCORD_TOKEN: standin.token,
    DISCORD_APPLICATION_ID: standin.applicationId,
    DISCORD_GUILD_ID: "",
    DISCORD_REST_API: standin.restApi,
    KNOWLEDGE_DIR: resolve(REPO_ROOT, "knowledge"),
    LOG_LEVEL: "info",
    RATE_LIMIT_COMMANDS: "1000",
    RATE_LIMIT_WINDOW_SECONDS: "10",
    ...overrides,
  };
}

/**
 * @example
 * const bot = spawnScript("src/main.ts", standinEnv(standin));
 * await standin.waitForBot(30_000);
 */
export function spawnScript(script: string, env: NodeJS.ProcessEnv): SpawnedBot {
  // As `npm start`: one process, tsx only as a loader (the tsx CLI's parent process would SIGKILL a
  // bot slow to acknowledge SIGTERM). Its own process group, so a hard kill reaches everything.
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    cwd: REPO_ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const logs: Record<string, unknown>[] = [];
  const listeners: ((line: Record<string, unknown>) => void)[] = [];
  let out = "";
  let err = "";
  let pending = "";
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
    out += chunk;
    pending += chunk;
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) {
      try {
        const parsed = JSON.parse(line) as Record<string, unknown>;
        logs.push(parsed);
        for (const listener of [...listeners]) listener(parsed);
      } catch {
        // Not a log line (plain text output).
      }
    }
  });
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    err += chunk;
  });
  const exited = new Promise<Exit>((resolveExit) =>
    child.on("exit", (code, signal) => resolveExit({ code, signal })),
  );
  return {
    child,
    logs,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitForLog(match, timeoutMs = 10_000) {
      const found = logs.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolveLine, reject) => {
        const listener = (line: Record<string, unknown>): void => {
          if (!match(line)) return;
          clearTimeout(timer);
          listeners.splice(listeners.indexOf(listener), 1);
          resolveLine(line);
        };
        const timer = setTimeout(() => {
          listeners.splice(listeners.indexOf(listener), 1);
          reject(new Error(`Parley test: no matching log line within ${timeoutMs} ms`));
        }, timeoutMs);
        listeners.push(listener);
      });
    },
  };
}

/** Kills the bot and anything it started (its whole process group); for cleanup after a failure. */
export function killHard(bot: SpawnedBot): void {
  if (bot.child.pid === undefined) return;
  try {
    process.kill(-bot.child.pid, "SIGKILL");
  } catch {
    // Already gone.
  }
}

/** Resolves with the exit, or kills the process and rejects after `timeoutMs`. */
export async function exitWithin(bot: SpawnedBot, timeoutMs: number): Promise<Exit> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      bot.exited,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          killHard(bot);
          reject(new Error(`Parley test: the process did not exit within ${timeoutMs} ms`));
        }, timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Waits until the bot is connected to the stand-in; fails at once, with its stderr, if it exits first. */
export async function readyOrExited(standin: Standin, bot: SpawnedBot, timeoutMs: number): Promise<void> {
  await Promise.race([
    standin.waitForBot(timeoutMs),
    bot.exited.then((exit) => {
      throw new Error(`Parley test: the bot exited early (${exit.code}): ${bot.stderr()}`);
    }),
  ]);
}

/** After a suite: kills the bot if it is still running and waits for it to be gone. */
export async function killIfRunning(bot: SpawnedBot | undefined): Promise<void> {
  if (bot && bot.child.exitCode === null) {
    killHard(bot);
    await bot.exited;
  }
}

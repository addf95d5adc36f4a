/**
 * The command line: picks what to run from the arguments and the environment, and turns every
 * expected failure into a clear message and an exit code (0 ok, 1 a problem with the request or
 * the knowledge, 2 bad usage).
 */

import { parseArgs } from "node:util";
import { answerCommand } from "../answers/dispatch.js";
import { exportAnalysis } from "../answers/export.js";
import { answerJson } from "../answers/json.js";
import { COMMANDS, findCommand } from "../commands/definitions.js";
import type { LogLevel } from "../config/settings.js";
import { shardLogFields } from "../config/shards.js";
import { runConsole } from "../console/console.js";
import { renderText } from "../console/render-text.js";
import { ParleyError } from "../core/errors.js";
import { loadKnowledge } from "../knowledge/load.js";
import { formatProblem } from "../knowledge/problems.js";
import { createLogger, type Logger } from "../log/logger.js";
import { readPeople, type StoreEvent } from "../store/knowledge-store.js";
import { INGEST_USAGE, runIngestCli } from "./ingest-cli.js";
import { parseCommandLine } from "./parse-command-line.js";
import {
  ADD_ELSEWHERE,
  buildSnapshot,
  checkSnapshot,
  type Deployment,
  openKnowledge,
  parseDeployment,
} from "./snapshot-cli.js";

/** LOG_LEVEL as the logger takes it (the bot validates it and says so; here a bad value means info). */
function logLevel(value: string | undefined): LogLevel {
  return value === "debug" || value === "warn" || value === "error" ? value : "info";
}

export const USAGE = `Usage: parley [command] [words] [--json] [--knowledge DIR]

  parley                  the Discord bot when DISCORD_TOKEN or PARLEY_HTTP_PORT is set, else the local console
  parley console          the local console: type /who Barnea, /quote Blinken, /status talks ...
${COMMANDS.filter((c) => !c.defaultMemberPermissions)
  .map((c) => `  parley ${c.usage.slice(1).padEnd(22)}${c.description}`)
  .join("\n")}
  parley check            validate the knowledge folder and its snapshot; exits 1 if any file is invalid
  parley build --out DIR  build and write a snapshot that stands on its own into the folder DIR
  parley export --json    everything the analysis found, as JSON
${INGEST_USAGE}

Options:
  --json                  print answer objects as JSON instead of text
  --knowledge DIR         read articles from DIR (default: $KNOWLEDGE_DIR or ./knowledge)
  --no-snapshot           build from the files, neither reading nor writing a snapshot
  --out DIR               (build) the snapshot folder to write
  -h, --help              this help

Environment: PARLEY_SNAPSHOT=DIR serves that snapshot read-only (no knowledge folder) and follows its
replacement; PARLEY_ROLE=writer (default) or replica (no /add, no feeds). See README, Operations.`;

interface Streams {
  out: (text: string) => void;
  err: (text: string) => void;
}

const defaultStreams: Streams = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

/** Reports store events on stderr: problems as `path:line: reason`, so answers on stdout stay clean. */
function reportTo(err: (text: string) => void): (event: StoreEvent) => void {
  return (event) => {
    if (event.type === "problem") err(formatProblem(event.problem));
    else if (event.type === "reload-failed" || event.type === "snapshot-failed") {
      err(
        `Parley: ${event.type}: ${event.error instanceof Error ? event.error.message : String(event.error)}`,
      );
    } else if (event.type === "snapshot-unusable" && event.reason !== "missing") {
      err(`Parley: snapshot not used (${event.reason}): ${event.message}; building from the files`);
    } else if (event.type === "snapshot-switched") {
      err(`Parley: now serving snapshot ${event.version} (${event.articles} articles)`);
    } else if (event.type === "reloaded") {
      err(
        `Parley: knowledge reloaded (${event.changed} changed, ${event.removed} removed, ${event.articles} articles)`,
      );
    }
  };
}

/** In bot mode the store's events become structured log lines, like everything else the bot logs. */
function logTo(log: Logger): (event: StoreEvent) => void {
  return (event) => {
    if (event.type === "problem") log.warn("knowledge-problem", { ...event.problem });
    else if (event.type === "ready")
      log.info("knowledge-ready", {
        articles: event.articles,
        source: event.source,
        ms: Math.round(event.ms),
      });
    else if (event.type === "reloaded") {
      const { articles, changed, removed, ms } = event;
      log.info("knowledge-reloaded", { articles, changed, removed, ms: Math.round(ms) });
    } else if (event.type === "snapshot-unusable") {
      // A first start has none; a code change makes it stale; damage is an error.
      const fields = { reason: event.reason, message: event.message };
      if (event.reason === "corrupt") log.error("snapshot-unusable", fields);
      else if (event.reason === "stale") log.warn("snapshot-unusable", fields);
      else log.info("snapshot-unusable", fields);
    } else if (event.type === "snapshot-written") {
      log.info("snapshot-written", { dir: event.dir, bytes: event.bytes, ms: Math.round(event.ms) });
    } else if (event.type === "snapshot-switched") {
      const { version, articles, ms } = event;
      log.info("snapshot-switched", { version, articles, ms: Math.round(ms) });
    } else log.error(event.type, { error: event.error });
  };
}

/**
 * Runs Parley with command-line arguments and returns the exit code.
 *
 * @example
 * await runCli(["who", "Barnea"], process.env) // prints the answer, returns 0
 */
export async function runCli(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  streams: Streams = defaultStreams,
): Promise<number> {
  // add and feed take their own options (src/cli/ingest-cli.ts).
  if (argv[0] === "add" || argv[0] === "feed")
    return runIngestCli(argv[0], argv.slice(1), env, streams, USAGE);
  let parsed: ReturnType<
    typeof parseArgs<{
      options: {
        json: { type: "boolean" };
        knowledge: { type: "string" };
        "no-snapshot": { type: "boolean" };
        out: { type: "string" };
        help: { type: "boolean"; short: "h" };
      };
      allowPositionals: true;
    }>
  >;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        json: { type: "boolean" },
        knowledge: { type: "string" },
        "no-snapshot": { type: "boolean" },
        out: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    streams.err(`Parley: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    streams.out(USAGE);
    return 0;
  }
  const dir = values.knowledge ?? (env.KNOWLEDGE_DIR?.trim() || "knowledge");
  const json = values.json === true;
  const [command, ...words] = positionals;

  try {
    const deployment = parseDeployment(env);
    if (command === "check") return await check(dir, deployment, streams);
    if (command === "build") {
      if (!values.out) {
        streams.err(`Parley: build needs --out DIR, the snapshot folder to write.\n\n${USAGE}`);
        return 2;
      }
      return await buildSnapshot(dir, values.out, reportTo(streams.err), streams.out);
    }
    if (command !== undefined && command !== "console" && command !== "export" && !findCommand(command)) {
      streams.err(`Parley: unknown command “${command}”.\n\n${USAGE}`);
      return 2;
    }
    const interactive = command === undefined || command === "console";
    // The gateway with a bot token, the HTTP endpoint with a port (it needs no token), or both.
    const discord =
      command === undefined && Boolean(env.DISCORD_TOKEN?.trim() || env.PARLEY_HTTP_PORT?.trim());
    if (discord && env.DISCORD_TOKEN?.trim() && env.SHARDING_MANAGER !== "true" && env.SHARDS?.trim()) {
      // The manager holds no knowledge: each shard process loads its own.
      const { runShards } = await import("../discord/sharding.js");
      await runShards({
        env,
        entry: process.argv[1] ?? "src/main.ts",
        args: argv,
        execArgv: process.execArgv,
      });
      return 0;
    }
    const openStore = () =>
      openKnowledge({
        dir,
        deployment,
        snapshots: !values["no-snapshot"],
        watch: interactive,
        onEvent: discord
          ? logTo(createLogger({ level: logLevel(env.LOG_LEVEL), fields: shardLogFields(env) }))
          : reportTo(streams.err),
      });
    if (discord) {
      const { startDiscord } = await import("../discord/start.js");
      // Only the writer adds articles and polls feeds; a replica says where adding happens.
      const writer = deployment.role === "writer";
      // Opened once the settings are valid (and the HTTP endpoint listens: /readyz 503 meanwhile).
      await startDiscord({
        env,
        store: openStore,
        knowledgeDir: writer ? dir : undefined,
        addElsewhere: writer ? undefined : ADD_ELSEWHERE,
      });
      return 0;
    }
    const store = await openStore();
    if (interactive) {
      if (command === undefined)
        streams.err(
          "Parley: no DISCORD_TOKEN set, so this is the local console (see README to run on Discord).",
        );
      await runConsole({ store, input: process.stdin, output: process.stdout, json });
      await store.close();
      return 0;
    }
    if (command === "export") {
      streams.out(JSON.stringify(exportAnalysis(store.current()), null, 2));
      return 0;
    }
    const line = parseCommandLine([command, ...words].join(" "));
    if (!line.ok) {
      streams.err(line.message);
      return 2;
    }
    const reply = answerCommand(store.current(), line.name, line.options);
    streams.out(json ? answerJson(reply) : renderText(reply));
    return reply.kind === "answer" ? 0 : 1;
  } catch (error) {
    if (error instanceof ParleyError) {
      streams.err(error.message);
      return 1;
    }
    throw error;
  }
}

/** `parley check`: every problem at once, exit 1 when any file is invalid or the snapshot is damaged. */
async function check(dir: string, deployment: Deployment, streams: Streams): Promise<number> {
  // A replica has no knowledge folder: its snapshot is what there is to check.
  if (deployment.snapshot) return (await checkSnapshot(dir, deployment, streams.out)) ? 1 : 0;
  const damaged = await checkSnapshot(dir, deployment, streams.err);
  const loaded = await loadKnowledge(dir);
  const articles = loaded.articles;
  const problems = [...loaded.problems, ...(await readPeople(dir)).problems];
  for (const problem of problems) streams.err(formatProblem(problem));
  const foreign = articles.filter((article) => !/^en\b/i.test(article.language));
  if (foreign.length > 0)
    streams.err(
      `${dir}: ${foreign.length} article${foreign.length === 1 ? " is" : "s are"} not in English (${[...new Set(foreign.map((a) => a.language))].join(", ")}): /quote and /status read English only; /ask and /sources use them`,
    );
  const errors = problems.filter((problem) => problem.severity === "error").length;
  const warnings = problems.length - errors;
  streams.out(
    `${dir}: ${articles.length} article${articles.length === 1 ? "" : "s"} valid, ${errors} invalid file problem${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`,
  );
  return errors > 0 || damaged ? 1 : 0;
}

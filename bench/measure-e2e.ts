/**
 * End-to-end latency through the Discord stand-in: the real bot process, started the way the README
 * runs it (`npm start` = `tsx src/main.ts` with a token), answers interactions dispatched on the
 * stand-in's gateway, 50 in flight at once. Latency runs from the dispatch to the reply's arrival on
 * the stand-in's REST side (the callback, or the `@original` edit after a deferral).
 *
 * `node --import tsx bench/measure-e2e.ts 1000 bench/out/e2e-1000.json`
 */
import { type ChildProcess, spawn } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { type RecordedRequest, type Standin, startStandin } from "../tests/discord-standin/standin.js";
import { generateCorpus } from "./generate.js";
import { createQueries } from "./queries.js";
import type { EndToEndFigures } from "./results.js";
import { summarise } from "./stats.js";

const INTERACTIONS = 2000;
const IN_FLIGHT = 50;
/** Starting from a 10,000-article snapshot takes a while on this machine. */
const BOT_READY_TIMEOUT_MS = 10 * 60_000;
const REPLY_TIMEOUT_MS = 30_000;

type Job =
  | { kind: "command"; name: string; options: Record<string, string> }
  | { kind: "autocomplete"; name: string; options: Record<string, string>; focused: string };

/** The harness floor: `/help` only, which costs Parley nothing to answer. */
function helpJobs(count: number): Job[] {
  return Array.from({ length: count }, () => ({ kind: "command", name: "help", options: {} }));
}

/** The interaction mix: the same kinds of queries as in process (the cast is the same at every size), round-robin. */
function createJobs(count: number): Job[] {
  const queries = createQueries(generateCorpus(0).cast, Math.ceil(count / 5));
  const jobs: Job[] = [];
  for (let i = 0; jobs.length < count; i++) {
    const quote = queries.quote[i % queries.quote.length] ?? { name: "Haddad" };
    const completion = queries.complete[i % queries.complete.length] ?? { source: "entity", prefix: "" };
    const options: Job[] = [
      { kind: "command", name: "who", options: { name: queries.who[i % queries.who.length] ?? "Haddad" } },
      {
        kind: "command",
        name: "quote",
        options: quote.about ? { name: quote.name, about: quote.about } : { name: quote.name },
      },
      {
        kind: "command",
        name: "status",
        options: { topic: queries.status[i % queries.status.length] || "talks" },
      },
      { kind: "command", name: "ask", options: { question: queries.ask[i % queries.ask.length] ?? "talks" } },
      completion.source === "entity"
        ? { kind: "autocomplete", name: "who", options: { name: completion.prefix }, focused: "name" }
        : { kind: "autocomplete", name: "status", options: { topic: completion.prefix }, focused: "topic" },
    ];
    jobs.push(...options);
  }
  return jobs.slice(0, count);
}

/** Starts the bot as the README does, pointed at the stand-in and the corpus. */
function startBot(standin: Standin, knowledgeDir: string): ChildProcess {
  // BENCH_PROFILE_DIR=dir: the bot writes a CPU profile there when it exits (to find hot spots).
  const profile = process.env.BENCH_PROFILE_DIR
    ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`]
    : [];
  const bot = spawn(process.execPath, [...profile, "--import", "tsx", "src/main.ts"], {
    env: {
      ...process.env,
      DISCORD_TOKEN: standin.token,
      DISCORD_APPLICATION_ID: standin.applicationId,
      DISCORD_REST_API: standin.restApi,
      KNOWLEDGE_DIR: knowledgeDir,
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  return bot;
}

/** Resolves with the request that carries the interaction's answer (after a deferral: the edit). */
async function waitForAnswer(standin: Standin, id: string, token: string): Promise<RecordedRequest> {
  const callback = await standin.waitForRequest(
    (request) => request.method === "POST" && request.path === `/interactions/${id}/${token}/callback`,
    REPLY_TIMEOUT_MS,
  );
  const type = (callback.body as { type?: number } | null)?.type;
  if (type !== 5 && type !== 6) return callback;
  return standin.waitForRequest(
    (request) => request.method === "PATCH" && request.path.endsWith(`/${token}/messages/@original`),
    REPLY_TIMEOUT_MS,
  );
}

/** True when the answer is a failure: an error status, or the bot's apology for an internal error. */
function isFailure(request: RecordedRequest): boolean {
  if (request.status >= 400) return true;
  const text = JSON.stringify(request.body ?? "").toLowerCase();
  return (
    text.includes("slow down") || text.includes("something went wrong") || text.includes("internal error")
  );
}

/**
 * Sends `count` interactions with `inFlight` at once and measures each one's latency.
 *
 * @example
 * const figures = await measureEndToEnd(1000);
 */
export async function measureEndToEnd(articles: number, count = INTERACTIONS, inFlight = IN_FLIGHT) {
  const standin = await startStandin();
  const bot = startBot(standin, join("bench", "corpus", String(articles)));
  let exited = false;
  bot.on("exit", () => {
    exited = true;
  });
  try {
    const started = performance.now();
    await standin.waitForBot(BOT_READY_TIMEOUT_MS);
    console.error(`[e2e ${articles}] bot ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    let failures = 0;
    let sequence = 0;
    /** Runs the jobs `inFlight` at a time; each one's latency. */
    const run = async (jobs: Job[]): Promise<number[]> => {
      const durations: number[] = [];
      let next = 0;
      const worker = async (): Promise<void> => {
        while (next < jobs.length && !exited) {
          const job = jobs[next++] as Job;
          // A user per interaction: this measures answering, not the per-user rate limit.
          sequence += 1;
          const user = { id: String(10n ** 17n + BigInt(sequence)), username: `bench${sequence}` };
          const sentAt = performance.now();
          const interaction =
            job.kind === "command"
              ? await standin.sendCommand(job.name, job.options, user)
              : await standin.sendAutocomplete(job.name, job.options, job.focused, user);
          try {
            const answer = await waitForAnswer(standin, interaction.id, interaction.token);
            durations.push(performance.now() - sentAt);
            if (isFailure(answer)) failures++;
          } catch {
            failures++;
          }
        }
      };
      await Promise.all(Array.from({ length: inFlight }, worker));
      return durations;
    };
    // The floor first, on the same process and connection: what the harness itself costs.
    const floor = await run(helpJobs(count));
    const jobs = createJobs(count);
    const durations = await run(jobs);
    if (exited) throw new Error("Parley: the bot exited during the end-to-end benchmark");
    const figures: EndToEndFigures = {
      interactions: durations.length,
      inFlight,
      latency: summarise(durations),
      failures,
      helpFloor: summarise(floor),
      commands: [
        ...new Set(jobs.map((job) => `${job.kind === "autocomplete" ? "autocomplete " : "/"}${job.name}`)),
      ],
    };
    return figures;
  } finally {
    bot.kill("SIGTERM");
    await new Promise((resolve) => (exited ? resolve(undefined) : bot.once("exit", resolve)));
    await standin.close();
  }
}

async function main(args: string[]): Promise<void> {
  const articles = Number(args[0] ?? "1000");
  const out = args[1] ?? join("bench", "out", `e2e-${articles}.json`);
  const figures = await measureEndToEnd(articles);
  console.error(
    `[e2e ${articles}] p50 ${figures.latency.p50.toFixed(1)} ms, p99 ${figures.latency.p99.toFixed(1)} ms (floor p99 ${figures.helpFloor?.p99.toFixed(1)} ms), ${figures.failures} failed`,
  );
  await writeFile(out, `${JSON.stringify(figures, null, 2)}\n`);
}

if (process.argv[1]?.endsWith("measure-e2e.ts")) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  });
}

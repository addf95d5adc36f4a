/**
 * `parley add SOURCE...` and `parley feed URL`: links, saved pages and news feeds into knowledge
 * files (src/ingest/). One line per source, a summary, exit code 1 when any source failed.
 */
import { parseArgs } from "node:util";
import { type AddResult, addSource, checkPublished, describeResult, readKnown } from "../ingest/add.js";
import { allowPrivate } from "../ingest/address-guard.js";
import { pollFeed } from "../ingest/feed-poll.js";
import { FeedStateFile, feedStatePath } from "../ingest/feed-state.js";

interface Streams {
  out: (text: string) => void;
  err: (text: string) => void;
}

export const INGEST_USAGE = `  parley add SOURCE...    add articles from http(s) links or saved .html files
                          [--published YYYY-MM-DD] [--outlet NAME] [--dry-run]
  parley feed URL         add the new articles of an RSS or Atom feed [--filter REGEX]`;

function summary(results: readonly AddResult[]): string {
  const count = (status: AddResult["status"]) => results.filter((r) => r.status === status).length;
  return `${count("added")} added, ${count("duplicate")} already there, ${count("failed")} failed`;
}

function report(result: AddResult, streams: Streams, dryRun: boolean): void {
  if (result.status === "failed") streams.err(describeResult(result));
  else if (dryRun && result.status === "added") {
    streams.err(describeResult(result).replace(": added ", ": would add "));
    streams.out(result.text);
  } else streams.out(describeResult(result));
}

/**
 * Runs `add` or `feed` with the arguments after the command; returns the exit code.
 *
 * @example
 * await runIngestCli("add", ["https://example.org/news/1"], process.env, streams) // 0
 */
export async function runIngestCli(
  command: "add" | "feed",
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  streams: Streams,
  usage: string,
): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        knowledge: { type: "string" },
        published: { type: "string" },
        outlet: { type: "string" },
        "dry-run": { type: "boolean" },
        filter: { type: "string" },
      },
    }));
  } catch (error) {
    streams.err(`Parley: ${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    return 2;
  }
  const dir = (values.knowledge as string | undefined) ?? (env.KNOWLEDGE_DIR?.trim() || "knowledge");
  const dryRun = values["dry-run"] === true;
  const options = { dir, dryRun, allowPrivate: allowPrivate(env) };
  if (command === "add") {
    if (positionals.length === 0) {
      streams.err(`Parley: add needs at least one link or .html file.\n\n${usage}`);
      return 2;
    }
    const invalid = checkPublished(values.published as string | undefined);
    if (invalid) {
      streams.err(`Parley: ${invalid}`);
      return 2;
    }
    const known = await readKnown(dir);
    const results: AddResult[] = [];
    for (const source of positionals) {
      const result = await addSource(source, {
        ...options,
        known,
        published: values.published as string | undefined,
        outlet: values.outlet as string | undefined,
      });
      report(result, streams, dryRun);
      results.push(result);
    }
    if (positionals.length > 1) streams.err(summary(results));
    return results.some((result) => result.status === "failed") ? 1 : 0;
  }
  const [url, ...extra] = positionals;
  if (!url || extra.length > 0) {
    streams.err(`Parley: feed takes one feed link.\n\n${usage}`);
    return 2;
  }
  let filter: RegExp | undefined;
  try {
    filter = values.filter ? new RegExp(values.filter as string, "i") : undefined;
  } catch (error) {
    streams.err(`Parley: invalid --filter: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  const state = await FeedStateFile.open(feedStatePath(dir));
  const outcome = await pollFeed(url, { ...options, filter, state, conditional: false });
  if (!dryRun) await state.save();
  if (outcome.status === "failed") {
    streams.err(`${url}: feed not read: ${outcome.message}`);
    return 1;
  }
  for (const result of outcome.results) report(result, streams, dryRun);
  streams.err(
    `${url}: ${outcome.items} items, ${outcome.skipped} filtered out or seen before; ${summary(outcome.results)}`,
  );
  return outcome.results.some((result) => result.status === "failed") ? 1 : 0;
}

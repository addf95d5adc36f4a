/**
 * `npm run eval`: exports the analysis of each evaluation set, scores it with the reference scorer
 * (../shared/eval/score.py) and measures the entity names; prints one table (see eval/README.md).
 *
 * Options: `--set seed|dev|train` (repeatable; default all three), `--verbose` (the scorer's lists
 * and the names behind the name figures, after the table), `--json` (the figures as JSON),
 * `--no-wire` (skip the dates and status figures on our own wire set, eval/wire).
 * Exits 2 when ../shared or python3 is missing, 1 when an export or the scorer fails.
 */
import { evaluateSet, inPool, type SetResult } from "./evaluate.js";
import { describeNames } from "./report.js";
import { environmentProblem, isSetName, SET_NAMES, type SetName } from "./sets.js";
import { columnOf, renderTable } from "./table.js";
import { wireReport } from "./wire.js";

interface Options {
  sets: SetName[];
  /** Also the dates/status figures on eval/wire (default; `--no-wire` skips them). */
  wire: boolean;
  verbose: boolean;
  json: boolean;
}

function parseOptions(args: readonly string[]): Options | string {
  const sets: SetName[] = [];
  let verbose = false;
  let json = false;
  let wire = true;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--verbose") verbose = true;
    else if (arg === "--no-wire") wire = false;
    else if (arg === "--json") json = true;
    else if (arg === "--set" || arg.startsWith("--set=")) {
      const value = arg === "--set" ? args[++i] : arg.slice("--set=".length);
      if (!value || !isSetName(value)) return `--set takes one of ${SET_NAMES.join(", ")}`;
      if (!sets.includes(value)) sets.push(value);
    } else return `unknown option ${arg}`;
  }
  return {
    sets: sets.length > 0 ? SET_NAMES.filter((name) => sets.includes(name)) : [...SET_NAMES],
    verbose,
    json,
    wire,
  };
}

/** Biggest first, so the two lanes finish together (train alone takes as long as the rest). */
const COST: Record<SetName, number> = { train: 3, dev: 2, seed: 1 };

function asJson(results: readonly SetResult[], verbose: boolean): string {
  return JSON.stringify({
    version: 1,
    sets: results.map(({ set, attribution, names, details, seconds }) => ({
      set,
      attribution,
      names: {
        entities: names.entities,
        notClean: names.flagged.length,
        byFlag: names.byFlag,
        splitPersons: names.splits.length,
        ...(verbose ? { flagged: names.flagged, splits: names.splits, scorer: details } : {}),
      },
      seconds: Number(seconds.toFixed(1)),
    })),
  });
}

async function main(args: readonly string[]): Promise<number> {
  const options = parseOptions(args);
  if (typeof options === "string") {
    console.error(
      `Parley eval: ${options}. Usage: npm run eval -- [--set seed|dev|train]... [--verbose] [--json] [--no-wire]`,
    );
    return 2;
  }
  const problem = environmentProblem(options.sets);
  if (problem) {
    console.error(problem);
    return 2;
  }
  const started = performance.now();
  const order = [...options.sets].sort((a, b) => COST[b] - COST[a]);
  const done = await inPool(order, 2, (name) => evaluateSet(name, { verbose: options.verbose }));
  const results = options.sets.map((name) => done[order.indexOf(name)]!);
  if (options.json) {
    console.log(asJson(results, options.verbose));
    return 0;
  }
  console.log(renderTable(results.map(columnOf)));
  const seconds = (performance.now() - started) / 1000;
  const each = results.map((result) => `${result.set} ${result.seconds.toFixed(1)} s`).join(", ");
  console.log(`\n${results.length} set(s) in ${seconds.toFixed(1)} s (${each}).`);
  // Dates and status on our own frozen wire set (issues 12 and 13): needs nothing from ../shared.
  if (options.wire) console.log(`\n${await wireReport(options.verbose)}`);
  if (options.verbose) {
    for (const result of results) console.log(`\n${describeDetails(result)}`);
  }
  return 0;
}

/** The scorer's lines grouped worst first, then the names behind the name figures. */
function describeDetails(result: SetResult): string {
  const kinds = ["WRONG", "VAGUE", "UNATTR", "MISS", "EXTRA", "EXCL"];
  const parts = [`=== ${result.set}: scorer details ===`];
  for (const kind of kinds) {
    const lines = result.details.filter((line) => line.split(" ")[0] === kind);
    if (lines.length > 0) parts.push(`-- ${kind} (${lines.length})`, ...lines);
  }
  parts.push(`=== ${result.set}: entity names ===`, describeNames(result.names));
  return parts.join("\n");
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  },
);

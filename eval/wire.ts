/**
 * `npm run eval:wire`: the dates and status figures of issues 12 and 13 on our own wire set
 * (eval/wire, frozen before the rules changed) and the date table (tests/dates/date-table.ts).
 * Exports eval/wire/knowledge as a user would (eval/export.ts), scores it (eval/score-events.ts),
 * and runs the table through the resolver (eval/score-date-table.ts). `--verbose` lists the misses.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { resolveDates } from "../src/analysis/dates/dates.js";
import { DATE_TABLE } from "../tests/dates/date-table.js";
import { exportKnowledge } from "./export.js";
import { formatTableScore, scoreDateTable } from "./score-date-table.js";
import { type ExportLike, formatScore, type Gold, scoreEvents } from "./score-events.js";
import { REPO_ROOT } from "./sets.js";

async function main(verbose: boolean): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "parley-wire-"));
  try {
    const out = join(dir, "wire.json");
    await exportKnowledge(join(REPO_ROOT, "eval/wire/knowledge"), out);
    const gold = JSON.parse(readFileSync(join(REPO_ROOT, "eval/wire/gold.json"), "utf8")) as Gold;
    const exported = JSON.parse(readFileSync(out, "utf8")) as ExportLike;
    console.log("Wire set (eval/wire, 25 articles): status events\n");
    console.log(formatScore(scoreEvents(gold, exported), verbose));
    console.log("\nDate table (tests/dates/date-table.ts): resolveDates\n");
    console.log(formatTableScore(scoreDateTable(DATE_TABLE, resolveDates), verbose));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main(process.argv.includes("--verbose")).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});

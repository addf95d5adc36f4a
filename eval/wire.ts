/**
 * `npm run eval:wire`: the dates and status figures of issues 12 and 13 on our own wire set
 * (eval/wire, frozen before the rules changed) and the date table (tests/dates/date-table.ts).
 * Exports eval/wire/knowledge as a user would (eval/export.ts), scores it (eval/score-events.ts),
 * and runs the table through the resolver (eval/score-date-table.ts). `--verbose` lists the misses.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { resolveDates } from "../src/analysis/dates/dates.js";
import { DATE_TABLE } from "../tests/dates/date-table.js";
import { exportKnowledge } from "./export.js";
import { formatTableScore, scoreDateTable } from "./score-date-table.js";
import { type ExportLike, formatScore, type Gold, scoreEvents } from "./score-events.js";
import { REPO_ROOT } from "./sets.js";

/** The wire set's and the date table's figures as text (`npm run eval` prints it after its table). */
export async function wireReport(verbose: boolean): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "parley-wire-"));
  try {
    const out = join(dir, "wire.json");
    await exportKnowledge(join(REPO_ROOT, "eval/wire/knowledge"), out);
    const gold = JSON.parse(readFileSync(join(REPO_ROOT, "eval/wire/gold.json"), "utf8")) as Gold;
    const exported = JSON.parse(readFileSync(out, "utf8")) as ExportLike;
    return [
      "Wire set (eval/wire, 25 articles): status events\n",
      formatScore(scoreEvents(gold, exported), verbose),
      "\nDate table (tests/dates/date-table.ts): resolveDates\n",
      formatTableScore(scoreDateTable(DATE_TABLE, resolveDates), verbose),
    ].join("\n");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  wireReport(process.argv.includes("--verbose")).then(
    (text) => console.log(text),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exitCode = 1;
    },
  );
}

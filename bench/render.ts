/**
 * Re-checks the targets and re-renders the tables from `bench/out/results.json` (after a change to
 * targets.ts or report.ts, without running the benchmark again): `npx tsx bench/render.ts`.
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { renderReport } from "./report.js";
import type { BenchResults } from "./results.js";
import { checkTargets } from "./targets.js";

const path = join("bench", "out", "results.json");
const results = JSON.parse(await readFile(path, "utf8")) as BenchResults;
results.targets = Object.fromEntries(
  results.sizes.map((size) => [String(size.articles), checkTargets(size)]),
);
const report = renderReport(results);
await writeFile(path, `${JSON.stringify(results, null, 2)}\n`);
await writeFile(join("bench", "out", "results.md"), report);
console.log(report);

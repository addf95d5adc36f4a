/**
 * `npm run bench`: the speed benchmark of issue 5. Generates the synthetic corpora (1,000 and
 * 10,000 articles; `--quick` for 1,000 only), measures each size in a fresh child process, then the
 * end-to-end latency through the Discord stand-in, prints the tables and writes
 * `bench/out/results.json` (and `results.md`, the same tables).
 *
 * Options: `--quick`, `--sizes 1000,10000`, `--no-e2e`.
 */
import { spawn } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { DEFAULT_SEED } from "./generate.js";
import { renderReport } from "./report.js";
import type { BenchResults, SizeResult, StoreFigures } from "./results.js";
import { checkTargets } from "./targets.js";

const OUT = join("bench", "out");

/**
 * The measuring process's heap cap (MB): BENCH_HEAP_MB, default 8 GB. At 10,000 articles the store
 * phase ran out of 4 GB (1 Dec 2026): the process then holds the bench's own baselines, the
 * sentences, and a store whose first reload reads every per-article analysis back from the snapshot.
 */
const HEAP_MB = Number(process.env.BENCH_HEAP_MB) > 0 ? Number(process.env.BENCH_HEAP_MB) : 8192;

/** Runs one bench script in a fresh Node with GC exposed and the heap cap above; rejects on failure. */
function runChild(script: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--expose-gc", `--max-old-space-size=${HEAP_MB}`, "--import", "tsx", script, ...args],
      { stdio: ["ignore", "inherit", "inherit"] },
    );
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`Parley: ${script} ${args.join(" ")} failed (${signal ?? code})`)),
    );
  });
}

function parseSizes(args: string[]): number[] {
  if (args.includes("--quick")) return [1000];
  const index = args.indexOf("--sizes");
  const list = index >= 0 ? args[index + 1] : undefined;
  return list ? list.split(",").map(Number) : [1000, 10000];
}

async function main(args: string[]): Promise<void> {
  const sizes = parseSizes(args);
  const withE2e = !args.includes("--no-e2e");
  await mkdir(OUT, { recursive: true });
  const results: SizeResult[] = [];
  for (const size of sizes) {
    const sizeFile = join(OUT, `size-${size}.json`);
    await runChild("bench/measure-size.ts", [String(size), sizeFile]);
    // Start-up and reload through the real store, in a process of its own (see measure-store.ts).
    const storeFile = join(OUT, `store-${size}.json`);
    await runChild("bench/measure-store.ts", [join("bench", "corpus", String(size)), storeFile]);
    const result = {
      ...(JSON.parse(await readFile(sizeFile, "utf8")) as Omit<SizeResult, keyof StoreFigures>),
      ...(JSON.parse(await readFile(storeFile, "utf8")) as StoreFigures),
    } as SizeResult;
    if (withE2e) {
      const e2eFile = join(OUT, `e2e-${size}.json`);
      await runChild("bench/measure-e2e.ts", [String(size), e2eFile]);
      result.e2e = JSON.parse(await readFile(e2eFile, "utf8")) as SizeResult["e2e"];
    }
    results.push(result);
  }
  const cpu = cpus()[0]?.model.trim() ?? "unknown CPU";
  const bench: BenchResults = {
    date: new Date().toISOString(),
    machine: {
      cpu,
      cores: cpus().length,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.versions.node,
      platform: `${process.platform} ${process.arch}`,
    },
    command: `npm run bench${args.length > 0 ? ` -- ${args.join(" ")}` : ""}`,
    seed: DEFAULT_SEED,
    sizes: results,
    targets: Object.fromEntries(results.map((result) => [String(result.articles), checkTargets(result)])),
  };
  const report = renderReport(bench);
  await writeFile(join(OUT, "results.json"), `${JSON.stringify(bench, null, 2)}\n`);
  await writeFile(join(OUT, "results.md"), report);
  console.log(report);
  console.log(`Figures written to ${join(OUT, "results.json")} (tables: ${join(OUT, "results.md")}).`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

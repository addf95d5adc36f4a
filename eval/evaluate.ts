/**
 * One set's evaluation: export the analysis of its knowledge folder, score the quotes with the
 * reference scorer, and measure the entity names. `npm run eval` (eval/run.ts) and the floor test
 * both call `evaluateSet`.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { exportKnowledge } from "./export.js";
import { type EntityLike, type NameFigures, nameFigures } from "./names.js";
import { type AttributionFigures, score } from "./score.js";
import { evalSet, type SetName } from "./sets.js";

export interface SetResult {
  set: SetName;
  attribution: AttributionFigures;
  names: NameFigures;
  /** The scorer's MISS/WRONG/UNATTR/... lines (empty unless verbose). */
  details: string[];
  seconds: number;
}

export interface EvaluateOptions {
  verbose?: boolean;
}

export async function evaluateSet(name: SetName, options: EvaluateOptions = {}): Promise<SetResult> {
  const started = performance.now();
  const set = evalSet(name);
  const dir = await mkdtemp(join(tmpdir(), `parley-eval-${name}-`));
  try {
    const exportFile = join(dir, "export.json");
    await exportKnowledge(set.knowledge, exportFile);
    const [scored, entities] = await Promise.all([
      score(set.gold, exportFile, { namedOnly: set.namedOnly, verbose: options.verbose ?? false }),
      readFile(exportFile, "utf8").then((text) => (JSON.parse(text) as { entities?: EntityLike[] }).entities),
    ]);
    return {
      set: name,
      attribution: scored.figures,
      names: nameFigures(entities ?? []),
      details: scored.details,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs `task` over `items` with at most `limit` at a time; results in the order of `items`. */
export async function inPool<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

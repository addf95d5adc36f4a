/**
 * The evaluation sets and where they live: the repo's own `knowledge/` against the seed gold, and
 * PolNeAR dev and train from `../shared/eval/polnear/` (resolved from the repo root, never copied).
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const SHARED_DIR = resolve(REPO_ROOT, "..", "shared");
export const SCORER = join(SHARED_DIR, "eval", "score.py");

export const SET_NAMES = ["seed", "dev", "train"] as const;
export type SetName = (typeof SET_NAMES)[number];

export interface EvalSet {
  name: SetName;
  knowledge: string;
  gold: string;
  /** PolNeAR leaves pronoun sources unresolved: score only attributions whose source holds a name. */
  namedOnly: boolean;
}

export function evalSet(name: SetName): EvalSet {
  if (name === "seed") {
    return {
      name,
      knowledge: join(REPO_ROOT, "knowledge"),
      gold: join(SHARED_DIR, "eval", "seed-gold.json"),
      namedOnly: false,
    };
  }
  const dir = join(SHARED_DIR, "eval", "polnear", name);
  return { name, knowledge: join(dir, "knowledge"), gold: join(dir, "gold.json"), namedOnly: true };
}

export function isSetName(value: string): value is SetName {
  return (SET_NAMES as readonly string[]).includes(value);
}

/**
 * Why the sets cannot be evaluated here (no `../shared`, a missing gold or scorer, no python3), or
 * null when they can.
 */
export function environmentProblem(names: readonly SetName[]): string | null {
  if (!existsSync(SHARED_DIR)) {
    return `Parley eval: ${SHARED_DIR} is missing. The evaluation reads its gold files and scorer from ../shared (next to the repository); nothing was run.`;
  }
  const needed = [SCORER, ...names.flatMap((name) => [evalSet(name).gold, evalSet(name).knowledge])];
  const missing = needed.filter((path) => !existsSync(path));
  if (missing.length > 0) return `Parley eval: missing ${missing.join(", ")}; nothing was run.`;
  const python = spawnSync("python3", ["--version"], { encoding: "utf8" });
  if (python.error || python.status !== 0) {
    return "Parley eval: python3 was not found on PATH; the reference scorer (../shared/eval/score.py) needs it. Nothing was run.";
  }
  return null;
}

/**
 * Runs the reference scorer (`../shared/eval/score.py`) and reads its figures. Its output is the
 * `--verbose` lines (MISS, WRONG, ...) if asked, then one JSON object, then a prose summary.
 */
import { spawn } from "node:child_process";
import { SCORER } from "./sets.js";

/** Attribution figures of one set, as the scorer counts them. */
export interface AttributionFigures {
  gold: number;
  found: number;
  right: number;
  wrong: number;
  /** An unnamed description where the article names the speaker: neither right nor wrong. */
  vague: number;
  unattributed: number;
  predictions: number;
  /** Unmatched predictions that overlap no gold quote ("not in gold"). */
  spurious: number;
  /** Unmatched predictions that are a piece of a gold quote (e.g. a split quote's second half). */
  pieces: number;
  /** Per quote type: right and gold counts. */
  byType: Record<string, { right: number; gold: number }>;
  /** right / gold. */
  recall: number;
  /** right / (right + wrong). */
  precision: number;
}

export interface ScorerOutput {
  figures: AttributionFigures;
  /** The scorer's `--verbose` lines, in its order. */
  details: string[];
}

function count(raw: Record<string, unknown>, key: string): number {
  const value = raw[key];
  return typeof value === "number" ? value : 0;
}

/** Reads the scorer's output; throws when it holds no figures object. */
export function parseScorerOutput(output: string): ScorerOutput {
  const lines = output.split("\n");
  const index = lines.findIndex((line) => line.startsWith("{") && line.includes('"gold"'));
  if (index < 0) throw new Error("Parley eval: the scorer printed no figures");
  const raw = JSON.parse(lines[index]!) as Record<string, unknown>;
  const byType: AttributionFigures["byType"] = {};
  for (const [type, ratio] of Object.entries((raw.by_type ?? {}) as Record<string, string>)) {
    const [right, gold] = ratio.split("/").map(Number);
    byType[type] = { right: right ?? 0, gold: gold ?? 0 };
  }
  const right = count(raw, "right");
  const wrong = count(raw, "wrong");
  const gold = count(raw, "gold");
  return {
    figures: {
      gold,
      found: count(raw, "found"),
      right,
      wrong,
      vague: count(raw, "vague"),
      unattributed: count(raw, "unattr"),
      predictions: count(raw, "pred"),
      spurious: count(raw, "spurious"),
      pieces: count(raw, "piece"),
      byType,
      recall: gold ? right / gold : 0,
      precision: right + wrong ? right / (right + wrong) : 0,
    },
    details: lines.slice(0, index).filter((line) => line.trim() !== ""),
  };
}

export interface ScoreOptions {
  namedOnly: boolean;
  verbose: boolean;
}

/** Scores an export file against a gold file with the reference scorer. */
export function score(gold: string, exportFile: string, options: ScoreOptions): Promise<ScorerOutput> {
  const args = [SCORER, gold, exportFile];
  if (options.namedOnly) args.push("--named-only");
  if (options.verbose) args.push("--verbose");
  return new Promise((resolve, reject) => {
    const child = spawn("python3", args, { stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) {
        reject(new Error(`Parley eval: score.py failed (${code}): ${Buffer.concat(err).toString().trim()}`));
        return;
      }
      try {
        resolve(parseScorerOutput(Buffer.concat(out).toString("utf8")));
      } catch (error) {
        reject(error);
      }
    });
  });
}

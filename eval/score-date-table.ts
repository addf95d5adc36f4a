/**
 * Runs every row of the date table (tests/dates/date-table.ts) through the date resolver and counts the
 * rows it gets right. Pure: `scoreDateTable(rows, resolve)`; as a script: `npx tsx eval/score-date-table.ts [--verbose]`.
 */
import { pathToFileURL } from "node:url";
import { resolveDates } from "../src/analysis/dates/dates.js";
import { DATE_TABLE, type DateRow } from "../tests/dates/date-table.js";

/** What the scorer needs of a resolved mention (the resolver's `DateMention`). */
export interface ResolvedMention {
  value: string | null;
  precision: string;
  range?: { from: string; to: string };
  start: number;
  end: number;
}

export type Resolver = (text: string, published: string) => ResolvedMention[];

export interface RowResult {
  row: DateRow;
  right: boolean;
  /** The mention that overlaps the row's expression, if any. */
  got: ResolvedMention | null;
}

export interface TableScore {
  right: number;
  of: number;
  byKind: Record<string, { right: number; of: number }>;
  results: RowResult[];
}

/** The resolved mention that overlaps the expression's first occurrence in the sentence. */
export function mentionFor(row: DateRow, mentions: ResolvedMention[]): ResolvedMention | null {
  if (row.expression === null) return null;
  const start = row.sentence.indexOf(row.expression);
  const end = start + row.expression.length;
  const overlapping = mentions.filter((mention) => mention.start < end && mention.end > start);
  // The widest overlap wins: "late last week" over a "last week" inside it.
  let best: ResolvedMention | null = null;
  let bestOverlap = 0;
  for (const mention of overlapping) {
    const overlap = Math.min(end, mention.end) - Math.max(start, mention.start);
    if (overlap > bestOverlap) [best, bestOverlap] = [mention, overlap];
  }
  return best;
}

export function rowRight(row: DateRow, got: ResolvedMention | null): boolean {
  // A future with no date ("in the coming days") is right when nothing gives it a date.
  if (row.value === null) return got === null || got.value === null;
  if (!got || got.value !== row.value || got.precision !== row.precision) return false;
  if (!row.range) return true;
  return got.range?.from === row.range.from && got.range?.to === row.range.to;
}

export function scoreDateTable(rows: DateRow[], resolve: Resolver): TableScore {
  const score: TableScore = { right: 0, of: 0, byKind: {}, results: [] };
  for (const row of rows) {
    const got = mentionFor(row, resolve(row.sentence, row.published));
    const right = rowRight(row, got);
    const kind = score.byKind[row.kind] ?? { right: 0, of: 0 };
    score.byKind[row.kind] = kind;
    kind.of++;
    score.of++;
    if (right) {
      kind.right++;
      score.right++;
    }
    score.results.push({ row, right, got });
  }
  return score;
}

export function formatTableScore(score: TableScore, verbose = false): string {
  const lines = [`rows right: ${score.right}/${score.of} = ${(score.right / score.of).toFixed(3)}`];
  for (const [kind, { right, of }] of Object.entries(score.byKind)) lines.push(`  ${kind}: ${right}/${of}`);
  if (verbose) {
    for (const { row, right, got } of score.results) {
      if (right) continue;
      const want = `${row.value ?? "-"} ${row.precision}${row.range ? ` ${row.range.from}..${row.range.to}` : ""}`;
      const have = got
        ? `${got.value ?? "-"} ${got.precision}${got.range ? ` ${got.range.from}..${got.range.to}` : ""}`
        : "none";
      lines.push(`  WRONG ${row.published} "${row.expression}" want ${want}, got ${have} :: ${row.sentence}`);
    }
  }
  return lines.join("\n");
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(formatTableScore(scoreDateTable(DATE_TABLE, resolveDates), process.argv.includes("--verbose")));
}

/**
 * The table `npm run eval` prints: one column per set, one section per suite, one row per figure.
 * A suite turns one set's result into labelled figures; a suite that runs on other sets (the dates
 * and status set, say) just leaves the other columns blank. Add a suite by adding a function here
 * and to SUITES (or by passing columns built elsewhere to renderTable).
 */
import type { SetResult } from "./evaluate.js";
import { NAME_FLAGS, type NameFigures, type NameFlag } from "./names.js";
import type { AttributionFigures } from "./score.js";

export interface Figure {
  label: string;
  value: string;
}

/** One suite's figures for one set. */
export interface SuiteRows {
  suite: string;
  figures: Figure[];
}

/** One column of the table: a set and what each suite measured on it. */
export interface Column {
  set: string;
  suites: SuiteRows[];
}

const TYPE_ORDER = ["direct", "partial", "indirect"];

function ratio(part: number, whole: number, digits: number): string {
  return `${(whole ? part / whole : 0).toFixed(digits)} (${part.toLocaleString("en")}/${whole.toLocaleString("en")})`;
}

export function attributionRows(figures: AttributionFigures): SuiteRows {
  const rank = (type: string): number => (TYPE_ORDER.includes(type) ? TYPE_ORDER.indexOf(type) : 99);
  const types = Object.keys(figures.byType).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return {
    suite: "Attribution (score.py)",
    figures: [
      { label: "recall", value: ratio(figures.right, figures.gold, 2) },
      ...types.map((type) => {
        const { right, gold } = figures.byType[type]!;
        return { label: `  ${type}`, value: ratio(right, gold, 2) };
      }),
      { label: "speaker precision", value: figures.precision.toFixed(3) },
      { label: "wrong speakers", value: figures.wrong.toLocaleString("en") },
      { label: "vague speakers", value: figures.vague.toLocaleString("en") },
      { label: "unattributed", value: figures.unattributed.toLocaleString("en") },
      {
        label: "not in gold / predictions",
        value: `${figures.spurious.toLocaleString("en")} / ${figures.predictions.toLocaleString("en")}`,
      },
    ],
  };
}

export const FLAG_LABELS: Record<NameFlag, string> = {
  role: "role or office word",
  party: "party word",
  dateline: "dateline shape",
  calendar: "weekday or month",
  capitals: "all capitals",
};

export function nameRows(figures: NameFigures): SuiteRows {
  return {
    suite: "Entity names (persons, organisations)",
    figures: [
      {
        label: "names not clean",
        value: `${figures.flagged.length.toLocaleString("en")} / ${figures.entities.toLocaleString("en")}`,
      },
      ...NAME_FLAGS.map((flag) => ({ label: `  ${FLAG_LABELS[flag]}`, value: String(figures.byFlag[flag]) })),
      { label: "persons split in two", value: String(figures.splits.length) },
    ],
  };
}

/** The suites computed from one set's result, in table order. */
export const SUITES: ReadonlyArray<(result: SetResult) => SuiteRows> = [
  (result) => attributionRows(result.attribution),
  (result) => nameRows(result.names),
];

export function columnOf(result: SetResult): Column {
  return { set: result.set, suites: SUITES.map((suite) => suite(result)) };
}

/** Renders the columns as one plain-text table; rows keep the order in which suites first give them. */
export function renderTable(columns: readonly Column[]): string {
  const sections = new Map<string, string[]>();
  const cells = new Map<string, string>();
  for (const column of columns) {
    for (const { suite, figures } of column.suites) {
      const labels = sections.get(suite) ?? [];
      sections.set(suite, labels);
      for (const { label, value } of figures) {
        if (!labels.includes(label)) labels.push(label);
        cells.set(`${column.set}\u0000${suite}\u0000${label}`, value);
      }
    }
  }
  const body: string[][] = [["", ...columns.map((column) => column.set)]];
  for (const [suite, labels] of sections) {
    body.push([suite, ...columns.map(() => "")]);
    for (const label of labels) {
      body.push([
        `  ${label}`,
        ...columns.map((column) => cells.get(`${column.set}\u0000${suite}\u0000${label}`) ?? "–"),
      ]);
    }
  }
  const widths = body[0]!.map((_, i) => Math.max(...body.map((row) => row[i]!.length)));
  return body
    .map((row) =>
      row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  "),
    )
    .map((line) => line.trimEnd())
    .join("\n");
}

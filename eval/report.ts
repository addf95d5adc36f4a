/** The `--verbose` listing of the name figures: every name not clean, and every split pair. */
import type { NameFigures } from "./names.js";
import { FLAG_LABELS } from "./table.js";

export function describeNames(figures: NameFigures): string {
  const lines = [`-- names not clean (${figures.flagged.length})`];
  for (const { kind, name, flags } of figures.flagged) {
    lines.push(`NAME  ${kind} "${name}": ${flags.map((flag) => FLAG_LABELS[flag]).join(", ")}`);
  }
  lines.push(`-- persons split in two (${figures.splits.length})`);
  for (const { rule, names } of figures.splits) lines.push(`SPLIT ${rule}: "${names[0]}" / "${names[1]}"`);
  return lines.join("\n");
}

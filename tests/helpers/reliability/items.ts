/**
 * The numbered items of an answer as Discord shows it: the verbatim text and the paragraph its
 * citation line (`↳ … · ¶9`) points to.
 */

export interface ShownItem {
  /** The verbatim sentence (without Parley's label such as `direct · “He added” → …`). */
  text: string;
  paragraph: number;
}

const ITEM = /^\*\*\d+\.\*\* (?:\*[^*]*\* — )?(.*)$/;
const CITATION = /^↳ .* · ¶(\d+)\S*$/;

/**
 * @example
 * citedItems("**1.** Doha is preparing.\n↳ Doha talks · unknown outlet · 24 Oct 2024 · ¶1")
 * // [{ text: "Doha is preparing.", paragraph: 1 }]
 */
export function citedItems(shown: string): ShownItem[] {
  const lines = shown.split("\n");
  const items: ShownItem[] = [];
  for (let at = 0; at + 1 < lines.length; at += 1) {
    const item = ITEM.exec(lines[at] ?? "");
    const citation = CITATION.exec(lines[at + 1] ?? "");
    if (item?.[1] && citation?.[1]) items.push({ text: item[1], paragraph: Number(citation[1]) });
  }
  return items;
}

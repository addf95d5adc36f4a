import type { ResolvedDate } from "../types.js";
import { parseIsoDay } from "./calendar.js";
import { chronoHits, fromChrono, isBareMonthWord, isExplicitDate } from "./chrono.js";
import { RULES } from "./rules.js";
import { tenseAround } from "./tense.js";

/** A resolved date expression and where it is in the text (`text.slice(start, end)` is `mention.text`). */
export interface DateMention extends ResolvedDate {
  start: number;
  end: number;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean =>
  a.start < b.end && b.start < a.end;

/**
 * Every date expression in `text`, resolved against `published` (ISO `YYYY-MM-DD`), in text order.
 *
 * @example
 * resolveDates("Barnea will go to Doha next Sunday.", "2024-10-24")
 * // [{ text: "next Sunday", value: "2024-10-27", precision: "day", relation: "future", start: 23, end: 34 }]
 */
export function resolveDates(text: string, published: string): DateMention[] {
  const publishedDay = parseIsoDay(published);
  const mentions: DateMention[] = [];

  for (const rule of RULES) {
    if (!rule.hint.test(text)) continue;
    rule.pattern.lastIndex = 0;
    for (let match = rule.pattern.exec(text); match; match = rule.pattern.exec(text)) {
      const start = match.index;
      const end = start + match[0].length;
      const span = { start, end };
      if (mentions.some((mention) => overlaps(mention, span))) continue;
      const resolution = rule.resolve(match, {
        published: publishedDay,
        tense: () => tenseAround(text, start, end),
      });
      if (resolution) mentions.push({ ...resolution, text: match[0], start, end });
    }
  }

  {
    // chrono reads calendar fields in local time: noon local on the publication day is that day anywhere.
    const reference = new Date(publishedDay.year, publishedDay.month - 1, publishedDay.day, 12);
    for (const result of chronoHits(text, reference)) {
      let start = result.index;
      // chrono keeps a trailing comma ("November,"): the mention is the date alone.
      const end = start + result.text.replace(/[\s,.;:]+$/, "").length;
      if (isBareMonthWord(result, text)) continue;
      const clashes = mentions.filter((mention) => overlaps(mention, { start, end }));
      if (clashes.length > 0) {
        // Our rules win, except over an explicit calendar date that covers more ("Monday, Oct. 21").
        const coversMore = clashes.every((clash) => clash.start >= start && clash.end <= end);
        if (!isExplicitDate(result) || !coversMore) continue;
        for (const clash of clashes) mentions.splice(mentions.indexOf(clash), 1);
      }
      // Keep "since" with its date: "since October 7, 2023" is a period reaching to publication.
      const since = /\bsince\s+$/i.exec(text.slice(Math.max(0, start - 8), start));
      const resolution = fromChrono(result, text, publishedDay, since !== null);
      if (!resolution) continue;
      if (since) start -= since[0].length;
      mentions.push({ ...resolution, text: text.slice(start, end), start, end });
    }
  }

  return mentions.sort((a, b) => a.start - b.start);
}

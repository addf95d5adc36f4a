/**
 * Which of a sentence's dates may date the event the sentence reports (issue 12). A sentence often
 * names dates that belong to something else:
 * 1. **Background clauses** do not date the main event: a date after `since` ("since October 7,
 *    2023", "for the first time since early August", "since the war began on October 7"), in a
 *    relative clause (`who`, `which`, `whose`: "who took office in March"), or after `after` when the
 *    words between hold a verb or end in "of" ("two years after the war began on October 7, 2023",
 *    "after the truce expired in November", "ten months after the attack of October 7"); "after a
 *    meeting on Monday" and "after May 31" date the event. A `when` clause gives the time of its
 *    main clause ("When the case was argued in December, ...") and stays. Background facts
 *    themselves (category `background_event`) keep all their dates.
 * 2. **Quotations**: a quoted date dates the event only when the quotation is the event's clause. It
 *    is not when the text before the quotation holds a clause of its own with a verb that is not a
 *    speech verb ("The group released a video in which its leader said, “... tomorrow”", "Hamas
 *    rejected the offer, saying “...”"); it is when the quotation is what someone said ("“The cabinet
 *    will meet tomorrow,” the spokesman said", "said talks “will open next month”").
 * 3. Of the dates left: the date of a statement ("said on Thursday") last, since it dates the saying,
 *    not what was said (first for a stance, `statementFirst`: "told CNN Tuesday that the battle will
 *    go on until July" is Tuesday's) ("“Yesterday we handed over our reply,” the negotiator said on Thursday"); then
 *    one outside quotation marks, then the most precise one (an explicit date beats a vaguer word in
 *    the same clause: "a deal before the summit on November 3"); the caller (status.ts) adds its own
 *    preferences (a future date for a plan; a plan never takes its announcement's date).
 * Limits: a quoted date in a sentence that is only a stance ("said Israel “never intended to reach a
 * deal this month”") still dates the stance; openers are words, not a parse ("the envoy, who will
 * arrive on Monday, ..." loses its date).
 */
import type { DateMention } from "./dates.js";

/** A relative clause up to the date (no clause boundary between): "who took office in March". */
const RELATIVE_OPENER = /\b(?:who|which|whose)\s+[^,;:“”"]*?\s*$/i;

/** "after" and the words up to the date: background when they hold a verb or end in "of". */
const AFTER_OPENER = /\bafter\s+([^,;:“”"]*?)\s*$/i;

/** A verb in the words after "after": "after the truce expired in November" is a clause. */
const CLAUSE_VERB =
  /\b(?:[a-z]{2,}ed|began|begun|took|was|were|had|came|went|left|met|held|fell|broke|won|lost|ran|gave|made|said|struck)\b/;

/** "since ...", "for the first time since ...": the start of a state the sentence is not about. */
const SINCE = /\bsince\s+(?:[^,;:“”"]*?\s+)?$/i;

/** A date right after a speech verb is the statement's: "officials said on November 25". */
export const STATEMENT_DATE =
  /\b(?:said|announced|told [\w ]{1,30}?|stated|confirmed|added|declared)\s+(?:\w+\s+){0,3}$/i;

/** Verbs of saying: a clause made only of an attribution does not make a quotation background. */
const SPEECH_VERB =
  /^(?:said|says|say|told|tells|added|adds|stated|declared|announced|confirmed|explained|warned|insisted|stressed|noted|wrote|replied|pointed|asked|argued|according)$/i;

/** Past or finite verbs that make the text before a quotation a clause of its own. */
const OWN_VERB =
  /\b(?:[a-z]{2,}ed|released|rejected|held|met|sent|gave|made|took|left|spoke|saying|was|were|had)\b/g;

/** True when `mention` sits in a background clause of `text` (rule 1). */
export function isBackground(text: string, mention: DateMention): boolean {
  if (/^since\b/i.test(mention.text ?? "")) return true;
  const before = text.slice(Math.max(0, mention.start - 80), mention.start);
  if (SINCE.test(before)) return true;
  if (RELATIVE_OPENER.test(before)) return true;
  // "after the truce expired in November", "after the attack of October 7": background; "after a
  // meeting on Monday" (no verb) and "after May 31" (nothing between) date the event.
  const after = AFTER_OPENER.exec(before);
  if (!after) return false;
  const words = after[1] ?? "";
  return CLAUSE_VERB.test(words) || /\bof$/i.test(words);
}

/** True when `mention` is the date of a statement ("said on Thursday"), not of what was said. */
export function isStatementDate(text: string, mention: DateMention): boolean {
  return STATEMENT_DATE.test(text.slice(Math.max(0, mention.start - 50), mention.start));
}

/** Where the quotation holding `position` opens, or -1 (curly or straight marks). */
function openingBefore(text: string, position: number): number {
  const curly = text.lastIndexOf("“", position);
  if (curly >= 0 && text.lastIndexOf("”", position - 1) < curly) return curly;
  let straight = -1;
  for (let index = text.indexOf('"'); index >= 0 && index < position; index = text.indexOf('"', index + 1))
    straight = straight < 0 ? index : -1;
  return straight;
}

/** True when the quoted date at `mention` is not in the event's clause (rule 2). */
export function isQuotedAside(text: string, mention: DateMention): boolean {
  const opening = openingBefore(text, mention.start);
  if (opening < 0) return false;
  const before = text.slice(0, opening);
  OWN_VERB.lastIndex = 0;
  for (let match = OWN_VERB.exec(before); match; match = OWN_VERB.exec(before))
    if (!SPEECH_VERB.test(match[0])) return true;
  return false;
}

/** Precision rank for rule 3: an explicit day beats a week, a stretch, a month, a year. */
const RANK: Record<string, number> = { day: 5, week: 4, approx: 3, month: 2, year: 1 };

/**
 * The mentions of `text` that may date its event (rules 1 and 2), best first (rule 3).
 *
 * @example ownMentions(text, resolveDates(text, published), { keepBackground: false })
 */
export function ownMentions(
  text: string,
  mentions: readonly DateMention[],
  options: { keepBackground: boolean; statementFirst?: boolean },
): DateMention[] {
  const own = mentions.filter(
    (mention) => (options.keepBackground || !isBackground(text, mention)) && !isQuotedAside(text, mention),
  );
  // A stance is dated when it was stated; any other event by what the statement reports.
  const statementRank = (mention: DateMention): number =>
    isStatementDate(text, mention) === Boolean(options.statementFirst) ? 1 : 0;
  const outside = (mention: DateMention): number => (openingBefore(text, mention.start) < 0 ? 1 : 0);
  return own
    .map((mention, index) => ({ mention, index }))
    .sort(
      (a, b) =>
        statementRank(b.mention) - statementRank(a.mention) ||
        outside(b.mention) - outside(a.mention) ||
        (RANK[b.mention.precision] ?? 0) - (RANK[a.mention.precision] ?? 0) ||
        a.index - b.index,
    )
    .map(({ mention }) => mention);
}

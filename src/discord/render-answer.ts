/**
 * Answer -> embed pages, pure. Each page is one embed: the answer's title, lines of verbatim
 * sentences (escaped, so they render exactly as written) each followed by its citation, and a footer
 * with the page number and notes. Every length is capped by construction (see limits.ts).
 */
import type { APIEmbed } from "discord.js";
import type { Answer, AnswerItem, UserError } from "../answers/types.js";
import type { Citation } from "../core/types.js";
import { formatDate } from "../text/citation.js";
import { escapeTruncated, plainLine, safeLink, truncate } from "./escape.js";
import { LIMITS } from "./limits.js";

export const ANSWER_COLOR = 0x2f6fae;
export const USER_ERROR_COLOR = 0xd4a72c;
export const NOTICE_COLOR = 0x8a8f98;

/** Room for the description, well under Discord's 4096 so pages stay readable. */
export const PAGE_DESCRIPTION_BUDGET = 3800;
export const ITEMS_PER_PAGE = 5;
export const FACTS_PER_PAGE = 15;
/** Longest verbatim text shown for one item (escaped); longer sentences are cut with `…`. */
export const ITEM_TEXT_MAX = 1500;
const FOOTER_MAX = 1024;
/** Longest label (Parley's words: date, category, place, speaker, other reports). */
const LABEL_MAX = 240;

/** A unit that is never split across pages. */
interface Block {
  kind: "fact" | "item";
  text: string;
  /** The section heading this block belongs to (items only). */
  heading?: string;
  /** The first item of a section that starts a new page. */
  newPage?: boolean;
}

/**
 * The citation line: title, outlet, date and paragraph, linked to the sentence when there is a url.
 *
 * @example
 * citationLine(citation) // "↳ [Doha to host … · unknown outlet · 24 Oct 2024 · ¶9](https://…)"
 */
export function citationLine(citation: Citation): string {
  const label = [
    escapeTruncated(citation.title, 100),
    escapeTruncated(citation.outlet ?? "unknown outlet", OUTLET_MAX),
    formatDate(citation.published),
    `¶${citation.paragraph}`,
  ].join(" · ");
  const link = safeLink(citation.link) ?? safeLink(citation.url);
  return link ? `↳ [${label}](${link})` : `↳ ${label}`;
}

/** Longest outlet name in a citation line ("Agence France-Presse" fits; a long newspaper name is shortened). */
const OUTLET_MAX = 32;
/** Other reports of the same thing listed by name; the rest are counted. */
const ALSO_SHOWN = 4;

/** `also: [Reuters, 15 Jan 2025](…) · AFP, 16 Jan 2025 · +2 more`: the other outlets that reported it. */
export function alsoLine(also: readonly Citation[]): string {
  const shown = also.slice(0, ALSO_SHOWN).map((citation) => {
    const label = `${escapeTruncated(citation.outlet ?? citation.title, OUTLET_MAX)}, ${formatDate(citation.published)}`;
    const link = safeLink(citation.link) ?? safeLink(citation.url);
    return link ? `[${label}](${link})` : label;
  });
  if (also.length > ALSO_SHOWN) shown.push(`+${also.length - ALSO_SHOWN} more`);
  return `also: ${shown.join(" · ")}`;
}

function itemBlock(item: AnswerItem, number: number): string {
  const label = item.label ? `*${escapeTruncated(item.label, LABEL_MAX)}* — ` : "";
  const also = item.also && item.also.length > 0 ? `\n${alsoLine(item.also)}` : "";
  return `**${number}.** ${label}${escapeTruncated(item.text, ITEM_TEXT_MAX)}\n${citationLine(item.citation)}${also}`;
}

function headingLine(heading: string, continued: boolean): string {
  return `__**${escapeTruncated(heading, 150)}**__${continued ? " *(continued)*" : ""}`;
}

function toBlocks(answer: Answer): Block[] {
  const blocks: Block[] = answer.facts.map((fact) => ({
    kind: "fact",
    text: `**${escapeTruncated(fact.label, 120)}:** ${escapeTruncated(fact.value, 900)}`,
  }));
  let number = 0;
  for (const section of answer.sections) {
    for (const [at, item] of section.items.entries()) {
      number += 1;
      const block: Block = { kind: "item", text: itemBlock(item, number), heading: section.heading };
      if (at === 0 && section.newPage) block.newPage = true;
      blocks.push(block);
    }
  }
  return blocks;
}

/** Groups blocks into page descriptions, repeating a section heading when it continues. */
function paginate(blocks: Block[]): string[] {
  const pages: string[] = [];
  let lines: string[] = [];
  let length = 0;
  let items = 0;
  let facts = 0;
  let heading: string | undefined;
  const flush = (): void => {
    if (lines.length > 0) pages.push(lines.join("\n"));
    lines = [];
    length = 0;
    items = 0;
    facts = 0;
  };
  for (const block of blocks) {
    const startsSection = block.kind === "item" && block.heading !== heading;
    const headingText =
      startsSection && block.heading !== undefined ? `\n${headingLine(block.heading, false)}` : "";
    const cost = block.text.length + headingText.length + 1;
    const full =
      block.newPage === true ||
      (block.kind === "item" && items >= ITEMS_PER_PAGE) ||
      (block.kind === "fact" && facts >= FACTS_PER_PAGE) ||
      length + cost > PAGE_DESCRIPTION_BUDGET;
    if (full && lines.length > 0) {
      flush();
      // A section that goes on past a page break is named again at the top of the next page.
      if (!startsSection && block.kind === "item" && block.heading !== undefined) {
        lines.push(headingLine(block.heading, true));
        length += lines[0]?.length ?? 0;
      }
    }
    if (startsSection && block.heading !== undefined) {
      lines.push(`${lines.length > 0 ? "\n" : ""}${headingLine(block.heading, false)}`);
      heading = block.heading;
    }
    lines.push(block.text);
    length += cost;
    if (block.kind === "item") items += 1;
    else facts += 1;
  }
  flush();
  return pages;
}

/**
 * The answer as embed pages (at least one).
 *
 * @example
 * renderAnswerPages(answerCommand(kb, "quote", { name: "Blinken" }))[0].description
 * // "__**Direct quotes**__\n**1.** *direct · Blinken said* — We talked about …\n↳ [… · ¶3](https://…)"
 */
export function renderAnswerPages(answer: Answer): APIEmbed[] {
  // An answer object is rendered once: /status keeps its (long) answers, so a page turn is a look-up.
  const cached = renderedPages.get(answer);
  if (cached) return cached;
  const pages = renderPages(answer);
  renderedPages.set(answer, pages);
  return pages;
}

const renderedPages = new WeakMap<Answer, APIEmbed[]>();

function renderPages(answer: Answer): APIEmbed[] {
  const descriptions = paginate(toBlocks(answer));
  if (descriptions.length === 0) descriptions.push("");
  const notes = answer.notes.map(plainLine).join(" · ");
  return descriptions.map((description, i) => {
    const pageLabel = descriptions.length > 1 ? `Page ${i + 1}/${descriptions.length}` : "";
    const footer = truncate([pageLabel, notes].filter(Boolean).join(" · "), FOOTER_MAX);
    return {
      title: escapeTruncated(answer.title, LIMITS.embedTitle),
      ...(description ? { description } : {}),
      color: ANSWER_COLOR,
      ...(footer ? { footer: { text: footer } } : {}),
    };
  });
}

/**
 * A user error as an embed: what is wrong and what to try instead.
 *
 * @example
 * renderUserError({ kind: "user-error", command: "who", message: "No one called “Smith”.", suggestions: ["/who Barnea"] })
 */
export function renderUserErrorEmbed(error: UserError): APIEmbed {
  const suggestions = error.suggestions
    .slice(0, 10)
    .map((suggestion) => `• ${escapeTruncated(suggestion, 200)}`);
  const description = [`**${escapeTruncated(error.message, 1500)}**`, ...suggestions].join("\n");
  return { description, color: USER_ERROR_COLOR };
}

/** A short notice from Parley itself (slow down, expired button, apology). */
export function renderNoticeEmbed(text: string): APIEmbed {
  return { description: escapeTruncated(text, 2000), color: NOTICE_COLOR };
}

/**
 * Scores `parley export --json` status events against a hand gold (eval/wire/gold.json, described in
 * eval/wire/README.md). Pure: `scoreEvents(gold, exportJson)`; run as a script it prints the figures:
 *   npx tsx eval/score-events.ts eval/wire/gold.json out.json [--verbose]
 */
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

/** Issue 13's categories: talk events, then the two kinds of fact that are not talk events. */
export const CATEGORIES = [
  "scheduled_meeting",
  "talks_held",
  "talks_postponed",
  "delegation_sent",
  "delegation_recalled",
  "proposal_made",
  "proposal_on_table",
  "proposal_accepted",
  "proposal_rejected",
  "proposal_under_review",
  "proposal_amended",
  "talks_resuming",
  "stalled",
  "suspended",
  "mediation_suspended",
  "obstacle",
  "deadline",
  "deal_reached",
  "deal_approved",
  "deal_implemented",
  "ceasefire_started",
  "ceasefire_ended",
  "ceasefire_violated",
  "hostages_released",
  "prisoners_released",
  "position",
  "background_event",
] as const;
export type GoldCategory = (typeof CATEGORIES)[number];

/** Not talk events: kept in the export as facts, left out of `/status` and of "events found". */
export const NON_EVENTS: ReadonlySet<string> = new Set(["position", "background_event"]);

/**
 * Today's export categories in issue 13's names. Every old name is kept as it is (issue 13: "keep the
 * export's names where they exist"); the table is written out so a renamed or added old name fails loudly.
 */
export const OLD_CATEGORY_MAP: Readonly<Record<string, GoldCategory>> = {
  scheduled_meeting: "scheduled_meeting",
  talks_held: "talks_held",
  talks_resuming: "talks_resuming",
  stalled: "stalled",
  proposal_on_table: "proposal_on_table",
  obstacle: "obstacle",
  deal_reached: "deal_reached",
  deal_implemented: "deal_implemented",
  position: "position",
  background_event: "background_event",
};

/** An exported category in issue 13's names; null when it is neither an old nor a new name. */
export function mapCategory(category: string): GoldCategory | null {
  if (category in OLD_CATEGORY_MAP) return OLD_CATEGORY_MAP[category] ?? null;
  return (CATEGORIES as readonly string[]).includes(category) ? (category as GoldCategory) : null;
}

export interface GoldDate {
  value: string | null;
  precision: "day" | "week" | "month" | "year" | "approx" | "reported" | "unknown" | "n/a";
  range?: { from: string; to: string };
}

export interface GoldEvent {
  id: string;
  articleId: string;
  paragraph: number;
  published: string;
  category: GoldCategory;
  date: GoldDate;
  participants: string[];
  place: string | null;
  speaker: string | null;
  text: string;
}

export interface GoldTimelineEntry {
  id: string;
  /** Gold event ids (`articleId#paragraph`) that report the same real event. */
  events: string[];
  /** Timeline entries whose reports change this one (postponed, collapsed, carried out...). */
  supersededBy: string[];
}

export interface Gold {
  events: GoldEvent[];
  timeline: GoldTimelineEntry[];
}

/** The part of an exported status event the scorer reads (src/answers/export.ts, ExportStatus). */
export interface ExportedEvent {
  id: string;
  category: string;
  date: { value: string | null; precision: string; range?: { from: string; to: string } };
  published: string;
  citation?: { articleId: string; paragraph: number } | null;
}

export interface ExportLike {
  status: ExportedEvent[];
  /** Not exported yet (issue 13); read as entries that each list the status ids they merge. */
  timeline?: Array<{ events?: string[] }>;
}

export interface Ratio {
  right: number;
  of: number;
}

export interface EventScore {
  /** Gold talk events (not position/background) with an exported event in the same paragraph. */
  found: Ratio;
  /** Of the found talk events, those whose category (mapped) is the gold one. */
  categories: Ratio;
  /** Gold talk events with a date: found with the same value and precision (and range when gold has one). */
  dates: Ratio;
  /** The same, of the found ones only: the resolver's accuracy apart from event finding. */
  datesOfFound: Ratio;
  /** Gold talk events with no date (the coming days): found without a value. */
  undated: Ratio;
  /** Positions and background facts found, for information. */
  nonEventsFound: Ratio;
  /** Timeline: gold entries with 2+ found reports merged into one exported entry; null until exported. */
  timelineMerged: Ratio | null;
  /** Gold entries whose found reports are spread over more than one exported entry; null until exported. */
  timelineListedTwice: number | null;
  misses: Array<{ gold: string; problem: "not found" | "category" | "date"; got?: string }>;
}

function placeOf(event: ExportedEvent): { articleId: string; paragraph: number } | null {
  if (event.citation) return { articleId: event.citation.articleId, paragraph: event.citation.paragraph };
  const match = /^(.*)#(\d+)\.\d+/.exec(event.id);
  return match?.[1] && match[2] ? { articleId: match[1], paragraph: Number(match[2]) } : null;
}

/**
 * The exported precision in gold terms. Today's code gives a date taken from the publication as
 * `approx` with no range and the publication day as value; issue 12 names that `reported`.
 */
export function exportedPrecision(event: ExportedEvent): string {
  const { date } = event;
  if (date.precision === "approx" && !date.range && date.value === event.published) return "reported";
  return date.precision;
}

export function dateRight(gold: GoldDate, event: ExportedEvent): boolean {
  if (gold.value !== event.date.value || gold.precision !== exportedPrecision(event)) return false;
  if (!gold.range) return true;
  return gold.range.from === event.date.range?.from && gold.range.to === event.date.range?.to;
}

function describe(event: ExportedEvent): string {
  const range = event.date.range ? ` ${event.date.range.from}..${event.date.range.to}` : "";
  return `${event.category} ${event.date.value ?? "-"} ${event.date.precision}${range}`;
}

export function scoreEvents(gold: Gold, exported: ExportLike): EventScore {
  const byParagraph = new Map<string, ExportedEvent[]>();
  for (const event of exported.status) {
    const place = placeOf(event);
    if (!place) continue;
    const key = `${place.articleId}#${place.paragraph}`;
    byParagraph.set(key, [...(byParagraph.get(key) ?? []), event]);
  }
  const score: EventScore = {
    found: { right: 0, of: 0 },
    categories: { right: 0, of: 0 },
    dates: { right: 0, of: 0 },
    datesOfFound: { right: 0, of: 0 },
    undated: { right: 0, of: 0 },
    nonEventsFound: { right: 0, of: 0 },
    timelineMerged: null,
    timelineListedTwice: null,
    misses: [],
  };
  const used = new Set<ExportedEvent>();
  const matchOf = new Map<string, ExportedEvent>();
  for (const event of gold.events) {
    const candidates = (byParagraph.get(`${event.articleId}#${event.paragraph}`) ?? []).filter(
      (candidate) => !used.has(candidate),
    );
    // One exported event per gold event: the one with the gold category if there is one, else the first.
    const match =
      candidates.find((candidate) => mapCategory(candidate.category) === event.category) ?? candidates[0];
    if (match) {
      used.add(match);
      matchOf.set(event.id, match);
    }
    if (NON_EVENTS.has(event.category)) {
      score.nonEventsFound.of++;
      if (match) score.nonEventsFound.right++;
      continue;
    }
    score.found.of++;
    if (event.date.value !== null) score.dates.of++;
    else if (event.date.precision === "unknown") score.undated.of++;
    if (!match) {
      score.misses.push({ gold: event.id, problem: "not found" });
      continue;
    }
    score.found.right++;
    score.categories.of++;
    if (mapCategory(match.category) === event.category) score.categories.right++;
    else score.misses.push({ gold: event.id, problem: "category", got: describe(match) });
    if (event.date.value !== null) {
      score.datesOfFound.of++;
      if (dateRight(event.date, match)) {
        score.dates.right++;
        score.datesOfFound.right++;
      } else score.misses.push({ gold: event.id, problem: "date", got: describe(match) });
    } else if (event.date.precision === "unknown" && match.date.value === null) score.undated.right++;
  }
  if (exported.timeline) scoreTimeline(gold, exported.timeline, matchOf, score);
  return score;
}

function scoreTimeline(
  gold: Gold,
  timeline: Array<{ events?: string[] }>,
  matchOf: Map<string, ExportedEvent>,
  score: EventScore,
): void {
  const entryOf = new Map<string, number>();
  timeline.forEach((entry, index) => {
    for (const id of entry.events ?? []) entryOf.set(id, index);
  });
  score.timelineMerged = { right: 0, of: 0 };
  score.timelineListedTwice = 0;
  for (const entry of gold.timeline) {
    const entries = new Set<number | undefined>();
    let found = 0;
    for (const id of entry.events) {
      const match = matchOf.get(id);
      if (!match) continue;
      found++;
      entries.add(entryOf.get(match.id));
    }
    if (found < 2) continue;
    score.timelineMerged.of++;
    if (entries.size === 1 && !entries.has(undefined)) score.timelineMerged.right++;
    else score.timelineListedTwice++;
  }
}

function ratio({ right, of }: Ratio): string {
  return `${right}/${of} = ${of === 0 ? "n/a" : (right / of).toFixed(3)}`;
}

export function formatScore(score: EventScore, verbose = false): string {
  const lines = [
    `events found:        ${ratio(score.found)}`,
    `categories right:    ${ratio(score.categories)} (of found)`,
    `dates right:         ${ratio(score.dates)} (of gold events with a date)`,
    `dates right (found): ${ratio(score.datesOfFound)} (of those found)`,
    `undated kept:        ${ratio(score.undated)} (gold: future, no date)`,
    `non-events found:    ${ratio(score.nonEventsFound)} (position, background)`,
    `timeline merged:     ${score.timelineMerged ? ratio(score.timelineMerged) : "n/a (no timeline in the export)"}`,
    `listed twice:        ${score.timelineListedTwice ?? "n/a"}`,
  ];
  if (verbose)
    for (const miss of score.misses) lines.push(`  ${miss.problem}: ${miss.gold} ${miss.got ?? ""}`);
  return lines.join("\n");
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [goldPath, exportPath] = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
  if (!goldPath || !exportPath) {
    console.error("usage: tsx eval/score-events.ts GOLD.json EXPORT.json [--verbose]");
    process.exit(2);
  }
  const gold = JSON.parse(readFileSync(goldPath, "utf8")) as Gold;
  const exported = JSON.parse(readFileSync(exportPath, "utf8")) as ExportLike;
  console.log(formatScore(scoreEvents(gold, exported), process.argv.includes("--verbose")));
}

/**
 * `/status [TOPIC]`: where the talks stand. The latest state first, then upcoming events in date order,
 * then the history; each line the verbatim sentence, labelled with its date and kind, and cited.
 * Everything comes from the precomputed timeline (src/analysis/timeline.ts): no search at answer time.
 */

import type { ResolvedDate, StatusEvent } from "../analysis/types.js";
import { getDirectory } from "../index/directory.js";
import type { KnowledgeBase } from "../index/knowledge-base.js";
import { CATEGORY_WORDS, getTimeline, type TimelineSections } from "../index/timeline.js";
import { formatDate } from "../text/citation.js";
import { eventData } from "./item-data.js";
import type { Answer, AnswerItem, AnswerSection, Reply } from "./types.js";
import { userError } from "./user-error.js";

/** Most lines per section; the rest is counted in a note (answers stay small at 10,000 articles). */
export const STATUS_SECTION_LIMIT = { latest: 8, upcoming: 8, history: 10 } as const;

const MONTH_ABBREVIATIONS = [
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "May",
  "Jun",
  "Jul",
  "Aug",
  "Sep",
  "Oct",
  "Nov",
  "Dec",
];

/**
 * A date as a line label: `2024-10-27`, `Aug 2024`, `2024`, `week of 2024-10-28`, `around 2024-10-24`,
 * `2024-10-22 to 2024-10-24`, `reported 24 Oct 2024` (no date of its own), `upcoming, no date`,
 * `undated (reported 24 Oct 2024)`.
 *
 * @example dateLabel({ value: "2024-08", precision: "month", relation: "past", text: "last August" }, "2024-10-24") // "Aug 2024"
 */
export function dateLabel(date: ResolvedDate, published: string): string {
  const { value } = date;
  if (value === null)
    return date.relation === "future" ? "upcoming, no date" : `undated (reported ${formatDate(published)})`;
  if (date.precision === "month" && /^\d{4}-\d{2}$/.test(value))
    return `${MONTH_ABBREVIATIONS[Number(value.slice(5, 7)) - 1]} ${value.slice(0, 4)}`;
  if (date.precision === "week" && date.range) return `week of ${date.range.from}`;
  if (date.precision === "reported") return `reported ${formatDate(published)}`;
  if (date.precision === "approx") {
    if (date.range && date.range.from !== date.range.to) return `${date.range.from} to ${date.range.to}`;
    return `around ${value}`;
  }
  return value;
}

/** The category as words: `scheduled meeting`, `stalled`, `deal reached`. */
export function categoryLabel(event: StatusEvent): string {
  return CATEGORY_WORDS[event.category][0] ?? event.category;
}

function itemOf(kb: KnowledgeBase, event: StatusEvent): AnswerItem | null {
  const sentence = kb.sentencesById.get(`${event.articleId}#${event.paragraph}.${event.sentence}`);
  if (!sentence) return null;
  const parts = [dateLabel(event.date, event.published), categoryLabel(event)];
  if (event.place) parts.push(event.place);
  if (event.superseded) parts.push("superseded by a newer report");
  return {
    text: sentence.text,
    citation: kb.cite(sentence),
    label: parts.join(" · "),
    data: eventData(event, getDirectory(kb.analysis).entityById),
  };
}

function section(
  kb: KnowledgeBase,
  heading: string,
  events: readonly StatusEvent[],
  limit: number,
  notes: string[],
): AnswerSection | null {
  if (events.length === 0) return null;
  const items: AnswerItem[] = [];
  for (const event of events) {
    if (items.length === limit) break;
    const item = itemOf(kb, event);
    if (item) items.push(item);
  }
  if (events.length > items.length)
    notes.push(`${events.length - items.length} more in “${heading}” not shown.`);
  return { heading, items };
}

function answerFrom(
  kb: KnowledgeBase,
  title: string,
  sections: TimelineSections,
  topicLabels: string[],
): Answer {
  const timeline = getTimeline(kb.analysis);
  const notes: string[] = [];
  const built = [
    section(kb, "Latest", sections.latest, STATUS_SECTION_LIMIT.latest, notes),
    section(kb, "Upcoming", sections.upcoming, STATUS_SECTION_LIMIT.upcoming, notes),
    section(kb, "History", sections.history, STATUS_SECTION_LIMIT.history, notes),
  ].filter((built): built is AnswerSection => built !== null);
  const facts = timeline.asOf
    ? [{ label: "As of", value: `${formatDate(timeline.asOf)} (newest article)` }]
    : [];
  if (topicLabels.length > 0) facts.push({ label: "Topic", value: topicLabels.join(", ") });
  if (built.length === 0) notes.push("The articles say nothing yet about where the talks stand.");
  else if (notes.length > 0 && topicLabels.length === 0)
    notes.push("Narrow it with a topic, e.g. /status hostages, /status Doha or /status a person's name.");
  const answer: Answer = { kind: "answer", command: "status", title, facts, sections: built, notes };
  if (timeline.asOf) answer.asOf = timeline.asOf;
  return answer;
}

/**
 * Where the talks stand, optionally narrowed to a topic (`talks`, `hostages`, `Doha`, a person's name,
 * surname or role). An unknown topic is a user error with the closest known topics.
 *
 * @example
 * answerStatus(kb, "Doha") // sections Latest / Upcoming / History; ¶9's line labelled "2024-10-27 · scheduled meeting · Doha"
 */
export function answerStatus(kb: KnowledgeBase, topic?: string): Reply {
  const timeline = getTimeline(kb.analysis);
  const wanted = topic?.trim() ?? "";
  if (wanted === "") return answerFrom(kb, "Where the talks stand", timeline.all, []);
  const match = timeline.forTopic(wanted);
  if (!match) {
    return userError("status", `Nothing in the articles about “${wanted}” and the talks.`, [
      ...timeline.suggest(wanted).map((label) => `/status ${label}`),
    ]);
  }
  return answerFrom(kb, `Where the talks stand: ${match.labels.join(", ")}`, match.sections, match.labels);
}

/**
 * Topics for autocomplete: categories, subjects, places and participants whose name or any word of it
 * starts with `prefix` (case-insensitive), each at most 100 characters.
 *
 * @example completeTopics(kb, "do") // ["Doha"]
 */
export function completeTopics(kb: KnowledgeBase, prefix: string, limit = 25): string[] {
  return getTimeline(kb.analysis)
    .complete(prefix, limit)
    .map((topic) => topic.slice(0, 100));
}

/**
 * `/status [TOPIC]`: where the talks stand (issue 13). Next (after the reference date, soonest first),
 * Now (the latest state: at most 4 lines, 2 per article, newest first), Before (the history, every
 * entry: paging reaches all of it). One line per timeline entry (the same event reported by several
 * articles is one line, the other reports listed); each line the verbatim sentence of its lead report,
 * labelled `date · category · place` (and whose words it is, for reported speech), and cited.
 * Everything comes from the precomputed timeline (src/index/timeline.ts): no search at answer time.
 */

import type { ResolvedDate, StatusEvent } from "../analysis/types.js";
import type { Citation } from "../core/types.js";
import { getDirectory } from "../index/directory.js";
import type { KnowledgeBase } from "../index/knowledge-base.js";
import { CATEGORY_WORDS, getTimeline, type TimelineEntry, type TimelineSections } from "../index/timeline.js";
import { formatDate } from "../text/citation.js";
import { eventData } from "./item-data.js";
import type { Answer, AnswerItem, AnswerSection, Reply } from "./types.js";
import { userError } from "./user-error.js";

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

/** A report as a short reference: `Gulf Wire, 15 Jan 2025 ¶3`. */
function shortCitation(citation: Citation): string {
  const source = citation.outlet ?? citation.title;
  const name = source.length > 40 ? `${source.slice(0, 39)}…` : source;
  return `${name}, ${formatDate(citation.published)} ¶${citation.paragraph}`;
}

function citeEvent(kb: KnowledgeBase, event: StatusEvent): Citation | null {
  const sentence = kb.sentencesById.get(`${event.articleId}#${event.paragraph}.${event.sentence}`);
  return sentence ? kb.cite(sentence) : null;
}

/** The label and data of one timeline entry: its lead report's sentence, the others listed. */
export function entryItem(kb: KnowledgeBase, entry: TimelineEntry): AnswerItem | null {
  const event = entry.lead;
  const sentence = kb.sentencesById.get(`${event.articleId}#${event.paragraph}.${event.sentence}`);
  if (!sentence) return null;
  const parts = [dateLabel(event.date, event.published), categoryLabel(event)];
  if (event.place) parts.push(event.place);
  if (event.speaker) parts.push(`according to ${event.speaker}`);
  const also = entry.reports
    .slice(1)
    .map((report) => citeEvent(kb, report))
    .filter((citation): citation is Citation => citation !== null);
  const newer = entry.supersededBy ? citeEvent(kb, entry.supersededBy.lead) : null;
  if (newer) parts.push(`superseded by ${shortCitation(newer)}`);
  const item: AnswerItem = {
    text: sentence.text,
    citation: kb.cite(sentence),
    label: parts.join(" · "),
    data: {
      ...eventData(event, getDirectory(kb.analysis).entityById),
      superseded: entry.supersededBy !== null,
      speaker: event.speaker ?? null,
      supersededBy: newer,
    },
  };
  // The other reports of the same event, earliest first (rendered as an "also:" line).
  if (also.length > 0) item.also = also;
  return item;
}

function section(
  kb: KnowledgeBase,
  heading: string,
  entries: readonly TimelineEntry[],
  newPage = false,
): AnswerSection | null {
  const items = entries
    .map((entry) => entryItem(kb, entry))
    .filter((item): item is AnswerItem => item !== null);
  if (items.length === 0) return null;
  return newPage ? { heading, newPage, items } : { heading, items };
}

/** Most history ("Before") entries one answer lists, newest first; the rest are counted in a note. */
export const HISTORY_SHOWN = 60;

/**
 * Answers per sections object (one per topic, kept by the timeline) and title: "Before" lists every
 * entry, thousands at 10,000 articles, so a page turn (the answer is computed again) reuses them.
 * Answers are never changed after they are built.
 */
const answerCache = new WeakMap<TimelineSections, Map<string, Answer>>();

function answerFrom(
  kb: KnowledgeBase,
  title: string,
  sections: TimelineSections,
  topicLabels: string[],
): Answer {
  let byTitle = answerCache.get(sections);
  const cached = byTitle?.get(title);
  if (cached) return cached;
  const answer = buildAnswer(kb, title, sections, topicLabels);
  if (!byTitle) {
    byTitle = new Map();
    answerCache.set(sections, byTitle);
  }
  byTitle.set(title, answer);
  return answer;
}

function buildAnswer(
  kb: KnowledgeBase,
  title: string,
  sections: TimelineSections,
  topicLabels: string[],
): Answer {
  const notes: string[] = [];
  const built = [
    section(kb, "Next", sections.next),
    section(kb, "Now", sections.now),
    // The history starts a page of its own: page 1 is what comes next and where things stand. It is
    // the newest entries only: "talks" has thousands at 10,000 articles, more than anyone pages through.
    section(kb, "Before", sections.before.slice(0, HISTORY_SHOWN), true),
  ].filter((built): built is AnswerSection => built !== null);
  const older = sections.before.length - HISTORY_SHOWN;
  if (older > 0)
    notes.push(
      `${older} older ${older === 1 ? "entry" : "entries"} not shown: a narrower topic (a place, a person, a body) lists its own history`,
    );
  const facts = sections.asOf
    ? [
        {
          label: "As of",
          value: `${formatDate(sections.asOf)} (newest article${topicLabels.length > 0 ? " on the topic" : ""})`,
        },
      ]
    : [];
  if (topicLabels.length > 0) facts.push({ label: "Topic", value: topicLabels.join(", ") });
  if (built.length === 0) notes.push("The articles say nothing yet about where the talks stand.");
  else if (!built.some((part) => part.heading === "Next"))
    notes.push("Nothing planned after the newest article.");
  const answer: Answer = { kind: "answer", command: "status", title, facts, sections: built, notes };
  if (sections.asOf) answer.asOf = sections.asOf;
  return answer;
}

/**
 * Where the talks stand, optionally narrowed to a topic (`talks`, `hostages`, `Doha`, a person's name,
 * surname or role). An unknown topic is a user error with the closest known topics.
 *
 * @example
 * answerStatus(kb, "Doha") // sections Next / Now / Before; ¶9's line "2024-10-27 · scheduled meeting · Doha · according to ..."
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

/**
 * One timeline across articles (issue 13). Talk events are grouped into entries:
 * - **the same event** reported by several articles is one entry: same category (a proposal made and
 *   one on the table count as one), a compatible place, parties and dates (status-match.ts; the full
 *   rules are in src/analysis/README.md). Its lead report is the one with the most precise date, then
 *   the earliest; the others are listed with it. Within an article, only a continuation of the plan
 *   before (date basis `context`) or the same exact day;
 * - **supersession** (status-supersede.ts): a later entry that changes an older one; the older entry
 *   stays in the history, `supersededBy` the newer.
 * Opinions and background (`position`, `background_event`) are not talk events and get no entry.
 * Candidates are looked up by category and by the days their dates reach (status-candidates.ts), in the
 * order a month-by-month scan would meet them, so the cost stays near linear at 100,000 articles.
 */

import { isTalkEvent } from "../analysis/status/categories.js";
import type { StatusCategory, StatusEvent } from "../analysis/types.js";
import { listIn } from "../core/maps.js";
import { pauseEvery, runToEnd, type Steps } from "../core/slices.js";
import { DatedGroups } from "./status-candidates.js";
import {
  compatibleDates,
  compatibleParties,
  exactSlackOf,
  type Group,
  groupOf,
  type Item,
  itemOf,
  joinGroup,
  linkedEnough,
  mayLink,
  own,
  SLACK_DAYS,
  type TimelineEntry,
  UNDATED_WINDOW_DAYS,
} from "./status-match.js";
import { spanOf } from "./status-span.js";
import { markSuperseded } from "./status-supersede.js";

export type { TimelineEntry };
export { spanOf };

/** Categories that are one event when they name the same thing ("the proposal" made / on the table). */
const SAME_AS: Partial<Record<StatusCategory, StatusCategory>> = { proposal_made: "proposal_on_table" };
const mergeKey = (category: StatusCategory): StatusCategory => SAME_AS[category] ?? category;

/** Rank of a date's precision: higher is more precise. */
function precisionRank(event: StatusEvent): number {
  const { date } = event;
  if (date.value === null) return 0;
  if (event.dateBasis === "publication" || date.precision === "reported") return 1;
  switch (date.precision) {
    case "day":
      return 6;
    case "week":
      return 5;
    case "month":
      return 3;
    case "year":
      return 2;
    default:
      return date.range ? 4 : 3; // approx
  }
}

/**
 * Within one article, two sentences are one event only when the second continues the first (a plan
 * dated by the sentence before) or both give the same exact day (a lede and the paragraph that
 * details it).
 */
function sameInArticle(other: Item, item: Item): boolean {
  if (item.event.dateBasis === "context" && item.event.paragraph - other.event.paragraph <= 1) return true;
  return (
    other.event.date.precision === "day" &&
    item.event.date.precision === "day" &&
    other.event.dateBasis === "expression" &&
    item.event.dateBasis === "expression" &&
    compatibleDates(other, item, exactSlackOf(item.event.category))
  );
}

/**
 * The necessary conditions of {@link sameEvent} that take O(1) (from what the group notes of its
 * reports, see status-match.ts `groupOf`): it runs for every report against every
 * candidate group, and most candidates fail here.
 */
function mayJoin(group: Group, item: Item): boolean {
  // Every report's venue must be compatible, and a group names at most one venue.
  if (item.event.place !== null && group.place !== null && group.place !== item.event.place) return false;
  if (
    item.span &&
    (item.span[0] - SLACK_DAYS > group.earliestEnd || group.latestStart - SLACK_DAYS > item.span[1])
  )
    return false;
  return group.articles.has(item.event.articleId) || mayLink(group, item);
}

function sameEvent(group: Group, item: Item): boolean {
  if (!mayJoin(group, item)) return false;
  // Plain loops, cheapest test first.
  const sameArticle = group.articles.get(item.event.articleId);
  if (sameArticle) for (const other of sameArticle) if (!sameInArticle(other, item)) return false;
  // Every report must fit (no chains: meetings on the 1st, 2nd and 3rd are not one), one must share a
  // party. A plan and the report that it happened are one event when the dates agree.
  // (Within an article the same exact day is enough: the lede and its details name different people.)
  // Venues were checked above: a group's reports name at most one.
  const slack = exactSlackOf(item.event.category);
  for (const other of group.items) if (!compatibleDates(other, item, slack)) return false;
  if (sameArticle) return true;
  for (const other of group.items) if (linkedEnough(other, item)) return true;
  return false;
}

/**
 * The talk events as timeline entries, in order of their first report (oldest first). Events are
 * read, never changed; entries hold the event objects.
 *
 * @example
 * buildTimeline([reuters, afp]) // one entry: lead = the report with the exact date, reports = [lead, other]
 */
export function buildTimeline(events: readonly StatusEvent[]): TimelineEntry[] {
  return runToEnd(buildTimelineSteps(events));
}

/** {@link buildTimeline} as steps that pause now and then (see core/slices.ts). */
export function* buildTimelineSteps(events: readonly StatusEvent[]): Steps<TimelineEntry[]> {
  const pause = pauseEvery(512);
  // In order of publication day, then article, paragraph and sentence: sorted day by day (one sort of
  // every report would be one long pause of the event loop at 10,000 articles).
  const byDay = new Map<number, Item[]>();
  for (const event of events) {
    if (pause()) yield;
    if (!isTalkEvent(event.category)) continue;
    const item = itemOf(event);
    const list = byDay.get(item.publishedDay);
    if (list) list.push(item);
    else byDay.set(item.publishedDay, [item]);
  }
  const items: Item[] = [];
  for (const day of [...byDay.keys()].sort((a, b) => a - b)) {
    const list = byDay.get(day)!;
    list.sort(
      (a, b) =>
        (a.event.articleId < b.event.articleId ? -1 : a.event.articleId > b.event.articleId ? 1 : 0) ||
        a.event.paragraph - b.event.paragraph ||
        a.event.sentence - b.event.sentence,
    );
    for (const item of list) items.push(item);
    if (pause()) yield;
  }
  yield;

  // Same event: dated groups filed by merge key, month and day (status-candidates.ts), undated ones by
  // merge key alone.
  const groups: Group[] = [];
  const dated = new DatedGroups();
  const undated = new Map<string, Group[]>();
  /** The groups holding a report of each article. */
  const byArticle = new Map<string, Group[]>();

  for (const item of items) {
    if (pause()) yield;
    const key = mergeKey(item.event.category);
    let found: Group | undefined;
    if (item.span === null) {
      const list = undated.get(key) ?? [];
      for (let at = list.length - 1; at >= 0 && !found; at--) {
        const group = list[at]!;
        if (item.publishedDay - group.lastPublished > UNDATED_WINDOW_DAYS) break;
        if (sameEvent(group, item)) found = group;
      }
      // An undated plan joins a dated plan for the same thing reported close to it.
      if (!found && item.plan) {
        for (const group of groups.slice(-200).reverse()) {
          if (mergeKey(group.items[0]!.event.category) !== key || !group.items[0]!.plan) continue;
          if (item.publishedDay - group.lastPublished > UNDATED_WINDOW_DAYS) continue;
          if (group.items.some((other) => other.span !== null) && sameEventUndated(group, item)) {
            found = group;
            break;
          }
        }
      }
    } else {
      const span = item.span;
      const may = (group: Group) => mayJoin(group, item);
      const takes = (group: Group) => sameEvent(group, item);
      // No date of its own and no venue: only a group already holding this article can take it
      // (linkedEnough), so look only at those, not at every report of the days.
      found =
        !own(item) && item.event.place === null
          ? dated.firstOf(key, byArticle.get(item.event.articleId) ?? [], span, may, takes)
          : dated.first(key, span, item.event.place, byArticle.get(item.event.articleId) ?? [], may, takes);
      if (!found && item.plan) {
        // A dated plan joins an earlier undated report of the same plan.
        const list = undated.get(key) ?? [];
        for (let at = list.length - 1; at >= 0 && !found; at--) {
          const group = list[at]!;
          if (item.publishedDay - group.lastPublished > UNDATED_WINDOW_DAYS) break;
          if (sameEventUndated(group, item)) found = group;
        }
      }
    }
    if (found) {
      pushOnce(byArticle, item.event.articleId, found);
      joinGroup(found, item);
      dated.file(key, found, item.span);
      continue;
    }
    const group = groupOf(item);
    groups.push(group);
    pushOnce(byArticle, item.event.articleId, group);
    if (item.span === null) pushOnce(undated, key, group);
    else dated.file(key, group, item.span);
  }
  yield;

  for (const group of groups) finish(group);
  yield* markSuperseded(groups, pause);
  return groups.map((group) => group.entry);
}

/** An undated plan and a group of the same plan: same place and parties, reported close together. */
function sameEventUndated(group: Group, item: Item): boolean {
  return (
    group.items.every((other) => other.event.articleId !== item.event.articleId && stillAhead(other, item)) &&
    group.items.some(
      (other) =>
        other.plan &&
        item.plan &&
        other.event.place !== null &&
        other.event.place === item.event.place &&
        compatibleParties(other, item),
    )
  );
}

/** A plan reported after its date has passed is another plan. */
function stillAhead(other: Item, item: Item): boolean {
  return other.span === null || other.span[1] >= Math.max(item.publishedDay, other.publishedDay);
}

/** Adds a group to a list unless it was the last added (a group takes many reports in a row). */
function pushOnce<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = listIn(map, key);
  if (list.at(-1) !== value) list.push(value);
}

/** Lead, reports in order, participants and newest publication of a finished group. */
function finish(group: Group): void {
  let lead = group.items[0]!;
  for (const item of group.items) if (precisionRank(item.event) > precisionRank(lead.event)) lead = item;
  const reports = [lead.event, ...group.items.filter((item) => item !== lead).map((item) => item.event)];
  const participants = new Set<string>();
  for (const event of reports) for (const id of event.participants) participants.add(id);
  let published = "";
  for (const item of group.items) if (item.event.published > published) published = item.event.published;
  Object.assign(group.entry, {
    id: lead.event.id,
    lead: lead.event,
    reports,
    participants: [...participants],
    published,
  });
  // The lead first: supersession compares leads.
  group.items.sort((a, b) => (a === lead ? -1 : b === lead ? 1 : 0));
}

/**
 * The same events, with every report whose timeline entry a newer entry changes marked
 * `superseded: true` (copies; the input is not changed). Reports merged into one entry are not
 * superseded: they are the same event.
 *
 * @example combineStatus([plannedMeeting, postponement]).map((event) => event.superseded) // [true, false]
 */
export function combineStatus(events: readonly StatusEvent[]): StatusEvent[] {
  return runToEnd(combineStatusSteps(events));
}

/**
 * The entries {@link combineStatusSteps} made, by the event list it returned: the timeline of that
 * list, so the look-ups (index/timeline.ts) need not merge the same events a second time.
 */
const timelineOfCombined = new WeakMap<readonly StatusEvent[], TimelineEntry[]>();

/** The timeline entries already merged for exactly this list of events (see combineStatusSteps), if any. */
export function mergedTimelineOf(events: readonly StatusEvent[]): readonly TimelineEntry[] | undefined {
  return timelineOfCombined.get(events);
}

/** {@link combineStatus} as steps that pause now and then (see core/slices.ts), for reloads. */
export function* combineStatusSteps(events: readonly StatusEvent[]): Steps<StatusEvent[]> {
  const entries = yield* buildTimelineSteps(events);
  const superseded = new Set<StatusEvent>();
  for (const entry of entries)
    if (entry.supersededBy) for (const report of entry.reports) superseded.add(report);
  const copies = new Map<StatusEvent, StatusEvent>();
  const combined = events.map((event) => {
    if (!superseded.has(event) || event.superseded) return event;
    const copy = { ...event, superseded: true };
    copies.set(event, copy);
    return copy;
  });
  // The entries point at the events returned (merging reads no `superseded` flag, so merging the
  // returned list again would give these same entries).
  for (const entry of entries) {
    entry.lead = copies.get(entry.lead) ?? entry.lead;
    entry.reports = entry.reports.map((report) => copies.get(report) ?? report);
  }
  timelineOfCombined.set(combined, entries);
  return combined;
}

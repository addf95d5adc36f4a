/**
 * Where the same-event merge (status-combine.ts) looks for the group a dated report joins. The rule is
 * a scan: the report's months in order (a month either side of its span, with slack), each month's
 * groups in the order they were filed there, and the first group that takes the report wins. At
 * 100,000 articles a month holds tens of thousands of groups, so the scan itself is filed by day too:
 * a group can only take a report whose span reaches its dates (with SLACK_DAYS of slack), and those
 * dates only narrow as reports join, so the days of its first dated report bound every later test.
 * The candidates of those days, put in scan order, give the group the full scan would have found.
 */

import { listIn } from "../core/maps.js";
import { type Group, SLACK_DAYS } from "./status-match.js";

/** Spans longer than this (a year, a season) are filed and looked up by month alone: few reports. */
const WIDE_DAYS = 62;
/**
 * Groups are filed once, by the first day their dates reach, in classes by how many days they reach
 * (a day with slack, a week, a month, a season): a lookup visits, per class, the start days that can
 * reach its span, so a month-long group is not met once per day of a month-long report.
 */
const REACH_CLASSES = [
  1 + 2 * SLACK_DAYS,
  7 + 2 * SLACK_DAYS,
  31 + 2 * SLACK_DAYS,
  WIDE_DAYS + 2 * SLACK_DAYS,
];

/** Calendar month of a day number (years * 12 + month), for filing. */
function monthOf(day: number): number {
  const date = new Date(day * 86_400_000);
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
}

/**
 * The months a span is filed under: a month either side reached with slack, at most fourteen (a
 * December report finds a "last year" one, and the reverse).
 */
export function monthsOf(span: readonly [number, number]): number[] {
  const first = monthOf(span[0] - SLACK_DAYS);
  const last = Math.min(monthOf(span[1] + SLACK_DAYS), first + 13);
  const months: number[] = [];
  for (let month = first; month <= last; month++) months.push(month);
  return months;
}

/** Where one group is filed. */
interface Filing {
  /** Its merge key (every report of a group has the same). */
  key: string;
  /** Its position in each month list it is in (its merge key is fixed). */
  positions: Map<number, number>;
  /** Filed among the groups with a report dated by its own words (any report may link to those). */
  linkable: boolean;
  /** The venue it is filed under among the others (they link by venue alone), or null. */
  place: string | null;
  /** Filed as too wide to file by day (always a candidate). */
  wide: boolean;
}

/** Start day -> groups, one map per reach class (see REACH_CLASSES). */
type ByStart = Map<number, Group[]>[];

/**
 * Dated groups of one timeline build, filed by merge key and month (the scan's order), and by the days
 * they reach (to find the few a report can join). By day they are filed apart by how a report can link
 * to them (status-match.ts `mayLink`): a group with a report dated by its own words may link to any
 * report; one without links by its venue alone, so it is filed under its venue, and one with neither
 * is only joined by a report of an article it holds (the caller passes those).
 *
 * @example
 * const dated = new DatedGroups();
 * dated.file("talks_held", group, [19800, 19800]);
 * dated.first("talks_held", [19801, 19801], "doha", groupsOfItsArticle, quickTest, (candidate) => sameEvent(candidate, item));
 */
export class DatedGroups {
  /** `key|month` -> its groups, in the order first filed there. */
  private readonly byMonth = new Map<string, Group[]>();
  private readonly filings = new Map<Group, Filing>();
  /** key -> the groups any report may link to, by day. */
  private readonly linkable = new Map<string, ByStart>();
  /** `key|venue` -> the groups only a report at that venue may link to, by day. */
  private readonly atPlace = new Map<string, ByStart>();
  /** key -> groups whose dates are too wide to file by day. */
  private readonly wide = new Map<string, Group[]>();

  /**
   * Files a group after a report joined it: under the months of the report's span, when it has one,
   * and by day under the days its dates reach now (they can only narrow) when the group has become
   * linkable or gained a venue.
   */
  file(key: string, group: Group, span: readonly [number, number] | null): void {
    let filing = this.filings.get(group);
    if (!filing) {
      if (span === null) return;
      filing = { key, positions: new Map(), linkable: false, place: null, wide: false };
      this.filings.set(group, filing);
    }
    if (span !== null)
      for (const month of monthsOf(span)) {
        if (filing.positions.has(month)) continue;
        const list = listIn(this.byMonth, `${key}|${month}`);
        filing.positions.set(month, list.length);
        list.push(group);
      }
    this.fileByDay(key, group, filing);
  }

  /**
   * The first group, in scan order over the months of `span`, that passes `takes`; undefined if none.
   * Candidates are the groups whose dates reach `span` and that a report at `place` may link to, and
   * `also` (the groups holding the report's article). `may` is a cheap test that `takes` implies, to
   * leave most candidates out before they are ordered.
   */
  first(
    key: string,
    span: readonly [number, number],
    place: string | null,
    also: Iterable<Group>,
    may: (group: Group) => boolean,
    takes: (group: Group) => boolean,
  ): Group | undefined {
    const months = monthsOf(span);
    if (span[1] - span[0] > WIDE_DAYS) {
      for (const month of months)
        for (const group of this.byMonth.get(`${key}|${month}`) ?? []) if (takes(group)) return group;
      return undefined;
    }
    const candidates = new Set<Group>();
    const consider = (group: Group) => {
      if (!candidates.has(group) && may(group)) candidates.add(group);
    };
    for (const group of this.wide.get(key) ?? []) consider(group);
    for (const group of also) consider(group);
    visit(this.linkable.get(key), span, consider);
    if (place !== null) visit(this.atPlace.get(`${key}|${place}`), span, consider);
    return this.firstInOrder(key, candidates, months, takes);
  }

  /** Of some groups, the first in scan order over the months of `span` (those of `key`) that passes `takes`. */
  firstOf(
    key: string,
    groups: Iterable<Group>,
    span: readonly [number, number],
    may: (group: Group) => boolean,
    takes: (group: Group) => boolean,
  ): Group | undefined {
    const candidates: Group[] = [];
    for (const group of groups) if (may(group)) candidates.push(group);
    return this.firstInOrder(key, candidates, monthsOf(span), takes);
  }

  private firstInOrder(
    key: string,
    groups: Iterable<Group>,
    months: readonly number[],
    takes: (group: Group) => boolean,
  ): Group | undefined {
    // Order: the first of the months the group is filed in, then its place in that month's list.
    // Groups of another merge key, or undated, are in none of the lists scanned.
    const ordered: { group: Group; month: number; position: number }[] = [];
    for (const group of groups) {
      const filing = this.filings.get(group);
      if (!filing || filing.key !== key) continue;
      const { positions } = filing;
      for (let at = 0; at < months.length; at++) {
        const position = positions.get(months[at]!);
        if (position === undefined) continue;
        ordered.push({ group, month: at, position });
        break;
      }
    }
    ordered.sort((a, b) => a.month - b.month || a.position - b.position);
    for (const { group } of ordered) if (takes(group)) return group;
    return undefined;
  }

  private fileByDay(key: string, group: Group, filing: Filing): void {
    if (filing.wide || filing.linkable) return;
    const from = group.latestStart - SLACK_DAYS;
    const reach = group.earliestEnd + SLACK_DAYS - from;
    const at = REACH_CLASSES.findIndex((most) => reach <= most);
    if (!Number.isFinite(from) || at < 0) {
      filing.wide = true;
      listIn(this.wide, key).push(group);
      return;
    }
    if (group.own.precisions.size > 0) {
      filing.linkable = true;
      listIn(byStartIn(this.linkable, key)[at]!, from).push(group);
    } else if (group.place !== null && filing.place === null) {
      filing.place = group.place;
      listIn(byStartIn(this.atPlace, `${key}|${group.place}`)[at]!, from).push(group);
    }
  }
}

/** Calls `visit` with every group of `byStart` whose first day reached can reach `span`. */
function visit(
  byStart: ByStart | undefined,
  span: readonly [number, number],
  each: (group: Group) => void,
): void {
  if (!byStart) return;
  for (let at = 0; at < byStart.length; at++) {
    const starts = byStart[at]!;
    for (let day = span[0] - REACH_CLASSES[at]!; day <= span[1]; day++)
      for (const group of starts.get(day) ?? []) each(group);
  }
}

function byStartIn(map: Map<string, ByStart>, key: string): ByStart {
  let byStart = map.get(key);
  if (!byStart) {
    byStart = REACH_CLASSES.map(() => new Map<number, Group[]>());
    map.set(key, byStart);
  }
  return byStart;
}

/**
 * Supersession (issue 13): a later entry that changes an older one (a plan postponed or carried out, a
 * stall or suspension ended, a truce ended, a deadline replaced). The older entry stays in the history
 * with `supersededBy`; a fact that still holds is never superseded.
 */
import type { StatusCategory } from "../analysis/types.js";
import { listIn } from "../core/maps.js";
import type { Steps } from "../core/slices.js";
import {
  blank,
  compatibleDates,
  compatibleParties,
  compatiblePlace,
  type Group,
  type Item,
  linked,
  partyWordsOf,
  SUPERSEDE_WINDOW_DAYS,
} from "./status-match.js";

/**
 * What a newer report changes: older categories, whether the older must be a plan, and how the dates
 * relate (`same`: carried out on the planned date; `after`: a change comes after what it changes;
 * `any`: a postponement moves the date).
 */
interface Change {
  older: readonly StatusCategory[];
  planOnly: boolean;
  date: "same" | "after" | "any";
}

const MEETING_PLANS: readonly StatusCategory[] = ["scheduled_meeting", "talks_postponed", "delegation_sent"];
const HALTS: readonly StatusCategory[] = ["stalled", "suspended", "mediation_suspended"];

const CHANGES: Partial<Record<StatusCategory, readonly Change[]>> = {
  talks_postponed: [{ older: MEETING_PLANS, planOnly: true, date: "any" }],
  talks_held: [
    { older: MEETING_PLANS, planOnly: true, date: "same" },
    { older: HALTS, planOnly: false, date: "after" },
  ],
  talks_resuming: [{ older: HALTS, planOnly: false, date: "after" }],
  suspended: [
    { older: ["scheduled_meeting"], planOnly: true, date: "any" },
    { older: ["talks_resuming"], planOnly: false, date: "after" },
  ],
  delegation_recalled: [{ older: ["delegation_sent"], planOnly: false, date: "after" }],
  ceasefire_ended: [{ older: ["ceasefire_started"], planOnly: false, date: "after" }],
  deal_approved: [{ older: ["scheduled_meeting"], planOnly: true, date: "same" }],
  proposal_accepted: [{ older: ["proposal_under_review"], planOnly: false, date: "after" }],
  proposal_rejected: [{ older: ["proposal_under_review"], planOnly: false, date: "after" }],
};

/** Plans that a later plan of the same kind with another date reschedules. */
const RESCHEDULED: ReadonlySet<StatusCategory> = new Set(["scheduled_meeting", "delegation_sent"]);

/** What the reports of a group name: venues, and the ids and words of parties (see {@link linkedAny}). */
interface Links {
  places: Set<string>;
  parties: Set<string>;
}

const linksCache = new WeakMap<Group, Links>();

function linksOf(group: Group): Links {
  let links = linksCache.get(group);
  if (!links) {
    links = { places: new Set(), parties: new Set() };
    for (const item of group.items) {
      if (item.event.place !== null) links.places.add(item.event.place);
      if (item.parties.length === 0) continue;
      // Ids apart from words: an id may have no word long enough to count ("organisation:un").
      for (const id of item.parties) links.parties.add(`\u0000${id}`);
      for (const word of partyWordsOf(item)) links.parties.add(word);
    }
    linksCache.set(group, links);
  }
  return links;
}

function meet(one: ReadonlySet<string>, other: ReadonlySet<string>): boolean {
  const [small, large] = one.size <= other.size ? [one, other] : [other, one];
  for (const value of small) if (large.has(value)) return true;
  return false;
}

/**
 * Some report of one group and some report of the other are `linked` (the same venue, or parties that
 * share an id or a name word): the same as testing every pair of reports, in one pass over two sets.
 */
const linkedAny = (one: Group, other: Group): boolean => {
  const a = linksOf(one);
  const b = linksOf(other);
  return meet(a.places, b.places) || meet(a.parties, b.parties);
};

const sameStart = (a: Item, b: Item): boolean =>
  a.span !== null && b.span !== null && a.span[0] === b.span[0];

/** Some report of `newer` is from another article than `older`'s, published no earlier than its first. */
function newsAfter(newer: Group, older: Group): boolean {
  for (const item of newer.items)
    if (item.publishedDay >= older.firstPublished && !older.articles.has(item.event.articleId)) return true;
  return false;
}

/** The two name the same venue or a party in common, or (the same exact day) one of them names nothing. */
function names(newer: Group, older: Group, sameDay: boolean): boolean {
  return linkedAny(newer, older) || (sameDay && (blank(newer.items[0]!) || blank(older.items[0]!)));
}

/**
 * Whether `newer` (reported later) changes `older`: see {@link CHANGES}. The rule for one pair;
 * {@link markSuperseded} applies it to the pairs that can pass (exported for the test that compares).
 */
export function supersedes(newer: Group, older: Group): boolean {
  if (older.entry.supersededBy !== null || newer === older || newer.entry.supersededBy === older.entry)
    return false;
  if (newer.firstPublished < older.firstPublished) return false;
  const a = newer.items[0]!;
  const b = older.items[0]!;
  // The cheap tests first: most pairs in the window differ in place or parties.
  if (!compatiblePlace(a.event, b.event) || !compatibleParties(a, b)) return false;
  // A change is news from a later report: sentences of one article tell one state of things.
  if (!newsAfter(newer, older)) return false;
  // A change to a plan names the plan: the same venue or a party in common (or, when one names nothing,
  // the same exact day: "will continue tomorrow" -> "ended Friday"). States of the one process (a stall,
  // a truce) need only not contradict.
  const sameDay =
    a.event.date.precision === "day" && b.event.date.precision === "day" && compatibleDates(a, b, 1);
  // Whether the two name the same thing is tested only where a change needs it (`names`).
  const newCategory = a.event.category;
  const oldCategory = b.event.category;
  if (newCategory === oldCategory) {
    // A plan carried out on its date ("will vote tonight" -> "approved"), a plan or a deadline moved.
    if (b.plan && !a.plan) return names(newer, older, sameDay) && compatibleDates({ ...a, plan: true }, b, 1);
    if (newCategory === "deadline")
      return a.event.date.value !== b.event.date.value && names(newer, older, sameDay);
    return b.plan && RESCHEDULED.has(newCategory) && linked(a, b) && !sameStart(a, b);
  }
  for (const change of CHANGES[newCategory] ?? []) {
    if (!change.older.includes(oldCategory) || (change.planOnly && !(b.plan && names(newer, older, sameDay))))
      continue;
    if (change.date === "any") return true;
    if (change.date === "same")
      return b.span === null || compatibleDates({ ...a, plan: true }, { ...b, plan: true }, 1);
    return a.span === null || b.span === null || a.span[1] >= b.span[0];
  }
  return false;
}

/**
 * Groups filed under one key, in order of first report, where a scan back skips to (see {@link live}),
 * and the indices of those a change that must name its plan can reach (see {@link mustName}).
 */
interface Filed {
  groups: Group[];
  /** `back[at] <= at`; the groups after `back[at]` up to `at` are superseded. */
  back: number[];
  /** Each venue and party id or word their reports name (see linksOf) -> indices, ascending. */
  byLink: Map<string, number[]>;
  /** Each day of a lead dated to the exact day -> indices, ascending. */
  byLeadDay: Map<number, number[]>;
  /** Leads dated to the exact day over a range too long to file by day (in case one is): indices. */
  longDayLeads: number[];
}

/** A lead dated to the exact day over more days than this is filed apart (see Filed.longDayLeads). */
const LONGEST_DAY_SPAN = 62;

function fileIn(map: Map<string, Filed>, key: string, group: Group): void {
  let filed = map.get(key);
  if (!filed) {
    filed = { groups: [], back: [], byLink: new Map(), byLeadDay: new Map(), longDayLeads: [] };
    map.set(key, filed);
  }
  const at = filed.groups.length;
  filed.back.push(at);
  filed.groups.push(group);
  const links = linksOf(group);
  for (const place of links.places) listIn(filed.byLink, `\u0001${place}`).push(at);
  for (const party of links.parties) listIn(filed.byLink, party).push(at);
  const lead = group.items[0]!;
  if (lead.event.date.precision !== "day" || lead.span === null) return;
  if (lead.span[1] - lead.span[0] > LONGEST_DAY_SPAN) filed.longDayLeads.push(at);
  else for (let day = lead.span[0]; day <= lead.span[1]; day++) listIn(filed.byLeadDay, day).push(at);
}

/**
 * The greatest index at most `at` whose group is not yet superseded, or -1. Superseded entries stay so,
 * and in a busy window most are: the scan jumps over them, the jumps shortened as it goes.
 */
function live(filed: Filed, at: number): number {
  const { groups, back } = filed;
  let root = at;
  while (root >= 0) {
    const next = back[root]!;
    if (next !== root) root = next;
    else if (groups[root]!.entry.supersededBy !== null) {
      back[root] = root - 1;
      root -= 1;
    } else break;
  }
  for (let node = at; node > root; ) {
    const next = back[node]!;
    back[node] = root;
    node = next;
  }
  return root;
}

/**
 * Whether a change of `newCategory` can change an entry of `oldCategory` only when it {@link names} it
 * (or, rescheduling a plan, is `linked` to it, which implies naming it): the same kind, or a change of
 * a plan.
 */
function mustName(newCategory: StatusCategory, oldCategory: StatusCategory): boolean {
  if (newCategory === oldCategory) return true;
  return (CHANGES[newCategory] ?? []).some((change) => change.older.includes(oldCategory) && change.planOnly);
}

/**
 * The indices from `from` to `to` of the groups `newer` may name (see {@link names}): those sharing a
 * venue or party with it, and, when its lead is dated to the exact day, those whose lead is dated
 * within a day (when one of the two names nothing, that is enough). Ascending, each once.
 */
function namedIn(filed: Filed, newer: Group, from: number, to: number): number[] {
  const found = new Set<number>();
  const take = (indices: readonly number[] | undefined) => {
    if (!indices) return;
    for (let at = firstAtLeast(indices, from); at < indices.length && indices[at]! <= to; at++)
      found.add(indices[at]!);
  };
  const links = linksOf(newer);
  for (const place of links.places) take(filed.byLink.get(`\u0001${place}`));
  for (const party of links.parties) take(filed.byLink.get(party));
  const lead = newer.items[0]!;
  if (lead.event.date.precision === "day" && lead.span !== null) {
    if (lead.span[1] - lead.span[0] > LONGEST_DAY_SPAN) {
      const all: number[] = [];
      for (let at = from; at <= to; at++) all.push(at);
      return all;
    }
    for (let day = lead.span[0] - 1; day <= lead.span[1] + 1; day++) take(filed.byLeadDay.get(day));
    take(filed.longDayLeads);
  }
  return [...found].sort((a, b) => a - b);
}

/** Newer entries that change older ones (see {@link CHANGES}); oldest changes first. */
export function* markSuperseded(groups: readonly Group[], pause: () => boolean): Steps<void> {
  // Filed by category, by category and the lead's place, and the same for plans only: supersedes()
  // asks for compatible places first, and most changes (and every same-kind change but a deadline)
  // change only a plan. So a change at one venue looks at that venue's entries and those with none.
  const filed = new Map<string, Filed>();
  const keyOf = (category: StatusCategory, place: string | null | undefined, plansOnly: boolean): string =>
    `${category}|${place === undefined ? "*" : (place ?? "")}|${plansOnly ? "plan" : "any"}`;
  for (const group of groups) {
    if (pause()) yield;
    const { event, plan } = group.items[0]!;
    for (const plansOnly of plan ? [false, true] : [false]) {
      fileIn(filed, keyOf(event.category, undefined, plansOnly), group);
      fileIn(filed, keyOf(event.category, event.place, plansOnly), group);
    }
  }
  for (const newer of groups) {
    if (pause()) yield;
    const { event, plan } = newer.items[0]!;
    const { category, place } = event;
    // Older categories this one may change, and whether only plans of them. A plan changes a plan of
    // its kind only by rescheduling it (or a deadline by moving it).
    const wanted = new Map<StatusCategory, boolean>();
    if (!plan || RESCHEDULED.has(category) || category === "deadline")
      wanted.set(category, category !== "deadline");
    for (const change of CHANGES[category] ?? [])
      for (const old of change.older) wanted.set(old, (wanted.get(old) ?? true) && change.planOnly);
    for (const [oldCategory, plansOnly] of wanted) {
      const lists =
        place === null
          ? [filed.get(keyOf(oldCategory, undefined, plansOnly))]
          : [filed.get(keyOf(oldCategory, place, plansOnly)), filed.get(keyOf(oldCategory, null, plansOnly))];
      for (const list of lists) {
        if (!list) continue;
        // Groups are in order of their first report: look back from the last one reported no later
        // than this one (a change comes after what it changes), within the window. The outcome for
        // one candidate does not depend on another's, so the order of the look does not matter.
        const last = lastReportedBy(list.groups, newer.firstPublished);
        if (mustName(category, oldCategory)) {
          const first = lastReportedBy(list.groups, newer.firstPublished - SUPERSEDE_WINDOW_DAYS - 1) + 1;
          for (const at of namedIn(list, newer, first, last)) {
            const candidate = list.groups[at]!;
            if (supersedes(newer, candidate)) candidate.entry.supersededBy = newer.entry;
          }
          continue;
        }
        // An entry is superseded once: those that already are are skipped.
        for (let at = live(list, last); at >= 0; at = live(list, at - 1)) {
          const candidate = list.groups[at]!;
          if (newer.firstPublished - candidate.firstPublished > SUPERSEDE_WINDOW_DAYS) break;
          if (supersedes(newer, candidate)) candidate.entry.supersededBy = newer.entry;
        }
      }
    }
  }
}

/** Index of the first value at least `value` in an ascending list (its length if none). */
function firstAtLeast(values: readonly number[], value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (values[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Index of the last group (in order of first report) first reported on or before `day`, or -1. */
function lastReportedBy(list: readonly Group[], day: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle]!.firstPublished <= day) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}

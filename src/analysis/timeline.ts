/**
 * The talk-status timeline, precomputed once per analysis so that `/status [TOPIC]` is lookups only:
 * no text search at answer time.
 *
 * - Topics: "talks" (everything but background), category words ("stalled", "proposals", "deals"),
 *   subject words the analysis tagged ("hostages", "ceasefire"), venues ("Doha") and participants
 *   by name, alias, surname or role ("Barnea", "head of Mossad").
 * - Sections: the latest state (current reports from the newest articles on the topic, about recent
 *   events or about how things stand, such as a proposal still on the table), upcoming events
 *   (dated after the knowledge horizon, or undated plans reported recently) and the history (everything
 *   older or superseded).
 * Sections per topic are computed on first use and kept; the timeline is memoised per analysis object.
 */
import { dayNumber, parseIsoDay } from "./dates-calendar.js";
import type { Analysis, StatusCategory, StatusEvent } from "./types.js";

export interface TimelineSections {
  /** Current reports from the newest articles on the topic, newest date first. */
  latest: StatusEvent[];
  /** Events after the newest article's date, soonest first; undated plans last. */
  upcoming: StatusEvent[];
  /** Older, superseded and background reports, newest date first. */
  history: StatusEvent[];
}

export interface TopicMatch {
  /** What the user's topic resolved to, as shown (e.g. `David Barnea`, `Doha`, `talks`). */
  labels: string[];
  sections: TimelineSections;
}

export interface Timeline {
  /** Newest publication date among the events (the knowledge horizon), or null without events. */
  asOf: string | null;
  /** All events, no topic. */
  all: TimelineSections;
  /** Every topic label, sorted, for autocomplete and suggestions. */
  topics: readonly string[];
  /** The sections for a topic as the user typed it, or null when nothing matches. */
  forTopic(topic: string): TopicMatch | null;
  /** Known topics closest to an unknown one (for a user error). */
  suggest(topic: string, limit?: number): string[];
}

/** Human words for each category, singular (the first is its label). */
export const CATEGORY_WORDS: Record<StatusCategory, readonly string[]> = {
  scheduled_meeting: ["scheduled meeting", "meeting", "upcoming", "plan", "visit"],
  talks_held: ["talks held", "meeting held"],
  talks_resuming: ["talks resuming", "resumption", "resuming"],
  stalled: ["stalled", "stall", "stopped", "deadlock"],
  proposal_on_table: ["proposal", "proposal on the table", "plan on the table"],
  obstacle: ["obstacle", "sticking point"],
  deal_reached: ["deal", "deal reached", "agreement"],
  deal_implemented: ["deal", "deal implemented", "implementation"],
  position: ["position", "opinion"],
  background_event: ["background", "war"],
};

/** "talks" and its synonyms: every category but background. */
const TALKS_WORDS = ["talks", "negotiation", "ceasefire talks", "status"];

/** Categories that describe how things stand when reported ("the plan is still on the table"). */
const STATES: ReadonlySet<StatusCategory> = new Set(["proposal_on_table", "obstacle", "position"]);

/** Days before the newest report on a topic that still count as its latest state. */
const LATEST_WINDOW_DAYS = 14;
/** Undated plans count as upcoming when reported this recently before the knowledge horizon. */
const UNDATED_UPCOMING_DAYS = 14;

/** Lower case, punctuation to spaces, plural `s` dropped from longer words: "Scheduled_Meetings" = "scheduled meeting". */
export function topicKey(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .map((word) => (word.length > 3 && word.endsWith("s") && !word.endsWith("ss") ? word.slice(0, -1) : word))
    .join(" ");
}

const FILLER = new Set(["the", "of", "a", "an", "and", "in", "for", "to"]);

/** First and last day a date stands for, as day numbers (undated: null). */
function daySpan(event: StatusEvent): [number, number] | null {
  const { value, range } = event.date;
  if (value === null) return null;
  if (range) return [dayNumber(parseIsoDay(range.from)), dayNumber(parseIsoDay(range.to))];
  if (/^\d{4}$/.test(value)) {
    const year = Number(value);
    return [dayNumber({ year, month: 1, day: 1 }), dayNumber({ year, month: 12, day: 31 })];
  }
  if (/^\d{4}-\d{2}$/.test(value)) {
    const year = Number(value.slice(0, 4));
    const month = Number(value.slice(5, 7));
    return [dayNumber({ year, month, day: 1 }), dayNumber({ year, month: month + 1, day: 0 })];
  }
  const day = dayNumber(parseIsoDay(value));
  return [day, day];
}

interface Prepared {
  event: StatusEvent;
  index: number;
  /** Day used to order: the date's first day, or publication when undated. */
  sortDay: number;
  /** Last day the date stands for, or null when undated. */
  endDay: number | null;
  publishedDay: number;
}

const newestFirst = (a: Prepared, b: Prepared): number =>
  b.sortDay - a.sortDay || b.publishedDay - a.publishedDay || a.index - b.index;

function buildSections(items: readonly Prepared[], horizon: number): TimelineSections {
  const latest: Prepared[] = [];
  const upcoming: Prepared[] = [];
  const history: Prepared[] = [];
  let newestReport = Number.NEGATIVE_INFINITY;
  for (const item of items)
    if (!item.event.superseded) newestReport = Math.max(newestReport, item.publishedDay);
  for (const item of items) {
    const { event } = item;
    const future = event.date.relation === "future";
    if (
      !event.superseded &&
      future &&
      item.endDay === null &&
      item.publishedDay >= horizon - UNDATED_UPCOMING_DAYS
    )
      upcoming.push(item);
    else if (!event.superseded && item.endDay !== null && item.endDay > horizon) upcoming.push(item);
    else if (
      !event.superseded &&
      !future &&
      event.category !== "background_event" &&
      item.publishedDay >= newestReport - LATEST_WINDOW_DAYS &&
      // Events count by their own date ("stopped last August" is history); states by the report's.
      (STATES.has(event.category) || item.endDay === null || item.endDay >= newestReport - LATEST_WINDOW_DAYS)
    )
      latest.push(item);
    else history.push(item);
  }
  latest.sort(newestFirst);
  history.sort(newestFirst);
  // Soonest first; undated plans after dated ones, newest report first.
  upcoming.sort(
    (a, b) =>
      (a.endDay === null ? 1 : 0) - (b.endDay === null ? 1 : 0) ||
      (a.endDay === null ? 0 : a.sortDay - b.sortDay) ||
      b.publishedDay - a.publishedDay ||
      a.index - b.index,
  );
  const events = (list: Prepared[]): StatusEvent[] => list.map((item) => item.event);
  return { latest: events(latest), upcoming: events(upcoming), history: events(history) };
}

/** Edit distance of at most `max` (cheap early-out for autocomplete-sized words). */
function withinDistance(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return false;
    previous = current;
  }
  return previous[b.length]! <= max;
}

class BuiltTimeline implements Timeline {
  readonly asOf: string | null;
  readonly all: TimelineSections;
  readonly topics: readonly string[];
  /** Topic key -> labels and event indices. */
  private readonly keys = new Map<string, { labels: Set<string>; events: Set<number> }>();
  /** Word -> topic keys containing it, for multi-word and typo matches. */
  private readonly words = new Map<string, Set<string>>();
  private readonly sectionCache = new Map<string, TopicMatch | null>();
  private readonly prepared: Prepared[];
  private readonly horizon: number;

  constructor(analysis: Analysis) {
    this.prepared = analysis.status.map((event, index) => {
      const span = daySpan(event);
      const publishedDay = dayNumber(parseIsoDay(event.published));
      return { event, index, sortDay: span?.[0] ?? publishedDay, endDay: span?.[1] ?? null, publishedDay };
    });
    let newest: StatusEvent | undefined;
    for (const { event } of this.prepared) if (!newest || event.published > newest.published) newest = event;
    this.asOf = newest?.published ?? null;
    this.horizon = newest ? dayNumber(parseIsoDay(newest.published)) : 0;
    this.all = buildSections(this.prepared, this.horizon);

    const entities = new Map(analysis.entities.map((entity) => [entity.id, entity]));
    for (const { event, index } of this.prepared) {
      if (event.category !== "background_event")
        for (const word of TALKS_WORDS) this.add(word, "talks", index);
      for (const word of CATEGORY_WORDS[event.category])
        this.add(word, CATEGORY_WORDS[event.category][0]!, index);
      for (const topic of event.topics ?? []) this.add(topic, topic, index);
      if (event.place) this.add(event.place, event.place, index);
      for (const id of event.participants) {
        const entity = entities.get(id);
        if (!entity) continue;
        for (const name of [entity.name, ...entity.aliases, ...entity.roles])
          this.add(name, entity.name, index);
      }
    }
    const labels = new Set<string>();
    for (const { labels: own } of this.keys.values()) for (const label of own) labels.add(label);
    this.topics = [...labels].sort((a, b) => a.localeCompare(b));
  }

  private add(text: string, label: string, index: number): void {
    const key = topicKey(text);
    if (key === "") return;
    let entry = this.keys.get(key);
    if (!entry) {
      entry = { labels: new Set(), events: new Set() };
      this.keys.set(key, entry);
      for (const word of key.split(" ")) {
        if (FILLER.has(word)) continue;
        let keys = this.words.get(word);
        if (!keys) {
          keys = new Set();
          this.words.set(word, keys);
        }
        keys.add(key);
      }
    }
    entry.labels.add(label);
    entry.events.add(index);
  }

  /** Topic keys for what the user typed: exact, else all its words (each exact or one typo away). */
  private matchKeys(topic: string): string[] {
    const key = topicKey(topic);
    if (key === "") return [];
    if (this.keys.has(key)) return [key];
    const words = key.split(" ").filter((word) => !FILLER.has(word));
    let candidates: Set<string> | undefined;
    for (const word of words) {
      const forWord = new Set<string>(this.words.get(word) ?? []);
      if (forWord.size === 0 && word.length >= 4) {
        const typos = Math.min(2, Math.floor(word.length / 4));
        for (const [known, keys] of this.words)
          if (known[0] === word[0] && withinDistance(word, known, typos))
            for (const k of keys) forWord.add(k);
      }
      candidates = candidates ? new Set([...candidates].filter((k) => forWord.has(k))) : forWord;
      if (candidates.size === 0) return [];
    }
    return [...(candidates ?? [])];
  }

  forTopic(topic: string): TopicMatch | null {
    const cacheKey = topicKey(topic);
    const cached = this.sectionCache.get(cacheKey);
    if (cached !== undefined) return cached;
    const keys = this.matchKeys(topic);
    let match: TopicMatch | null = null;
    if (keys.length > 0) {
      const labels = new Set<string>();
      const indices = new Set<number>();
      for (const key of keys) {
        const entry = this.keys.get(key)!;
        for (const label of entry.labels) labels.add(label);
        for (const index of entry.events) indices.add(index);
      }
      const items = [...indices].sort((a, b) => a - b).map((index) => this.prepared[index]!);
      match = { labels: [...labels].sort(), sections: buildSections(items, this.horizon) };
    }
    // Bounded: typed topics are many, but each entry is small.
    if (this.sectionCache.size > 2_000) this.sectionCache.clear();
    this.sectionCache.set(cacheKey, match);
    return match;
  }

  suggest(topic: string, limit = 5): string[] {
    const key = topicKey(topic);
    const scored = this.topics.map((label) => {
      const labelKey = topicKey(label);
      const shared = key.split(" ").filter((word) => labelKey.includes(word.slice(0, 3))).length;
      return { label, score: shared + (labelKey[0] === key[0] ? 0.5 : 0) };
    });
    const defaults = ["talks", "hostages", ...this.topics.slice(0, limit)];
    const best = scored
      .filter((item) => item.score > 0)
      .sort((a, b) => b.score - a.score || a.label.localeCompare(b.label))
      .map((item) => item.label);
    return [...new Set([...best, ...defaults.filter((label) => this.topics.includes(label))])].slice(
      0,
      limit,
    );
  }
}

const timelines = new WeakMap<Analysis, Timeline>();

/**
 * The timeline of an analysis, built on first use and kept as long as the analysis object lives.
 *
 * @example
 * getTimeline(kb.analysis).forTopic("Doha")?.sections.upcoming[0]?.date.value // "2024-10-27"
 */
export function getTimeline(analysis: Analysis): Timeline {
  let timeline = timelines.get(analysis);
  if (!timeline) {
    timeline = new BuiltTimeline(analysis);
    timelines.set(analysis, timeline);
  }
  return timeline;
}

/**
 * The talk-status timeline, precomputed once per analysis so that `/status [TOPIC]` is lookups only:
 * no text search, no sorting at answer time.
 *
 * - Every event is put in one section, once, against the knowledge horizon (the newest article's date):
 *   the latest state (current reports from the last {@link LATEST_WINDOW_DAYS} days, about recent events
 *   or about how things stand, such as a proposal still on the table), upcoming (dated after the horizon,
 *   or undated plans reported recently) or the history (everything older, superseded, or background).
 *   Each section is sorted once.
 * - Topics: "talks" (everything but background), category words ("stalled", "proposals", "deals"),
 *   subjects the analysis tagged ("hostages" or "prisoners", "ceasefire" or "truce", "crossings" or
 *   "Rafah"; see status-places.ts), venues ("Doha") and participants by
 *   name, alias, surname or role ("Barnea", "head of Mossad"). Each topic keeps its own three lists,
 *   filled in section order, so they come out sorted without sorting again.
 * The timeline is memoised per analysis object (a WeakMap): a reload builds a new one.
 */

import { isoDayNumber } from "../analysis/dates/calendar.js";
import { SUBJECT_NAMES } from "../analysis/status/places.js";
import type { Analysis, StatusCategory, StatusEvent } from "../analysis/types.js";
import { pauseEvery, runToEnd, type Steps } from "../core/slices.js";
import { spanOf } from "../corpus/status-combine.js";
import {
  newestFirst,
  type Placed,
  SECTION_NAMES,
  type SectionName,
  sectionOf,
  soonestFirst,
  sortedBy,
  type TimelineSections,
  type Topic,
} from "./timeline-sections.js";
import { CATEGORY_WORDS, COMMON_TOPICS, FILLER, TALKS_WORDS, topicKey, withinDistance } from "./topics.js";

export type { TimelineSections };
export { CATEGORY_WORDS, topicKey };

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
  /** Every topic label: the common ones first ("talks", "hostages"), then alphabetical. */
  topics: readonly string[];
  /** The sections for a topic as the user typed it, or null when nothing matches. */
  forTopic(topic: string): TopicMatch | null;
  /** Known topics closest to an unknown one (for a user error). */
  suggest(topic: string, limit?: number): string[];
  /** Topics whose label, or a word of it, starts with `prefix` (case-insensitive): label matches first. */
  complete(prefix: string, limit: number): string[];
}

class BuiltTimeline implements Timeline {
  // Set by build(), which runs in steps right after construction.
  asOf: string | null = null;
  all: TimelineSections = { latest: [], upcoming: [], history: [] };
  topics: readonly string[] = [];
  /** Topic id -> topic. */
  private readonly byId = new Map<string, Topic>();
  /** Topic key (what users type, normalised) -> topic ids. */
  private readonly keys = new Map<string, Set<string>>();
  /** Word -> topic keys containing it, for multi-word and typo matches. */
  private readonly words = new Map<string, Set<string>>();
  private readonly matchCache = new Map<string, TopicMatch | null>();
  /** `topicKey` of each topic label, computed on the first suggestion. */
  private labelKeys: string[] | undefined;
  /** Each topic label in lower case, and its words, computed on the first completion. */
  private completionKeys: { lower: string; words: string[] }[] | undefined;
  /** Words by first letter, for typo matches without scanning every word. */
  private readonly wordsByInitial = new Map<string, string[]>();
  /** Each event's position in section order (latest, upcoming, history), to merge topics. */
  private readonly rank = new Map<StatusEvent, number>();

  /** Fills the timeline from an analysis, pausing now and then (see core/slices.ts). */
  *build(analysis: Analysis): Steps<void> {
    const pause = pauseEvery(1024);
    const placed: Placed[] = analysis.status.map((event, index) => {
      const span = spanOf(event.date);
      const publishedDay = isoDayNumber(event.published);
      const { value } = event.date;
      // The day named ("around 2024-10-27" is the 27th, not a week around it), else the period.
      const day = value?.length === 10 && !event.date.range ? isoDayNumber(value) : null;
      const sortDay = day ?? (value?.length === 10 ? isoDayNumber(value) : (span?.[0] ?? publishedDay));
      const endDay = day ?? span?.[1] ?? null;
      return { event, index, sortDay, endDay, publishedDay, topics: [] };
    });
    yield;
    let newest: string | null = null;
    for (const { event } of placed) if (newest === null || event.published > newest) newest = event.published;
    this.asOf = newest;
    const horizon = newest === null ? 0 : isoDayNumber(newest);

    const grouped: Record<SectionName, Placed[]> = { latest: [], upcoming: [], history: [] };
    for (const item of placed) grouped[sectionOf(item, horizon)].push(item);
    yield;
    grouped.latest = sortedBy(grouped.latest, newestFirst);
    yield;
    grouped.upcoming = sortedBy(grouped.upcoming, soonestFirst);
    yield;
    grouped.history = sortedBy(grouped.history, newestFirst);
    yield;
    this.all = {
      latest: grouped.latest.map((item) => item.event),
      upcoming: grouped.upcoming.map((item) => item.event),
      history: grouped.history.map((item) => item.event),
    };
    for (const name of SECTION_NAMES)
      for (const event of this.all[name]) this.rank.set(event, this.rank.size);

    // Which topics each event belongs to, then fill each topic's lists in section order.
    const entities = new Map(analysis.entities.map((entity) => [entity.id, entity]));
    const talks = this.topic("talks", "talks", TALKS_WORDS);
    const categoryTopics = new Map<StatusCategory, Topic>();
    const otherTopics = new Map<string, Topic>();
    const entityTopics = new Map<string, Topic | null>();
    for (const item of placed) {
      if (pause()) yield;
      const { event } = item;
      const topics: Topic[] = event.category === "background_event" ? [] : [talks];
      let category = categoryTopics.get(event.category);
      if (!category) {
        const words = CATEGORY_WORDS[event.category];
        category = this.topic(`category:${event.category}`, words[0]!, words);
        categoryTopics.set(event.category, category);
      }
      topics.push(category);
      for (const subject of event.topics ?? []) topics.push(this.otherTopic(otherTopics, "subject", subject));
      if (event.place) topics.push(this.otherTopic(otherTopics, "place", event.place));
      for (const id of event.participants) {
        let topic = entityTopics.get(id);
        if (topic === undefined) {
          const entity = entities.get(id);
          topic = entity
            ? this.topic(id, entity.name, [entity.name, ...entity.aliases, ...entity.roles])
            : null;
          entityTopics.set(id, topic);
        }
        if (topic && !topics.includes(topic)) topics.push(topic);
      }
      item.topics = topics;
    }
    for (const name of SECTION_NAMES) {
      for (const item of grouped[name]) {
        for (const topic of item.topics) topic.sections[name].push(item.event);
        if (pause()) yield;
      }
    }

    for (const word of this.words.keys()) {
      const list = this.wordsByInitial.get(word[0]!);
      if (list) list.push(word);
      else this.wordsByInitial.set(word[0]!, [word]);
    }

    const labels = [...new Set([...this.byId.values()].map((topic) => topic.label))];
    const rank = (label: string): number => {
      const common = COMMON_TOPICS.indexOf(label);
      return common >= 0 ? common : COMMON_TOPICS.length;
    };
    this.topics = labels.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  }

  /** A subject or place topic (its name is its label), from `cache` or registered. */
  private otherTopic(cache: Map<string, Topic>, kind: "subject" | "place", name: string): Topic {
    const id = `${kind}:${name}`;
    let topic = cache.get(id);
    if (!topic) {
      topic = this.topic(id, name, kind === "subject" ? (SUBJECT_NAMES.get(name) ?? [name]) : [name]);
      cache.set(id, topic);
    }
    return topic;
  }

  /** A topic by id, registering it and the words that name it on first sight. */
  private topic(id: string, label: string, names: readonly string[]): Topic {
    const known = this.byId.get(id);
    if (known) return known;
    const topic: Topic = { label, sections: { latest: [], upcoming: [], history: [] } };
    this.byId.set(id, topic);
    for (const name of names) {
      const key = topicKey(name);
      if (key === "") continue;
      let ids = this.keys.get(key);
      if (!ids) {
        ids = new Set();
        this.keys.set(key, ids);
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
      ids.add(id);
    }
    return topic;
  }

  /** Topic keys for what the user typed: exact, else all its words (each exact or a typo away). */
  private matchKeys(key: string): string[] {
    if (key === "") return [];
    if (this.keys.has(key)) return [key];
    const words = key.split(" ").filter((word) => !FILLER.has(word));
    let candidates: Set<string> | undefined;
    for (const word of words) {
      const forWord = new Set<string>(this.words.get(word) ?? []);
      if (forWord.size === 0 && word.length >= 4) {
        const typos = Math.min(2, Math.floor(word.length / 4));
        for (const known of this.wordsByInitial.get(word[0]!) ?? [])
          if (withinDistance(word, known, typos)) for (const k of this.words.get(known) ?? []) forWord.add(k);
      }
      candidates = candidates ? new Set([...candidates].filter((k) => forWord.has(k))) : forWord;
      if (candidates.size === 0) return [];
    }
    return [...(candidates ?? [])];
  }

  forTopic(topic: string): TopicMatch | null {
    const key = topicKey(topic);
    const cached = this.matchCache.get(key);
    if (cached !== undefined) return cached;
    let match = this.matchOne(key);
    // "hostages Doha", "talks in Cairo": no one topic has every word, so each word is a topic, and
    // the events are those in all of them.
    const words = key.split(" ").filter((word) => !FILLER.has(word));
    if (!match && words.length > 1) {
      const parts = words.map((word) => this.matchOne(word));
      if (parts.every((part) => part !== null)) match = this.intersection(parts as TopicMatch[]);
    }
    // Bounded: what users type is unbounded, each entry is small.
    if (this.matchCache.size > 5_000) this.matchCache.clear();
    this.matchCache.set(key, match);
    return match;
  }

  /** The topics a key names, merged (null when none). */
  private matchOne(key: string): TopicMatch | null {
    const ids = new Set<string>();
    for (const matched of this.matchKeys(key)) for (const id of this.keys.get(matched) ?? []) ids.add(id);
    const topics = [...ids].map((id) => this.byId.get(id)!);
    if (topics.length === 0) return null;
    if (topics.length === 1) return { labels: [topics[0]!.label], sections: topics[0]!.sections };
    return { labels: [...new Set(topics.map((t) => t.label))].sort(), sections: this.union(topics) };
  }

  /** Events in every one of `parts`, in section order; null when none is. */
  private intersection(parts: readonly TopicMatch[]): TopicMatch | null {
    const sections: Record<SectionName, StatusEvent[]> = { latest: [], upcoming: [], history: [] };
    let count = 0;
    for (const name of SECTION_NAMES) {
      const [smallest, ...others] = [...parts].sort(
        (a, b) => a.sections[name].length - b.sections[name].length,
      );
      const sets = others.map((part) => new Set(part.sections[name]));
      sections[name] = (smallest?.sections[name] ?? []).filter((event) =>
        sets.every((set) => set.has(event)),
      );
      count += sections[name].length;
    }
    if (count === 0) return null;
    return { labels: [...new Set(parts.flatMap((part) => part.labels))], sections };
  }

  /** Several topics at once ("Mohammed" may name two people): their events in section order, once each. */
  private union(topics: readonly Topic[]): TimelineSections {
    const sections: Record<SectionName, StatusEvent[]> = { latest: [], upcoming: [], history: [] };
    const byRank = (a: StatusEvent, b: StatusEvent): number => this.rank.get(a)! - this.rank.get(b)!;
    for (const name of SECTION_NAMES) {
      sections[name] = [...new Set(topics.flatMap((topic) => topic.sections[name]))].sort(byRank);
    }
    return sections;
  }

  complete(prefix: string, limit: number): string[] {
    const wanted = prefix.trim().toLowerCase();
    this.completionKeys ??= this.topics.map((label) => {
      const lower = label.toLowerCase();
      return { lower, words: lower.split(/[\s-]+/) };
    });
    const starts: string[] = [];
    const wordStarts: string[] = [];
    for (const [at, key] of this.completionKeys.entries()) {
      if (key.lower.startsWith(wanted)) starts.push(this.topics[at]!);
      else if (wordStarts.length < limit && key.words.some((word) => word.startsWith(wanted)))
        wordStarts.push(this.topics[at]!);
      if (starts.length >= limit) break;
    }
    return [...starts, ...wordStarts].slice(0, limit);
  }

  suggest(topic: string, limit = 5): string[] {
    const words = topicKey(topic)
      .split(" ")
      .filter((word) => word.length >= 3 && !FILLER.has(word));
    this.labelKeys ??= this.topics.map(topicKey);
    const scored: { label: string; score: number }[] = [];
    for (const [at, label] of this.topics.entries()) {
      const labelKey = this.labelKeys[at]!;
      const score = words.filter((word) => labelKey.includes(word.slice(0, 3))).length;
      if (score > 0) scored.push({ label, score });
    }
    scored.sort((a, b) => b.score - a.score || a.label.localeCompare(b.label));
    const suggestions = scored.map((item) => item.label);
    for (const label of this.topics) {
      if (suggestions.length >= limit) break;
      if (!suggestions.includes(label)) suggestions.push(label);
    }
    return suggestions.slice(0, limit);
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
  return timelines.get(analysis) ?? runToEnd(prepareTimeline(analysis));
}

/** Builds (and caches) the timeline in steps that pause now and then (see core/slices.ts). */
export function* prepareTimeline(analysis: Analysis): Steps<Timeline> {
  const known = timelines.get(analysis);
  if (known) return known;
  const timeline = new BuiltTimeline();
  yield* timeline.build(analysis);
  timelines.set(analysis, timeline);
  return timeline;
}

/**
 * The talk-status timeline, precomputed once per analysis so that `/status [TOPIC]` is lookups only.
 *
 * - The entries come from `corpus/status-combine.ts` (one entry per event, however many articles report
 *   it; supersession); they are sorted once, newest first.
 * - Topics: "talks" (every entry), category words ("stalled", "proposals", "deals"), subjects the analysis
 *   tagged ("hostages" or "prisoners", "ceasefire" or "truce", "crossings" or "Rafah"; see
 *   status/places.ts), venues ("Doha") and participants by name, alias, surname or role ("Barnea",
 *   "head of Mossad"). Each topic keeps its entries newest first, filled in that order.
 * - The sections (Next, Now, Before; timeline-sections.ts) are computed per topic on first use, against
 *   the newest report on that topic, and kept.
 * The timeline is memoised per analysis object (a WeakMap): a reload builds a new one.
 */

import { SUBJECT_NAMES } from "../analysis/status/places.js";
import type { Analysis, StatusCategory } from "../analysis/types.js";
import { push } from "../core/maps.js";
import { pauseEvery, runToEnd, type Steps } from "../core/slices.js";
import { buildTimelineSteps, mergedTimelineOf, type TimelineEntry } from "../corpus/status-combine.js";
import {
  newestFirst,
  type Placed,
  placeEntry,
  sectionsOf,
  type TimelineSections,
  type Topic,
} from "./timeline-sections.js";
import { CATEGORY_WORDS, COMMON_TOPICS, FILLER, TALKS_WORDS, topicKey, withinDistance } from "./topics.js";

export type { TimelineEntry, TimelineSections };
export { CATEGORY_WORDS, topicKey };

export interface TopicMatch {
  /** What the user's topic resolved to, as shown (e.g. `David Barnea`, `Doha`, `talks`). */
  labels: string[];
  sections: TimelineSections;
}

export interface Timeline {
  /** Newest publication date among the talk events (the reference date of `all`), or null. */
  asOf: string | null;
  /** Every entry, newest first. */
  entries: readonly TimelineEntry[];
  /** All entries, no topic. */
  all: TimelineSections;
  /** Entries an entity (or a body tied to it) takes part in, newest first. */
  entriesOf(entityId: string): readonly TimelineEntry[];
  /** Every topic label: the common ones first ("talks", "hostages"), then alphabetical. */
  topics: readonly string[];
  /** The sections for a topic as the user typed it, or null when nothing matches. */
  forTopic(topic: string): TopicMatch | null;
  /** Known topics closest to an unknown one (for a user error). */
  suggest(topic: string, limit?: number): string[];
  /** Topics whose label, or a word of it, starts with `prefix` (case-insensitive): label matches first. */
  complete(prefix: string, limit: number): string[];
}

/** What a topic as typed resolved to: labels and entries (and the one topic, when it is one). */
interface Found {
  labels: string[];
  placed: readonly Placed[];
  topic?: Topic;
}

class BuiltTimeline implements Timeline {
  // Set by build(), which runs in steps right after construction.
  asOf: string | null = null;
  entries: readonly TimelineEntry[] = [];
  all: TimelineSections = { asOf: null, next: [], now: [], before: [] };
  topics: readonly string[] = [];
  /** Topic id -> topic. */
  private readonly byId = new Map<string, Topic>();
  /** Topic key (what users type, normalised) -> topic ids. */
  private readonly keys = new Map<string, Set<string>>();
  /** Word -> topic keys containing it, for multi-word and typo matches. */
  private readonly words = new Map<string, Set<string>>();
  private readonly matchCache = new Map<string, TopicMatch | null>();
  /** Sections per topic, computed on first use. */
  private readonly sectionCache = new WeakMap<Topic, TimelineSections>();
  /** `topicKey` of each topic label, computed on the first suggestion. */
  private labelKeys: string[] | undefined;
  /** Each topic label in lower case, and its words, computed on the first completion. */
  private completionKeys: { lower: string; words: string[] }[] | undefined;
  /** Words by first letter, for typo matches without scanning every word. */
  private readonly wordsByInitial = new Map<string, string[]>();
  /** Each entry's position, newest first, to merge topics. */
  private readonly rank = new Map<Placed, number>();
  private readonly byEntity = new Map<string, TimelineEntry[]>();

  /** Fills the timeline from an analysis (and its merged entries, when a snapshot has them), pausing now and then. */
  *build(analysis: Analysis, merged?: readonly TimelineEntry[]): Steps<void> {
    const pause = pauseEvery(1024);
    const entries =
      merged ?? mergedTimelineOf(analysis.status) ?? (yield* buildTimelineSteps(analysis.status));
    const placed = entries.map(placeEntry).sort(newestFirst);
    yield;
    this.entries = placed.map((item) => item.entry);
    for (const item of placed) this.rank.set(item, this.rank.size);
    const all = this.topic("talks", "talks", TALKS_WORDS);

    // Which topics each entry belongs to (any of its reports), each topic filled newest first.
    const entities = new Map(analysis.entities.map((entity) => [entity.id, entity]));
    const categoryTopics = new Map<StatusCategory, Topic>();
    const otherTopics = new Map<string, Topic>();
    const entityTopics = new Map<string, Topic | null>();
    for (const item of placed) {
      if (pause()) yield;
      const { entry } = item;
      const topics = new Set<Topic>([all]);
      const lead = entry.lead;
      let category = categoryTopics.get(lead.category);
      if (!category) {
        const words = CATEGORY_WORDS[lead.category];
        category = this.topic(`category:${lead.category}`, words[0]!, words);
        categoryTopics.set(lead.category, category);
      }
      topics.add(category);
      for (const report of entry.reports) {
        for (const subject of report.topics ?? [])
          topics.add(this.otherTopic(otherTopics, "subject", subject));
        if (report.place) topics.add(this.otherTopic(otherTopics, "place", report.place));
      }
      const people = new Set(entry.participants);
      for (const report of entry.reports) if (report.speakerId) people.add(report.speakerId);
      for (const id of entry.participants) {
        const linked = entities.get(id)?.linkedTo;
        if (linked) people.add(linked);
        push(this.byEntity, id, entry);
        if (linked && !entry.participants.includes(linked)) push(this.byEntity, linked, entry);
      }
      for (const id of people) {
        let topic = entityTopics.get(id);
        if (topic === undefined) {
          const entity = entities.get(id);
          topic = entity
            ? this.topic(id, entity.name, [entity.name, ...entity.aliases, ...entity.roles])
            : null;
          entityTopics.set(id, topic);
        }
        if (topic) topics.add(topic);
      }
      for (const topic of topics) topic.placed.push(item);
    }
    this.all = this.sectionsFor(all);
    this.asOf = this.all.asOf;

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

  entriesOf(entityId: string): readonly TimelineEntry[] {
    return this.byEntity.get(entityId) ?? [];
  }

  private sectionsFor(topic: Topic): TimelineSections {
    let sections = this.sectionCache.get(topic);
    if (!sections) {
      sections = sectionsOf(topic.placed);
      this.sectionCache.set(topic, sections);
    }
    return sections;
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
    const topic: Topic = { label, placed: [] };
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
    let found = this.matchOne(key);
    // "hostages Doha", "talks in Cairo": no one topic has every word, so each word is a topic, and
    // the entries are those in all of them.
    const words = key.split(" ").filter((word) => !FILLER.has(word));
    if (!found && words.length > 1) {
      const parts = words.map((word) => this.matchOne(word));
      if (parts.every((part) => part !== null)) found = this.intersection(parts as Found[]);
    }
    const match = found
      ? {
          labels: found.labels,
          sections: found.topic ? this.sectionsFor(found.topic) : sectionsOf(found.placed),
        }
      : null;
    // Bounded: what users type is unbounded, each entry is small.
    if (this.matchCache.size > 5_000) this.matchCache.clear();
    this.matchCache.set(key, match);
    return match;
  }

  /** The topics a key names, merged (null when none). */
  private matchOne(key: string): Found | null {
    const ids = new Set<string>();
    for (const matched of this.matchKeys(key)) for (const id of this.keys.get(matched) ?? []) ids.add(id);
    const topics = [...ids].map((id) => this.byId.get(id)!);
    if (topics.length === 0) return null;
    if (topics.length === 1)
      return { labels: [topics[0]!.label], placed: topics[0]!.placed, topic: topics[0]! };
    // Several topics at once ("Mohammed" may name two people): their entries, once each, newest first.
    const placed = [...new Set(topics.flatMap((topic) => topic.placed))].sort(
      (a, b) => this.rank.get(a)! - this.rank.get(b)!,
    );
    return { labels: [...new Set(topics.map((t) => t.label))].sort(), placed };
  }

  /** Entries in every one of `parts`, newest first; null when none is. */
  private intersection(parts: readonly Found[]): Found | null {
    const [smallest, ...others] = [...parts].sort((a, b) => a.placed.length - b.placed.length);
    const sets = others.map((part) => new Set(part.placed));
    const placed = (smallest?.placed ?? []).filter((item) => sets.every((set) => set.has(item)));
    if (placed.length === 0) return null;
    return { labels: [...new Set(parts.flatMap((part) => part.labels))], placed };
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
 * getTimeline(kb.analysis).forTopic("Doha")?.sections.next[0]?.lead.date.value // "2024-10-27"
 */
export function getTimeline(analysis: Analysis): Timeline {
  return timelines.get(analysis) ?? runToEnd(prepareTimeline(analysis));
}

/**
 * Builds (and caches) the timeline in steps that pause now and then (see core/slices.ts). `merged`:
 * the entries `buildTimelineSteps` made of this analysis before (from a snapshot), not merged again.
 */
export function* prepareTimeline(analysis: Analysis, merged?: readonly TimelineEntry[]): Steps<Timeline> {
  const known = timelines.get(analysis);
  if (known) return known;
  const timeline = new BuiltTimeline();
  yield* timeline.build(analysis, merged);
  timelines.set(analysis, timeline);
  return timeline;
}

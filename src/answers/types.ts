/**
 * Answer objects: what every command returns. Built by pure functions, rendered by thin edges
 * (console text, `--json`, Discord embeds). Nothing here knows about Discord or terminals.
 *
 * Rule: `AnswerItem.text` is always verbatim article text; anything Parley words itself goes in
 * `title`, `heading`, `label`, `facts` or `notes`, never in `text`.
 */
import type { DatePrecision, EntityKind, Quote, QuoteType, StatusCategory } from "../analysis/types.js";
import type { Citation } from "../core/types.js";

/**
 * Version of the answer objects as `--json` prints them (schema: schema/answer.schema.json). Bump it
 * when a field changes meaning or goes; adding an optional field is a minor change, noted there.
 */
export const ANSWER_VERSION = 2;

/** An entity named in an answer: its id (for scripts) and canonical name (for people). */
export interface EntityRef {
  id: string;
  name: string;
}

/** A quote item's data: who said it and how, as the analysis found it. */
export interface QuoteItemData {
  kind: "quote";
  /** The resolved speaker; null when unattributed or an unnamed source. */
  speaker: EntityRef | null;
  /** The speaker's name or, for anonymous sources, the description ("a senior official"); null when unattributed. */
  speakerName: string | null;
  speakerAsWritten: string | null;
  speakerKind: Quote["speakerKind"];
  /** The body that made the statement when it is listed under a person (his office). */
  via: EntityRef | null;
  type: QuoteType;
  cue: string;
  cueKind: Quote["cueKind"];
  /** The quoted words (inside the marks) or the reported clause, verbatim. */
  quoted: string;
  /** The article's publication date, ISO. */
  published: string;
}

/** A status item's data: the event as the analysis found it. */
export interface EventItemData {
  kind: "event";
  category: StatusCategory;
  date: {
    value: string | null;
    precision: DatePrecision;
    relation: "past" | "present" | "future" | "unknown";
    text: string | null;
    range: { from: string; to: string } | null;
  };
  place: string | null;
  participants: EntityRef[];
  published: string;
  superseded: boolean;
  /** `/status`: who says it, for reported speech (canonical name or description). */
  speaker?: string | null;
  /** `/status`: the newer report that changes this one (postponed, held, ended), or null. */
  supersededBy?: Citation | null;
}

/** An `/ask` item's data: the matching sentence and its score. */
export interface MatchItemData {
  kind: "match";
  sentenceId: string;
  score: number;
}

/** A `/who` item that is neither a quote nor an event: a sentence naming the entity, or a meeting. */
export interface MentionItemData {
  kind: "mention";
  sentenceId: string;
  /** Whom the entity meets in this sentence (empty for a plain mention). */
  meets: EntityRef[];
}

export type ItemData = QuoteItemData | EventItemData | MatchItemData | MentionItemData;

/** The entity an answer is about (`/who`, `/quote`). */
export interface EntityData {
  id: string;
  name: string;
  otherNames: string[];
  kind: EntityKind;
  /** Role phrases as the articles write them, the most recent article's first. */
  roles: string[];
  /** Each role with the article that wrote it (null: the operator's people.yaml). */
  roleSources: { role: string; articleId: string | null; published: string | null }[];
  affiliation: string | null;
  /** For a body tied to a person (his office): that person. */
  belongsTo: EntityRef | null;
}

/** One article of `/sources`. */
export interface ArticleData {
  id: string;
  title: string;
  outlet: string | null;
  /** ISO date. */
  published: string;
  url: string | null;
  paragraphs: number;
  sentences: number;
}

export type CommandName = "ask" | "sources" | "help" | "who" | "quote" | "status" | "add";

/** One verbatim sentence (or quotation) with its citation. */
export interface AnswerItem {
  /** Verbatim text from an article. */
  text: string;
  citation: Citation;
  /** Short Parley-worded label shown before the text, e.g. `direct · Blinken said` or `2024-10-27`. */
  label?: string;
  /** What the item is, as data (the label is words for people; scripts read this). */
  data?: ItemData;
  /** Other articles that report the same thing (the same quote in another outlet), earliest first. */
  also?: Citation[];
}

export interface AnswerSection {
  heading: string;
  /** Starts a new page where answers are paged (Discord): `/status` keeps Next and Now on page 1. */
  newPage?: boolean;
  items: AnswerItem[];
}

/** A labelled fact about the subject, e.g. `{ label: "Role", value: "US Secretary of State" }`. */
export interface AnswerFact {
  label: string;
  value: string;
}

export interface Answer {
  kind: "answer";
  command: CommandName;
  /** Parley-worded title, e.g. `Who is David Barnea?`. */
  title: string;
  facts: AnswerFact[];
  sections: AnswerSection[];
  /** Parley-worded remarks, e.g. `3 more sentences not shown`. */
  notes: string[];
  /** `/who` and `/quote`: the entity the answer is about. */
  entity?: EntityData;
  /** `/sources`: every article, newest first. */
  articles?: ArticleData[];
  /** `/status`: the date the answer is relative to (the newest article's), ISO. */
  asOf?: string;
}

/** A problem with what the user asked (not a bug): shown privately, with suggestions. */
export interface UserError {
  kind: "user-error";
  command: CommandName | null;
  message: string;
  suggestions: string[];
}

export type Reply = Answer | UserError;

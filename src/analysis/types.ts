/**
 * What the analysis finds in the articles. This is also the shape of `parley export --json`
 * (documented in src/analysis/README.md): keep it stable, add fields rather than rename them.
 */

/** A place in the corpus: article, 1-based paragraph, 1-based sentence. */
export interface Place {
  articleId: string;
  paragraph: number;
  sentence: number;
}

export type EntityKind = "person" | "organisation" | "place";

/** One way an entity is named in one sentence. */
export interface Mention extends Place {
  /** Verbatim, e.g. `Blinken`, `He`, `the Qatari Prime Minister and Foreign Minister`. */
  text: string;
  form: "name" | "surname" | "role" | "pronoun" | "alias";
}

/** The article a role phrase was written in. */
export interface RoleSource {
  role: string;
  /** Null when the role comes from the operator's people.yaml. */
  articleId: string | null;
  published: string | null;
}

export interface Entity {
  /** Stable id, e.g. `person:anthony-blinken`. */
  id: string;
  kind: EntityKind;
  /** Canonical name: the fullest name form found. */
  name: string;
  /** Every other form it is named by (not pronouns). */
  aliases: string[];
  /** Role phrases as written, e.g. `the head of the Israeli Foreign Intelligence Service (Mossad)`. */
  roles: string[];
  /**
   * Where each role comes from, in the order of `roles` (set across articles, src/corpus/): the
   * article that wrote it (its newest, when several did), or null for the operator's people.yaml.
   */
  roleSources?: RoleSource[];
  /** Country or organisation, e.g. `United States`, `Mossad (Israel)`; null when unknown. */
  affiliation: string | null;
  /** For a body tied to a person (e.g. Netanyahu's office), that person's entity id. */
  linkedTo: string | null;
  mentions: Mention[];
  /**
   * Set on a person an article names only by a role ("the Qatari Prime Minister"); `name` is that role.
   * Across articles (src/corpus/combine.ts) it joins the one person named with the same role, or is
   * dropped (its quotes then keep the role as an unnamed description). Never in a combined analysis.
   */
  roleOnly?: boolean;
}

export type QuoteType = "direct" | "partial" | "indirect";

export interface Quote extends Place {
  id: string;
  /** Canonical speaker entity id; null when the speaker is not certain or not a named entity. */
  speakerId: string | null;
  /** Canonical speaker name (or a description for anonymous speakers); null when unattributed. */
  speaker: string | null;
  /** The mention nearest the cue, verbatim (`He`, `The office`, `a senior official`). */
  speakerAsWritten: string | null;
  speakerKind: "person" | "organisation" | "anonymous" | "group" | "unknown";
  type: QuoteType;
  /** The cue verb as written (`said`, `pointed out`, `according to`). */
  cue: string;
  /** Speech, or an opinion verb such as `believe`. */
  cueKind: "speech" | "opinion";
  /** Verbatim: inside the quotation marks for direct/partial, the reported clause for indirect. */
  text: string;
  /** The article's publication date, for ordering quotes newest first. */
  published?: string;
  /**
   * Which rule made the attribution: how the quote was found, then how its subject was resolved,
   * then qualifiers (`cue-before:name`, `cue-after:pronoun-previous`, `participle:name/cue-other`,
   * `continuation`; `none` when no cue claims the quotation; src/analysis/quotes/confidence.ts).
   */
  rule?: string;
  /**
   * How sure the rule is, 0..1 (its share of right speakers on PolNeAR train); below
   * `SPEAKER_THRESHOLD` (quotes/confidence.ts) the speaker is left null and kept as `candidate`.
   */
  confidence?: number;
  /** The speaker a rule proposed but was not sure enough of (speaker null); shown only as "speaker unclear". */
  candidateId?: string | null;
  candidate?: string | null;
}

/**
 * `week`: a Monday-Sunday week ("next week"; value its Monday, with `range`); `approx`: a stretch of days
 * with `range` ("late last week", "the past two days"), or around a day; `reported`: no date belongs to
 * the event, so it carries its article's publication date (issue 12).
 */
export type DatePrecision = "day" | "week" | "month" | "year" | "approx" | "reported" | "unknown" | "n/a";

export interface ResolvedDate {
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; null when there is no date. */
  value: string | null;
  precision: DatePrecision;
  /** Relative to the article's publication. */
  relation: "past" | "present" | "future" | "unknown";
  /** The date expression as written, e.g. `next Sunday`. */
  text: string | null;
  /** For approximate periods ("during the past two days", "this week"): first and last day, ISO. */
  range?: { from: string; to: string };
}

/**
 * What a status fact is (issue 13). Talk events, by family: meetings, proposals, the process, outcomes;
 * then two kinds of fact that are not talk events (`/status` leaves them out): `position` (an opinion
 * or stance) and `background_event` (casualties, the war's start). The old names are kept; see
 * `status/categories.ts` for the families and what each old name now splits into.
 */
export type StatusCategory =
  // meetings
  | "scheduled_meeting"
  | "talks_held"
  | "talks_postponed"
  | "delegation_sent"
  | "delegation_recalled"
  // proposals
  | "proposal_made"
  | "proposal_on_table"
  | "proposal_accepted"
  | "proposal_rejected"
  | "proposal_under_review"
  | "proposal_amended"
  // the process
  | "talks_resuming"
  | "stalled"
  | "suspended"
  | "mediation_suspended"
  | "obstacle"
  | "deadline"
  // outcomes
  | "deal_reached"
  | "deal_approved"
  | "deal_implemented"
  | "ceasefire_started"
  | "ceasefire_ended"
  | "ceasefire_violated"
  | "hostages_released"
  | "prisoners_released"
  // not talk events
  | "position"
  | "background_event";

export interface StatusEvent extends Place {
  id: string;
  category: StatusCategory;
  date: ResolvedDate;
  /** Entity ids of the participants. */
  participants: string[];
  place: string | null;
  /** The article's publication date (the newest report of a thing wins). */
  published: string;
  /** True when a newer report supersedes this one. */
  superseded: boolean;
  /**
   * Where the date comes from: `expression` (a date in the sentence), `publication` (a report dated by
   * its article), `speaker` (a statement by someone the article quotes as speaking on its publication day),
   * `context` (a plan continuing the previous dated one), `none` (no date).
   */
  dateBasis?: "expression" | "publication" | "speaker" | "context" | "none";
  /** Lower-case subject words found in the sentence (`hostages`, `ceasefire`, ...), for `/status TOPIC`. */
  topics?: string[];
  /** For reported speech: who says it (canonical name, or a description for anonymous sources). */
  speaker?: string | null;
  /** The speaker's entity id, when a named entity. */
  speakerId?: string | null;
}

export interface Analysis {
  entities: Entity[];
  quotes: Quote[];
  status: StatusEvent[];
  /**
   * Across articles (src/corpus/quote-reprints.ts): the same quote reported by several articles, by
   * the id of its earliest report -> the ids of the later ones, earliest first. Not in the export.
   */
  quoteReprints?: Record<string, string[]>;
}

/**
 * `parley export --json`: everything the analysis found, so anyone can check it. The shape is
 * documented in src/analysis/README.md and stable (fields are added, never renamed).
 */
import { speakerShown } from "../analysis/quotes/confidence.js";
import type {
  DatePrecision,
  EntityKind,
  Mention,
  Quote,
  QuoteType,
  StatusCategory,
} from "../analysis/types.js";
import type { Citation } from "../core/types.js";
import type { KnowledgeBase } from "../index/knowledge-base.js";
import { getTimeline } from "../index/timeline.js";

export const EXPORT_VERSION = 1;

export interface ExportArticle {
  id: string;
  title: string;
  published: string;
  outlet: string | null;
  url: string | null;
}

export interface ExportEntity {
  id: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
  roles: string[];
  /** Each role with the article that wrote it (null: the operator's people.yaml), in the order of `roles`. */
  roleSources: Array<{ role: string; articleId: string | null }>;
  affiliation: string | null;
  /** For a body tied to a person: that person's canonical name. */
  linkedTo: string | null;
  mentions: Array<Pick<Mention, "articleId" | "paragraph" | "sentence" | "text" | "form">>;
}

export interface ExportQuote {
  id: string;
  /**
   * Canonical name, or a description for anonymous speakers; null when unattributed or when the
   * attribution's confidence is below the threshold (then see `candidate`).
   */
  speaker: string | null;
  speakerId: string | null;
  speakerAsWritten: string | null;
  speakerKind: string;
  type: QuoteType;
  cue: string;
  cueKind: "speech" | "opinion";
  /** Verbatim: inside the quotation marks (direct, partial) or the reported clause (indirect). */
  text: string;
  articleId: string;
  paragraph: number;
  sentence: number;
  /** The rule that made the attribution (src/analysis/quotes/confidence.ts). */
  rule: string;
  /** 0..1: how often that rule names the right speaker (measured on PolNeAR train). */
  confidence: number;
  /** Below the threshold only: the speaker the rule proposed, shown as "speaker unclear". */
  candidate?: string | null;
  candidateId?: string | null;
}

export interface ExportStatus {
  id: string;
  category: StatusCategory;
  date: {
    value: string | null;
    precision: DatePrecision;
    relation: string;
    text: string | null;
    /** For approximate periods ("during the past two days"): first and last day. */
    range?: { from: string; to: string };
  };
  participants: string[];
  place: string | null;
  published: string;
  superseded: boolean;
  /** For reported speech: whose words (canonical name or description); null otherwise. */
  speaker: string | null;
  /** The verbatim sentence the event comes from. */
  text: string;
  citation: Citation | null;
}

/** One timeline entry (issue 13): one event, however many articles report it. */
export interface ExportTimelineEntry {
  /** The lead report's status id. */
  id: string;
  /** Every report's status id, lead first. */
  events: string[];
  /** The id of the entry that changes this one (postponed, held, ended, resumed), or null. */
  supersededBy: string | null;
  /** The newest report's publication date. */
  published: string;
}

export interface ExportDocument {
  version: number;
  articles: ExportArticle[];
  entities: ExportEntity[];
  quotes: ExportQuote[];
  status: ExportStatus[];
  /** Talk events only (not positions or background), newest date first. */
  timeline: ExportTimelineEntry[];
}

/**
 * @example
 * exportAnalysis(kb).quotes[0] // { speaker: "Anthony Blinken", type: "direct", cue: "said", paragraph: 3, ... }
 */
export function exportAnalysis(kb: KnowledgeBase): ExportDocument {
  const { entities, quotes, status } = kb.analysis;
  const nameOf = new Map(entities.map((entity) => [entity.id, entity.name]));
  return {
    version: EXPORT_VERSION,
    articles: kb.articles.map((article) => ({
      id: article.id,
      title: article.title,
      published: article.published,
      outlet: article.outlet,
      url: article.url,
    })),
    entities: entities.map((entity) => ({
      id: entity.id,
      kind: entity.kind,
      name: entity.name,
      aliases: entity.aliases,
      roles: entity.roles,
      roleSources: (entity.roleSources ?? []).map(({ role, articleId }) => ({ role, articleId })),
      affiliation: entity.affiliation,
      linkedTo: entity.linkedTo ? (nameOf.get(entity.linkedTo) ?? null) : null,
      mentions: entity.mentions.map(({ articleId, paragraph, sentence, text, form }) => ({
        articleId,
        paragraph,
        sentence,
        text,
        form,
      })),
    })),
    quotes: quotes.map((quote) => ({
      id: quote.id,
      ...speakerFields(quote),
      speakerAsWritten: quote.speakerAsWritten,
      speakerKind: quote.speakerKind,
      type: quote.type,
      cue: quote.cue,
      cueKind: quote.cueKind,
      text: quote.text,
      articleId: quote.articleId,
      paragraph: quote.paragraph,
      sentence: quote.sentence,
      rule: quote.rule ?? "none",
      confidence: quote.confidence ?? 1,
    })),
    status: status.map((event) => {
      const sentence = kb.sentencesById.get(`${event.articleId}#${event.paragraph}.${event.sentence}`);
      return {
        id: event.id,
        category: event.category,
        date: {
          value: event.date.value,
          precision: event.date.precision,
          relation: event.date.relation,
          text: event.date.text,
          ...(event.date.range ? { range: event.date.range } : {}),
        },
        participants: event.participants.map((id) => nameOf.get(id) ?? id),
        place: event.place,
        published: event.published,
        superseded: event.superseded,
        speaker: event.speaker ?? null,
        text: sentence?.text ?? "",
        citation: sentence ? kb.cite(sentence) : null,
      };
    }),
    timeline: getTimeline(kb.analysis).entries.map((entry) => ({
      id: entry.id,
      events: entry.reports.map((report) => report.id),
      supersededBy: entry.supersededBy?.id ?? null,
      published: entry.published,
    })),
  };
}

/** The speaker as users see it: below the confidence threshold, a candidate beside a null speaker. */
function speakerFields(
  quote: Quote,
): Pick<ExportQuote, "speaker" | "speakerId" | "candidate" | "candidateId"> {
  if (quote.speaker !== null && !speakerShown(quote)) {
    return { speaker: null, speakerId: null, candidate: quote.speaker, candidateId: quote.speakerId };
  }
  if (quote.speaker === null && quote.candidate) {
    return {
      speaker: null,
      speakerId: null,
      candidate: quote.candidate,
      candidateId: quote.candidateId ?? null,
    };
  }
  return { speaker: quote.speaker, speakerId: quote.speakerId };
}

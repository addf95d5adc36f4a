/**
 * What speaker resolution works with: the resolved speaker, the clause subjects seen so far, and
 * the context a subject phrase is resolved in. Shared by speakers.ts and described.ts.
 */
import type { ArticleEntities } from "../entities/entities.js";
import type { ParagraphText } from "../text.js";
import type { Quote } from "../types.js";

export type SpeakerKind = Quote["speakerKind"];

/** A resolved speaker (or subject). */
export interface Speaker {
  entityId: string | null;
  /** Canonical name or description; null when unknown. */
  name: string | null;
  kind: SpeakerKind;
  gender: "m" | "f" | null;
  /** True for a plural subject ("officials", "Qatar and Egypt"). */
  plural: boolean;
  /** How it was found: a name in the phrase itself, or a pronoun / description resolved to it. */
  how?: "name" | "anaphora";
  /** The resolution rule that found it (kept on the quote with a confidence; see confidence.ts). */
  rule?: SubjectRule;
}

/** How a subject phrase was resolved. */
export type SubjectRule =
  | "name"
  | "surname-title"
  | "surname-salient"
  | "surname-recent"
  | "surname-first"
  | "group"
  | "description"
  | "anonymous"
  | "role"
  | "plural"
  | "document"
  | "pronoun-clause"
  | "pronoun-previous";

/** A clause subject seen so far in the article, for pronouns and "the office". */
export interface SubjectRecord {
  speaker: Speaker;
  paragraph: number;
  /** Running sentence number in the article. */
  ordinal: number;
}

export interface ResolveContext {
  entities: ArticleEntities;
  paragraph: ParagraphText;
  /** Running sentence number in the article. */
  ordinal: number;
  history: readonly SubjectRecord[];
  /** The subject of the current sentence's first clause, when already known. */
  sentenceSubject: { speaker: Speaker; from?: number; to: number } | null;
  /** The body that last issued a statement ("The ministry issued a statement."), for "the statement said". */
  issuer?: { speaker: Speaker; paragraph: number } | null;
}

/** How far back (in paragraphs) a pronoun or "the office" may look. */
export const WINDOW_PARAGRAPHS = 2;

export function unknown(): Speaker {
  return { entityId: null, name: null, kind: "unknown", gender: null, plural: false };
}

export function fromEntity(context: ResolveContext, entityId: string): Speaker {
  const local = context.entities.byId.get(entityId)!;
  const kind = local.entity.kind === "person" ? "person" : "organisation";
  return { entityId, name: local.entity.name, kind, gender: local.gender, plural: false };
}

/**
 * The data beside each answer item's verbatim text: built from the analysis, so `--json` users (and
 * tests) read fields instead of parsing Parley's labels.
 */
import type { Entity, Quote, StatusEvent } from "../analysis/types.js";
import type { KnowledgeBase } from "../index/knowledge-base.js";
import type { EntityData, EntityRef, EventItemData, QuoteItemData } from "./types.js";

/** The id and name of an entity id, or null when the knowledge base has no such entity. */
function refOf(entitiesById: ReadonlyMap<string, Entity>, id: string | null): EntityRef | null {
  if (id === null) return null;
  const entity = entitiesById.get(id);
  return entity ? { id: entity.id, name: entity.name } : null;
}

export function entityRef(entity: Entity): EntityRef {
  return { id: entity.id, name: entity.name };
}

/** The entity an answer is about, with the facts `/who` shows. */
export function entityData(entity: Entity, entitiesById: ReadonlyMap<string, Entity>): EntityData {
  return {
    id: entity.id,
    name: entity.name,
    otherNames: [...entity.aliases],
    kind: entity.kind,
    roles: [...entity.roles],
    roleSources: entity.roles.map((role, i) => {
      const source = entity.roleSources?.[i];
      return { role, articleId: source?.articleId ?? null, published: source?.published ?? null };
    }),
    affiliation: entity.affiliation,
    belongsTo: refOf(entitiesById, entity.linkedTo),
  };
}

export function quoteData(
  quote: Quote,
  via: Entity | null,
  entitiesById: ReadonlyMap<string, Entity>,
  kb: KnowledgeBase,
): QuoteItemData {
  return {
    kind: "quote",
    speaker: refOf(entitiesById, quote.speakerId),
    speakerName: quote.speaker,
    speakerAsWritten: quote.speakerAsWritten,
    speakerKind: quote.speakerKind,
    via: via ? entityRef(via) : null,
    type: quote.type,
    cue: quote.cue,
    cueKind: quote.cueKind,
    quoted: quote.text,
    published: quote.published ?? kb.articlesById.get(quote.articleId)?.published ?? "",
  };
}

export function eventData(event: StatusEvent, entitiesById: ReadonlyMap<string, Entity>): EventItemData {
  return {
    kind: "event",
    category: event.category,
    date: {
      value: event.date.value,
      precision: event.date.precision,
      relation: event.date.relation,
      text: event.date.text,
      range: event.date.range ?? null,
    },
    place: event.place,
    participants: event.participants.flatMap((id) => refOf(entitiesById, id) ?? []),
    published: event.published,
    superseded: event.superseded,
  };
}

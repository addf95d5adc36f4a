/**
 * Per entity, counted once at build time: the sentences of its own quotes, and how many distinct
 * sentences "what they did" has. A frequent name has thousands of mentions; an answer must not walk
 * them all (bench: /who p99 was linear in mentions).
 */

import type { Analysis, Entity, Place } from "../analysis/types.js";
import { pauseEvery, type Steps } from "../core/slices.js";
import { getDirectory } from "./directory.js";

export interface EntityCounts {
  /** Ids (`article#paragraph.sentence`) of the sentences holding the entity's own quotes. */
  quoted: ReadonlySet<string>;
  /** Distinct sentences that quote, mention or list the entity in a status event. */
  total: number;
}

/** The sentence id of a place: `article#paragraph.sentence`. */
export const placeId = (place: Place): string => `${place.articleId}#${place.paragraph}.${place.sentence}`;

const countsByEntity = new WeakMap<Entity, EntityCounts>();

function countEntity(analysis: Analysis, entity: Entity): EntityCounts {
  const directory = getDirectory(analysis);
  const quoted = new Set(directory.quotesBy(entity.id).map((q) => placeId(q.quote)));
  const ids = new Set(directory.statusOf(entity.id).map(placeId));
  for (const mention of entity.mentions) {
    const id = placeId(mention);
    if (!quoted.has(id)) ids.add(id);
  }
  return { quoted, total: ids.size };
}

/**
 * The build step: counts every entity of a combined analysis (after the directory is prepared).
 *
 * @example
 * runToEnd(prepareEntityCounts(analysis));
 * entityCounts(analysis, entity).total // sentences in "what they did"
 */
export function* prepareEntityCounts(analysis: Analysis): Steps<void> {
  const pause = pauseEvery(256);
  for (const entity of analysis.entities) {
    if (!countsByEntity.has(entity)) countsByEntity.set(entity, countEntity(analysis, entity));
    if (pause()) yield;
  }
}

/** The counts of one entity; computed now if the build step has not seen it (an analysis built by hand in tests). */
export function entityCounts(analysis: Analysis, entity: Entity): EntityCounts {
  let counts = countsByEntity.get(entity);
  if (!counts) {
    counts = countEntity(analysis, entity);
    countsByEntity.set(entity, counts);
  }
  return counts;
}

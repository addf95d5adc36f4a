/** Autocomplete for options that name an entity or a topic (Discord allows 25 choices of 100 chars). */

import type { CompletionSource } from "../commands/definitions.js";
import { completeEntityNames } from "../index/directory.js";
import type { KnowledgeBase } from "../index/knowledge-base.js";
import { cleanQuery } from "./query-text.js";
import { completeTopics } from "./status.js";

export const MAX_CHOICES = 25;
export const MAX_CHOICE_LENGTH = 100;

/**
 * @example
 * complete(kb, "entity", "Bli") // ["Anthony Blinken"]
 */
export function complete(kb: KnowledgeBase, source: CompletionSource, prefix: string): string[] {
  const cleaned = cleanQuery(prefix);
  const text = cleaned.ok ? cleaned.text : "";
  const choices =
    source === "entity" ? completeEntityNames(kb, text, MAX_CHOICES) : completeTopics(kb, text, MAX_CHOICES);
  return [...new Set(choices.map((choice) => choice.slice(0, MAX_CHOICE_LENGTH)))].slice(0, MAX_CHOICES);
}

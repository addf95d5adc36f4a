/**
 * Part-of-speech tags from wink-nlp, asked only for the first word of a capitalised run that opens a
 * sentence: there a capital says nothing, and the tag tells a proper noun ("Patriot") from a
 * preposition, auxiliary or adverb ("Unlike", "Does", "Maybe"). A paragraph is tagged at most once.
 */

import model from "wink-eng-lite-web-model";
import winkNLP from "wink-nlp";
import type { ParagraphText } from "../text.js";

// Loading the model takes ~0.2 s: once, on first use (the sentence splitter loads its own).
let nlp: ReturnType<typeof winkNLP> | undefined;
function getNlp(): ReturnType<typeof winkNLP> {
  nlp ??= winkNLP(model, ["sbd", "pos"]);
  return nlp;
}

/** Tags by character offset of the word's start, per paragraph. */
const tagged = new WeakMap<ParagraphText, Map<number, string>>();

function tagParagraph(paragraph: ParagraphText): Map<number, string> {
  const nlpInstance = getNlp();
  const its = nlpInstance.its;
  const doc = nlpInstance.readDoc(paragraph.text);
  const texts = doc.tokens().out() as string[];
  const tags = doc.tokens().out(its.pos) as string[];
  const byStart = new Map<number, string>();
  let at = 0;
  texts.forEach((text, i) => {
    // wink keeps each token's text verbatim: find it from where the last one ended.
    const start = paragraph.text.indexOf(text, at);
    if (start < 0 || start - at > 8) return;
    byStart.set(start, tags[i] ?? "");
    at = start + text.length;
  });
  return byStart;
}

/** The universal POS tag ("PROPN", "ADP", "AUX", ...) of the word starting at `start`, or "". */
export function posAt(paragraph: ParagraphText, start: number): string {
  let tags = tagged.get(paragraph);
  if (!tags) {
    tags = tagParagraph(paragraph);
    tagged.set(paragraph, tags);
  }
  return tags.get(start) ?? "";
}

/** Closed word classes: a capitalised word of these is never the start of a name. */
const NOT_NAME_TAGS = new Set(["ADP", "AUX", "ADV", "DET", "PRON", "SCONJ", "CCONJ", "PART", "INTJ", "NUM"]);

/**
 * True when a sentence-initial capitalised word is not part of a name: a closed-class word, or a
 * verb form that cannot be a first name ("Using", "Given", "Said"). Bare verbs are kept: wink tags
 * first names such as "Hope" and "Ted" as verbs.
 */
export function notNameByTag(paragraph: ParagraphText, start: number, lower: string): boolean {
  const tag = posAt(paragraph, start);
  if (NOT_NAME_TAGS.has(tag)) return true;
  return tag === "VERB" && /(?:ing|ed|en|says|said)$/.test(lower);
}

/**
 * Finds who said what in one article: direct quotes, partial quotes and reported speech, each with
 * its cue and speaker (see README.md in this folder for the rules and their order).
 *
 * Each sentence is read as a sequence of items, where a quotation is one item, so the attribution
 * rules never look inside a quotation: "“...,” he said, “...”" reads QUOTE he said , QUOTE.
 */

import type { ArticleEntities } from "../entities/entities.js";
import { ANONYMOUS_NOUNS, BODY_NOUNS, ROLE_NOUNS } from "../entities/lexicon.js";
import type { ArticleText, ParagraphText, SentenceTokens } from "../text.js";
import type { Quote } from "../types.js";
import { confidenceOf, ruleOf, SPEAKER_THRESHOLD } from "./confidence.js";
import { type Found, isSubstantial, readSentence, restIsAdverbial } from "./content.js";
import { CONTINUATION_CUES } from "./cues.js";
import { type Item, isPunct, itemsOf, lowerAt, tokenIndexOf, tokenText } from "./items.js";
import {
  type ResolveContext,
  resolveSubject,
  type Speaker,
  STATEMENT_NOUNS,
  type SubjectRecord,
} from "./speakers.js";
import { type Cue, findCues, isPronoun, isPronounOrDescription, sentenceSubject } from "./subject.js";

/** What a pronoun resolved to, for the entity's mentions. */
export interface PronounMention {
  entityId: string;
  paragraph: number;
  sentence: number;
  text: string;
}

export interface QuoteResult {
  quotes: Quote[];
  pronouns: PronounMention[];
  /** Entity ids each sentence refers to through a resolved pronoun or description, by sentence id. */
  resolvedInSentence: Map<string, Set<string>>;
}

/**
 * Finds every quote of an article.
 *
 * @example
 * findQuotes(text, entities).quotes[0] // { speaker: "Anthony Blinken", type: "direct", cue: "said", ... }
 */
export function findQuotes(text: ArticleText, entities: ArticleEntities): QuoteResult {
  const quotes: Quote[] = [];
  const pronouns: PronounMention[] = [];
  const resolvedInSentence = new Map<string, Set<string>>();
  const history: SubjectRecord[] = [];
  let issuer: ResolveContext["issuer"] = null;
  /**
   * A cue ending its paragraph with a colon and nothing after it: the next paragraph is its quote;
   * or a cue ending its sentence with nothing claimed ("X said in a statement."): the next sentence.
   */
  let colon: { cue: Cue; paragraph: number; ordinal: number; stop: boolean } | null = null;
  let ordinal = 0;
  /** The last quote and the sentence it was in, for quote-only continuations. */
  let last: { quote: Quote; ordinal: number; open: boolean } | null = null;

  for (const paragraph of text.paragraphs) {
    for (const placed of paragraph.sentences) {
      ordinal++;
      const items = itemsOf(paragraph, placed);
      const context: ResolveContext = {
        entities,
        paragraph,
        ordinal,
        history,
        sentenceSubject: null,
        issuer,
      };
      const cues = findCues(paragraph, items, context);
      // Re-resolve later cues knowing the sentence's first subject ("Blinken said ..., but he ...").
      const first = cues[0];
      if (first && !first.inverted && first.speaker.kind !== "unknown") {
        const subjectEnd = tokenIndexOf(items[first.subjectTo - 1]!) + 1;
        context.sentenceSubject = { speaker: first.speaker, to: subjectEnd };
        for (const cue of cues.slice(1)) {
          if (cue.inverted) continue;
          const from = tokenIndexOf(items[cue.subjectFrom]!);
          const to = tokenIndexOf(items[cue.subjectTo - 1]!) + 1;
          cue.speaker = resolveSubject(context, from, to);
        }
      } else {
        const subject = sentenceSubject(paragraph, items, context);
        if (subject) context.sentenceSubject = subject;
      }
      fillParticiples(paragraph, cues, context);
      for (const cue of cues) {
        // "He added" continues the last speaker: check the pronoun agrees with it.
        if (CONTINUATION_CUES.has(cue.word.text) && last && cue.speaker.entityId !== null) {
          if (
            proposed(last.quote).id !== null &&
            proposed(last.quote).id !== cue.speaker.entityId &&
            isPronoun(cue.asWritten)
          ) {
            cue.speaker = { entityId: null, name: null, kind: "unknown", gender: null, plural: false };
          }
        }
      }

      const found = readSentence(paragraph, items, cues);
      const lastCue = cues.at(-1);
      const closing = tokenText(paragraph, items.at(-1));
      const claimsNothing =
        lastCue !== undefined &&
        lastCue.speaker.kind !== "unknown" &&
        found.length === 0 &&
        items.every((item) => item.kind === "token");
      const endsOnColon = placed.sentence.index === paragraph.sentences.length && closing === ":";
      // "Lee said in a statement." claims nothing: only adverbials after the cue.
      const endsOnStop =
        closing === "." &&
        lastCue !== undefined &&
        restIsAdverbial(paragraph, items, lastCue.after, items.length);
      if (claimsNothing && (endsOnColon || endsOnStop)) {
        colon = { cue: lastCue!, paragraph: paragraph.number, ordinal, stop: !endsOnColon };
      }
      for (const item of found) {
        let cue = item.cue;
        let speaker: Speaker | null = cue?.speaker ?? null;
        let asWritten = cue?.asWritten ?? null;
        let cueText = cue?.word.text ?? "";
        let cueKind: Quote["cueKind"] = cue?.word.kind ?? "speech";
        const quotation = item.quote !== null ? paragraph.quotations[item.quote] : undefined;
        let colonRule: string | null = null;
        if (!cue) {
          // A quotation with no cue: a continuation of the last speaker, unattributed, or a scare quote.
          const quoteOnly = items.every((it) => it.kind === "quote" || isPunct(paragraph, it));
          // A quoted paragraph that continues a quotation left open at the end of the previous one.
          const opensParagraph = placed.sentence.index === 1 && item.at === 0;
          const continuesOpen = last?.open === true && opensParagraph;
          const follows = last !== null && last.ordinal === ordinal - 1 && last.quote.type === "direct";
          if ((quoteOnly && follows) || (continuesOpen && last !== null)) {
            speaker = null;
            asWritten = last!.quote.speakerAsWritten;
            cueText = last!.quote.cue;
            cueKind = last!.quote.cueKind;
            quotes.push(
              makeQuote(text, paragraph, placed, quotes.length, item, {
                speakerId: proposed(last!.quote).id,
                speaker: proposed(last!.quote).name,
                speakerKind: last!.quote.speakerKind,
                asWritten,
                cue: cueText,
                cueKind,
                rule: continuesOpen ? "continuation-open" : "continuation",
              }),
            );
            last = { quote: quotes[quotes.length - 1]!, ordinal, open: quotation?.open ?? false };
            continue;
          }
          // "Dr. Ward stated:" closing the paragraph before: its quotation opens this one.
          const afterColon =
            opensParagraph && colon !== null && !colon.stop && colon.paragraph === paragraph.number - 1;
          const afterStop =
            colon?.stop === true && colon.ordinal === ordinal - 1 && quoteOnly && item.at === 0;
          if (colon !== null && (afterColon || afterStop)) {
            cue = colon.cue;
            speaker = cue.speaker;
            asWritten = cue.asWritten;
            cueText = cue.word.text;
            cueKind = cue.word.kind;
            // As sure as `said: “...”` in one paragraph (measured with it: train 4 of 4 apart).
            colonRule = `${ruleOf(cue, speaker, cues, item.text, false, item.type)}/colon`;
          } else {
            if (!isSubstantial(item.text) || !quoteOnly) continue;
            cue = null;
          }
        }
        // Reported speech needs a speaker-like subject: "Fighting continued ..." is not speech.
        // "He called it “a disgrace”" with no one to give it to: a naming verb alone proves no speech.
        if (cue?.word.frame === "name" && speaker?.kind === "unknown") continue;
        if (
          item.type === "indirect" &&
          speaker?.kind === "unknown" &&
          !isPronoun(asWritten ?? "") &&
          !isSpeakerDescription(asWritten ?? "")
        ) {
          continue;
        }
        const quote = makeQuote(text, paragraph, placed, quotes.length, item, {
          speakerId: speaker?.entityId ?? null,
          speaker: speaker?.name ?? null,
          speakerKind: speaker?.kind ?? "unknown",
          asWritten,
          cue: cueText,
          cueKind,
          rule:
            colonRule ??
            ruleOf(
              cue,
              speaker,
              cues,
              item.text,
              item.frame === "mid",
              item.type,
              afterThat(paragraph, items, item),
            ),
        });
        quotes.push(quote);
        last = { quote, ordinal, open: quotation?.open ?? false };
        if (speaker?.entityId && asWritten && isPronounOrDescription(asWritten)) {
          pronouns.push({
            entityId: speaker.entityId,
            paragraph: paragraph.number,
            sentence: placed.sentence.index,
            text: asWritten,
          });
          const set = resolvedInSentence.get(placed.sentence.id) ?? new Set<string>();
          set.add(speaker.entityId);
          resolvedInSentence.set(placed.sentence.id, set);
        }
      }
      // Remember this sentence's subjects for later pronouns.
      // Unresolved cue subjects are kept too: a later "he" must not skip over someone we could not
      // name to reach an earlier speaker.
      const subjects = cues.map((cue) => cue.speaker);
      if (subjects.length === 0 && context.sentenceSubject) subjects.push(context.sentenceSubject.speaker);
      for (const speaker of subjects) history.push({ speaker, paragraph: paragraph.number, ordinal });
      // "The ministry issued a statement.": a later "the statement said" is the ministry's.
      const issues = items.some(
        (item) => item.kind === "token" && STATEMENT_NOUNS.has(paragraph.tokens[item.index]!.lower),
      );
      if (issues && subjects[0]?.entityId) issuer = { speaker: subjects[0], paragraph: paragraph.number };
      if (last && last.ordinal !== ordinal && !last.open) last = last.ordinal === ordinal - 1 ? last : null;
    }
  }
  return { quotes, pronouns, resolvedInSentence };
}

/**
 * "The minister said", "the office said": a description of someone (a role, a body, a statement)
 * we could not resolve; the quote stays, unattributed. "The results say" is no one's speech.
 */
function isSpeakerDescription(text: string): boolean {
  const match = /^the\s+(\S+)$/i.exec(text);
  const noun = match?.[1]?.toLowerCase() ?? "";
  return (
    ROLE_NOUNS.has(noun) || BODY_NOUNS.has(noun) || ANONYMOUS_NOUNS.has(noun) || STATEMENT_NOUNS.has(noun)
  );
}

/**
 * "Trump hit back, saying ...": a participle cue speaks for the main clause's subject, the first
 * cue's ("X said ..., adding ...", "“...,” said X, adding ...") or the sentence's own.
 */
function fillParticiples(paragraph: ParagraphText, cues: Cue[], context: ResolveContext): void {
  const first = cues[0];
  const byCue =
    first && !first.participle && first.word.text !== "according to" && first.speaker.kind !== "unknown"
      ? { speaker: first.speaker, asWritten: first.asWritten }
      : null;
  const own = context.sentenceSubject;
  const tokens = paragraph.tokens;
  const main =
    byCue ??
    (own?.from !== undefined
      ? {
          speaker: own.speaker,
          asWritten: paragraph.text.slice(tokens[own.from]!.start, tokens[own.to - 1]!.end),
        }
      : null);
  if (!main) return;
  for (const cue of cues) {
    if (!cue.participle) continue;
    cue.speaker = main.speaker;
    cue.asWritten = main.asWritten;
  }
}

interface Attribution {
  speakerId: string | null;
  speaker: string | null;
  speakerKind: Quote["speakerKind"];
  asWritten: string | null;
  cue: string;
  cueKind: Quote["cueKind"];
  rule: string;
}

function makeQuote(
  text: ArticleText,
  paragraph: ParagraphText,
  placed: SentenceTokens,
  n: number,
  item: Found,
  who: Attribution,
): Quote {
  const speaker = who.speakerId === null && who.speakerKind === "unknown" ? null : who.speaker;
  const confidence = confidenceOf(who.rule, item.type);
  // Below the threshold the speaker is only a candidate: shown apart as "speaker unclear".
  const unsure = speaker !== null && confidence < SPEAKER_THRESHOLD;
  return {
    id: `${text.article.id}#q${n + 1}`,
    articleId: text.article.id,
    paragraph: paragraph.number,
    sentence: placed.sentence.index,
    speakerId: unsure ? null : who.speakerId,
    speaker: unsure ? null : speaker,
    ...(unsure ? { candidate: speaker, candidateId: who.speakerId } : {}),
    speakerAsWritten: who.asWritten,
    speakerKind: who.speakerKind,
    type: item.type,
    cue: who.cue,
    cueKind: who.cueKind,
    text: item.text,
    rule: who.rule,
    confidence,
  };
}

/** Who a quote gives the floor to, shown or only proposed (a continuation carries either on). */
function proposed(quote: Quote): { id: string | null; name: string | null } {
  return quote.speaker !== null
    ? { id: quote.speakerId, name: quote.speaker }
    : { id: quote.candidateId ?? null, name: quote.candidate ?? null };
}

/** True when reported speech opens right after "that" ("told reporters that ..."): the clause is marked. */
function afterThat(paragraph: ParagraphText, items: readonly Item[], item: Found): boolean {
  return item.type === "indirect" && item.at > 0 && lowerAt(paragraph, items, item.at - 1) === "that";
}

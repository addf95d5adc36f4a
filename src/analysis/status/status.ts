/**
 * Talk status events: the sentences about the negotiations, each classified (status-rules.ts) and dated.
 *
 * Which date an event gets, in order:
 * 1. a date expression of the event's own clause (dates/event.ts: not in a background clause or a quoted
 *    aside), preferring one outside quotation marks, then the most precise, and for a
 *    future event a future date ("today, Thursday" in Blinken's sentence, not the quoted "coming days");
 *    a plan is never dated by its announcement ("Riyadh will host talks, officials said on Monday");
 * 2. a plan with no date of its own that continues the previous sentence's dated plan ("The office
 *    added, “The parties will discuss ...”" after "... will go to Doha next Sunday"): that date, `approx`;
 * 3. an undated plan (a meeting, a resumption, a deal to come): null, `unknown` ("Doha is preparing
 *    to host a new round"); a future position ("will not accept") is dated like any statement;
 * 4. an opinion with no date ("critics believe ..."): null, `n/a`;
 * 5. a statement ("Blinken said that ...") by someone whose statement the article dates to its
 *    publication day ("Blinken said ... today"): that day, `day`;
 * 6. any other report: the publication date, `reported` (it was true when the article was written;
 *    never a date borrowed from a background clause or a quoted aside).
 */
import type { Article, Sentence } from "../../core/types.js";
import { addDays, formatDay, parseIsoDay } from "../dates/calendar.js";
import { type DateMention, resolveDates } from "../dates/dates.js";
import { ownMentions, STATEMENT_DATE } from "../dates/event.js";
import { sentenceTense } from "../dates/tense.js";
import type { ResolvedDate, StatusCategory, StatusEvent } from "../types.js";
import { findVenue, topicsOf } from "./places.js";
import { ABOUT_TALKS, BACKGROUND, classifyStatus, OPINION, SPEECH } from "./rules.js";

const TRAVEL =
  /\b(?:visit\w*|travel\w*|go(?:es|ing)? to|went to|heads? to|headed to|fly to|flew to|arriv\w+)\b/i;

/** Categories that can be plans; a future position or obstacle ("would not accept") is dated when stated. */
const PLANS: ReadonlySet<StatusCategory> = new Set([
  "scheduled_meeting",
  "delegation_sent",
  "talks_resuming",
  "talks_postponed",
  "deadline",
  "deal_reached",
  "deal_approved",
  "deal_implemented",
  "ceasefire_started",
  "hostages_released",
  "prisoners_released",
]);

/** Dated by what they point to, whatever the tense of the report: a postponement by its new date. */
const DATED_AHEAD: ReadonlySet<StatusCategory> = new Set(["talks_postponed", "deadline"]);

/** A capitalised word after the first: the sentence names someone or something. */
const NAMES_SOMEONE = /\s[A-Z][a-z]/;

/** Character ranges inside quotation marks (curly or straight). */
function quotedRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let openCurly = -1;
  let openStraight = -1;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === "“") openCurly = index;
    else if (char === "”" && openCurly >= 0) {
      ranges.push([openCurly, index + 1]);
      openCurly = -1;
    } else if (char === '"') {
      if (openStraight < 0) openStraight = index;
      else {
        ranges.push([openStraight, index + 1]);
        openStraight = -1;
      }
    }
  }
  // A quotation still open at the end runs to the end of the sentence.
  const open = Math.max(openCurly, openStraight);
  if (open >= 0) ranges.push([open, text.length]);
  return ranges;
}

const isQuoted = (ranges: Array<[number, number]>, position: number): boolean =>
  ranges.some(([from, to]) => position >= from && position < to);

/** The text outside quotation marks (quoted parts blanked, so offsets stay the same). */
function unquoted(text: string, ranges: Array<[number, number]>): string {
  let result = text;
  for (const [from, to] of ranges) result = result.slice(0, from) + " ".repeat(to - from) + result.slice(to);
  return result;
}

/** The date expression that dates the event: outside quotes first, then a future one for plans, then one with a value. */
function primaryMention(
  mentions: readonly DateMention[],
  quoted: Array<[number, number]>,
  future: boolean,
): DateMention | undefined {
  const score = (mention: DateMention): number =>
    (isQuoted(quoted, mention.start) ? 0 : 4) +
    (future && mention.relation === "future" ? 2 : 0) +
    (mention.value !== null ? 1 : 0);
  let best: DateMention | undefined;
  for (const mention of mentions) if (!best || score(mention) > score(best)) best = mention;
  return best;
}

/** A status candidate after the first pass: everything but the date fallbacks. */
interface Candidate {
  sentence: Sentence;
  /** Index in the article's sentence list. */
  position: number;
  category: StatusCategory;
  mention: DateMention | undefined;
  /** About something still to happen: a meeting, a resumption, a deal. */
  plan: boolean;
  speech: boolean;
  opinion: boolean;
  participants: string[];
}

const toResolved = (mention: DateMention): ResolvedDate => {
  const { start: _start, end: _end, ...resolved } = mention;
  return resolved;
};

const BARE_WEEKDAY =
  /^(?:on\s+|until\s+|by\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i;

/**
 * A deadline or a new date points ahead: a bare weekday read as the past one ("has until Friday",
 * where the clause has no future marker) is the coming one, a week later.
 */
function ahead(mention: DateMention): DateMention {
  if (mention.relation !== "past" || mention.precision !== "day" || mention.value === null) return mention;
  if (!BARE_WEEKDAY.test((mention.text ?? "").trim())) return mention;
  const value = formatDay(addDays(parseIsoDay(mention.value), 7));
  return { ...mention, value, relation: "future" };
}

/**
 * The status events of one article: its sentences about the negotiations, classified and dated.
 * `entitiesInSentence` gives the entity ids named in a sentence (the participants). JSON-serialisable.
 *
 * @example
 * const events = findStatusEvents(article, splitArticle(article), (sentence) => entityIdsIn(sentence));
 * // [{ category: "scheduled_meeting", date: { value: "2024-10-27", precision: "day", ... }, place: "Doha", ... }]
 */
export function findStatusEvents(
  article: Article,
  sentences: readonly Sentence[],
  entitiesInSentence: (sentence: Sentence) => readonly string[],
): StatusEvent[] {
  const candidates: Candidate[] = [];
  // Who made a statement the article dates to its publication day ("Blinken said ... today").
  const speakersDatedToday = new Set<string>();

  for (const [position, sentence] of sentences.entries()) {
    const text = sentence.text;
    // A trip to a venue where talks are held is about the talks too ("Barnea will go to Doha").
    const aboutTalks = ABOUT_TALKS.test(text) || (TRAVEL.test(text) && findVenue(text) !== null);
    const opinion = OPINION.test(text);
    if (!aboutTalks && !opinion && !BACKGROUND.test(text)) continue;
    const future = sentenceTense(text) === "future";
    const category = classifyStatus(text, future, aboutTalks);
    if (!category) continue;
    const participants = [...new Set(entitiesInSentence(sentence))];
    // An opinion counts only when it is about someone named: "critics ... believe ... Hamas".
    if (!aboutTalks && category === "position" && participants.length === 0 && !NAMES_SOMEONE.test(text))
      continue;

    const quoted = quotedRanges(text);
    // A plan (a meeting, a deal to come) is dated by when it will happen, never by when it was announced.
    const pointsAhead = DATED_AHEAD.has(category);
    const plan = future && PLANS.has(category);
    // Only the dates of the event's own clause (no background clause, no quoted aside), best first.
    const own = ownMentions(text, resolveDates(text, article.published), {
      keepBackground: category === "background_event",
      statementFirst: category === "position" || category === "obstacle",
    });
    const mentions = own.filter(
      (mention) =>
        !(
          (plan || pointsAhead) &&
          mention.relation !== "future" &&
          STATEMENT_DATE.test(text.slice(Math.max(0, mention.start - 50), mention.start))
        ),
    );
    const primary = primaryMention(mentions, quoted, future || pointsAhead);
    const mention = primary && pointsAhead ? ahead(primary) : primary;
    const speech = SPEECH.test(unquoted(text, quoted));
    if (
      speech &&
      mention &&
      mention.value === article.published &&
      mention.precision === "day" &&
      !isQuoted(quoted, mention.start)
    ) {
      // Places cannot speak: "in Doha" must not date every later statement that names Doha.
      for (const id of participants) if (!id.startsWith("place:")) speakersDatedToday.add(id);
    }
    candidates.push({ sentence, position, category, mention, plan, speech, opinion, participants });
  }

  const events: StatusEvent[] = [];
  let previous: { position: number; event: StatusEvent } | undefined;
  for (const candidate of candidates) {
    const { sentence } = candidate;
    let date: ResolvedDate;
    let dateBasis: NonNullable<StatusEvent["dateBasis"]>;
    // A plan continues the previous one only from the very next sentence.
    const continues = previous !== undefined && previous.position === candidate.position - 1;
    if (candidate.mention) {
      date = toResolved(candidate.mention);
      dateBasis = "expression";
    } else if (
      candidate.plan &&
      continues &&
      previous?.event.date.relation === "future" &&
      previous.event.date.value !== null &&
      (previous.event.category === "scheduled_meeting" || previous.event.category === "delegation_sent")
    ) {
      date = { value: previous.event.date.value, precision: "approx", relation: "future", text: null };
      dateBasis = "context";
    } else if (candidate.plan) {
      date = { value: null, precision: "unknown", relation: "future", text: null };
      dateBasis = "none";
    } else if (candidate.opinion && !candidate.speech) {
      date = { value: null, precision: "n/a", relation: "unknown", text: null };
      dateBasis = "none";
    } else if (candidate.speech && candidate.participants.some((id) => speakersDatedToday.has(id))) {
      date = { value: article.published, precision: "day", relation: "present", text: null };
      dateBasis = "speaker";
    } else {
      date = { value: article.published, precision: "reported", relation: "present", text: null };
      dateBasis = "publication";
    }

    const event: StatusEvent = {
      id: `${sentence.id}:status`,
      articleId: article.id,
      paragraph: sentence.paragraph,
      sentence: sentence.index,
      category: candidate.category,
      date,
      participants: candidate.participants,
      // A plan continuing the one before is in its place too ("The parties will discuss ..." in Doha).
      place: findVenue(sentence.text) ?? (dateBasis === "context" ? (previous?.event.place ?? null) : null),
      published: article.published,
      superseded: false,
      dateBasis,
      topics: topicsOf(sentence.text),
    };
    events.push(event);
    previous = { position: candidate.position, event };
  }
  return events;
}

/**
 * Writes one synthetic article: ~12 paragraphs, ~25 sentences, in the style of negotiation reports.
 * The sentences exercise what the analysis must handle: title-first and appositive speakers,
 * direct / partial / indirect / split quotes, colon and quote-first attribution, pronoun and role
 * anaphora, "according to", organisation and anonymous speakers, opinion verbs, scare quotes,
 * nested reports, and relative dates anchored on the publication date.
 */
import { pickPerson, type SyntheticPerson } from "./people.js";
import type { Random } from "./random.js";
import {
  COUNTRIES,
  FRAGMENTS,
  MONTHS,
  ORGANISATIONS,
  PLACES,
  QUOTE_SUBJECTS,
  QUOTE_TAILS,
  QUOTE_VERBS,
  SPEECH_CUES,
  TOPICS,
  WEEKDAYS,
} from "./vocabulary.js";

/** What one article is about and who is in it. */
export interface ArticlePlan {
  published: string;
  outlet: string;
  place: string;
  topic: string;
  people: SyntheticPerson[];
}

/** Mutable state while writing one article (who was introduced, who spoke last). */
interface Context {
  random: Random;
  plan: ArticlePlan;
  /** Weekday (0 = Sunday) and month (0-based) of the publication date. */
  weekday: number;
  month: number;
  introduced: Set<string>;
  lastSpeaker: SyntheticPerson | null;
  /** Straight quotation marks in this article instead of curly ones (some outlets use them). */
  straight: boolean;
}

const IND_SUBJECTS = ["the mediators", "the delegation", "both sides", "the negotiators", "the government"];
const IND_VERBS = [
  "would continue to push for",
  "had made progress on",
  "had not yet agreed on",
  "would not accept a delay on",
  "could soon reach an understanding on",
  "remained divided over",
  "was ready to discuss",
];

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function open(ctx: Context): string {
  return ctx.straight ? '"' : "“";
}
function close(ctx: Context): string {
  return ctx.straight ? '"' : "”";
}

/** A whole quoted sentence's words, without final punctuation: `We remain committed to a ceasefire`. */
function quoteWords(ctx: Context): string {
  const { random } = ctx;
  return `${random.pick(QUOTE_SUBJECTS)} ${random.pick(QUOTE_VERBS)} ${random.pick(TOPICS)}${random.pick(QUOTE_TAILS)}`;
}

/** A reported clause, lower case: `the mediators had made progress on humanitarian aid`. */
function clause(ctx: Context): string {
  const { random } = ctx;
  return `${random.pick(IND_SUBJECTS)} ${random.pick(IND_VERBS)} ${random.pick(TOPICS)}${random.pick(QUOTE_TAILS)}`;
}

/** A relative or absolute date expression, as reports write them. */
function dateExpression(ctx: Context): string {
  const { random } = ctx;
  const otherMonth = MONTHS[(ctx.month + random.int(1, 6) + 5) % 12] as string;
  switch (random.int(0, 7)) {
    case 0:
      return `next ${random.pick(WEEKDAYS)}`;
    case 1:
      return `last ${otherMonth}`;
    case 2:
      return `on ${random.pick(MONTHS)} ${random.int(1, 28)}`;
    case 3:
      return `on ${random.pick(WEEKDAYS)}`;
    case 4:
      return `today, ${WEEKDAYS[ctx.weekday]}`;
    case 5:
      return "earlier this month";
    case 6:
      return "in the coming days";
    default:
      return "two weeks ago";
  }
}

type Position = "subject" | "end" | "object";

/**
 * How a person is named here: the full name with their role the first time (title-first or
 * appositive), then the surname, sometimes the full name or the role anaphor ("the minister").
 */
function mention(ctx: Context, person: SyntheticPerson, position: Position): string {
  const { random } = ctx;
  if (!ctx.introduced.has(person.key)) {
    ctx.introduced.add(person.key);
    const titleFirst = person.office
      ? `${person.country?.adjective} ${person.office} ${person.full}`
      : `${person.organisation} head ${person.full}`;
    if (position === "object") return random.chance(0.5) ? titleFirst : person.full;
    if (position === "end") return random.chance(0.5) ? titleFirst : `${person.full}, ${person.role}`;
    const form = random.int(0, 2);
    if (form === 0) return titleFirst;
    if (form === 1) return `${person.role}, ${person.full},`;
    return `${person.full}, ${person.role},`;
  }
  const roll = random.next();
  if (roll < 0.7) return person.last;
  if (roll < 0.85 || position === "object") return person.full;
  return person.roleAnaphor;
}

function cue(ctx: Context): string {
  return ctx.random.pick(SPEECH_CUES);
}

function speaker(ctx: Context): SyntheticPerson {
  const person = ctx.random.pick(ctx.plan.people);
  ctx.lastSpeaker = person;
  return person;
}

function otherPerson(ctx: Context, not: SyntheticPerson): SyntheticPerson {
  const others = ctx.plan.people.filter((person) => person.key !== not.key);
  return others.length > 0 ? ctx.random.pick(others) : pickPerson(ctx.random, ctx.plan.people);
}

/** Sentences with a named speaker. */
const QUOTE_SENTENCES: ((ctx: Context) => string)[] = [
  // Quote first, then "X said." / "said X."
  (ctx) => {
    const person = speaker(ctx);
    return ctx.random.chance(0.5)
      ? `${open(ctx)}${quoteWords(ctx)},${close(ctx)} ${mention(ctx, person, "object")} ${cue(ctx)}.`
      : `${open(ctx)}${quoteWords(ctx)},${close(ctx)} said ${mention(ctx, person, "end")}.`;
  },
  // Speaker first with a comma and a place and date.
  (ctx) => {
    const person = speaker(ctx);
    const subject = capitalise(mention(ctx, person, "subject"));
    return `${subject} said during a press conference in ${ctx.random.pick(PLACES)} ${dateExpression(ctx)}, ${open(ctx)}${quoteWords(ctx)}.${close(ctx)}`;
  },
  // Speaker first with a colon.
  (ctx) => {
    const person = speaker(ctx);
    return `${capitalise(mention(ctx, person, "subject"))} said: ${open(ctx)}${quoteWords(ctx)}.${close(ctx)}`;
  },
  // Indirect speech.
  (ctx) => {
    const person = speaker(ctx);
    return `${capitalise(mention(ctx, person, "subject"))} ${cue(ctx)} that ${clause(ctx)}.`;
  },
  // According to.
  (ctx) => {
    const person = speaker(ctx);
    return `According to ${mention(ctx, person, "object")}, ${clause(ctx)}.`;
  },
  // Partial quote in the reporter's sentence.
  (ctx) => {
    const person = speaker(ctx);
    const fragment = ctx.random.pick(FRAGMENTS);
    return ctx.random.chance(0.5)
      ? `${capitalise(mention(ctx, person, "subject"))} described the latest proposal as ${open(ctx)}${fragment}${close(ctx)}.`
      : `${capitalise(mention(ctx, person, "subject"))} ${cue(ctx)} that the talks had reached ${open(ctx)}${fragment}.${close(ctx)}`;
  },
  // Told an outlet.
  (ctx) => {
    const person = speaker(ctx);
    return `${capitalise(mention(ctx, person, "subject"))} told the Synthetic ${ctx.plan.outlet} that ${clause(ctx)}.`;
  },
  // Nested report: X said Y told him/her ...
  (ctx) => {
    const person = speaker(ctx);
    const other = otherPerson(ctx, person);
    const object = person.pronoun === "he" ? "him" : "her";
    return `${capitalise(mention(ctx, person, "subject"))} said ${mention(ctx, other, "object")} had told ${object} that ${clause(ctx)}.`;
  },
];

/** Sentences that continue the last speaker: pronoun, role anaphor, split quote. */
const CONTINUATION_SENTENCES: ((ctx: Context, person: SyntheticPerson) => string)[] = [
  (ctx, person) => `${capitalise(person.pronoun)} added, ${open(ctx)}${quoteWords(ctx)}.${close(ctx)}`,
  (ctx, person) => `${capitalise(person.pronoun)} also ${cue(ctx)} that ${clause(ctx)}.`,
  (ctx, person) =>
    `${open(ctx)}${quoteWords(ctx)},${close(ctx)} ${person.pronoun} said, ${open(ctx)}${quoteWords(ctx).toLowerCase()}.${close(ctx)}`,
  (ctx, person) => `${capitalise(person.roleAnaphor)} ${cue(ctx)} that ${clause(ctx)}.`,
  (ctx) => `${open(ctx)}${quoteWords(ctx)}.${close(ctx)}`,
];

/** Sentences about the state of the talks, with dates. */
const STATUS_SENTENCES: ((ctx: Context) => string)[] = [
  (ctx) => {
    const person = ctx.random.pick(ctx.plan.people);
    const other = otherPerson(ctx, person);
    return `${capitalise(mention(ctx, person, "subject"))} will travel to ${ctx.plan.place} next ${ctx.random.pick(WEEKDAYS)} to meet ${mention(ctx, other, "object")}.`;
  },
  (ctx) =>
    `Negotiators met in ${ctx.random.pick(PLACES)} on ${ctx.random.pick(MONTHS)} ${ctx.random.int(1, 28)} to discuss ${ctx.random.pick(TOPICS)}.`,
  (ctx) =>
    `The negotiations stopped last ${MONTHS[(ctx.month + 9) % 12]} without reaching an agreement on ${ctx.random.pick(TOPICS)}.`,
  (ctx) =>
    `The proposal presented on ${ctx.random.pick(MONTHS)} ${ctx.random.int(1, 28)} is still on the table.`,
  (ctx) =>
    `Talks on ${ctx.random.pick(TOPICS)} are expected to resume in ${ctx.plan.place} in the coming days.`,
  (ctx) => `Disagreement over ${ctx.random.pick(TOPICS)} remains the main obstacle to a deal.`,
  (ctx) => `The two sides reached an agreement on ${ctx.random.pick(TOPICS)} ${dateExpression(ctx)}.`,
  (ctx) => `Under the agreement, ${ctx.random.int(3, 40)} hostages were released ${dateExpression(ctx)}.`,
];

/** Background, speakers that are bodies or anonymous, opinions, scare quotes. */
const BACKGROUND_SENTENCES: ((ctx: Context) => string)[] = [
  (ctx) =>
    `More than ${ctx.random.int(20, 400)} trucks of aid entered Gaza through ${ctx.random.pick(PLACES)} last week.`,
  (ctx) =>
    `The war, which began on October 7, 2023, has killed more than ${ctx.random.int(10, 60)},000 people, according to the local health authorities.`,
  (ctx) => {
    const a = ctx.random.pick(COUNTRIES);
    const b = ctx.random.pick(COUNTRIES.filter((country) => country !== a));
    return `${capitalise(a.name)} and ${b.name} have been mediating between the parties for months.`;
  },
  (ctx) => `Thousands of displaced families remain in ${ctx.random.pick(PLACES)}.`,
  (ctx) => `The ${ctx.random.pick(ORGANISATIONS)} said in a statement that ${clause(ctx)}.`,
  (ctx) =>
    `A senior ${ctx.random.pick(COUNTRIES).adjective} official, speaking on condition of anonymity, said that ${clause(ctx)}.`,
  (ctx) => `Many critics of ${ctx.random.pick(COUNTRIES).adjective} policy believe that ${clause(ctx)}.`,
  (ctx) =>
    `The so-called ${open(ctx)}${ctx.random.pick(FRAGMENTS)}${close(ctx)} plan was not discussed ${dateExpression(ctx)}.`,
];

/** The first paragraph: where and what, then who is involved. */
function leadParagraph(ctx: Context): string {
  const { plan, random } = ctx;
  const person = random.pick(plan.people);
  ctx.lastSpeaker = person;
  return [
    `${capitalise(plan.place)} is preparing to host a new round of negotiations on ${plan.topic}, officials said ${dateExpression(ctx)}.`,
    `The talks are led by ${mention(ctx, person, "object")} and follow ${random.int(2, 11)} weeks of stagnation.`,
  ].join(" ");
}

/** How many sentences a body paragraph has: mean ~2.1, so an article has ~25. */
const SENTENCES_PER_PARAGRAPH = [1, 2, 2, 2, 3, 3, 3] as const;

/**
 * Writes the paragraphs of one article from its plan.
 *
 * @example
 * writeParagraphs(createRandom(7), plan).length; // 12
 */
export function writeParagraphs(random: Random, plan: ArticlePlan): string[] {
  const date = new Date(`${plan.published}T00:00:00Z`);
  const ctx: Context = {
    random,
    plan,
    weekday: date.getUTCDay(),
    month: date.getUTCMonth(),
    introduced: new Set(),
    lastSpeaker: null,
    straight: random.chance(0.15),
  };
  const paragraphs = [leadParagraph(ctx)];
  const count = random.int(11, 13);
  // True when the last sentence written had a named speaker: only then may "He added" follow.
  let afterQuote = false;
  while (paragraphs.length < count) {
    // Now and then a paragraph that is only a quotation, continuing the previous speaker.
    if (afterQuote && random.chance(0.12)) {
      paragraphs.push(`${open(ctx)}${quoteWords(ctx)}.${close(ctx)}`);
      continue;
    }
    const sentences: string[] = [];
    const wanted = random.pick(SENTENCES_PER_PARAGRAPH);
    for (let i = 0; i < wanted; i++) {
      const roll = random.next();
      if (afterQuote && ctx.lastSpeaker && roll < 0.3) {
        sentences.push(random.pick(CONTINUATION_SENTENCES)(ctx, ctx.lastSpeaker));
      } else if (roll < 0.65) {
        sentences.push(random.pick(QUOTE_SENTENCES)(ctx));
        afterQuote = true;
        continue;
      } else if (roll < 0.85) {
        sentences.push(random.pick(STATUS_SENTENCES)(ctx));
      } else {
        sentences.push(random.pick(BACKGROUND_SENTENCES)(ctx));
      }
      afterQuote = false;
    }
    paragraphs.push(sentences.join(" "));
  }
  return paragraphs;
}

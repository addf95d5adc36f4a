/**
 * Attribution cues: the verbs (and "according to") that introduce what someone said or believes.
 *
 * Each cue is listed in the forms news text uses it (past and present tense), so matching is a
 * plain look-up on one or two lower-case words. Nouns that look like verbs ("report", "claim",
 * "statement") are listed only in their verb-only forms ("reported", "claimed").
 */

export type CueKind = "speech" | "opinion";

/** How what follows the cue is built. */
export type CueFrame =
  /** say-type: `X said (that) CLAUSE`, `X said, “...”`. */
  | "say"
  /** tell-type: `X told Y (that) CLAUSE`; the object is a listener, not the content. */
  | "tell"
  /** urge-type: `X urged Y to ...`; the object plus infinitive is the content. */
  | "urge"
  /** name-type: `X called Y “a disgrace”`; only the quoted words are X's (a partial quote). */
  | "name";

export interface CueWord {
  /** As written, lower case. */
  text: string;
  kind: CueKind;
  frame: CueFrame;
}

const SAY_SPEECH = `
  said says say added adds explained explains indicated indicates stressed stresses confirmed confirms
  announced announces warned warns insisted insists noted notes stated declared declares claimed claims
  argued argues asserted asserts emphasized emphasizes emphasised emphasises underlined underlines
  reiterated reiterates acknowledged acknowledges admitted admits denied denies revealed reveals reported
  wrote writes tweeted posted replied replies responded responds answered asked asks suggested suggests
  promised promises pledged pledges vowed vows threatened threatens predicted predicts estimated
  commented comments remarked remarks mentioned mentions observed recalled recalls concluded concludes
  cautioned cautions complained complains affirmed affirms highlighted highlights disclosed discloses
  maintained maintains contended contends conceded concedes signaled signalled signals hinted hints
  agreed agrees demanded demands proposed proposes countered counters continued
  argue insist contend warn explain acknowledge admit maintain predict
`;

const TELL_SPEECH = `told tells tell informed informs assured assures reminded reminds briefed briefs`;

const URGE_SPEECH = `urged urges pressed presses encouraged encourages implored implores appealed`;

/** Verbs that name something in the speaker's words: `called the plan “reckless”`. */
const NAME_SPEECH = `called calls dubbed branded labeled labelled`;

const OPINION = `
  believe believes believed think thinks thought feel feels felt consider considers considered fear fears
  feared hope hopes hoped doubt doubts doubted suspect suspects suspected worry worries worried assume
  assumes assumed reckon reckons expect expects expected
`;

/** Two-word cues, matched before single words. */
const PHRASES: readonly CueWord[] = [
  ...["pointed out", "points out", "point out", "went on", "goes on", "made clear", "makes clear"].map(
    (text) => ({ text, kind: "speech" as const, frame: "say" as const }),
  ),
  ...["called on", "calls on", "called upon", "called for", "calls for", "call for"].map((text) => ({
    text,
    kind: "speech" as const,
    frame: "urge" as const,
  })),
  { text: "according to", kind: "speech", frame: "say" },
];

function list(text: string, kind: CueKind, frame: CueFrame): CueWord[] {
  return text
    .trim()
    .split(/\s+/)
    .map((word) => ({ text: word, kind, frame }));
}

const SINGLE = new Map<string, CueWord>();
for (const cue of [
  ...list(NAME_SPEECH, "speech", "name"),
  ...list(SAY_SPEECH, "speech", "say"),
  ...list(TELL_SPEECH, "speech", "tell"),
  ...list(URGE_SPEECH, "speech", "urge"),
  ...list(OPINION, "opinion", "say"),
]) {
  SINGLE.set(cue.text, cue);
}
const DOUBLE = new Map<string, CueWord>(PHRASES.map((cue) => [cue.text, cue]));
/** First words of two-word cues: only these need the pair looked up. */
const FIRST_WORDS = new Set(PHRASES.map((cue) => cue.text.split(" ")[0]!));

/** Cues that hand the floor back to the previous speaker ("He added", "The office added"). */
export const CONTINUATION_CUES: ReadonlySet<string> = new Set([
  "added",
  "adds",
  "continued",
  "went on",
  "goes on",
]);

/**
 * The cue starting at a word, if any: two-word cues first.
 *
 * @example
 * cueAt("pointed", "out") // { text: "pointed out", kind: "speech", frame: "say" }
 * cueAt("believe")        // { text: "believe", kind: "opinion", frame: "say" }
 */
export function cueAt(word: string, next?: string): CueWord | undefined {
  const lower = word.toLowerCase();
  if (next !== undefined && FIRST_WORDS.has(lower)) {
    const phrase = DOUBLE.get(`${lower} ${next.toLowerCase()}`);
    if (phrase) return phrase;
  }
  return SINGLE.get(lower);
}

/**
 * Present participles that report speech after a comma: "Trump hit back, saying ...". Their
 * subject is the subject of the sentence's main clause (quotes.ts), never a word before the comma.
 */
const PARTICIPLES = new Map<string, CueWord>(
  [
    ...list(
      "saying arguing noting explaining claiming insisting warning stressing declaring asserting acknowledging stating writing",
      "speech",
      "say",
    ),
    ...list("telling", "speech", "tell"),
    ...list("urging", "speech", "urge"),
    ...list("calling", "speech", "name"),
  ].map((cue) => [cue.text, cue]),
);

/**
 * The participle cue at a word, if any.
 *
 * @example
 * participleAt("Saying") // { text: "saying", kind: "speech", frame: "say" }
 */
export function participleAt(word: string): CueWord | undefined {
  return PARTICIPLES.get(word.toLowerCase());
}

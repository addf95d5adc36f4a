/**
 * Reported speech in an article's title ("Lee Says Plant Will Close In June", "Plant will close,
 * Lee says"). Titles are in title case, which the name and clause rules of the body read as names,
 * so a title is read only in a few fixed shapes, and its subject must be a name the body of the
 * same article found, written in full or as a surname only one person of the article bears: a title
 * never introduces a speaker.
 *
 * A title quote has no sentence in the body: it is placed at paragraph 0 (answers, which cite a body
 * sentence, leave it out; the export lists it).
 */

import type { Article } from "../../core/types.js";
import type { ArticleEntities, LocalEntity } from "../entities/entities.js";
import { ROLE_NOUNS } from "../entities/lexicon.js";
import type { Quote } from "../types.js";

/** Cues a title writes in the present (or past) tense, with words that open the content after them. */
const CUES = new Map<string, string[]>([
  ["says", []],
  ["said", []],
  ["calls", ["for", "on"]],
  ["urges", []],
  ["tells", []],
  ["told", []],
  ["warns", []],
  ["claims", []],
  ["insists", []],
  ["vows", []],
  ["asks", []],
  ["declares", []],
  ["announces", []],
  ["announced", []],
  ["tweets", []],
  ["explains", []],
  ["admits", []],
  ["acknowledges", []],
]);

/** Words between a subject and its cue that leave the subject whole ("X Now Says", "X Just Said"). */
const BETWEEN = new Set(["now", "just", "also"]);

/** Words that open a clause, not a subject ("If Lee Says It, It Is True"). */
const OPENERS = new Set([
  "if",
  "when",
  "as",
  "after",
  "before",
  "while",
  "why",
  "how",
  "what",
  "because",
  "since",
  "until",
  "though",
  "although",
  "where",
  "whether",
  "and",
  "but",
  "or",
  "once",
  "unless",
]);

/** A title's label before a colon ("The Latest: ", "EXCLUSIVE: "): up to three words. */
const LABEL = /^(?:[^\s:]+\s){0,2}[^\s:]+:\s+/;

/** The confidence a title rule is given (train: see src/analysis/README.md, "headline quotes"). */
export const TITLE_CONFIDENCE = 0.95;

/** Lower case, plain apostrophes, no accents (a title may drop them; name words are folded so). */
function norm(word: string): string {
  return word
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'");
}

/** A word written with a capital, as a name in a title is ("McCaul", "O'Malley", "J."). */
function capitalised(word: string): boolean {
  return /^[A-Z][\p{L}'\u2019.-]*$/u.test(word);
}

/** The one person or body of the article the words name, or null (none, or several). */
function named(words: readonly string[], entities: ArticleEntities): LocalEntity | null {
  const written = words.map(norm).join(" ");
  const single = words.length === 1 ? norm(words[0]!) : null;
  const found = entities.list.filter((local) => {
    if (local.entity.kind === "place" || local.entity.roleOnly) return false;
    const forms = [local.entity.name, ...local.entity.aliases].map((form) =>
      form.split(/\s+/).map(norm).join(" "),
    );
    if (forms.includes(written)) return true;
    // A lone word is a surname: any person whose name ends with it is a candidate (a tie names no one).
    return single !== null && norm(local.words.at(-1) ?? "") === single;
  });
  return found.length === 1 ? found[0]! : null;
}

interface TitleSpeech {
  subject: string[];
  cue: string;
  content: string;
}

/** "NAME [now|just] CUE CONTENT" at the start of a title (after a label). */
function cueFirst(title: string): TitleSpeech | null {
  const words = title.replace(LABEL, "").split(/\s+/);
  for (let i = 1; i <= 4 && i < words.length - 1; i++) {
    const lower = norm(words[i]!);
    if (!CUES.has(lower)) continue;
    const subject = words.slice(0, i).filter((word) => !BETWEEN.has(norm(word)));
    // Role words may be in lower case ("Former party chairman calls for ..."); the subject opens the title.
    if (subject.length === 0 || !capitalised(subject[0]!)) return null;
    // A comma before the cue closes a clause that is not the subject ("Railing Against X, Lee Vows").
    if (subject.some((word) => /[,;:]$/.test(word))) return null;
    if (subject.some((word) => OPENERS.has(norm(word)))) return null;
    let from = i + 1;
    const opener = words[from] ? norm(words[from]!) : "";
    if (CUES.get(lower)!.includes(opener)) from++;
    // The content ends where a second cue of the same subject begins (", Calls X Y").
    const rest = words.slice(from);
    const second = rest.findIndex((word, k) => k > 0 && rest[k - 1]!.endsWith(",") && CUES.has(norm(word)));
    const kept = (second > 0 ? rest.slice(0, second) : rest).join(" ");
    return { subject, cue: words.slice(i, from).join(" "), content: kept.replace(/[,.;:\s]+$/, "") };
  }
  return null;
}

/** "CONTENT, NAME says" closing a title. */
function cueLast(title: string): TitleSpeech | null {
  const match = /^(.+),\s+((?:\S+\s){0,3}\S+)\s+(says|said)[.;]?$/i.exec(title.replace(LABEL, ""));
  if (!match) return null;
  const subject = match[2]!.split(/\s+/);
  if (!capitalised(subject[0]!) || subject.some((word) => OPENERS.has(norm(word)))) return null;
  return { subject, cue: match[3]!, content: match[1]! };
}

/**
 * The reported speech of an article's title whose subject the body names, or none.
 *
 * @example
 * titleQuotes(article, entities, 7) // [{ speaker: "Ann Lee", text: "Plant Will Close In June", paragraph: 0, ... }]
 */
export function titleQuotes(article: Article, entities: ArticleEntities, n: number): Quote[] {
  const title = article.title.trim();
  const speech = cueFirst(title) ?? cueLast(title);
  if (!speech || speech.content.split(/\s+/).length < 2) return [];
  // The name closes the subject; words before it are its role ("GOP Rep. Ann Lee Says").
  let local: LocalEntity | null = null;
  for (let from = 0; from < speech.subject.length && !local; from++) {
    const name = speech.subject.slice(from);
    if (name.every(capitalised)) local = named(name, entities);
  }
  const base = {
    id: `${article.id}#q${n + 1}`,
    articleId: article.id,
    paragraph: 0,
    sentence: 1,
    speakerAsWritten: speech.subject.join(" "),
    type: "indirect" as const,
    cue: speech.cue,
    cueKind: "speech" as const,
    text: speech.content,
    confidence: TITLE_CONFIDENCE,
  };
  // No name: a description headed by a role ("Party chairman says ...") is its own, unnamed speaker.
  if (!local) {
    const head = norm(speech.subject.at(-1)!);
    if (!ROLE_NOUNS.has(head)) return [];
    const speaker = speech.subject.join(" ");
    return [{ ...base, speakerId: null, speaker, speakerKind: "anonymous", rule: "title:role" }];
  }
  return [
    {
      id: `${article.id}#q${n + 1}`,
      articleId: article.id,
      paragraph: 0,
      sentence: 1,
      speakerId: local.entity.id,
      speaker: local.entity.name,
      speakerAsWritten: speech.subject.join(" "),
      speakerKind: local.entity.kind === "person" ? "person" : "organisation",
      type: "indirect",
      cue: speech.cue,
      cueKind: "speech",
      text: speech.content,
      rule: "title:name",
      confidence: TITLE_CONFIDENCE,
    },
  ];
}

/**
 * `/who NAME`: who a person or body is (name, other names, roles and affiliation as written), what
 * they said (direct quotes first), what they did or will do (the timeline entries they take part
 * in), and whom they meet. Everything comes from the precomputed directory.
 */

import type { Entity } from "../analysis/types.js";
import type { Sentence } from "../core/types.js";
import { getDirectory } from "../index/directory.js";
import { placeId } from "../index/entity-counts.js";
import type { KnowledgeBase } from "../index/knowledge-base.js";
import { getTimeline } from "../index/timeline.js";
import { formatDate } from "../text/citation.js";
import { entityData, entityRef } from "./item-data.js";
import { findSubject, quoteItems } from "./quote.js";
import { entryItem } from "./status.js";
import type { AnswerFact, AnswerItem, AnswerSection, Reply } from "./types.js";

/** Most items per section (the rest is counted in a note). */
export const WHO_LIMITS = { said: 6, did: 8, meets: 5, aliases: 8 } as const;

const MEETING = /\b(?:meet|meets|met|meeting|talks with|held talks)\b/i;

/** Sentences read for meetings per entity, at most: bounded work for people named thousands of times. */
const MEETING_SCAN_LIMIT = 80;

/**
 * Whom an entity meets: people named on the other side of a meeting verb in a sentence naming the
 * entity (inside the reported clause when the sentence reports someone's words).
 */
interface Meetings {
  partners: Map<string, Entity>;
  sentences: Array<{ sentence: Sentence; partners: Entity[] }>;
}

// Per entity object (so per analysis): computed on the first /who of that entity.
const meetingCache = new WeakMap<Entity, Meetings>();

function meetings(kb: KnowledgeBase, entity: Entity): Meetings {
  const cached = meetingCache.get(entity);
  if (cached) return cached;
  const result = findMeetings(kb, entity);
  meetingCache.set(entity, result);
  return result;
}

/**
 * The clause of a meeting verb: only names in it meet ("X met Y at the Z Palace, the Times reported"
 * lists Y only). It starts after the last full stop, semicolon or "said that" before the verb and
 * ends at a source phrase (", the Times reported", "according to") or a new clause ("after ...").
 */
function meetingClause(text: string, verbStart: number, verbEnd: number): [number, number] {
  const before = text.slice(0, verbStart);
  const open = /.*(?:[.;:]\s|\b(?:said|told|reported|added|says) (?:that )?)/s.exec(before);
  const after = text.slice(verbEnd);
  const close =
    /[.;]|,? (?:after|before|when|while|according|which|who|where)\b|, (?:the|a|an|\w+ (?:said|told|reported))\b/.exec(
      after,
    );
  return [open ? open[0].length : 0, close ? verbEnd + close.index : text.length];
}

function findMeetings(kb: KnowledgeBase, entity: Entity): Meetings {
  const directory = getDirectory(kb.analysis);
  const partners = new Map<string, Entity>();
  const sentences: Meetings["sentences"] = [];
  const seen = new Set<string>();
  for (const mention of entity.mentions) {
    // Enough meetings to fill the section, or enough sentences read: stop (bounded first answer).
    if (seen.size >= MEETING_SCAN_LIMIT || sentences.length >= WHO_LIMITS.meets * 2) break;
    const id = placeId(mention);
    if (seen.has(id)) continue;
    seen.add(id);
    const sentence = kb.sentencesById.get(id);
    const verb = sentence ? MEETING.exec(sentence.text) : null;
    if (!sentence || !verb) continue;
    const speakers = directory.speakersInSentence(id);
    // Someone who only reports the meeting ("Netanyahu’s office said that Barnea will meet ...") is not in it.
    if (speakers.includes(entity.id)) continue;
    const side = (position: number): number => (position < verb.index ? -1 : 1);
    const [clauseStart, clauseEnd] = meetingClause(sentence.text, verb.index, verb.index + verb[0].length);
    const ownPosition = sentence.text.indexOf(mention.text);
    if (ownPosition < 0) continue;
    const found: Entity[] = [];
    for (const other of directory.mentionsInSentence(id)) {
      if (other.entityId === entity.id || speakers.includes(other.entityId)) continue;
      const person = directory.entityById.get(other.entityId);
      if (person?.kind !== "person") continue;
      const position = sentence.text.indexOf(other.text);
      if (position >= clauseStart && position < clauseEnd && side(position) !== side(ownPosition)) {
        partners.set(person.id, person);
        if (!found.includes(person)) found.push(person);
      }
    }
    if (found.length > 0) sentences.push({ sentence, partners: found });
  }
  return { partners, sentences };
}

/** Most roles listed; the rest are in `--json`. */
const ROLES_SHOWN = 6;

/**
 * The roles as written, the most recent article's first. When the articles disagree (more than one
 * article wrote a role), each says where it was written: a reader can tell an old title from today's.
 */
function rolesFact(kb: KnowledgeBase, entity: Entity): string {
  const sources = entity.roleSources ?? [];
  const articles = new Set(sources.map((source) => source.articleId));
  const shown = entity.roles.slice(0, ROLES_SHOWN);
  if (articles.size < 2) return shown.join("; ");
  return shown
    .map((role, i) => {
      const source = sources[i];
      if (!source?.articleId) return source ? `${role} (people.yaml)` : role;
      const article = kb.articlesById.get(source.articleId);
      return article
        ? `${role} (${article.outlet ?? article.title}, ${formatDate(article.published)})`
        : role;
    })
    .join("; ");
}

/**
 * @example
 * answerWho(kb, "Barnea")       // David Barnea: the head of the Israeli Foreign Intelligence Service (Mossad)
 * answerWho(kb, "Blinkin")      // Anthony Blinken (typo)
 * answerWho(kb, "head of Mossad") // David Barnea (role)
 */
export function answerWho(kb: KnowledgeBase, name: string): Reply {
  const directory = getDirectory(kb.analysis);
  const subject = findSubject(kb, directory, name, "who");
  if ("kind" in subject) return subject;
  const { entity, others } = subject;

  const facts: AnswerFact[] = [{ label: "Name", value: entity.name }];
  facts.push({ label: "Kind", value: entity.kind });
  const aliases = entity.aliases.slice(0, WHO_LIMITS.aliases);
  if (aliases.length > 0) facts.push({ label: "Also named", value: aliases.join("; ") });
  if (entity.roles.length > 0)
    facts.push({ label: entity.roles.length > 1 ? "Roles" : "Role", value: rolesFact(kb, entity) });
  if (entity.affiliation) facts.push({ label: "Affiliation", value: entity.affiliation });
  const owner = entity.linkedTo ? directory.entityById.get(entity.linkedTo) : undefined;
  if (owner) facts.push({ label: "Belongs to", value: owner.name });
  const bodies = directory.bodiesOf(entity.id);
  if (bodies.length > 0) facts.push({ label: "Speaks through", value: bodies.map((b) => b.name).join("; ") });

  const sections: AnswerSection[] = [];
  const notes: string[] = [];

  const quotes = directory.quotesBy(entity.id);
  const said = quoteItems(kb, quotes, WHO_LIMITS.said);
  if (said.length > 0) sections.push({ heading: "What they said", items: said });
  if (quotes.length > WHO_LIMITS.said)
    notes.push(`${quotes.length - WHO_LIMITS.said} more quotes: /quote ${entity.name}`);
  const unclear = directory.unclearFor(entity.id).length;
  if (unclear > 0)
    notes.push(
      `${unclear} more quote${unclear === 1 ? "" : "s"} may be ${entity.name}’s, but the speaker is unclear: /quote ${entity.name} unclear:true`,
    );

  const { partners, sentences: meetingSentences } = meetings(kb, entity);
  if (partners.size > 0)
    facts.push({ label: "Meets", value: [...partners.values()].map((p) => p.name).join("; ") });

  // What they did or will do: the timeline entries they take part in (issue 13), newest first;
  // an event several articles report is one line. The rest are one /status away.
  const entries = getTimeline(kb.analysis).entriesOf(entity.id);
  const did: AnswerItem[] = [];
  for (const entry of entries) {
    if (did.length >= WHO_LIMITS.did) break;
    const item = entryItem(kb, entry);
    if (item) did.push(item);
  }
  if (did.length > 0) sections.push({ heading: "What they did or will do", items: did });
  if (entries.length > did.length)
    notes.push(`${entries.length - did.length} more events: /status ${entity.name}`);

  if (meetingSentences.length > 0) {
    sections.push({
      heading: "Whom they meet",
      items: meetingSentences.slice(0, WHO_LIMITS.meets).map(({ sentence, partners: met }) => ({
        text: sentence.text,
        citation: kb.cite(sentence),
        label: `meets ${met.map((p) => p.name).join(", ")}`,
        data: { kind: "mention", sentenceId: sentence.id, meets: met.map(entityRef) },
      })),
    });
  }
  if (others.length > 0) notes.push(`Also matches: ${others.map((e) => e.name).join(", ")}.`);

  return {
    kind: "answer",
    command: "who",
    title: `Who is ${entity.name}?`,
    facts,
    sections,
    notes,
    entity: entityData(entity, directory.entityById),
  };
}

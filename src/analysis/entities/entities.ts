/**
 * Clusters the name mentions of one article into entities: every way a person, body or place is
 * named (full name, shorter name, surname, role alone, bracketed short name) becomes one entity
 * with its role phrases and affiliation as written.
 *
 * Order: full names first, longest first (a shorter full name that is the start or end of a longer
 * one joins it: "Sheikh Mohammed bin Abdul Rahman" -> "... Al Thani"); then one-word mentions join
 * the one person whose name holds that word (ambiguous -> no entity); then role-only mentions join
 * the one person with that role; then bodies and places by name or bracketed alias.
 */

import { cueAt } from "../quotes/cues.js";
import { type ArticleText, normalise, sentenceOfToken, slug } from "../text.js";
import type { Entity, EntityKind, Mention } from "../types.js";
import { NAME_PARTICLES } from "./lexicon.js";
import { middleDropped, variantNames } from "./name-variants.js";
import { HOLDER_NOUNS } from "./name-words.js";
import { findMentions, type RawMention } from "./names.js";
import { officeKey, officeKeys } from "./offices.js";
import { ORG_NAMES, PLACE_NAMES } from "./roles.js";

/** The names of known bodies and places: a headline may name them first. */
const KNOWN_NAMES = new Set([...ORG_NAMES.values(), ...PLACE_NAMES.values()]);

/** A name mention placed on its entity. */
export interface Located {
  entityId: string;
  paragraph: number;
  from: number;
  to: number;
  raw: RawMention;
}

/** An entity while an article is analysed, with what resolution needs. */
export interface LocalEntity {
  entity: Entity;
  gender: "m" | "f" | null;
  /** Normalised name words, without honorifics. */
  words: string[];
}

export interface ArticleEntities {
  list: LocalEntity[];
  byId: Map<string, LocalEntity>;
  /** Name mentions per paragraph (index = paragraph - 1), in reading order. */
  located: Located[][];
}

interface Cluster {
  kind: EntityKind;
  /** The fullest name as written so far. */
  name: string;
  words: string[];
  forms: Map<string, Mention["form"]>;
  roles: string[];
  affiliation: string | null;
  gender: "m" | "f" | null;
  linkedTo: Cluster | null;
  keys: Set<string>;
  /** How often each form of a body is written (its everyday name is the most used). */
  uses: Map<string, number>;
  raws: Array<{ raw: RawMention; form: Mention["form"] }>;
  /** Named only by a role no one in the article holds (Entity.roleOnly). */
  roleOnly?: boolean;
}

const ADVERBS = new Set(["also", "later", "then", "has", "had", "previously", "again", "further", "earlier"]);

function newCluster(kind: EntityKind, name: string, words: string[]): Cluster {
  return {
    kind,
    name,
    words,
    forms: new Map(),
    roles: [],
    affiliation: null,
    gender: null,
    linkedTo: null,
    keys: new Set(),
    uses: new Map(),
    raws: [],
  };
}

function wordsOf(raw: RawMention): string[] {
  return raw.nameWords.map((word) => normalise(word)).flatMap((word) => word.split(" "));
}

function startsWith(long: readonly string[], short: readonly string[]): boolean {
  return short.every((word, i) => long[i] === word);
}

function endsWith(long: readonly string[], short: readonly string[]): boolean {
  const offset = long.length - short.length;
  return short.every((word, i) => long[offset + i] === word);
}

/** Normalised role for comparing role-only mentions: no determiners, lower case. */
export function roleKey(role: string): string {
  return normalise(role)
    .replace(/^(the|a|an)\s+/, "")
    .replace(/[()]/g, "");
}

function addRole(cluster: Cluster, raw: RawMention): void {
  if (raw.role && !cluster.roles.some((role) => roleKey(role) === roleKey(raw.role!)))
    cluster.roles.push(raw.role);
  cluster.affiliation ??= raw.affiliation;
  cluster.gender ??= raw.gender;
}

function attach(cluster: Cluster, raw: RawMention, form: Mention["form"]): void {
  cluster.raws.push({ raw, form });
  addRole(cluster, raw);
  if (form !== "role" && raw.kind !== "role") {
    const written = raw.kind === "organisation" || raw.kind === "place" ? raw.name : raw.name;
    if (written) cluster.forms.set(written, form);
  }
}

/**
 * A role that names one person: an office one person holds (name-words.ts HOLDER_NOUNS) and a qualifier, a country or body ("Qatari Prime
 * Minister", "Mossad chief") or an "of" phrase ("Secretary of State"); not "the Prime Minister",
 * which every country has. No role spanning a list ("X and Y").
 */
function specificRole(raw: RawMention): boolean {
  const words = roleKey(raw.role ?? "").split(" ");
  // "former", "then-" and "his"/"her" roles name someone relative to a time or a person.
  if (words.length < 2 || words.includes("and") || /^(?:former|ex|then|his|her|their|its)\b/.test(words[0]!))
    return false;
  const of = words.indexOf("of");
  if (!HOLDER_NOUNS.has(words[of > 0 ? of - 1 : words.length - 1]!)) return false;
  return raw.affiliation !== null || of > 0;
}

/** True when a one-word mention is followed by a speech cue ("Smith said", "Smith also told"). */
function isCueSubject(text: ArticleText, raw: RawMention): boolean {
  const tokens = text.paragraphs[raw.paragraph - 1]!.tokens;
  let i = raw.to;
  if (ADVERBS.has(tokens[i]?.lower ?? "")) i++;
  const word = tokens[i];
  // "Senator X of Nebraska said": a word after a preposition is not the one who says.
  if (word && cueAt(word.text, tokens[i + 1]?.text)) return raw.subjectPosition;
  // "“...,” said Smith." / "..., according to Smith."
  const previous = tokens[raw.from - 1];
  const beforeThat = tokens[raw.from - 2];
  // After the cue, the one word must end the phrase ("said Smith." / "according to Smith,").
  const next = tokens[raw.to];
  if (next !== undefined && next.kind !== "punct") return false;
  return (
    previous !== undefined &&
    (cueAt(previous.text) !== undefined ||
      (beforeThat !== undefined && cueAt(beforeThat.text, previous.text) !== undefined))
  );
}

/**
 * Finds and clusters the entities of one article.
 *
 * @example
 * findEntities(prepareArticle(article, sentences)).list.map((e) => e.entity.name)
 * // ["Anthony Blinken", "Sheikh Mohammed bin Abdul Rahman Al Thani", ...]
 */
export function findEntities(text: ArticleText): ArticleEntities {
  const raws = text.paragraphs.flatMap((paragraph) => findMentions(paragraph));
  const people: Cluster[] = [];
  const clusterOfRaw = new Map<RawMention, Cluster>();

  // Full names, longest first.
  const full = raws
    .filter((raw) => raw.kind === "person" && raw.nameWords.length >= 2)
    .sort((a, b) => Number(a.headline) - Number(b.headline) || b.nameWords.length - a.nameWords.length);
  for (const raw of full) {
    const words = wordsOf(raw);
    const matches = people.filter(
      (cluster) =>
        words.join(" ") === cluster.words.join(" ") ||
        (words.length >= 2 &&
          words.length < cluster.words.length &&
          (startsWith(cluster.words, words) ||
            endsWith(cluster.words, words) ||
            middleDropped(words, cluster.words))) ||
        // "Bill Burns" after "William Burns": a nickname or spelling of the same name.
        variantNames(words, cluster.words),
    );
    let cluster = matches.length === 1 ? matches[0]! : undefined;
    // A headline's capitals say nothing ("Ceasefire Talks Stall"): it joins a name, never starts one.
    if (!cluster && raw.headline) continue;
    if (!cluster) {
      cluster = newCluster("person", raw.name, words);
      people.push(cluster);
    }
    attach(cluster, raw, "name");
    clusterOfRaw.set(raw, cluster);
  }

  // One-word mentions: the one person whose name holds the word (last word preferred).
  const short = raws.filter(
    (raw) => ((raw.kind === "person" && raw.nameWords.length < 2) || raw.kind === "single") && !raw.headline,
  );
  short.push(
    ...raws.filter(
      (raw) => raw.headline && (raw.kind === "single" || raw.kind === "person") && raw.nameWords.length < 2,
    ),
  );
  for (const raw of short) {
    const word = wordsOf(raw).join(" ");
    if (word === "") continue;
    const byLast = people.filter((cluster) => cluster.words[cluster.words.length - 1] === word);
    const byAny = people.filter((cluster) => cluster.words.includes(word) && !NAME_PARTICLES.has(word));
    const matches = byLast.length > 0 ? byLast : byAny;
    let cluster = matches.length === 1 ? matches[0] : undefined;
    if (
      !cluster &&
      !raw.headline &&
      matches.length === 0 &&
      (raw.kind === "person" || isCueSubject(text, raw))
    ) {
      cluster = newCluster("person", raw.name, wordsOf(raw));
      people.push(cluster);
    }
    if (!cluster) continue;
    attach(cluster, raw, raw.nameWords.length === 1 && raw.kind === "single" ? "surname" : "name");
    clusterOfRaw.set(raw, cluster);
  }

  // Role-only mentions: the one person with that role. A role no one in the article holds, specific
  // enough to name one person ("the Qatari Prime Minister", "the Secretary of State"), is a person of
  // its own, `roleOnly`, for src/corpus/ to tie to the one person other articles name with it.
  const named = people.length;
  const byRole = new Map<string, Cluster>();
  for (const raw of raws.filter((r) => r.kind === "role")) {
    // The office, however worded: "Qatar’s prime minister" is "the Qatari Prime Minister" (offices.ts).
    const key = officeKey(raw.role ?? "");
    const matches = people
      .slice(0, named)
      .filter((cluster) => cluster.roles.some((role) => officeKeys(role).includes(key)));
    let cluster = matches.length === 1 ? matches[0] : undefined;
    if (!cluster && matches.length === 0 && !raw.headline && specificRole(raw)) {
      cluster = byRole.get(key);
      if (!cluster) {
        cluster = newCluster("person", (raw.role ?? "").replace(/^(?:the|a|an)\s+/i, ""), []);
        cluster.roleOnly = true;
        byRole.set(key, cluster);
        people.push(cluster);
      }
    }
    if (!cluster) continue;
    attach(cluster, raw, "role");
    clusterOfRaw.set(raw, cluster);
  }

  // Bodies and places, by name or alias; a body tied to a person is keyed by its noun and owner.
  const others: Cluster[] = [];
  const byKey = new Map<string, Cluster>();
  const bodies = raws.filter((r) => r.kind === "organisation" || r.kind === "place");
  bodies.sort((a, b) => Number(a.headline) - Number(b.headline));
  for (const raw of bodies) {
    const owner = raw.owner ? clusterOfRaw.get(raw.owner) : undefined;
    const ownerIsPerson = owner?.kind === "person";
    const keys =
      ownerIsPerson && raw.owner
        ? [
            `${raw.kind}:${normalise(raw.name.slice(0, raw.name.length - raw.owner.text.length))}:${people.indexOf(owner!)}`,
            ...(raw.alias ? [`${raw.kind}:${normalise(raw.alias)}`] : []),
          ]
        : [raw.name, raw.alias]
            .filter((k): k is string => Boolean(k))
            .map((k) => `${raw.kind}:${normalise(k)}`);
    let cluster = keys.map((key) => byKey.get(key)).find(Boolean);
    if (!cluster && raw.headline && !KNOWN_NAMES.has(raw.name)) continue;
    if (!cluster) {
      cluster = newCluster(raw.kind === "place" ? "place" : "organisation", raw.name, []);
      others.push(cluster);
    }
    for (const key of keys) {
      byKey.set(key, cluster);
      cluster.keys.add(key);
    }
    if (ownerIsPerson) cluster.linkedTo = owner!;
    if (raw.alias) cluster.forms.set(raw.alias, "alias");
    if (raw.name.length > cluster.name.length) cluster.name = raw.name;
    for (const form of [raw.name, raw.alias])
      if (form) cluster.uses.set(form, (cluster.uses.get(form) ?? 0) + 1);
    attach(cluster, raw, "name");
    clusterOfRaw.set(raw, cluster);
  }
  // A body goes by its everyday name: the form written most, the shorter on a tie ("Hamas", with
  // "Islamic Resistance Movement" as another name). A body named after its owner keeps that name.
  for (const cluster of others) {
    if (cluster.linkedTo) continue;
    const [everyday] = [...cluster.uses.entries()].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length);
    if (everyday && everyday[0] !== cluster.name) {
      cluster.forms.set(cluster.name, "name");
      cluster.name = everyday[0];
    }
  }

  return build(text, [...people, ...others], clusterOfRaw);
}

/** Turns clusters into entities with stable ids and placed mentions. */
function build(
  text: ArticleText,
  clusters: Cluster[],
  clusterOfRaw: Map<RawMention, Cluster>,
): ArticleEntities {
  const articleId = text.article.id;
  const idOf = new Map<Cluster, string>();
  const used = new Set<string>();
  for (const cluster of clusters) {
    let id = `${cluster.kind}:${slug(cluster.name)}`;
    for (let n = 2; used.has(id); n++) id = `${cluster.kind}:${slug(cluster.name)}-${n}`;
    used.add(id);
    idOf.set(cluster, id);
  }
  const list: LocalEntity[] = [];
  const byId = new Map<string, LocalEntity>();
  const located: Located[][] = text.paragraphs.map(() => []);
  for (const cluster of clusters) {
    const id = idOf.get(cluster)!;
    const mentions: Mention[] = [];
    for (const { raw, form } of cluster.raws) {
      const paragraph = text.paragraphs[raw.paragraph - 1]!;
      const sentence = sentenceOfToken(paragraph, raw.from);
      mentions.push({
        articleId,
        paragraph: raw.paragraph,
        sentence: sentence?.sentence.index ?? 1,
        text: raw.text,
        form,
      });
      located[raw.paragraph - 1]!.push({
        entityId: id,
        paragraph: raw.paragraph,
        from: raw.from,
        to: raw.to,
        raw,
      });
    }
    mentions.sort((a, b) => a.paragraph - b.paragraph || a.sentence - b.sentence);
    const aliases = [...cluster.forms.keys()].filter((form) => form !== cluster.name);
    const entity: Entity = {
      id,
      kind: cluster.kind,
      name: cluster.name,
      aliases,
      roles: cluster.roles,
      affiliation: cluster.affiliation,
      linkedTo: cluster.linkedTo ? (idOf.get(cluster.linkedTo) ?? null) : null,
      mentions,
      ...(cluster.roleOnly ? { roleOnly: true } : {}),
    };
    const local: LocalEntity = { entity, gender: cluster.gender, words: cluster.words };
    list.push(local);
    byId.set(id, local);
  }
  for (const paragraph of located) paragraph.sort((a, b) => a.from - b.from || b.to - a.to);
  void clusterOfRaw;
  return { list, byId, located };
}

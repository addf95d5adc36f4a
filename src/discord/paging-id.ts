/**
 * Paging buttons carry all their state in the custom id (at most 100 characters), so a click works
 * on any replica and after any restart: the knowledge version, the command, the page and the
 * options, compactly (one-character keys, an entity named exactly by its canonical name as its
 * index in this version's entity list, a choice as its index). The answer is computed again on
 * click. Options that still do not fit give no buttons (see render-message.ts): nothing is kept in
 * a process's memory.
 *
 * Layout: `p2|VERSION|<command key><page base 36>|<option key><value>|…`; a value starting with `~`
 * is `~<index base 36>` into the option's known values; `\` escapes `|`, `\` and a leading `~`.
 */
import { createHash } from "node:crypto";
import type { CommandName } from "../answers/types.js";
import { COMMANDS, type CommandDefinition, type OptionDefinition } from "../commands/definitions.js";
import type { KnowledgeBase } from "../index/knowledge-base.js";
import { LIMITS } from "./limits.js";

/** Bump when the layout changes: older buttons then get a clear "run it again" answer. */
export const PAGE_ID_PREFIX = "p2";
const SEPARATOR = "|";
const INDEXED = "~";
const VERSION_LENGTH = 6;

export interface PageRequest {
  command: CommandName;
  /** 0-based page to show. */
  page: number;
  /** The command's options as the user gave them, as text (`hide` is not kept). */
  options: Record<string, string>;
}

export type PageIdResult =
  | { ok: true; request: PageRequest }
  | { ok: false; reason: "foreign" | "malformed" }
  /** Made by another knowledge version or an older Parley: the answer may have changed. */
  | { ok: false; reason: "old-version"; command: string | null };

/** What ids are encoded against: one knowledge base's version and entity names. */
export interface PageCodec {
  /** A short hash of the knowledge (articles, entities) and of the code answering from it. */
  version: string;
  /** Canonical entity names, in this version's order. */
  entities: readonly string[];
  entityIndex: ReadonlyMap<string, number>;
}

const codecs = new WeakMap<KnowledgeBase, PageCodec>();

/**
 * The codec for `kb`, computed once per knowledge base (a reload makes a new one). `codeVersion`
 * (the running code's fingerprint) makes replicas on different code disagree rather than misread.
 *
 * @example
 * pageCodecOf(store.current(), fingerprint).version // "q3Xk_a"
 */
export function pageCodecOf(kb: KnowledgeBase, codeVersion = ""): PageCodec {
  const cached = codecs.get(kb);
  if (cached) return cached;
  const hash = createHash("sha256").update(codeVersion).update("\n");
  // Tests hand in stand-in knowledge bases without articles or analysis: read defensively.
  const articles = [...(kb.articles ?? [])].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const article of articles) hash.update(`${article.id}:${article.hash}\n`);
  const entities = kb.analysis?.entities ?? [];
  for (const entity of entities) {
    hash.update(
      [entity.id, entity.name, entity.roles.join(";"), entity.affiliation ?? "", entity.linkedTo ?? ""].join(
        "|",
      ),
    );
    hash.update("\n");
  }
  const names = entities.map((entity) => entity.name);
  const entityIndex = new Map<string, number>();
  names.forEach((name, i) => {
    if (!entityIndex.has(name)) entityIndex.set(name, i);
  });
  const codec: PageCodec = {
    version: hash.digest("base64url").slice(0, VERSION_LENGTH),
    entities: names,
    entityIndex,
  };
  codecs.set(kb, codec);
  return codec;
}

/** Command keys: a command's position in COMMANDS, base 36 (the version hash covers the code). */
function commandKey(command: CommandName): string {
  return COMMANDS.findIndex((candidate) => candidate.name === command).toString(36);
}

/** Options that travel in the id (not `hide`), each keyed by its position, base 36. */
function travelling(definition: CommandDefinition): { key: string; option: OptionDefinition }[] {
  return definition.options
    .map((option, i) => ({ key: i.toString(36), option }))
    .filter(({ option }) => option.name !== "hide");
}

function knownValues(
  option: OptionDefinition,
  codec: PageCodec,
): { list: readonly string[]; index: ReadonlyMap<string, number> } | null {
  if (option.choices) return { list: option.choices, index: new Map(option.choices.map((c, i) => [c, i])) };
  if (option.autocomplete === "entity") return { list: codec.entities, index: codec.entityIndex };
  return null;
}

function escapeValue(value: string): string {
  const escaped = value.replace(/[\\|]/g, (char) => `\\${char}`);
  return escaped.startsWith(INDEXED) ? `\\${escaped}` : escaped;
}

function encodeValue(option: OptionDefinition, value: string, codec: PageCodec): string {
  if (option.type === "boolean") return "";
  const index = knownValues(option, codec)?.index.get(value);
  return index === undefined ? escapeValue(value) : `${INDEXED}${index.toString(36)}`;
}

/** Splits on unescaped separators, keeping the escapes (a part's leading `~` must stay tellable). */
function splitRaw(id: string): string[] {
  const parts: string[] = [];
  let current = "";
  for (let i = 0; i < id.length; i++) {
    const char = id[i];
    if (char === "\\" && i + 1 < id.length) {
      current += `${char}${id[i + 1]}`;
      i++;
    } else if (char === SEPARATOR) {
      parts.push(current);
      current = "";
    } else current += char;
  }
  parts.push(current);
  return parts;
}

function unescapeValue(text: string): string {
  return text.replace(/\\([\s\S])/g, "$1");
}

/**
 * The custom id of a paging button, or null when the options cannot fit in 100 characters.
 *
 * @example
 * encodePageId({ command: "quote", page: 1, options: { name: "Anthony Blinken" } }, codec) // "p2|q3Xk_a|11|0~4"
 */
export function encodePageId(request: PageRequest, codec: PageCodec): string | null {
  const definition = COMMANDS.find((candidate) => candidate.name === request.command);
  if (!definition) return null;
  const parts = [PAGE_ID_PREFIX, codec.version, `${commandKey(request.command)}${request.page.toString(36)}`];
  for (const { key, option } of travelling(definition)) {
    const value = request.options[option.name];
    if (value === undefined || value === "") continue;
    parts.push(`${key}${encodeValue(option, value, codec)}`);
  }
  const id = parts.join(SEPARATOR);
  return id.length <= LIMITS.customId ? id : null;
}

/**
 * Reads a custom id back; says why when it cannot (another bot's button, or one made from another
 * knowledge version or an older Parley: its answer may have changed).
 *
 * @example
 * decodePageId("p2|q3Xk_a|11|0~4", codec) // { ok: true, request: { command: "quote", page: 1, ... } }
 */
export function decodePageId(id: string, codec: PageCodec): PageIdResult {
  const legacy = /^pg\d+\|([a-z]+)\|/.exec(id);
  if (legacy) return { ok: false, reason: "old-version", command: legacy[1] ?? null };
  if (!/^p\d+\|/.test(id)) return { ok: false, reason: "foreign" };
  const [, version, head = "", ...values] = splitRaw(id);
  const definition = /^[0-9a-z]/.test(head) ? COMMANDS[Number.parseInt(head.slice(0, 1), 36)] : undefined;
  if (!id.startsWith(`${PAGE_ID_PREFIX}${SEPARATOR}`) || version !== codec.version)
    return { ok: false, reason: "old-version", command: definition?.name ?? null };
  const page = Number.parseInt(head.slice(1), 36);
  if (!definition || !/^[0-9a-z]+$/.test(head.slice(1)) || !Number.isSafeInteger(page))
    return { ok: false, reason: "malformed" };
  const keyed = new Map(travelling(definition).map((entry) => [entry.key, entry.option]));
  const options: Record<string, string> = {};
  for (const part of values) {
    const option = keyed.get(part.slice(0, 1));
    if (!option || option.name in options) return { ok: false, reason: "malformed" };
    const raw = part.slice(1);
    if (option.type === "boolean") options[option.name] = "true";
    else if (raw.startsWith(INDEXED)) {
      const index = raw.slice(INDEXED.length);
      const value = /^[0-9a-z]+$/.test(index)
        ? knownValues(option, codec)?.list[Number.parseInt(index, 36)]
        : undefined;
      if (value === undefined) return { ok: false, reason: "malformed" };
      options[option.name] = value;
    } else options[option.name] = unescapeValue(raw);
  }
  return { ok: true, request: { command: definition.name, page, options } };
}

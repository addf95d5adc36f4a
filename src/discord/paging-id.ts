/**
 * Paging buttons carry their own state in the custom id (at most 100 characters): the command,
 * its text options and the page to show. The answer is computed again on click, so paging works
 * after a restart or on another process. Options too long to fit are kept in a bounded memory
 * and referenced by a short key; such a button expires with the process, and says so.
 */
import { createHash } from "node:crypto";
import type { CommandName } from "../answers/types.js";
import { COMMANDS, findCommand } from "../commands/definitions.js";
import { LIMITS } from "./limits.js";

/** Bump when the layout changes: older buttons then get a clear "run it again" answer. */
export const PAGE_ID_PREFIX = "pg1";
const SEPARATOR = "|";
const MEMORY_MARK = "#";

export interface PageRequest {
  command: CommandName;
  /** 0-based page to show. */
  page: number;
  /** The command's options as the user gave them, as text (`hide` is not kept). */
  options: Record<string, string>;
}

export type PageIdResult =
  | { ok: true; request: PageRequest }
  | { ok: false; reason: "foreign" | "old-version" | "expired" | "malformed" };

/** Option names that travel in the id, in definition order (a boolean as "true"; `hide` does not travel). */
function textOptionNames(command: CommandName): string[] {
  return (findCommand(command)?.options ?? []).filter((o) => o.name !== "hide").map((o) => o.name);
}

function escapePart(text: string): string {
  return text.replace(/[\\|#]/g, (char) => `\\${char}`);
}

/** Splits on unescaped separators and unescapes each part. */
function splitParts(id: string): string[] {
  const parts: string[] = [];
  let current = "";
  for (let i = 0; i < id.length; i++) {
    const char = id[i];
    if (char === "\\" && i + 1 < id.length) {
      current += id[i + 1];
      i++;
    } else if (char === SEPARATOR) {
      parts.push(current);
      current = "";
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts;
}

/** A bounded memory for options that do not fit in an id (oldest dropped first). */
export class PageMemory {
  private readonly entries = new Map<string, Record<string, string>>();
  constructor(private readonly capacity = 5000) {}

  remember(command: CommandName, options: Record<string, string>): string {
    const key = createHash("sha256")
      .update(JSON.stringify([command, options]))
      .digest("base64url")
      .slice(0, 16);
    this.entries.delete(key);
    this.entries.set(key, options);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return key;
  }

  recall(key: string): Record<string, string> | undefined {
    return this.entries.get(key);
  }
}

/**
 * The custom id of a paging button (never over 100 characters).
 *
 * @example
 * encodePageId({ command: "quote", page: 1, options: { name: "Blinken" } }, memory) // "pg1|quote|1|Blinken"
 */
export function encodePageId(request: PageRequest, memory: PageMemory): string {
  const head = [PAGE_ID_PREFIX, request.command, String(request.page)];
  const values = textOptionNames(request.command).map((name) => escapePart(request.options[name] ?? ""));
  while (values.length > 0 && values[values.length - 1] === "") values.pop();
  const inline = [...head, ...values].join(SEPARATOR);
  if (inline.length <= LIMITS.customId) return inline;
  return [...head, `${MEMORY_MARK}${memory.remember(request.command, request.options)}`].join(SEPARATOR);
}

/**
 * Reads a custom id back; says why when it cannot (another bot's button, an older Parley's, or
 * long options this process no longer remembers).
 *
 * @example
 * decodePageId("pg1|quote|1|Blinken", memory) // { ok: true, request: { command: "quote", page: 1, ... } }
 */
export function decodePageId(id: string, memory: PageMemory): PageIdResult {
  if (!/^pg\d+\|/.test(id)) return { ok: false, reason: "foreign" };
  if (!id.startsWith(`${PAGE_ID_PREFIX}${SEPARATOR}`)) return { ok: false, reason: "old-version" };
  const [, command, pageText, ...values] = splitParts(id);
  const definition = COMMANDS.find((candidate) => candidate.name === command);
  const page = Number(pageText);
  if (!definition || !Number.isInteger(page) || page < 0) return { ok: false, reason: "malformed" };
  const names = textOptionNames(definition.name);
  const rawFirst = id.split(SEPARATOR)[3];
  if (values.length === 1 && rawFirst?.startsWith(MEMORY_MARK)) {
    const options = memory.recall(rawFirst.slice(MEMORY_MARK.length));
    if (!options) return { ok: false, reason: "expired" };
    return { ok: true, request: { command: definition.name, page, options } };
  }
  if (values.length > names.length) return { ok: false, reason: "malformed" };
  const options: Record<string, string> = {};
  names.forEach((name, i) => {
    const value = values[i];
    if (value) options[name] = value;
  });
  return { ok: true, request: { command: definition.name, page, options } };
}

/**
 * Parses and validates one knowledge file (pure: text in, article or problems out).
 *
 * Format: YAML front matter between `---` lines, then the body, paragraphs separated by blank lines.
 */
import { createHash } from "node:crypto";
import { LineCounter, parseDocument } from "yaml";
import type { Article } from "../core/types.js";
import type { KnowledgeProblem } from "./problems.js";

/** Front matter fields and whether they are required. */
const FIELDS = { title: true, published: true, outlet: false, url: false, language: false } as const;
type FieldName = keyof typeof FIELDS;

/** Files larger than this are refused: no real article is, and a huge one would stall the index. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

export interface ParsedFile {
  /** Null when the file has an error; `problems` says why. */
  article: Article | null;
  problems: KnowledgeProblem[];
}

/** The article id of a file: its name without `.md`. */
export function articleIdFromPath(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? path;
  return name.replace(/\.md$/i, "");
}

function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

/** Splits a body into paragraphs: blocks separated by blank lines, soft line breaks joined by a space. */
export function splitBody(body: string): string[] {
  return body
    .split(/\n[ \t]*\n/)
    .map((block) =>
      block
        .split("\n")
        .map((line) => line.trim())
        .filter((line) => line !== "")
        .join(" "),
    )
    .filter((paragraph) => paragraph !== "");
}

/**
 * Parses one knowledge file. Never throws: every problem is returned with its line.
 *
 * @example
 * const { article, problems } = parseArticleFile("doha.md", "---\ntitle: Doha talks\npublished: 2024-10-24\n---\nBody.");
 * article?.paragraphs // ["Body."]
 */
export function parseArticleFile(path: string, raw: string | Uint8Array): ParsedFile {
  const problems: KnowledgeProblem[] = [];
  const fail = (line: number, message: string): ParsedFile => {
    problems.push({ path, line, message, severity: "error" });
    return { article: null, problems };
  };

  const bytes = typeof raw === "string" ? Buffer.from(raw, "utf8") : raw;
  if (bytes.byteLength > MAX_FILE_BYTES) {
    return fail(1, `file is ${bytes.byteLength} bytes; the limit is ${MAX_FILE_BYTES}`);
  }
  let text: string;
  try {
    text = typeof raw === "string" ? raw : new TextDecoder("utf-8", { fatal: true }).decode(raw);
  } catch {
    return fail(1, "file is not valid UTF-8 text");
  }
  if (text.includes("\u0000")) return fail(1, "file contains NUL bytes: it looks binary, not Markdown");
  text = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");

  const lines = text.split("\n");
  if (lines[0]?.trim() !== "---") {
    return fail(1, "missing front matter: the file must start with a line `---`");
  }
  const closing = lines.findIndex((line, i) => i > 0 && line.trim() === "---");
  if (closing < 0) return fail(1, "front matter is not closed: add a line `---` after it");

  const lineCounter = new LineCounter();
  const yamlText = lines.slice(1, closing).join("\n");
  const document = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  // Front matter starts on line 2 of the file.
  const lineOf = (offset: number): number => lineCounter.linePos(offset).line + 1;
  if (document.errors.length > 0) {
    for (const error of document.errors) {
      problems.push({
        path,
        line: lineOf(error.pos[0]),
        message: `front matter is not valid YAML: ${error.message.split("\n")[0]}`,
        severity: "error",
      });
    }
    return { article: null, problems };
  }
  let data: unknown;
  try {
    // toJS can still fail after a clean parse, e.g. on an alias to an anchor that does not exist.
    data = document.toJS({ maxAliasCount: 10 });
  } catch (error) {
    return fail(
      2,
      `front matter is not valid YAML: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    return fail(2, "front matter must be a map of fields (title, published, ...)");
  }
  const fields = data as Record<string, unknown>;
  const keyLine = (key: string): number => {
    const index = lines.slice(1, closing).findIndex((line) => line.startsWith(`${key}:`));
    return index < 0 ? 1 : index + 2;
  };

  for (const key of Object.keys(fields)) {
    if (!(key in FIELDS)) {
      problems.push({
        path,
        line: keyLine(key),
        message: `unknown field "${key}" is ignored (known: ${Object.keys(FIELDS).join(", ")})`,
        severity: "warning",
      });
    }
  }
  const values: Partial<Record<FieldName, string>> = {};
  let valid = true;
  for (const [key, required] of Object.entries(FIELDS) as [FieldName, boolean][]) {
    const value = fields[key];
    if (value === undefined || value === null || value === "") {
      if (required) {
        problems.push({ path, line: 1, message: `missing required field "${key}"`, severity: "error" });
        valid = false;
      }
      continue;
    }
    if (typeof value !== "string") {
      const hint = value instanceof Date ? " (quote it)" : "";
      problems.push({
        path,
        line: keyLine(key),
        message: `"${key}" must be text, got ${Array.isArray(value) ? "a list" : typeof value}${hint}`,
        severity: "error",
      });
      valid = false;
      continue;
    }
    values[key] = value.trim();
  }

  const check = (key: FieldName, ok: (value: string) => boolean, what: string): void => {
    const value = values[key];
    if (value !== undefined && !ok(value)) {
      problems.push({
        path,
        line: keyLine(key),
        message: `"${key}" must be ${what}, got ${JSON.stringify(value)}`,
        severity: "error",
      });
      valid = false;
    }
  };
  check("published", isIsoDate, "an ISO date (YYYY-MM-DD)");
  check("url", isHttpUrl, "an http(s) URL");
  check(
    "language",
    (value) => /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(value),
    "a language tag such as en",
  );
  check("title", (value) => value.length <= 300, "at most 300 characters");

  const paragraphs = splitBody(lines.slice(closing + 1).join("\n"));
  if (paragraphs.length === 0) {
    problems.push({
      path,
      line: closing + 2,
      message: "the body is empty: add the article text",
      severity: "error",
    });
    valid = false;
  }
  if (!valid) return { article: null, problems };

  return {
    article: {
      id: articleIdFromPath(path),
      path,
      title: values.title ?? "",
      published: values.published ?? "",
      outlet: values.outlet ?? null,
      url: values.url ?? null,
      language: values.language ?? "en",
      paragraphs,
      hash: createHash("sha256").update(bytes).digest("hex"),
    },
    problems,
  };
}

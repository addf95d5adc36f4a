/**
 * `add`: one source (an http(s) link or a saved .html file) to one knowledge file, or one line
 * saying why not. Nothing is written unless every step succeeded.
 */
import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import { listArticleFiles, loadKnowledge } from "../knowledge/load.js";
import type { Resolver } from "./address-guard.js";
import { slugify, validatedText, writeAtomically } from "./article-file.js";
import { decodePage } from "./charset.js";
import { parseHtml } from "./dom.js";
import { findDuplicate, type KnownArticle, knownFrom } from "./duplicates.js";
import { IngestError } from "./errors.js";
import { extractArticle, isArticle, MIN_CHARACTERS, MIN_PARAGRAPHS } from "./extract.js";
import { fetchPage } from "./fetch-page.js";
import { calendarDate, readMetadata } from "./metadata.js";

export interface AddOptions {
  /** The knowledge folder. */
  dir: string;
  /** `--published`: the date to use whatever the page says. */
  published?: string;
  /** `--outlet`: the outlet to use whatever the page says. */
  outlet?: string;
  /** A feed item's date: used only when the page gives none. */
  fallbackPublished?: string;
  dryRun?: boolean;
  allowPrivate?: boolean;
  resolver?: Resolver;
  timeLimitMs?: number;
  /** What is already in the folder (kept by a caller adding several sources); read when absent. */
  known?: KnownArticle[];
}

export type AddResult =
  | {
      status: "added";
      source: string;
      /** File name written (or that would be, with --dry-run). */
      file: string;
      title: string;
      published: string;
      outlet: string | null;
      language: string;
      paragraphs: number;
      text: string;
    }
  | { status: "duplicate"; source: string; file: string }
  | { status: "failed"; source: string; message: string };

const TITLE_MAX = 300;

/** Checks a `--published` value; returns the error line or null. */
export function checkPublished(value: string | undefined): string | null {
  if (value === undefined) return null;
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && calendarDate(value) === value
    ? null
    : `invalid --published "${value.slice(0, 40)}": use YYYY-MM-DD, e.g. 2025-01-15`;
}

async function readSource(
  source: string,
  options: AddOptions,
): Promise<{ bytes: Uint8Array; contentType?: string; url: string | null }> {
  if (/^https?:\/\//i.test(source)) {
    const page = await fetchPage(source, {
      allowPrivate: options.allowPrivate,
      resolver: options.resolver,
      timeLimitMs: options.timeLimitMs,
    });
    return { bytes: page.bytes, contentType: page.headers["content-type"], url: page.url };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source))
    throw new IngestError("only http and https links, or a saved .html file, can be added");
  if (!/\.x?html?$/i.test(source)) throw new IngestError("not an http(s) link or a saved .html file");
  try {
    const info = await stat(source);
    if (info.size > 5 * 1024 * 1024) throw new IngestError("too large: over 5 MB");
    return { bytes: await readFile(source), url: null };
  } catch (error) {
    if (error instanceof IngestError) throw error;
    throw new IngestError(`cannot read ${source}`);
  }
}

/** The folder's articles for the duplicate check (an absent folder holds none). */
export async function readKnown(dir: string): Promise<KnownArticle[]> {
  try {
    return knownFrom((await loadKnowledge(dir)).articles);
  } catch {
    return [];
  }
}

async function freeName(dir: string, published: string, slug: string): Promise<string> {
  let taken: Set<string>;
  try {
    taken = new Set((await listArticleFiles(dir)).map((path) => basename(path).toLowerCase()));
  } catch {
    taken = new Set();
  }
  for (let n = 1; ; n++) {
    const name = `${published}-${slug}${n === 1 ? "" : `-${n}`}.md`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/**
 * Adds one source. Never throws for an expected failure: it is a `failed` result with one line.
 *
 * @example
 * await addSource("https://example.org/news/1", { dir: "knowledge" })
 * // { status: "added", file: "2025-01-15-mediators-report-progress.md", ... }
 */
export async function addSource(source: string, options: AddOptions): Promise<AddResult> {
  try {
    const invalid = checkPublished(options.published);
    if (invalid) throw new IngestError(invalid);
    const page = await readSource(source, options);
    const document = parseHtml(decodePage(page.bytes, page.contentType));
    const metadata = readMetadata(document, page.url);
    const extracted = extractArticle(document);
    if (!isArticle(extracted.paragraphs)) {
      const chars = extracted.paragraphs.join(" ").length;
      throw new IngestError(
        `no article found (${extracted.paragraphs.length} paragraphs, ${chars} characters; an article needs at least ${MIN_PARAGRAPHS} paragraphs and ${MIN_CHARACTERS} characters)`,
      );
    }
    const published = options.published ?? metadata.published ?? options.fallbackPublished;
    if (!published) throw new IngestError("no publication date found: pass --published YYYY-MM-DD");
    let title = metadata.title ?? extracted.title;
    if (!title) throw new IngestError("no title found");
    if (title.length > TITLE_MAX) title = `${title.slice(0, TITLE_MAX - 1).trimEnd()}…`;
    const url = metadata.canonical ?? page.url;
    const outlet = options.outlet?.trim() || metadata.outlet;
    const known = options.known ?? (await readKnown(options.dir));
    const duplicate = findDuplicate(known, { url, outlet, paragraphs: extracted.paragraphs });
    if (duplicate) return { status: "duplicate", source, file: duplicate };
    const draft = {
      title,
      published,
      outlet,
      url,
      language: metadata.language ?? "en",
      paragraphs: extracted.paragraphs,
    };
    const file = await freeName(options.dir, published, slugify(title, url));
    const text = validatedText(file, draft);
    if (!options.dryRun) {
      await writeAtomically(options.dir, file, text);
      known.push(...knownFrom([{ ...draft, id: file, path: file, hash: "" }]));
    }
    return {
      status: "added",
      source,
      file,
      title,
      published,
      outlet,
      language: draft.language,
      paragraphs: draft.paragraphs.length,
      text,
    };
  } catch (error) {
    if (error instanceof IngestError) return { status: "failed", source, message: error.message };
    throw error;
  }
}

/** One line for a result, as the CLI and `/add` show it. */
export function describeResult(result: AddResult): string {
  if (result.status === "failed") return `${result.source}: not added: ${result.message}`;
  if (result.status === "duplicate") return `${result.source}: already added, in ${result.file}`;
  const outlet = result.outlet ?? "unknown outlet";
  const language = result.language === "en" ? "" : `, language ${result.language}`;
  return `${result.source}: added ${result.file}: “${result.title}” (${outlet}, ${result.published}, ${result.paragraphs} paragraphs${language})`;
}

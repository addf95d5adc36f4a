/**
 * Turns an extracted article into a knowledge file: `YYYY-MM-DD-<slug>.md`, front matter written by
 * the YAML library (so a title with a colon or quotes stays one field), one paragraph per line. The
 * text is validated with the same parser the knowledge loader uses before anything is written, and
 * written atomically (a hidden temporary file, then a rename) so a watching bot never reads half.
 */
import { randomUUID } from "node:crypto";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { stringify } from "yaml";
import { parseArticleFile } from "../knowledge/parse-article.js";
import { IngestError } from "./errors.js";

export interface ArticleDraft {
  title: string;
  published: string;
  outlet: string | null;
  url: string | null;
  language: string;
  paragraphs: string[];
}

const SLUG_MAX = 60;

/**
 * A file-name slug from the title (accents dropped, lower case, words joined by `-`); falls back to
 * the URL's last path segment, then to `article`.
 *
 * @example
 * slugify("Mediators report progress on Gaza truce", null) // "mediators-report-progress-on-gaza-truce"
 */
export function slugify(title: string, url: string | null): string {
  const words = (text: string): string =>
    text
      .normalize("NFKD")
      .replace(/\p{M}+/gu, "")
      .toLowerCase()
      .replace(/[’']/g, "")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "");
  let slug = words(title);
  if (!slug && url) {
    const segment = new URL(url).pathname.split("/").filter(Boolean).pop() ?? "";
    slug = words(decodeURIComponent(segment).replace(/\.[a-z0-9]+$/i, ""));
  }
  if (slug.length > SLUG_MAX) slug = slug.slice(0, SLUG_MAX).replace(/-[^-]*$/, "");
  return slug || "article";
}

/** The file's text. */
export function renderArticle(draft: ArticleDraft): string {
  const fields: Record<string, string> = { title: draft.title, published: draft.published };
  if (draft.outlet) fields.outlet = draft.outlet;
  if (draft.url) fields.url = draft.url;
  fields.language = draft.language;
  const front = stringify(fields, { lineWidth: 0 });
  return `---\n${front}---\n\n${draft.paragraphs.join("\n\n")}\n`;
}

/**
 * Renders and validates the file; throws when the loader would not read back exactly this article.
 */
export function validatedText(name: string, draft: ArticleDraft): string {
  const text = renderArticle(draft);
  const parsed = parseArticleFile(name, text);
  const errors = parsed.problems.filter((problem) => problem.severity === "error");
  if (!parsed.article || errors.length > 0)
    throw new IngestError(`the file would not load: ${errors.map((e) => e.message).join("; ")}`);
  const same =
    parsed.article.title === draft.title &&
    parsed.article.published === draft.published &&
    parsed.article.paragraphs.length === draft.paragraphs.length &&
    parsed.article.paragraphs.every((paragraph, i) => paragraph === draft.paragraphs[i]);
  if (!same) throw new IngestError("the file would not load back as the same text");
  return text;
}

/** Writes `text` as `dir/name` atomically; refuses to replace an existing file. */
export async function writeAtomically(dir: string, name: string, text: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  // A hidden name: the loader skips dot files, so a watcher's reload never sees the partial file.
  const temporary = join(dir, `.${name}.${randomUUID().slice(0, 8)}.tmp`);
  try {
    await writeFile(temporary, text, { flag: "wx" });
    await rename(temporary, join(dir, name));
  } catch (error) {
    await rm(temporary, { force: true });
    throw new IngestError(`cannot write ${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

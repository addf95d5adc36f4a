/**
 * The same article is not added twice: the same canonical URL, or the same body from the same
 * outlet. The same wire text from another outlet is a different article (a reprint, which the
 * answers list as "also reported by"), so it is added.
 */
import { createHash } from "node:crypto";
import type { Article } from "../core/types.js";

export interface KnownArticle {
  path: string;
  url: string | null;
  outlet: string | null;
  bodyHash: string;
}

/** The body's fingerprint: its paragraphs, whitespace and case folded. */
export function bodyHash(paragraphs: readonly string[]): string {
  const text = paragraphs.map((p) => p.replace(/\s+/g, " ").trim().toLowerCase()).join("\n");
  return createHash("sha256").update(text).digest("hex");
}

/** URLs compare without fragment, default port, trailing slash, `www.` or scheme. */
export function urlKey(url: string): string {
  try {
    const parsed = new URL(url);
    const host = parsed.hostname.replace(/^www\./, "");
    const port = parsed.port ? `:${parsed.port}` : "";
    return `${host}${port}${parsed.pathname.replace(/\/+$/, "")}${parsed.search}`;
  } catch {
    return url;
  }
}

function outletKey(outlet: string | null): string {
  return (outlet ?? "").trim().toLowerCase();
}

export function knownFrom(articles: readonly Article[]): KnownArticle[] {
  return articles.map((article) => ({
    path: article.path,
    url: article.url,
    outlet: article.outlet,
    bodyHash: bodyHash(article.paragraphs),
  }));
}

/**
 * The file that already holds this article, or null.
 *
 * @example
 * findDuplicate(known, { url: "https://example.org/a", outlet: "Example", paragraphs }) // "2025-01-15-a.md"
 */
export function findDuplicate(
  known: readonly KnownArticle[],
  candidate: { url: string | null; outlet: string | null; paragraphs: readonly string[] },
): string | null {
  const key = candidate.url ? urlKey(candidate.url) : null;
  const hash = bodyHash(candidate.paragraphs);
  for (const article of known) {
    if (key && article.url && urlKey(article.url) === key) return article.path;
    if (article.bodyHash === hash && outletKey(article.outlet) === outletKey(candidate.outlet))
      return article.path;
  }
  return null;
}

/**
 * An article's metadata, best source first: JSON-LD `NewsArticle`/`Article`, then OpenGraph and
 * article meta, then `<time datetime>`, `<link rel="canonical">` and `<html lang>`.
 */
import { all, cleanText, type DomDocument } from "./dom.js";

export interface PageMetadata {
  title: string | null;
  /** `YYYY-MM-DD`: the publisher's calendar date, or null when the page gives none. */
  published: string | null;
  outlet: string | null;
  /** Canonical URL, when the page names one. */
  canonical: string | null;
  /** Primary language subtag in lower case (`en`, `fr`), or null. */
  language: string | null;
}

const ARTICLE_TYPES = /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|BlogPosting|Report)$/;

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

function isObject(value: unknown): value is Record<string, Json> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Every object in the JSON-LD blocks, `@graph` and arrays flattened. */
function jsonLdObjects(document: DomDocument): Record<string, Json>[] {
  const found: Record<string, Json>[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) for (const item of value) visit(item);
    else if (isObject(value)) {
      found.push(value);
      if (value["@graph"] !== undefined) visit(value["@graph"]);
    }
  };
  for (const script of all(document, 'script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? ""));
    } catch {
      // A broken block is skipped: the other sources may still have the metadata.
    }
  }
  return found;
}

function textOf(value: Json | undefined): string | null {
  if (typeof value === "string") return cleanText(value) || null;
  if (Array.isArray(value)) return textOf(value[0]);
  if (isObject(value)) return textOf(value.name ?? value["@value"]);
  return null;
}

/**
 * The calendar date a timestamp was written in: `2025-01-15T23:30:00-05:00` is 15 January (the
 * publisher's own day), never converted to UTC. Other forms go through `Date` and take the UTC day.
 */
export function calendarDate(value: string | null | undefined): string | null {
  const text = (value ?? "").trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(text);
  let date: string | null = null;
  if (iso) date = `${iso[1]}-${iso[2]}-${iso[3]}`;
  else if (text) {
    const parsed = Date.parse(text);
    if (!Number.isNaN(parsed)) date = new Date(parsed).toISOString().slice(0, 10);
  }
  if (!date) return null;
  const check = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(check.getTime()) && check.toISOString().startsWith(date) ? date : null;
}

/** `en-GB`, `en_GB`, `EN` → `en`. */
function primaryLanguage(value: string | null | undefined): string | null {
  const match = /^\s*([a-zA-Z]{2,3})(?:[-_]|$)/.exec(value ?? "");
  return match?.[1]?.toLowerCase() ?? null;
}

function meta(document: DomDocument, ...keys: string[]): string | null {
  for (const key of keys) {
    const element =
      document.querySelector(`meta[property="${key}"]`) ?? document.querySelector(`meta[name="${key}"]`);
    const content = cleanText(element?.getAttribute("content"));
    if (content) return content;
  }
  return null;
}

function absolute(href: string | null | undefined, base: string | null): string | null {
  if (!href?.trim()) return null;
  try {
    const url = new URL(href.trim(), base ?? undefined);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

/** `<title>` without a trailing ` | Outlet` (or ` - Outlet`) when the outlet is known. */
function pageTitle(document: DomDocument, outlet: string | null): string | null {
  const title = cleanText(document.title);
  if (!title) return null;
  if (!outlet) return title;
  const suffix = ` ${outlet}`.toLowerCase();
  for (const separator of [" |", " -", " –", " —"])
    if (title.toLowerCase().endsWith(`${separator}${suffix}`))
      return title.slice(0, title.length - separator.length - suffix.length).trim() || title;
  return title;
}

/**
 * @example
 * readMetadata(parseHtml(page), "https://example.org/a").published // "2025-01-15"
 */
export function readMetadata(document: DomDocument, pageUrl: string | null): PageMetadata {
  const article = jsonLdObjects(document).find((object) => {
    const type = object["@type"];
    const types = Array.isArray(type) ? type : [type];
    return types.some((entry) => typeof entry === "string" && ARTICLE_TYPES.test(entry));
  });
  const ld = {
    title: textOf(article?.headline),
    published: calendarDate(textOf(article?.datePublished)),
    outlet: textOf(article?.publisher),
    language: primaryLanguage(textOf(article?.inLanguage)),
    url: textOf(article?.url),
  };
  const timeElement = all(document, "time[datetime]")
    .map((element) => calendarDate(element.getAttribute("datetime")))
    .find((date) => date !== null);
  const canonicalHref = document.querySelector('link[rel="canonical"]')?.getAttribute("href");
  const outlet = ld.outlet ?? meta(document, "og:site_name", "application-name");
  return {
    title:
      ld.title ??
      meta(document, "og:title", "twitter:title") ??
      (cleanText(document.querySelector("article h1")?.textContent) || null) ??
      pageTitle(document, outlet),
    published:
      ld.published ??
      calendarDate(meta(document, "article:published_time", "og:article:published_time", "date")) ??
      timeElement ??
      null,
    outlet,
    canonical:
      absolute(canonicalHref, pageUrl) ??
      absolute(meta(document, "og:url"), pageUrl) ??
      absolute(ld.url, pageUrl),
    language:
      ld.language ??
      primaryLanguage(document.documentElement?.getAttribute("lang")) ??
      primaryLanguage(meta(document, "og:locale")),
  };
}

/**
 * RSS 2.0, RSS 1.0 (RDF) and Atom feeds, read with fast-xml-parser (a maintained XML parser, not
 * regular expressions): each item's title, link, summary and date.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { IngestError } from "./errors.js";
import { calendarDate } from "./metadata.js";

export interface FeedItem {
  /** The item's id (guid, Atom id) or its link. */
  id: string;
  title: string;
  link: string;
  /** Plain text of the summary or description. */
  summary: string;
  /** `YYYY-MM-DD` as the feed wrote it (the publisher's day), or null. */
  published: string | null;
}

export interface ParsedFeed {
  title: string;
  items: FeedItem[];
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** RSS dates (RFC 822: `Wed, 15 Jan 2025 23:30:00 -0500`) keep the day they were written in. */
export function feedDate(value: string | null): string | null {
  if (!value) return null;
  const rfc822 = /(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})/.exec(value);
  const month = rfc822 ? MONTHS.indexOf((rfc822[2] ?? "").toLowerCase()) : -1;
  if (rfc822 && month >= 0)
    return calendarDate(
      `${rfc822[3]}-${String(month + 1).padStart(2, "0")}-${(rfc822[1] ?? "").padStart(2, "0")}`,
    );
  return calendarDate(value);
}

type Node = unknown;

function text(node: Node): string {
  if (typeof node === "string" || typeof node === "number") return String(node).trim();
  if (Array.isArray(node)) return text(node[0]);
  if (node && typeof node === "object") {
    const record = node as Record<string, Node>;
    return text(record["#text"] ?? record.__cdata ?? "");
  }
  return "";
}

function list(node: Node): Node[] {
  if (node === undefined || node === null) return [];
  return Array.isArray(node) ? node : [node];
}

function field(node: Node, name: string): Node {
  return node && typeof node === "object" ? (node as Record<string, Node>)[name] : undefined;
}

/** Markup in a summary becomes plain text, for matching `--filter` against it. */
function plain(html: string): string {
  return html
    .replace(/<[^>]*>/g, " ")
    .replace(/&nbsp;/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function atomLink(entry: Node): string {
  const links = list(field(entry, "link"));
  const pick =
    links.find((link) => {
      const rel = field(link, "@_rel");
      return rel === undefined || rel === "alternate";
    }) ?? links[0];
  return String(field(pick, "@_href") ?? text(pick)).trim();
}

/**
 * @throws IngestError when the text is not well-formed XML or not a feed.
 * @example
 * parseFeed(rssText).items[0]?.link // "https://example.org/news/1"
 */
export function parseFeed(xml: string, baseUrl?: string): ParsedFeed {
  const valid = XMLValidator.validate(xml);
  if (valid !== true)
    throw new IngestError(
      `not a well-formed feed: ${valid.err.msg.replace(/\s+/g, " ")} (line ${valid.err.line})`,
    );
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    removeNSPrefix: true,
    parseTagValue: false,
    htmlEntities: true,
    processEntities: { enabled: true, maxEntitySize: 1000 },
  });
  const root = parser.parse(xml) as Record<string, Node>;
  const absolute = (link: string): string => {
    try {
      return new URL(link, baseUrl).href;
    } catch {
      return link;
    }
  };
  const channel = field(root.rss, "channel") ?? root.RDF;
  if (channel) {
    const items = list(field(channel, "item") ?? field(root.RDF, "item"));
    return {
      title: text(field(channel, "title")),
      items: items.flatMap((item) => {
        const link = text(field(item, "link"));
        if (!link) return [];
        return [
          {
            id: text(field(item, "guid")) || link,
            title: plain(text(field(item, "title"))),
            link: absolute(link),
            summary: plain(text(field(item, "description"))),
            published: feedDate(text(field(item, "pubDate")) || text(field(item, "date")) || null),
          },
        ];
      }),
    };
  }
  if (root.feed) {
    return {
      title: text(field(root.feed, "title")),
      items: list(field(root.feed, "entry")).flatMap((entry) => {
        const link = atomLink(entry);
        if (!link) return [];
        return [
          {
            id: text(field(entry, "id")) || link,
            title: plain(text(field(entry, "title"))),
            link: absolute(link),
            summary: plain(text(field(entry, "summary")) || text(field(entry, "content"))),
            published: feedDate(text(field(entry, "published")) || text(field(entry, "updated")) || null),
          },
        ];
      }),
    };
  }
  throw new IngestError("not an RSS or Atom feed");
}

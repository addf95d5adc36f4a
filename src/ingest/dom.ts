/**
 * The HTML parser: linkedom (measured against jsdom 26 in src/ingest/README.md: same output on the
 * test pages, about five times faster). No scripts run and nothing else is loaded: linkedom has no
 * script engine and no resource loader. The few DOM members the ingest reads are typed here, so the
 * project needs no DOM type library.
 */
import { parseHTML } from "linkedom";

export interface DomElement {
  readonly tagName: string;
  readonly textContent: string | null;
  readonly parentElement: DomElement | null;
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  closest(selector: string): DomElement | null;
  remove(): void;
  /** Inserts text just before the element (ChildNode.before). */
  before(text: string): void;
}

export interface DomDocument {
  readonly documentElement: DomElement | null;
  readonly title: string;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

/**
 * @example
 * parseHtml("<p>Hi</p>").querySelector("p")?.textContent // "Hi"
 */
export function parseHtml(html: string): DomDocument {
  // A fragment without <html> gets one, so documentElement and <head>/<body> queries work.
  const text = /<html[\s>]/i.test(html)
    ? html
    : `<!doctype html><html><head></head><body>${html}</body></html>`;
  // linkedom's own Document type: only the members declared above are used.
  return parseHTML(text).document as unknown as DomDocument;
}

/** All matches as an array. */
export function all(root: DomDocument | DomElement, selector: string): DomElement[] {
  return Array.from(root.querySelectorAll(selector));
}

/** Text with whitespace runs (including non-breaking spaces) made one space, trimmed. */
export function cleanText(text: string | null | undefined): string {
  return (text ?? "").replace(/[\s\u00a0\u200b]+/g, " ").trim();
}

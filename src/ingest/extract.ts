/**
 * The article's paragraphs, verbatim: Mozilla's Readability finds the article on the page, after
 * the obvious furniture is removed (navigation, captions, credits, share links, newsletter boxes,
 * related stories, footers); then the text of each paragraph and block quote is kept, whitespace
 * made single spaces, and what is still furniture ("Read more: ...", link lists) is dropped.
 */
import { Readability } from "@mozilla/readability";
import { all, cleanText, type DomDocument, type DomElement } from "./dom.js";

/** Fewer paragraphs or characters than this is not an article (a live page, an index, an error). */
export const MIN_PARAGRAPHS = 3;
export const MIN_CHARACTERS = 400;

export interface Extracted {
  paragraphs: string[];
  /** Readability's idea of the title, a fallback when the metadata has none. */
  title: string | null;
}

const FURNITURE_TAGS =
  "script, style, noscript, template, iframe, nav, footer, aside, form, figure, figcaption, button, svg";
const FURNITURE_ROLES = '[role="navigation"], [role="complementary"], [role="contentinfo"], [role="banner"]';
const FURNITURE_NAMES =
  /(^|[-_\s])(share|sharing|social|newsletter|related|promo|subscribe|signup|breadcrumbs?|byline|dateline|caption|credit|advert|ad-slot|comments?|site-header|site-footer|read-more|more-on|outbrain|taboola)([-_\s]|$)/i;
const FURNITURE_TEXT =
  /^(read more|related:|see also|more on this|sign up|subscribe|share (on|this)|follow us|advertisement|photograph:|photo:|image:|picture:|credit:|©|copyright )/i;

function isFurnitureName(element: DomElement): boolean {
  return FURNITURE_NAMES.test(`${element.getAttribute("class") ?? ""} ${element.getAttribute("id") ?? ""}`);
}

/**
 * True for an element that holds the article, whatever its tag or class says: some sites wrap the
 * whole page in a <form>, or give the article a class such as `has-comments`.
 */
function holdsArticle(element: DomElement): boolean {
  if (/^(ARTICLE|MAIN|BODY)$/.test(element.tagName)) return true;
  if (element.querySelector("article, main, h1, [itemprop='articleBody']")) return true;
  return (
    all(element, "p").length >= MIN_PARAGRAPHS && cleanText(element.textContent).length >= MIN_CHARACTERS
  );
}

/** Removes furniture before Readability scores the page (it would sometimes keep a caption or a box). */
function stripFurniture(document: DomDocument): void {
  for (const element of all(document, "script, style, noscript, template, iframe, svg")) element.remove();
  for (const element of all(document, `${FURNITURE_TAGS}, ${FURNITURE_ROLES}`))
    if (!holdsArticle(element)) element.remove();
  for (const element of all(document, "body [class], body [id]"))
    if (isFurnitureName(element) && !holdsArticle(element)) element.remove();
}

/** Share of the text that is link text: a paragraph that is mostly links is navigation. */
function linkDensity(element: DomElement, text: string): number {
  const linked = all(element, "a").reduce((sum, link) => sum + cleanText(link.textContent).length, 0);
  return text.length === 0 ? 1 : linked / text.length;
}

function keep(element: DomElement, text: string): boolean {
  if (text.length === 0) return false;
  if (FURNITURE_TEXT.test(text)) return false;
  if (linkDensity(element, text) > 0.5) return false;
  // A dateline paragraph holding only a <time> is metadata, not text.
  const time = element.querySelector("time");
  if (time && cleanText(time.textContent) === text) return false;
  return true;
}

/**
 * Extracts the article from a parsed page (the document is changed: read the metadata first).
 *
 * @example
 * extractArticle(parseHtml(html)).paragraphs[0] // "Negotiators met again in Cairo on Wednesday, ..."
 */
export function extractArticle(document: DomDocument): Extracted {
  stripFurniture(document);
  // Readability takes a DOM Document; linkedom's is one, typed here by the few members Parley reads.
  const reader = new Readability<DomElement>(
    document as unknown as ConstructorParameters<typeof Readability>[0],
    {
      serializer: (node) => node as unknown as DomElement,
      charThreshold: MIN_CHARACTERS,
      disableJSONLD: true,
    },
  );
  const result = reader.parse();
  const root = result?.content;
  if (!root) return { paragraphs: [], title: null };
  // A line break separates words: "Cairo<br>Wednesday" is two words, not "CairoWednesday".
  for (const lineBreak of all(root, "br")) lineBreak.before(" ");
  const paragraphs: string[] = [];
  for (const element of all(root, "p, blockquote")) {
    // A block quote made of paragraphs gives each of them; one without gives its own text.
    if (element.tagName === "BLOCKQUOTE" && element.querySelector("p")) continue;
    if (element.tagName === "P" && element.parentElement?.closest("p")) continue;
    const text = cleanText(element.textContent);
    if (keep(element, text)) paragraphs.push(text);
  }
  return { paragraphs, title: cleanText(result?.title) || null };
}

/** True when the extracted text is long enough to be an article. */
export function isArticle(paragraphs: readonly string[]): boolean {
  return paragraphs.length >= MIN_PARAGRAPHS && paragraphs.join(" ").length >= MIN_CHARACTERS;
}

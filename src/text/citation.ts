/**
 * Citations: where a sentence comes from, as a label and a link that jumps to the sentence.
 */
import type { Article, Citation, Sentence } from "../core/types.js";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** `2024-10-24` -> `24 Oct 2024` (no time zone involved: the date is plain). */
export function formatDate(iso: string): string {
  const [year, month, day] = iso.split("-").map(Number);
  if (!year || !month || !day) return iso;
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** Percent-encodes a text-fragment term: `-`, `,` and `&` have meanings in the directive. */
function encodeFragmentTerm(text: string): string {
  return encodeURIComponent(text).replace(/-/g, "%2D").replace(/,/g, "%2C").replace(/&/g, "%26");
}

/** Words a long sentence's fragment starts and ends with (enough to be unique, short enough to link). */
const FRAGMENT_EDGE_WORDS = 6;

/**
 * A `#:~:text=` link that scrolls to and highlights the sentence in browsers that support it.
 *
 * @example
 * textFragmentLink("https://example.com/a", "Talks resumed on Monday.")
 * // "https://example.com/a#:~:text=Talks%20resumed%20on%20Monday."
 */
export function textFragmentLink(url: string, sentence: string): string {
  const words = sentence.trim().split(/\s+/);
  const directive =
    words.length <= FRAGMENT_EDGE_WORDS * 2
      ? encodeFragmentTerm(words.join(" "))
      : `${encodeFragmentTerm(words.slice(0, FRAGMENT_EDGE_WORDS).join(" "))},${encodeFragmentTerm(
          words.slice(-FRAGMENT_EDGE_WORDS).join(" "),
        )}`;
  // An existing #fragment stays; the directive follows it.
  return `${url}${url.includes("#") ? "" : "#"}:~:text=${directive}`;
}

/**
 * The citation of a sentence.
 *
 * @example
 * citeSentence(article, sentence).label // "Doha talks (unknown outlet), 24 Oct 2024, ¶9"
 */
export function citeSentence(article: Article, sentence: Sentence): Citation {
  const outlet = article.outlet ?? "unknown outlet";
  return {
    articleId: article.id,
    title: article.title,
    outlet: article.outlet,
    published: article.published,
    paragraph: sentence.paragraph,
    sentence: sentence.index,
    url: article.url,
    link: article.url ? textFragmentLink(article.url, sentence.text) : null,
    label: `${article.title} (${outlet}), ${formatDate(article.published)}, ¶${sentence.paragraph}`,
  };
}

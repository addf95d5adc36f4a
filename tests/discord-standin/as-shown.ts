/**
 * What Discord displays for escaped markdown: a backslash before punctuation is dropped and the
 * character shown as is. Tests compare this with the verbatim article text.
 *
 * @example
 * asShown("\\(Mossad\\)") // "(Mossad)"
 */
export function asShown(text: string): string {
  return text.replace(/\\([^\p{L}\p{N}\s])/gu, "$1");
}

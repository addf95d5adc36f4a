/**
 * Making text safe to show on Discord: verbatim article text and anything a user typed is escaped
 * so it renders exactly as written (no bold, links, headings, mentions or masked links), control
 * characters are removed, and long text is cut at a character boundary with a visible ellipsis.
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const LINE_BREAKS = /[\r\n\u2028\u2029]+/g;
/**
 * Characters with a meaning anywhere in a line of Discord markdown: emphasis, code, spoilers,
 * masked links, mentions and custom emoji (`<@123>`, `<:name:id>`). Parentheses need no escape
 * once `[` and `]` are escaped. A backslash before any punctuation renders as the character
 * itself, so an escape never changes what is shown.
 */
const INLINE_MARKDOWN = /[\\*_~`|[\]<@]/g;
/** `https://` would become a live link: escaping the colon keeps it text. */
const AUTOLINK = /:(?=\/\/)/g;
/** Headings, block quotes, lists and subtext only count at the start of a line. */
const LINE_START = /^(\s*)(?:([#>+-])|(\d+)\.)/;

/**
 * One line of plain text: control characters removed, line breaks made spaces.
 *
 * @example
 * plainLine("a\nb\u0007c") // "a bc"
 */
export function plainLine(text: string): string {
  return text.replace(LINE_BREAKS, " ").replace(CONTROL, "");
}

/**
 * Text escaped for Discord markdown, on one line: it renders exactly as written.
 *
 * @example
 * escapeMarkdown("**@everyone** see <@123>") // "\\*\\*\\@everyone\\*\\* see \\<\\@123>"
 */
export function escapeMarkdown(text: string): string {
  return plainLine(text)
    .replace(INLINE_MARKDOWN, (char) => `\\${char}`)
    .replace(AUTOLINK, "\\:")
    .replace(LINE_START, (_, space: string, mark?: string, digits?: string) =>
      mark ? `${space}\\${mark}` : `${space}${digits}\\.`,
    );
}

/**
 * At most `max` characters (code points): cut, with `…` at the end, when longer.
 *
 * @example
 * truncate("abcdef", 4) // "abc…"
 */
export function truncate(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  return `${chars
    .slice(0, wordEnd(chars, Math.max(0, max - 1)))
    .join("")
    .trimEnd()}…`;
}

/**
 * Where to cut `chars` at or before `at` without splitting a word: back to the last space, unless
 * that would drop more than a third of the room (one very long word is cut where it must be).
 */
export function wordEnd(chars: readonly string[], at: number): number {
  if (at >= chars.length || /\s/.test(chars[at] ?? "") || /\s/.test(chars[at - 1] ?? "")) return at;
  for (let i = at - 1; i > (at * 2) / 3; i--) if (/\s/.test(chars[i]!)) return i;
  return at;
}

/**
 * Escaped text of at most `max` characters, cut before escaping so no escape is split in half.
 *
 * @example
 * escapeTruncated("a*b*c", 4) // "a\\*…"
 */
export function escapeTruncated(text: string, max: number): string {
  const escaped = escapeMarkdown(text);
  if ([...escaped].length <= max) return escaped;
  // Each character escapes to 1 or 2, so only the first `max` can fit: find the longest prefix that does.
  const source = [...plainLine(text)].slice(0, max);
  let low = 0;
  let high = source.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if ([...escapeMarkdown(source.slice(0, mid).join(""))].length <= max - 1) low = mid;
    else high = mid - 1;
  }
  return `${escapeMarkdown(source.slice(0, wordEnd(source, low)).join("").trimEnd())}…`;
}

/**
 * A link safe inside a masked link `[text](url)`: only http(s), parentheses and spaces encoded;
 * null for anything else (javascript:, relative paths, garbage).
 *
 * @example
 * safeLink("https://example.com/a#:~:text=(Mossad)") // "https://example.com/a#:~:text=%28Mossad%29"
 */
export function safeLink(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return null;
  } catch {
    return null;
  }
  const encoded = url.replace(
    /[()\s<>"`]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`,
  );
  return encoded.length <= 1000 ? encoded : null;
}

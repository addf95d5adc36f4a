/**
 * Cleans what a user typed before it reaches any lookup: control characters, zero-width and
 * bidirectional marks are removed, white space folded, and the length capped.
 */
import { QUERY_MAX_LENGTH } from "../commands/definitions.js";

// Control characters, zero-width characters, bidi marks and isolates, and the BOM.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

export type CleanQuery = { ok: true; text: string } | { ok: false; reason: "empty" | "too-long" };

/**
 * @example
 * cleanQuery("  Bar\u200bnea ") // { ok: true, text: "Barnea" }
 * cleanQuery("   ")             // { ok: false, reason: "empty" }
 */
export function cleanQuery(raw: string | undefined, maxLength = QUERY_MAX_LENGTH): CleanQuery {
  const text = (raw ?? "").normalize("NFC").replace(INVISIBLE, "").replace(/\s+/g, " ").trim();
  if (text === "") return { ok: false, reason: "empty" };
  if ([...text].length > maxLength) return { ok: false, reason: "too-long" };
  return { ok: true, text };
}

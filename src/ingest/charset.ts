/**
 * Decodes a page by its declared charset: a byte-order mark, then the HTTP `Content-Type` header,
 * then `<meta charset>` (or `http-equiv`) near the top. Without any declaration, UTF-8 only when the
 * bytes are valid UTF-8, else windows-1252 (what browsers fall back to for Western pages).
 */
import { IngestError } from "./errors.js";

function labelFromContentType(value: string | undefined): string | null {
  const match = /charset\s*=\s*["']?([\w.:-]+)/i.exec(value ?? "");
  return match?.[1] ?? null;
}

/** The charset a `<meta>` in the first 4 KB declares (the HTML prescan looks at 1024 bytes; pages overrun it). */
export function metaCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString("latin1");
  const direct = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return direct?.[1] ?? null;
}

/** windows-1252's 0x80–0x9F (undefined slots stay as their C1 code points, as browsers do). */
const CP1252_HIGH =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

/**
 * windows-1252 (also what `iso-8859-1` and `us-ascii` labels mean on the web). Decoded here:
 * Node 20's TextDecoder treats it as Latin-1 and loses the curly quotes and dashes.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  let text = "";
  for (const byte of bytes)
    text += byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
  return text;
}

function decoderFor(label: string): { encoding: string; decode(bytes: Uint8Array): string } | null {
  try {
    const decoder = new TextDecoder(label.toLowerCase());
    if (decoder.encoding === "windows-1252") return { encoding: "windows-1252", decode: decodeWindows1252 };
    return decoder;
  } catch {
    return null;
  }
}

/**
 * @example
 * decodePage(bytes, "text/html; charset=windows-1252") // "… “quoted” …"
 */
export function decodePage(bytes: Uint8Array, contentType?: string): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder("utf-8").decode(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  for (const label of [labelFromContentType(contentType), metaCharset(bytes)]) {
    if (!label) continue;
    const decoder = decoderFor(label);
    if (!decoder) throw new IngestError(`unknown charset "${label.slice(0, 40)}"`);
    // A page declaring UTF-16 in <meta> is really ASCII-compatible (the HTML standard says so).
    if (/^utf-16/i.test(decoder.encoding)) return new TextDecoder("utf-8").decode(bytes);
    return decoder.decode(bytes);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

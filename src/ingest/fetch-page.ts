/**
 * The guarded fetch: undici's `fetch` with `redirect: "manual"`, every hop checked by the address
 * guard and connected only to the addresses that were checked, at most 5 redirects, one time limit
 * for the whole fetch, and a size limit counted on the decoded body (so a compressed page cannot
 * get past it). Every failure is an `IngestError` with one line saying why.
 */
import type { LookupAddress, LookupOptions } from "node:dns";
import { Agent, fetch } from "undici";
import { hostOf, type ResolvedAddress, type Resolver, systemResolver, vetHost } from "./address-guard.js";
import { IngestError } from "./errors.js";

export const MAX_REDIRECTS = 5;
export const MAX_BYTES = 5 * 1024 * 1024;
export const TIME_LIMIT_MS = 15_000;
export const USER_AGENT = "Parley/0.1 (news ingest for a Discord bot; +https://github.com/parley)";

export interface FetchOptions {
  /** Lift the address check (INGEST_ALLOW_PRIVATE=true), for tests serving pages on 127.0.0.1. */
  allowPrivate?: boolean;
  resolver?: Resolver;
  timeLimitMs?: number;
  maxBytes?: number;
  /** Content types accepted (default: HTML); anything else is refused before the body is read. */
  accept?: "html" | "feed";
  /** Extra request headers (conditional requests: If-None-Match, If-Modified-Since). */
  headers?: Record<string, string>;
}

export interface FetchedPage {
  /** The URL after redirects. */
  url: string;
  status: number;
  /** Lower-cased response headers. */
  headers: Record<string, string>;
  /** The decoded (decompressed) body; empty for a 304. */
  bytes: Uint8Array;
}

const HTML_TYPES = /^(text\/html|application\/xhtml\+xml)$/;
const FEED_TYPES =
  /^(application\/(rss\+xml|atom\+xml|xml|rdf\+xml)|text\/(xml|html|plain)|application\/octet-stream)$/;

/** The `lookup` net.connect calls: only the vetted addresses of the vetted host, never a new answer. */
function pinnedLookup(vetted: Map<string, ResolvedAddress[]>) {
  return (
    hostname: string,
    options: LookupOptions,
    callback: (
      error: NodeJS.ErrnoException | null,
      address: string | LookupAddress[],
      family?: number,
    ) => void,
  ): void => {
    const addresses = vetted.get(hostname.replace(/^\[(.*)\]$/, "$1"));
    if (!addresses?.[0]) {
      callback(Object.assign(new Error(`${hostname} was not checked`), { code: "ENOTFOUND" }), "");
      return;
    }
    if (options.all) callback(null, addresses);
    else callback(null, addresses[0].address, addresses[0].family);
  };
}

function describeNetworkError(error: unknown, timedOut: boolean, limitMs: number): string {
  if (timedOut)
    return `timed out after ${limitMs >= 1000 ? `${Math.round(limitMs / 1000)} s` : `${limitMs} ms`}`;
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const reason = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
  return `network error: ${reason}`;
}

/**
 * Fetches `source`, following redirects itself.
 *
 * @throws IngestError with one line: refused address, network error, time-out, redirect loop, too
 *   many redirects, HTTP error, wrong content type, too large.
 * @example
 * const page = await fetchPage("https://example.org/news/1");
 */
export async function fetchPage(source: string, options: FetchOptions = {}): Promise<FetchedPage> {
  const limitMs = options.timeLimitMs ?? TIME_LIMIT_MS;
  const maxBytes = options.maxBytes ?? MAX_BYTES;
  const resolver = options.resolver ?? systemResolver;
  const vetted = new Map<string, ResolvedAddress[]>();
  const agent = new Agent({ connect: { lookup: pinnedLookup(vetted) } });
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, limitMs);
  // A resolver that hangs must not outlast the time limit either.
  const aborted = new Promise<never>((_, reject) =>
    controller.signal.addEventListener("abort", () =>
      reject(new Error(describeNetworkError(null, true, limitMs))),
    ),
  );
  aborted.catch(() => undefined);
  const seen = new Set<string>();
  let url = parseHttpUrl(source);
  try {
    for (let hop = 0; ; hop++) {
      seen.add(url.href);
      try {
        const vetting = vetHost(url, resolver, options.allowPrivate === true);
        vetted.set(hostOf(url), await Promise.race([vetting, aborted]));
      } catch (error) {
        throw new IngestError(error instanceof Error ? error.message : String(error));
      }
      let response: Awaited<ReturnType<typeof fetch>>;
      try {
        response = await fetch(url, {
          redirect: "manual",
          dispatcher: agent,
          signal: controller.signal,
          headers: {
            "user-agent": USER_AGENT,
            accept:
              options.accept === "feed"
                ? "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5"
                : "text/html, application/xhtml+xml;q=0.9",
            ...options.headers,
          },
        });
      } catch (error) {
        throw new IngestError(describeNetworkError(error, timedOut, limitMs));
      }
      if (response.status >= 300 && response.status < 400 && response.status !== 304) {
        await response.body?.cancel().catch(() => undefined);
        const location = response.headers.get("location");
        if (!location) throw new IngestError(`HTTP ${response.status} without a Location header`);
        const next = parseHttpUrl(location, url);
        if (seen.has(next.href)) throw new IngestError(`redirect loop at ${next.href}`);
        if (hop + 1 > MAX_REDIRECTS) throw new IngestError(`more than ${MAX_REDIRECTS} redirects`);
        url = next;
        continue;
      }
      const headers: Record<string, string> = {};
      response.headers.forEach((value, key) => {
        headers[key] = value;
      });
      if (response.status === 304) {
        await response.body?.cancel().catch(() => undefined);
        return { url: url.href, status: 304, headers, bytes: new Uint8Array() };
      }
      if (response.status >= 400) {
        await response.body?.cancel().catch(() => undefined);
        throw new IngestError(
          `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}`,
        );
      }
      const type = (headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
      const wanted = options.accept === "feed" ? FEED_TYPES : HTML_TYPES;
      if (type && !wanted.test(type)) {
        await response.body?.cancel().catch(() => undefined);
        throw new IngestError(`not ${options.accept === "feed" ? "a feed" : "an HTML page"} (${type})`);
      }
      const bytes = await readLimited(response, maxBytes, () =>
        describeNetworkError(new Error("body"), timedOut, limitMs),
      );
      return { url: url.href, status: response.status, headers, bytes };
    }
  } finally {
    clearTimeout(timer);
    await agent.close().catch(() => undefined);
  }
}

/** Reads the decoded body, stopping as soon as it passes `maxBytes`. */
async function readLimited(
  response: Awaited<ReturnType<typeof fetch>>,
  maxBytes: number,
  describe: () => string,
): Promise<Uint8Array> {
  const declared = Number(response.headers.get("content-length") ?? "0");
  if (!response.headers.get("content-encoding") && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new IngestError(`too large: over ${Math.round(maxBytes / 1024 / 1024)} MB`);
  }
  if (!response.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw new IngestError(`too large: over ${Math.round(maxBytes / 1024 / 1024)} MB`);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof IngestError) throw error;
    throw new IngestError(describe());
  }
  return Buffer.concat(chunks);
}

/** Only `http` and `https` links are followed. */
export function parseHttpUrl(text: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    throw new IngestError(`not a link: ${text.slice(0, 200)}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new IngestError(`only http and https links are followed, not ${url.protocol}`);
  url.hash = "";
  return url;
}

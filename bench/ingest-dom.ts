/**
 * jsdom 26 against linkedom for the ingest (src/ingest/README.md has the figures): the same
 * pipeline (parse, metadata, Readability, paragraphs) on the test pages, checking both give the
 * same article, then the time per page. Run: npx tsx bench/ingest-dom.ts (jsdom is a dev dependency
 * for this comparison only).
 */
import { performance } from "node:perf_hooks";
import type { DomDocument } from "../src/ingest/dom.js";
import { parseHtml } from "../src/ingest/dom.js";
import { extractArticle } from "../src/ingest/extract.js";
import { readMetadata } from "../src/ingest/metadata.js";
import {
  frenchPage,
  jsonLdPage,
  noDatePage,
  openGraphPage,
  timeOnlyPage,
  windows1252Page,
} from "../tests/ingest/pages.js";

const { JSDOM } = await import("jsdom");

const pages: [string, string][] = [
  ["json-ld", jsonLdPage()],
  ["opengraph", openGraphPage()],
  ["time-only", timeOnlyPage()],
  ["windows-1252", windows1252Page().toString("latin1")],
  ["no-date", noDatePage()],
  ["french", frenchPage()],
];

const parsers: Record<string, (html: string) => DomDocument> = {
  // No `runScripts` and no `resources`: jsdom then runs no script and loads nothing.
  jsdom: (html) =>
    new JSDOM(html, { url: "https://news.example/a" }).window.document as unknown as DomDocument,
  linkedom: parseHtml,
};

function run(parse: (html: string) => DomDocument, html: string) {
  const document = parse(html);
  const metadata = readMetadata(document, "https://news.example/a");
  return { metadata, paragraphs: extractArticle(document).paragraphs };
}

let same = true;
for (const [name, html] of pages) {
  const a = JSON.stringify(run(parsers.jsdom!, html));
  const b = JSON.stringify(run(parsers.linkedom!, html));
  if (a !== b) {
    same = false;
    console.log(`DIFFERENT on ${name}:\n  jsdom    ${a}\n  linkedom ${b}`);
  }
}
console.log(same ? "same metadata and paragraphs on every page" : "outputs differ (above)");

const ROUNDS = 40;
for (const [label, parse] of Object.entries(parsers)) {
  for (const [, html] of pages) run(parse, html); // warm up
  const t = performance.now();
  for (let i = 0; i < ROUNDS; i++) for (const [, html] of pages) run(parse, html);
  const perPage = (performance.now() - t) / (ROUNDS * pages.length);
  const long = "A long paragraph about the talks, repeated to make a long article page to measure. ".repeat(
    4,
  );
  const big = jsonLdPage({ paragraphs: Array(40).fill(long) });
  const tb = performance.now();
  for (let i = 0; i < 10; i++) run(parse, big);
  const bigMs = (performance.now() - tb) / 10;
  console.log(
    `${label.padEnd(9)} ${perPage.toFixed(1)} ms/page (test pages), ${bigMs.toFixed(1)} ms for a ${Math.round(big.length / 1024)} KB page`,
  );
}

/** Metadata sources in order, on small pages written for the test. */
import { describe, expect, it } from "vitest";
import { parseHtml } from "../../src/ingest/dom.js";
import { calendarDate, readMetadata } from "../../src/ingest/metadata.js";
import { jsonLdPage } from "./pages.js";

const read = (html: string) => readMetadata(parseHtml(html), "https://news.example/a?x=1");

describe("readMetadata", () => {
  it("JSON-LD first, even inside @graph, over OpenGraph, <time> and <html lang>", () => {
    expect(read(jsonLdPage({ canonical: "/world/cairo" }))).toEqual({
      title: "Mediators report progress on Gaza truce as Cairo round ends",
      published: "2025-01-15",
      outlet: "The Harbour Times",
      canonical: "https://news.example/world/cairo",
      language: "en",
    });
  });

  it("a broken JSON-LD block is skipped, not fatal", () => {
    const html = `<html lang="de"><head><script type="application/ld+json">{ not json</script>
      <meta property="og:title" content="Gespräche in Kairo"><meta property="article:published_time" content="2025-01-15T23:30:00-05:00"></head><body></body></html>`;
    expect(read(html)).toMatchObject({
      title: "Gespräche in Kairo",
      published: "2025-01-15",
      language: "de",
    });
  });

  it("the article's <h1>, then <title> without the outlet's suffix", () => {
    const withH1 = `<html><head><title>Site | Home</title></head><body><article><h1>Talks resume</h1></article></body></html>`;
    expect(read(withH1).title).toBe("Talks resume");
    const titleOnly = `<html><head><title>Talks resume in Cairo | Delta Courier</title><meta property="og:site_name" content="Delta Courier"></head><body></body></html>`;
    expect(read(titleOnly)).toMatchObject({
      title: "Talks resume in Cairo",
      outlet: "Delta Courier",
      published: null,
    });
  });

  it("og:url when there is no canonical link; no date when none is given", () => {
    const html = `<html><head><meta property="og:url" content="https://ledger.example/n/1"></head><body><time>yesterday</time></body></html>`;
    expect(read(html)).toMatchObject({
      canonical: "https://ledger.example/n/1",
      published: null,
      language: null,
    });
  });
});

describe("calendarDate", () => {
  it.each([
    ["2025-01-15T23:30:00-05:00", "2025-01-15"],
    ["2025-01-16T04:30:00Z", "2025-01-16"],
    ["2025-01-15", "2025-01-15"],
    ["2025-02-30T10:00:00Z", null],
    ["15 January 2025 10:00 UTC", "2025-01-15"],
    ["soon", null],
    ["", null],
  ])("%s → %s", (input, expected) => expect(calendarDate(input)).toBe(expected));
});

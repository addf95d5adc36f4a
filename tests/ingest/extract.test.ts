/** The article's paragraphs from small pages written for the test: what is kept, what is furniture. */
import { describe, expect, it } from "vitest";
import { parseHtml } from "../../src/ingest/dom.js";
import { extractArticle, isArticle } from "../../src/ingest/extract.js";

const LONG = [
  "Mediators in Doha said on Monday that both delegations had agreed to extend the current round of talks by two days.",
  "The extension was requested by the Egyptian side, which wants more time to settle the order of the next releases.",
  "Officials said a joint statement could be issued once the technical teams had finished their work on the maps.",
];

function page(body: string): string {
  return `<html lang="en"><head><title>Talks extended</title></head><body><article><h1>Talks extended</h1>${body}</article></body></html>`;
}

const paragraphs = (body: string): string[] => extractArticle(parseHtml(page(body))).paragraphs;

describe("extractArticle", () => {
  it("keeps paragraph text verbatim, whitespace made single spaces, a line break a space", () => {
    const got = paragraphs(
      `<p>${LONG[0]}</p><p>  ${LONG[1]?.replace(/ /g, "\n   ")}  </p><p>Officials said a joint statement<br>could be issued once the technical teams had finished their work on the maps.</p>`,
    );
    expect(got).toEqual(LONG);
  });

  it("keeps a block quote's own text, and each paragraph of one made of paragraphs", () => {
    const got = paragraphs(
      `${LONG.map((p) => `<p>${p}</p>`).join("")}<blockquote>“We are ready to stay as long as it takes,” the statement said.</blockquote><blockquote><p>First quoted paragraph of the letter.</p><p>Second quoted paragraph of the letter.</p></blockquote>`,
    );
    expect(got.slice(3)).toEqual([
      "“We are ready to stay as long as it takes,” the statement said.",
      "First quoted paragraph of the letter.",
      "Second quoted paragraph of the letter.",
    ]);
  });

  it("drops captions, credits, read-more and share lines, link lists and newsletter boxes", () => {
    const got = paragraphs(`
      <figure><img src="a.jpg"><figcaption>Delegates in Doha. Photograph: Agency</figcaption></figure>
      <p>${LONG[0]}</p>
      <p class="image-credit">Photo: Staff</p>
      <p><a href="/x">Read more: earlier rounds of talks</a></p>
      <p>Read more about the talks in our explainer.</p>
      <div class="newsletter-signup"><p>Get our daily briefing in your inbox.</p></div>
      <p>${LONG[1]}</p>
      <p><a href="/1">Gaza</a> <a href="/2">Doha</a> <a href="/3">Cairo</a></p>
      <div class="social-share"><p>Share this article</p></div>
      <p>${LONG[2]}</p>`);
    expect(got).toEqual(LONG);
  });

  it("too little text is not an article", () => {
    expect(isArticle(paragraphs("<p>Live updates below.</p><p>Refresh for more.</p>"))).toBe(false);
    // Three paragraphs, but under 400 characters.
    expect(isArticle(paragraphs(LONG.map((p) => `<p>${p}</p>`).join("")))).toBe(false);
    const more = [
      ...LONG,
      "Both delegations are due to report back to their leaderships before the weekend.",
    ];
    expect(isArticle(paragraphs(more.map((p) => `<p>${p}</p>`).join("")))).toBe(true);
  });
});

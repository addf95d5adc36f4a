/**
 * Reprints are found by comparing texts, not every pair of quotes: the groups must be exactly those
 * that testing every pair of quotes of one speaker from different articles gives. Quotes written here.
 */
import { describe, expect, it } from "vitest";
import type { Quote } from "../../src/analysis/types.js";
import { findQuoteReprints, REPRINT_OVERLAP, wordOverlap } from "../../src/corpus/quote-reprints.js";

const BASE = "the two sides agreed on a calendar for the next round of talks in the capital".split(" ");

function quote(n: number, articleId: string, speakerId: string | null, words: string[]): Quote {
  return {
    id: `${articleId}#q${n}`,
    articleId,
    paragraph: n,
    sentence: 1,
    speakerId,
    speaker: speakerId,
    speakerAsWritten: speakerId,
    speakerKind: "person",
    type: "direct",
    cue: "said",
    cueKind: "speech",
    text: words.join(" "),
    published: `2025-03-${String(10 + Number(articleId.slice(1))).padStart(2, "0")}`,
  } as Quote;
}

/** Every pair of quotes tested (the rule as written): groups of two articles or more, earliest first. */
function everyPair(quotes: Quote[]): string[][] {
  const words = (q: Quote) => q.text.toLowerCase().split(" ");
  const key = (q: Quote, w: string[]) => [`${q.speakerId}|${w.slice(0, 4)}`, `${q.speakerId}|${w.slice(-4)}`];
  const parent = quotes.map((_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root]!;
    return root;
  };
  for (let i = 0; i < quotes.length; i++) {
    for (let j = i + 1; j < quotes.length; j++) {
      const [a, b] = [quotes[i]!, quotes[j]!];
      // A title's quote (paragraph 0) has no sentence to cite: it stands for no reprint.
      if (a.speakerId === null || b.speakerId === null || a.articleId === b.articleId) continue;
      if (a.paragraph === 0 || b.paragraph === 0) continue;
      const [wa, wb] = [words(a), words(b)];
      if (!key(a, wa).some((k) => key(b, wb).includes(k))) continue;
      if (wordOverlap(wa, wb) >= REPRINT_OVERLAP) parent[find(j)] = find(i);
    }
  }
  const groups = new Map<number, Quote[]>();
  for (let i = 0; i < quotes.length; i++) groups.set(find(i), [...(groups.get(find(i)) ?? []), quotes[i]!]);
  return [...groups.values()]
    .map((group) => {
      const sorted = group.sort(
        (a, b) =>
          a.published!.localeCompare(b.published!) ||
          a.articleId.localeCompare(b.articleId) ||
          a.paragraph - b.paragraph,
      );
      const perArticle = new Map<string, Quote>();
      for (const q of sorted) if (!perArticle.has(q.articleId)) perArticle.set(q.articleId, q);
      return [...perArticle.values()].map((q) => q.id);
    })
    .filter((ids) => ids.length > 1)
    .sort();
}

function found(quotes: Quote[]): string[][] {
  return Object.entries(findQuoteReprints(quotes))
    .map(([first, rest]) => [first, ...rest])
    .sort();
}

describe("quote reprints", () => {
  it("groups the same words in several articles, not two quotes of one article", () => {
    const quotes = [quote(1, "a1", "p:x", BASE), quote(2, "a1", "p:x", BASE), quote(1, "a2", "p:x", BASE)];
    expect(found(quotes)).toEqual([["a1#q1", "a2#q1"]]);
    expect(found(quotes.slice(0, 2))).toEqual([]);
  });

  it("finds the groups testing every pair finds, on random quotes of a few texts, speakers and articles", () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let round = 0; round < 40; round++) {
      const quotes: Quote[] = [];
      for (let n = 0; n < 30; n++) {
        const words = [...BASE];
        // A word changed (still 90% alike), a word dropped, or a text that only shares its opening.
        const change = Math.floor(random() * 5);
        if (change === 1) words[5] = "date";
        if (change === 2) words.splice(8, 1);
        if (change === 3) words.splice(6, 10, "nothing", "else", "in", "common");
        const speaker = random() < 0.1 ? null : random() < 0.7 ? "p:x" : "p:y";
        quotes.push(quote(n, `a${Math.floor(random() * 6)}`, speaker, words));
      }
      expect(found(quotes)).toEqual(everyPair(quotes));
    }
  });

  it("finds them too when texts differ in length and repeat words (the filter counts each repeat)", () => {
    let seed = 3;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const vocabulary = "we the talks will go on and on until a deal is done or not".split(" ");
    for (let round = 0; round < 40; round++) {
      const quotes: Quote[] = [];
      // A few source texts; each quote is one of them with a few words changed, dropped or added.
      const sources = Array.from({ length: 3 }, () =>
        Array.from(
          { length: 5 + Math.floor(random() * 26) },
          () => vocabulary[Math.floor(random() * vocabulary.length)]!,
        ),
      );
      for (let n = 0; n < 40; n++) {
        const words = [...sources[Math.floor(random() * sources.length)]!];
        for (let edit = Math.floor(random() * 3); edit > 0; edit--) {
          const at = Math.floor(random() * words.length);
          const kind = random();
          if (kind < 0.4) words[at] = vocabulary[Math.floor(random() * vocabulary.length)]!;
          else if (kind < 0.7 && words.length > 4) words.splice(at, 1);
          else words.splice(at, 0, vocabulary[Math.floor(random() * vocabulary.length)]!);
        }
        quotes.push(quote(n, `a${Math.floor(random() * 8)}`, random() < 0.8 ? "p:x" : "p:y", words));
      }
      expect(found(quotes)).toEqual(everyPair(quotes));
    }
  });
});

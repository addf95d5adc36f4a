import { describe, expect, it } from "vitest";
import { resolveDates } from "../../src/analysis/dates/dates.js";
import { ownMentions } from "../../src/analysis/dates/event.js";
import { findStatusEvents } from "../../src/analysis/status/status.js";
import { splitArticle } from "../../src/text/sentences.js";
import { article } from "../analysis/status-fixture.js";
import { DATE_TABLE } from "./date-table.js";

/** The table's sentences with background clauses or quotations, each with the expression that dates its event. */
const sentences = new Map<string, { published: string; dating: string | null }>();
for (const row of DATE_TABLE) {
  if (row.kind !== "background" && row.kind !== "quotation") continue;
  const entry = sentences.get(row.sentence) ?? { published: row.published, dating: null };
  if (row.datesEvent) entry.dating = row.expression;
  sentences.set(row.sentence, entry);
}

/** Rows the rules do not claim to get (see the limits in src/analysis/dates/event.ts). */
const KNOWN_LIMITS = new Set([
  "The spokesman said Israel “never intended to reach a deal this month”.",
  "“Next week will decide everything,” the envoy told reporters.",
  // A quotation that opens the sentence is taken as the event's clause; here it is only a stance.
  "“Tonight the people will sleep without fear,” the spokesman said on Saturday.",
]);

describe("ownMentions: the date of the event's own clause, on the date table", () => {
  for (const [sentence, { published, dating }] of sentences) {
    const test = KNOWN_LIMITS.has(sentence) ? it.fails : it;
    test(`"${sentence}" is dated by ${dating ? `"${dating}"` : "none of its dates"}`, () => {
      const best = ownMentions(sentence, resolveDates(sentence, published), { keepBackground: false })[0];
      expect(best?.text?.replace(/^since\s+/i, "") ?? null).toBe(dating);
    });
  }

  it("ranks a statement's date last for an event and first for a stance", () => {
    const text = "The spokesman said on Monday that the talks would resume in March.";
    const mentions = resolveDates(text, "2025-01-15");
    expect(ownMentions(text, mentions, { keepBackground: false })[0]?.text).toBe("March");
    expect(ownMentions(text, mentions, { keepBackground: false, statementFirst: true })[0]?.text).toBe(
      "on Monday",
    );
  });

  it("keeps background dates for a background fact", () => {
    const text = "More than 40,000 people have been killed since the war began on October 7.";
    expect(ownMentions(text, resolveDates(text, "2024-10-24"), { keepBackground: true })).toHaveLength(1);
  });
});

describe("findStatusEvents dates an event by its own clause (issue 12's examples)", () => {
  const datesOf = (published: string, ...paragraphs: string[]) => {
    const own = article("own", published, paragraphs);
    return findStatusEvents(own, splitArticle(own), () => []).map((event) => event.date);
  };

  it("a background 'October 7' does not date a new event a year later", () => {
    const [date] = datesOf(
      "2024-08-14",
      "Negotiators held talks in Cairo on Tuesday, ten months after the attack of October 7.",
    );
    expect(date).toMatchObject({ value: "2024-08-13", precision: "day" });
  });

  it("an explicit date in the event's clause dates a plan (and 'will be held' is no past)", () => {
    const [date] = datesOf("2025-01-13", "Talks will be held in Doha before the inauguration on January 20.");
    expect(date).toMatchObject({ value: "2025-01-20", precision: "day" });
  });

  it("a plan is dated by when it happens, not by the day it was announced, even today", () => {
    const [date] = datesOf(
      "2025-10-02",
      "Qatar will resume its mediation this month, a Qatari official said on Thursday.",
    );
    expect(date).toMatchObject({ value: "2025-10", precision: "month" });
  });

  it("a quoted 'tomorrow' does not date the release of a video", () => {
    const [date] = datesOf(
      "2025-01-15",
      "Hamas released a video of the talks in which its leader said, “The prisoners will be home tomorrow.”",
    );
    expect(date?.value).not.toBe("2025-01-16");
  });
});

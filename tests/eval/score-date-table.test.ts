import { describe, expect, it } from "vitest";
import { type ResolvedMention, type Resolver, scoreDateTable } from "../../eval/score-date-table.js";
import type { DateRow } from "../dates/date-table.js";

function row(fields: Partial<DateRow>): DateRow {
  return {
    published: "2024-10-24",
    sentence: "The Mossad chief will go to Doha next Sunday.",
    expression: "next Sunday",
    value: "2024-10-27",
    precision: "day",
    kind: "next-weekday",
    datesEvent: true,
    ...fields,
  };
}

/** A resolver that returns fixed mentions, whatever it is asked. */
function fixed(mentions: ResolvedMention[]): Resolver {
  return () => mentions;
}

describe("scoreDateTable", () => {
  it("takes the mention over the expression and compares value and precision", () => {
    const rows = [row({})];
    const at = { start: 33, end: 44 };
    expect(scoreDateTable(rows, fixed([{ value: "2024-10-27", precision: "day", ...at }])).right).toBe(1);
    expect(scoreDateTable(rows, fixed([{ value: "2024-11-03", precision: "day", ...at }])).right).toBe(0);
    expect(scoreDateTable(rows, fixed([{ value: "2024-10-27", precision: "approx", ...at }])).right).toBe(0);
    // A right value somewhere else in the sentence does not count.
    expect(
      scoreDateTable(rows, fixed([{ value: "2024-10-27", precision: "day", start: 0, end: 3 }])).right,
    ).toBe(0);
  });

  it("prefers the widest overlap and checks ranges", () => {
    const rows = [
      row({
        sentence: "They met late last week.",
        expression: "late last week",
        value: "2024-10-17",
        precision: "approx",
        range: { from: "2024-10-17", to: "2024-10-20" },
      }),
    ];
    const inner = { value: "2024-10-14", precision: "week", start: 14, end: 23 };
    const whole = { value: "2024-10-17", precision: "approx", start: 9, end: 23 };
    expect(scoreDateTable(rows, fixed([inner])).right).toBe(0);
    expect(
      scoreDateTable(rows, fixed([inner, { ...whole, range: { from: "2024-10-17", to: "2024-10-20" } }]))
        .right,
    ).toBe(1);
    expect(
      scoreDateTable(rows, fixed([{ ...whole, range: { from: "2024-10-17", to: "2024-10-19" } }])).right,
    ).toBe(0);
  });

  it("counts a row with no date right only when nothing dates it", () => {
    const rows = [
      row({
        sentence: "They will meet in the coming days.",
        expression: "in the coming days",
        value: null,
        precision: "unknown",
      }),
    ];
    expect(scoreDateTable(rows, fixed([])).right).toBe(1);
    expect(
      scoreDateTable(rows, fixed([{ value: null, precision: "unknown", start: 14, end: 33 }])).right,
    ).toBe(1);
    expect(
      scoreDateTable(rows, fixed([{ value: "2024-10-24", precision: "approx", start: 14, end: 33 }])).right,
    ).toBe(0);
  });

  it("counts by kind", () => {
    const score = scoreDateTable([row({}), row({ kind: "other" })], fixed([]));
    expect(score.byKind).toEqual({ "next-weekday": { right: 0, of: 1 }, other: { right: 0, of: 1 } });
  });
});

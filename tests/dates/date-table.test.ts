import { describe, expect, it } from "vitest";
import { mentionFor } from "../../eval/score-date-table.js";
import { resolveDates } from "../../src/analysis/dates/dates.js";
import { sentenceTense, tenseAround } from "../../src/analysis/dates/tense.js";
import { DATE_TABLE } from "./date-table.js";

const WEEKDAY = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

describe("the date table (issue 12)", () => {
  it("has at least 150 rows, published on all seven weekdays", () => {
    expect(DATE_TABLE.length).toBeGreaterThanOrEqual(150);
    const weekdays = new Set(DATE_TABLE.map((row) => new Date(`${row.published}T12:00:00Z`).getUTCDay()));
    expect(weekdays.size).toBe(7);
  });

  for (const row of DATE_TABLE) {
    const weekday = WEEKDAY[new Date(`${row.published}T12:00:00Z`).getUTCDay()];
    const want = `${row.value ?? "no date"} (${row.precision}${row.range ? ` ${row.range.from}..${row.range.to}` : ""})`;
    it(`${weekday} ${row.published}: "${row.expression}" in "${row.sentence}" is ${want}`, () => {
      const got = mentionFor(row, resolveDates(row.sentence, row.published));
      if (row.value === null) {
        expect(got?.value ?? null).toBeNull();
        return;
      }
      expect(got).not.toBeNull();
      expect({ value: got?.value, precision: got?.precision }).toEqual({
        value: row.value,
        precision: row.precision,
      });
      if (row.range) expect(got?.range).toEqual(row.range);
    });
  }
});

describe("tenseAround", () => {
  it("is not thrown off by a sentenceTense call before it (global patterns keep their lastIndex)", () => {
    const text = "The minister will send a team to Doha on Monday, his office said on Thursday.";
    expect(sentenceTense(text)).toBe("future");
    const start = text.indexOf("on Monday");
    expect(tenseAround(text, start, start + "on Monday".length)).toBe("future");
  });
  it("reads the attribution after a date only when nothing before it in the clause has a tense", () => {
    const plan = "Talks will open in Cairo on Monday, an official said.";
    expect(tenseAround(plan, plan.indexOf("on Monday"), plan.indexOf(","))).toBe("future");
    const report = "On Monday, the envoy met the two delegations.";
    expect(tenseAround(report, 0, 9)).toBe("past");
  });
});

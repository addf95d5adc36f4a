import { describe, expect, it } from "vitest";
import { findStatusEvents } from "../../src/analysis/status/status.js";
import type { StatusEvent } from "../../src/analysis/types.js";
import type { Article } from "../../src/core/types.js";
import { combineStatus } from "../../src/corpus/status-combine.js";
import { splitArticle } from "../../src/text/sentences.js";
import { article, entitiesIn, goldEntities } from "../analysis/status-fixture.js";

const entities = goldEntities();
const eventsOf = (each: Article): StatusEvent[] =>
  findStatusEvents(each, splitArticle(each), entitiesIn(entities));
const byText = (events: StatusEvent[], each: Article, paragraph: number): StatusEvent => {
  const found = events.find((event) => event.articleId === each.id && event.paragraph === paragraph);
  if (!found) throw new Error(`Parley test: no status event in ${each.id} ¶${paragraph}`);
  return found;
};

// Sunday 20 October: the plan as first reported.
const older = article("older", "2024-10-20", [
  "David Barnea will travel to Doha next Sunday to meet William Burns.",
  "The negotiations stopped last August without reaching an agreement.",
  "David Barnea will visit Cairo on November 10 for talks with Egyptian officials.",
]);
// Thursday 24 October: the same meeting, reported again with more participants.
const newer = article("newer", "2024-10-24", [
  "David Barnea will go to Doha on Sunday, and will meet with William Burns and the Qatari Prime Minister and Foreign Minister.",
  "Qatar said talks would resume in Doha, and negotiators will meet again next week in Doha.",
]);

describe("combineStatus: the newest report of the same thing wins", () => {
  const olderEvents = eventsOf(older);
  const newerEvents = eventsOf(newer);
  const combined = combineStatus([...olderEvents, ...newerEvents]);

  it("supersedes the older report of the same Doha meeting", () => {
    expect(byText(olderEvents, older, 1).date.value).toBe("2024-10-27");
    expect(byText(newerEvents, newer, 1).date.value).toBe("2024-10-27");
    expect(byText(combined, older, 1).superseded).toBe(true);
    expect(byText(combined, newer, 1).superseded).toBe(false);
  });

  it("keeps what the newer article does not report again (a stall, a meeting elsewhere)", () => {
    expect(byText(combined, older, 2)).toMatchObject({ category: "stalled", superseded: false });
    expect(byText(combined, older, 3)).toMatchObject({ place: "Cairo", superseded: false });
  });

  it("never lets two sentences of one article supersede each other", () => {
    const same = article("same", "2024-10-24", [
      "David Barnea will go to Doha next Sunday.",
      "David Barnea will go to Doha next Sunday, the office said.",
    ]);
    expect(combineStatus(eventsOf(same)).map((event) => event.superseded)).toEqual([false, false]);
  });

  it("does not depend on the order of its input, and leaves the input unchanged", () => {
    const reversed = combineStatus([...newerEvents, ...olderEvents]);
    const flags = (events: StatusEvent[]) =>
      Object.fromEntries(events.map((event) => [event.id, event.superseded]));
    expect(flags(reversed)).toEqual(flags(combined));
    expect([...olderEvents, ...newerEvents].every((event) => !event.superseded)).toBe(true);
  });

  it("lets a dated plan supersede an older undated plan for the same place", () => {
    const vague = article("vague", "2024-10-18", ["Israeli negotiators will travel to Doha for talks."]);
    const result = combineStatus([...eventsOf(vague), ...newerEvents]);
    expect(result.find((event) => event.articleId === "vague")?.superseded).toBe(true);
  });

  it("keeps meetings on different days apart, even two days apart", () => {
    const first = article("first", "2024-09-02", [
      "Negotiators met in Cairo on September 1 to discuss the hostages.",
    ]);
    const second = article("second", "2024-09-04", [
      "Negotiators met in Cairo on September 3 to discuss the hostages.",
    ]);
    const again = article("again", "2024-09-05", [
      "Negotiators met in Cairo on September 3, officials said.",
    ]);
    const result = combineStatus([...eventsOf(first), ...eventsOf(second), ...eventsOf(again)]);
    expect(result.map((event) => [event.articleId, event.superseded])).toEqual([
      ["first", false],
      ["second", true],
      ["again", false],
    ]);
  });

  it("does not merge different dates", () => {
    const later = article("later", "2024-10-25", [
      "David Barnea will go to Doha on November 3 to meet William Burns.",
    ]);
    const result = combineStatus([...newerEvents, ...eventsOf(later)]);
    expect(byText(result, newer, 1).superseded).toBe(false);
  });
});

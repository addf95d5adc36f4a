/**
 * Issue 13's categories on short sentences of our own: one or more per category, and the old names
 * they replace (categories.ts).
 */
import { describe, expect, it } from "vitest";
import { CATEGORIES, FAMILY, isTalkEvent, OLD_CATEGORIES } from "../../src/analysis/status/categories.js";
import { classifyStatus } from "../../src/analysis/status/rules.js";
import type { StatusCategory } from "../../src/analysis/types.js";

const TABLE: Array<[string, StatusCategory]> = [
  ["The two delegations will meet in Cairo on Tuesday.", "scheduled_meeting"],
  ["Mediators met the Hamas delegation in Doha on Monday.", "talks_held"],
  ["The round of talks planned for Thursday has been postponed to next week.", "talks_postponed"],
  ["Israel sent a delegation to Cairo on Sunday.", "delegation_sent"],
  ["The Israeli negotiating team arrived in Doha late on Tuesday.", "delegation_sent"],
  ["The prime minister recalled the negotiating team from Doha.", "delegation_recalled"],
  ["Egypt presented a new proposal to both sides on Wednesday.", "proposal_made"],
  ["The ceasefire plan announced in May is still on the table.", "proposal_on_table"],
  ["Hamas accepted the Egyptian proposal, a spokesman said.", "proposal_accepted"],
  ["Israel rejected the proposal on Sunday evening.", "proposal_rejected"],
  ["The group said it was studying the proposal.", "proposal_under_review"],
  ["Mediators circulated an amended draft of the text.", "proposal_amended"],
  ["Negotiations resumed in Doha after a two-week pause.", "talks_resuming"],
  ["The talks have stalled over the withdrawal of troops.", "stalled"],
  ["Israel suspended the negotiations after the attack.", "suspended"],
  ["Qatar suspended its mediation between the two sides.", "mediation_suspended"],
  ["The gaps over the second phase remain the main sticking point in the talks.", "obstacle"],
  ["Mediators set a Friday deadline for a response to the proposal.", "deadline"],
  ["Israel and Hamas reached a ceasefire deal on Wednesday.", "deal_reached"],
  ["The Israeli cabinet approved the agreement early on Saturday.", "deal_approved"],
  ["Implementation of the agreement began on Sunday.", "deal_implemented"],
  ["The truce took effect at noon on Sunday.", "ceasefire_started"],
  ["The ceasefire collapsed on Friday as air strikes resumed.", "ceasefire_ended"],
  ["Both sides accused each other of violating the truce.", "ceasefire_violated"],
  ["Three hostages were released in Gaza on Saturday.", "hostages_released"],
  ["Israel freed 90 Palestinian prisoners overnight.", "prisoners_released"],
  ["Critics believe the talks will fail.", "position"],
  ["The war has left thousands dead and wounded.", "background_event"],
];

describe("classifyStatus: one category per step of the talks", () => {
  it.each(TABLE)("%s -> %s", (sentence, category) => {
    expect(classifyStatus(sentence)).toBe(category);
  });

  it("covers every category", () => {
    expect(new Set(TABLE.map(([, category]) => category))).toEqual(new Set(CATEGORIES));
  });

  it("does not take a hope, a refusal or a denial for the step", () => {
    expect(classifyStatus("Mediators hope to reach a deal before the holiday.")).not.toBe("deal_reached");
    expect(classifyStatus("Hamas refused to release the hostages without a deal.")).not.toBe(
      "hostages_released",
    );
    expect(classifyStatus("Negotiators are pushing to free the hostages.")).not.toBe("hostages_released");
    expect(classifyStatus("Israel refused to send a delegation to the talks.")).toBe("obstacle");
  });

  it("tells a fighting that resumed from talks that resumed", () => {
    expect(classifyStatus("Fighting resumed on Friday, ending the truce.")).toBe("ceasefire_ended");
    expect(classifyStatus("Talks resumed on Friday in Doha.")).toBe("talks_resuming");
  });
});

describe("the category families and the old names", () => {
  it("leaves opinions and background out of the talk events", () => {
    expect(isTalkEvent("position")).toBe(false);
    expect(isTalkEvent("background_event")).toBe(false);
    expect(CATEGORIES.filter(isTalkEvent)).toHaveLength(25);
  });

  it("maps every old name to itself first, then to the finer names it now splits into", () => {
    for (const [old, now] of Object.entries(OLD_CATEGORIES)) {
      expect(now[0]).toBe(old);
      for (const category of now) expect(FAMILY[category]).toBeDefined();
    }
    // Every new category is what some old one now splits into.
    const covered = new Set(Object.values(OLD_CATEGORIES).flat());
    expect([...covered].sort()).toEqual([...CATEGORIES].sort());
  });
});

/**
 * A meeting's participants are those the sentence says meet (met, will meet, held talks with), not
 * every name in it: not the outlet that reports it, not the venue, not whoever is told
 * (src/analysis/status/participants.ts). Short texts of our own.
 */
import { describe, expect, it } from "vitest";
import { meetingParticipants } from "../../src/analysis/status/participants.js";
import { analyze } from "./fixture.js";

/** The names of each status event's participants. */
function participants(paragraphs: string[]): string[][] {
  const analysis = analyze(paragraphs);
  const nameOf = new Map(analysis.entities.map((e) => [e.id, e.name]));
  return analysis.status.map((event) => event.participants.map((id) => nameOf.get(id) ?? id));
}

describe("who meets", () => {
  it("lists those who meet, not the venue or the outlet that reports it", () => {
    const found = participants([
      "Lena Orvik met Hamas officials at the Rosewood Palace in Doha on Monday, the Harbor Herald reported.",
    ]);
    expect(found).toEqual([["Lena Orvik", "Hamas"]]);
  });

  it("leaves out whoever is told and keeps who will meet", () => {
    const found = participants([
      "Tomas Rell told the Harbor Herald that Ivo Marsh will meet Hamas leaders in Cairo.",
    ]);
    expect(found).toEqual([["Ivo Marsh", "Hamas"]]);
  });

  it("keeps both sides of 'held talks with'", () => {
    const found = participants(["Ivo Marsh held talks with Lena Orvik in Cairo on Sunday."]);
    expect(found).toEqual([["Ivo Marsh", "Lena Orvik"]]);
  });

  it("keeps the people of a body met ('officials from Hamas'); a meeting verb inside a quotation counts for nothing", () => {
    expect(participants(["Qatari officials met with officials from Hamas in Doha on Monday."])).toEqual([
      ["Hamas"],
    ]);
    const quoted = participants([
      "Ivo Marsh said during talks in Doha with Lena Orvik on Monday, “Our negotiators will meet soon.”",
    ]);
    expect(quoted[0]).toEqual(expect.arrayContaining(["Ivo Marsh", "Lena Orvik"]));
  });

  it("leaves events that are no meeting as they were", () => {
    const names = [{ id: "person:a", start: 0, end: 5, place: false }];
    expect(meetingParticipants("proposal_rejected", "Ann Lee met them.", names)).toBeNull();
    expect(meetingParticipants("talks_held", "Talks went on in Doha.", names)).toBeNull();
  });
});

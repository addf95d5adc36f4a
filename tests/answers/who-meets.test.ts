/**
 * "/who" Meets lists only those the sentence says meet: names in the clause of the meeting verb,
 * not the outlet that reported it, the place, or someone named in a later clause.
 */
import { describe, expect, it } from "vitest";
import { answerCommand } from "../../src/answers/dispatch.js";
import { buildKnowledgeBase } from "../../src/store/build.js";
import { article } from "../analysis/fixture.js";

function meets(paragraphs: string[], name: string): string | undefined {
  const kb = buildKnowledgeBase([article("2024-10-24-meets", paragraphs)]);
  const reply = answerCommand(kb, "who", { name });
  if (reply.kind !== "answer") throw new Error(reply.message);
  return reply.facts.find((f) => f.label === "Meets")?.value;
}

describe("/who meets", () => {
  it("lists the person met, not a source named after the clause or someone in a later clause", () => {
    expect(
      meets(
        [
          "Omar Haddad met Samir Fawzi in Doha before Lena Holt arrived, Harbor Daily editor Ivo Marsh reported.",
        ],
        "Omar Haddad",
      ),
    ).toBe("Samir Fawzi");
  });

  it("reads the meeting after a reporting clause ('said that X will meet Y')", () => {
    expect(meets(["Lena Holt said that Omar Haddad will meet Samir Fawzi on Sunday."], "Omar Haddad")).toBe(
      "Samir Fawzi",
    );
  });
});

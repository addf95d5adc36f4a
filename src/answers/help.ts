/** `/help`: what Parley answers and how, built from the command definitions. */
import { COMMANDS } from "../commands/definitions.js";
import type { Answer } from "./types.js";

export function answerHelp(): Answer {
  return {
    kind: "answer",
    command: "help",
    title: "Parley answers from news articles, quoting them word for word with citations",
    facts: COMMANDS.map((command) => ({ label: command.usage, value: command.description })),
    sections: [],
    notes: ["Every answer is verbatim sentences from the articles, each with its source and paragraph."],
  };
}

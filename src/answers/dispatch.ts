/**
 * The one entry from any edge (console, CLI, Discord) into the answers: checks the options against
 * the command definitions, cleans the text, and calls the pure answer function.
 */

import type { QuoteType } from "../analysis/types.js";
import { type CommandOptions, findCommand } from "../commands/definitions.js";
import type { KnowledgeBase } from "../index/knowledge-base.js";
import { answerAsk } from "./ask.js";
import { answerHelp } from "./help.js";
import { cleanQuery } from "./query-text.js";
import { answerQuote } from "./quote.js";
import { answerSources } from "./sources.js";
import { answerStatus } from "./status.js";
import type { CommandName, Reply } from "./types.js";
import { userError } from "./user-error.js";
import { answerWho } from "./who.js";

type Cleaned = Record<string, string | undefined>;

/** Cleans every string option; returns a user error for an empty required one or one too long. */
function cleanOptions(name: CommandName, options: CommandOptions): Cleaned | Reply {
  const definition = findCommand(name);
  const cleaned: Cleaned = {};
  for (const option of definition?.options ?? []) {
    if (option.type !== "string") continue;
    const raw = options[option.name];
    const result = cleanQuery(typeof raw === "string" ? raw : undefined, option.maxLength);
    if (result.ok && option.choices && !option.choices.includes(result.text.toLowerCase())) {
      return userError(name, `“${option.name}” must be one of: ${option.choices.join(", ")}.`, [
        `Usage: ${definition?.usage ?? name}`,
      ]);
    }
    if (result.ok) {
      cleaned[option.name] = option.choices ? result.text.toLowerCase() : result.text;
    } else if (result.reason === "too-long") {
      return userError(name, `“${option.name}” is too long: at most ${option.maxLength} characters.`, [
        `Try ${definition?.usage ?? name} with a few words.`,
      ]);
    } else if (option.required) {
      return userError(name, `Please give ${option.name === "name" ? "a name" : `the ${option.name}`}.`, [
        `Usage: ${definition?.usage ?? name}`,
      ]);
    }
  }
  return cleaned;
}

/**
 * Answers one command. Pure apart from reading `kb`; never throws for bad input (a UserError says
 * what is wrong), so an exception here is a bug.
 *
 * @example
 * answerCommand(kb, "who", { name: "Barnea" }) // Answer titled "David Barnea"
 */
export function answerCommand(kb: KnowledgeBase, name: string, options: CommandOptions = {}): Reply {
  const definition = findCommand(name);
  if (!definition) {
    return userError(null, `Unknown command “${name}”.`, ["/help lists what Parley can answer."]);
  }
  const cleaned = cleanOptions(definition.name, options);
  if ("kind" in cleaned && (cleaned.kind === "user-error" || cleaned.kind === "answer"))
    return cleaned as Reply;
  const text = cleaned as Cleaned;
  switch (definition.name) {
    case "ask":
      return answerAsk(kb, text.question ?? "");
    case "sources":
      return answerSources(kb);
    case "help":
      return answerHelp();
    case "who":
      return answerWho(kb, text.name ?? "");
    case "quote":
      return answerQuote(kb, text.name ?? "", {
        about: text.about,
        type: text.type as QuoteType | undefined,
        unclear: options.unclear === true || options.unclear === "true",
      });
    case "status":
      return answerStatus(kb, text.topic);
    case "add":
      // Handled by the Discord edge (src/discord/handle-add.ts); elsewhere it is `parley add`.
      return userError("add", "/add is for moderators on Discord.", [
        "On the command line: parley add URL (see parley --help).",
      ]);
  }
}

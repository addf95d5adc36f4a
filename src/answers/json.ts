/** The `--json` form of a reply: the answer object itself, with the version of its shape. */
import { ANSWER_VERSION, type Reply } from "./types.js";

/**
 * @example
 * answerJson(answerCommand(kb, "who", { name: "Barnea" })) // '{ "version": 2, "kind": "answer", ... }'
 */
export function answerJson(reply: Reply): string {
  return JSON.stringify({ version: ANSWER_VERSION, ...reply }, null, 2);
}

/**
 * The local console: type the slash commands as on Discord and read the answers. It is the main
 * way to use Parley without a Discord token, and the quickest way to check the knowledge folder.
 */

import { createInterface } from "node:readline/promises";
import type { Readable, Writable } from "node:stream";
import { answerCommand } from "../answers/dispatch.js";
import { answerJson } from "../answers/json.js";
import { parseCommandLine } from "../cli/parse-command-line.js";
import type { KnowledgeBase } from "../index/knowledge-base.js";
import { renderText } from "./render-text.js";

export interface ConsoleOptions {
  /** A knowledge store or a snapshot store: only its current knowledge is read. */
  store: { current(): KnowledgeBase };
  input: Readable;
  output: Writable;
  /** Print answer objects as JSON instead of text. */
  json: boolean;
}

const PROMPT = "parley> ";

/**
 * Runs the prompt until `/quit`, `exit` or end of input.
 *
 * @example
 * await runConsole({ store, input: process.stdin, output: process.stdout, json: false });
 */
export async function runConsole({ store, input, output, json }: ConsoleOptions): Promise<void> {
  const terminal = (output as { isTTY?: boolean }).isTTY === true;
  const rl = createInterface({ input, output, terminal, historySize: 200, prompt: PROMPT });
  const write = (text: string): void => {
    output.write(`${text}\n`);
  };
  write(
    "Type a command such as /who Barnea, /quote Blinken, /status talks, /ask Doha; /help lists them; /quit leaves.",
  );
  rl.prompt();
  for await (const line of rl) {
    const trimmed = line.trim();
    if (trimmed === "") {
      write("Type a command, e.g. /who Barnea (or /help).");
    } else if (/^\/?(quit|exit)$/i.test(trimmed)) {
      break;
    } else {
      const parsed = parseCommandLine(trimmed);
      if (!parsed.ok) {
        write(parsed.message);
      } else {
        const reply = answerCommand(store.current(), parsed.name, parsed.options);
        write(json ? answerJson(reply) : renderText(reply));
      }
    }
    rl.prompt();
  }
  rl.close();
}

/**
 * Turns what a user types (`/quote Blinken about hostages`, `who name:Barnea`) into a command name
 * and options, using the command definitions: words fill the first string option until the name
 * of another option starts the next one.
 */
import { type CommandOptions, findCommand } from "../commands/definitions.js";

export type ParsedCommandLine =
  | { ok: true; name: string; options: CommandOptions }
  | { ok: false; message: string };

/**
 * @example
 * parseCommandLine("/quote Blinken about hostages")
 * // { ok: true, name: "quote", options: { name: "Blinken", about: "hostages" } }
 */
export function parseCommandLine(line: string): ParsedCommandLine {
  const words = line.trim().split(/\s+/).filter(Boolean);
  const first = words.shift();
  if (!first) return { ok: false, message: "Type a command, e.g. /who Barnea (or /help)." };
  const name = first.replace(/^\//, "").toLowerCase();
  const definition = findCommand(name);
  if (!definition) {
    return {
      ok: false,
      message: `Unknown command “${first}”. Commands: /who, /quote, /status, /ask, /sources, /help.`,
    };
  }
  const stringOptions = definition.options.filter((option) => option.type === "string");
  const options: CommandOptions = {};
  let current = stringOptions[0]?.name;
  const collected = new Map<string, string[]>();
  for (const word of words) {
    // Discord style: name:value
    const keyed = /^([a-z]+):(.*)$/.exec(word);
    if (keyed?.[1] && definition.options.some((option) => option.name === keyed[1])) {
      const option = definition.options.find((o) => o.name === keyed[1]);
      if (option?.type === "boolean") {
        options[keyed[1]] = /^(true|yes|1)$/i.test(keyed[2] ?? "");
        continue;
      }
      current = keyed[1];
      if (keyed[2]) collected.set(current, [...(collected.get(current) ?? []), keyed[2]]);
      continue;
    }
    // Console style: a later option's name starts it (`about hostages`).
    const named = stringOptions.find((option, i) => i > 0 && option.name === word.toLowerCase());
    if (named && current !== named.name && (collected.get(current ?? "")?.length ?? 0) > 0) {
      current = named.name;
      continue;
    }
    if (!current) return { ok: false, message: `${definition.usage} takes no words.` };
    collected.set(current, [...(collected.get(current) ?? []), word]);
  }
  for (const [key, value] of collected) options[key] = value.join(" ");
  return { ok: true, name: definition.name, options };
}

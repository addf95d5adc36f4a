/** Builders for user errors (problems with the request, shown privately with suggestions). */
import type { CommandName, UserError } from "./types.js";

export function userError(
  command: CommandName | null,
  message: string,
  suggestions: string[] = [],
): UserError {
  return { kind: "user-error", command, message, suggestions };
}
